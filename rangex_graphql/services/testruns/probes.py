"""Looking at a test session over the network, where the engine lets us.

On Docker the API host reaches published ports, and a probe runs inside a machine's
container (``docker exec`` of busybox ``nc``) to try a connection to another machine; the
engine reports each container's health. The simulated engine has no network at all, and
the ECS tasks' addresses are inside their VPC (moto's tasks are not even real), so there
the checks that need a network are SKIPPED with the reason ``network_unavailable`` gives.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from enum import StrEnum

import aiodocker
import aiohttp

from ...orchestrator import Driver
from ...orchestrator.protocol import LABEL_MACHINE, LABEL_SESSION

SIMULATED_REASON = "the simulated engine has no network to probe"
ECS_REASON = (
    "network checks do not run on ECS: the tasks' addresses are inside their VPC, "
    "out of the API host's reach"
)
NO_PROBE_TOOL = 127  # the shell's "command not found"


class Reach(StrEnum):
    REACHABLE = "REACHABLE"
    UNREACHABLE = "UNREACHABLE"
    NO_TOOL = "NO_TOOL"  # the machine has no nc to probe with


#: How long a connection must stay open (or send something) to count as answered.
ANSWER_WAIT_SECONDS = 0.5


async def tcp_connect(host: str, port: int, seconds: float) -> str | None:
    """None when a TCP connection from this host opens and something answers; why not
    otherwise. A connection closed at once counts as no answer: Docker's port proxy
    accepts on the host even when nothing listens in the container, then hangs up."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), seconds)
    except (OSError, TimeoutError) as error:
        return str(error) or type(error).__name__
    why = "closed at once"
    try:
        first = await asyncio.wait_for(reader.read(1), ANSWER_WAIT_SECONDS)
    except TimeoutError:
        first = b"-"  # open and waiting for the client: a server listens
    except OSError as error:
        first, why = b"", f"reset ({error})"
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    if not first:
        return f"the connection was {why}: nothing answers behind the port"
    return None


async def tcp_banner(host: str, port: int, seconds: float) -> bytes:
    """The first bytes a TCP service sends on connect (an SSH server's ``SSH-2.0-…``)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), seconds)
    try:
        return await asyncio.wait_for(reader.read(64), seconds)
    finally:
        writer.close()


def reachable_host(host: str) -> str:
    """Where to connect to a port published on ``host`` (all interfaces: the loopback)."""
    return "127.0.0.1" if host in ("", "0.0.0.0", "::") else host


@dataclass
class DockerProbe:
    """Probes on a Docker Engine, through a client of its own (not the driver's)."""

    url: str
    timeout: float

    async def _containers(
        self, docker: aiodocker.Docker, session_id: str
    ) -> dict[str, aiodocker.containers.DockerContainer]:
        found = await docker.containers.list(
            all=True, filters=json.dumps({"label": [f"{LABEL_SESSION}={session_id}"]})
        )
        return {c["Labels"].get(LABEL_MACHINE, ""): c for c in found}

    async def health(self, session_id: str) -> dict[str, str | None]:
        """Each machine's health as the engine reports it (None: no healthcheck)."""
        async with self._client() as docker:
            result: dict[str, str | None] = {}
            for name, container in (await self._containers(docker, session_id)).items():
                state = (await container.show())["State"]
                result[name] = (state.get("Health") or {}).get("Status")
            return result

    async def reach(self, session_id: str, machine: str, address: str, port: int) -> Reach:
        """Whether ``machine`` opens a TCP connection to ``address:port``."""
        async with self._client() as docker:
            container = (await self._containers(docker, session_id)).get(machine)
            if container is None:
                return Reach.NO_TOOL
            execution = await container.exec(
                ["nc", "-w", str(max(1, int(self.timeout))), address, str(port)],
                stdin=False,
                stdout=True,
                stderr=True,
            )
            try:
                async with asyncio.timeout(self.timeout + 2):
                    stream = execution.start(detach=False)
                    async with stream:
                        while await stream.read_out() is not None:
                            pass
                    code = (await execution.inspect()).get("ExitCode")
            except TimeoutError:
                return Reach.UNREACHABLE
            if code == 0:
                return Reach.REACHABLE
            return Reach.NO_TOOL if code in (NO_PROBE_TOOL, 126) else Reach.UNREACHABLE

    def _client(self) -> aiodocker.Docker:
        return aiodocker.Docker(
            url=self.url, timeout=aiohttp.ClientTimeout(total=self.timeout + 30)
        )


def network_probe(driver: Driver, timeout: float) -> DockerProbe | str:
    """The probe for the runtime's engine, or why there is none."""
    from ...observability.orchestrator_calls import engine_driver
    from ...orchestrator.docker import DockerDriver

    driver = engine_driver(driver)

    if isinstance(driver, DockerDriver):
        return DockerProbe(driver.config.docker_url, timeout)
    from ...orchestrator.ecs import EcsDriver

    if isinstance(driver, EcsDriver):
        return ECS_REASON
    return SIMULATED_REASON
