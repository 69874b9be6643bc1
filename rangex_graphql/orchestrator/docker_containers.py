"""A session's machines as Docker containers: creating them, and reading them back.

One container per machine: labels, NanoCpus, memory (no swap) and pids limits, ``Init``,
every capability dropped (an allow-list added back), allow-listed sysctls and ulimits,
no-new-privileges, never privileged, no mounts at all (so never the engine's socket), never
the host's network; published ports bound to ``publish_host`` on ephemeral
host ports, reported in the handles. A machine with a healthcheck is running (for
provisioning and status) only once the engine reports it healthy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from aiodocker.containers import DockerContainer
from aiodocker.exceptions import DockerError
from aiodocker.networks import DockerNetwork

from rangex_graphql.orchestrator.docker_engine import (
    ENGINE_ERRORS,
    DockerDriverConfig,
    Engine,
    reason,
)
from rangex_graphql.orchestrator.docker_networks import (
    LABEL_HOME_NETWORK,
    SessionLayout,
    outer_role,
)
from rangex_graphql.orchestrator.docker_registry import pull
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_ROLE,
    EngineUnavailable,
    MachineHandle,
    MachineRole,
    MachineSpec,
    MachineState,
    MachineStatus,
    PortSpec,
    ProvisionFailed,
    PublishedPort,
    SessionPlan,
)
from rangex_graphql.orchestrator.provisioning import Attempt

MIB = 1024 * 1024
SECOND = 1_000_000_000  # the engine counts healthcheck times in nanoseconds
HEALTH_POLL_SECONDS = 0.25

_STATES = {
    "created": MachineState.PENDING,
    "running": MachineState.RUNNING,
    "paused": MachineState.PAUSED,
    "exited": MachineState.EXITED,
    "dead": MachineState.EXITED,
}


class Containers:
    def __init__(self, config: DockerDriverConfig, engine: Engine) -> None:
        self.config = config
        self._engine = engine

    # -- creating ----------------------------------------------------------------------

    async def create(
        self, plan: SessionPlan, spec: MachineSpec, attempt: Attempt, layout: SessionLayout
    ) -> str:
        """Create the machine's container (pulling a missing image); returns its id."""
        sid = plan.session_id
        docker = self._engine()
        # A machine on an outer network is created there (its default route); else on its
        # home network. It joins its other internal networks, under its name, before it
        # starts.
        role = outer_role(spec)
        joined = layout.networks_of[spec.name]
        primary = f"{self.config.network_name(sid)}-{role}" if role else joined[0]
        config = self._config(plan, spec, attempt.id, primary, alias=role is None)
        config["Labels"][LABEL_HOME_NETWORK] = joined[0]
        name = self.config.container_name(sid, spec.name)
        try:
            container = await attempt.creating(docker.containers.create(config, name=name))
        except DockerError as exc:
            if exc.status != 404:
                raise
            if not self.config.pull_missing_images:
                raise ProvisionFailed(sid, spec.name, exc.message) from exc
            try:
                await pull(docker, spec.image, spec.registry_auth, self.config.pull_timeout)
            except ENGINE_ERRORS as pull_exc:
                raise ProvisionFailed(
                    sid, spec.name, f"image {spec.image} is not available: {reason(pull_exc)}"
                ) from pull_exc
            container = await attempt.creating(docker.containers.create(config, name=name))
        attempt.record("container", container.id)
        for network in joined if role is not None else joined[1:]:
            await DockerNetwork(docker, network).connect(  # type: ignore[no-untyped-call]
                {"Container": container.id, "EndpointConfig": {"Aliases": [spec.name]}}
            )
        return container.id

    def _config(
        self, plan: SessionPlan, spec: MachineSpec, attempt_id: str, network: str, alias: bool
    ) -> dict[str, Any]:
        host_config: dict[str, Any] = {
            "NanoCpus": round(spec.cpu * 1e9),
            "Memory": spec.memory_mib * MIB,
            "MemorySwap": spec.memory_mib * MIB,
            "PidsLimit": spec.pids_limit,
            "Init": True,
            "Privileged": False,
            "CapDrop": ["ALL"],
            "CapAdd": sorted(spec.capabilities),
            "SecurityOpt": ["no-new-privileges"],
            "NetworkMode": network,
            "PortBindings": {
                f"{p.port}/{p.protocol}": [{"HostIp": self.config.publish_host, "HostPort": ""}]
                for p in spec.published_ports
            },
            "RestartPolicy": {"Name": "no"},
            "LogConfig": {
                "Type": "json-file",
                "Config": {"max-size": self.config.log_max_size, "max-file": "1"},
            },
        }
        if spec.sysctls:
            host_config["Sysctls"] = dict(spec.sysctls)
        if spec.ulimits:
            host_config["Ulimits"] = [
                {"Name": name, "Soft": limit, "Hard": limit}
                for name, limit in sorted(spec.ulimits.items())
            ]
        config: dict[str, Any] = {
            "Image": spec.image,
            "Hostname": spec.name,
            "Labels": {**plan.machine_labels(spec), LABEL_PROVISION: attempt_id},
            "Env": [f"{k}={v}" for k, v in spec.environment.items()],
            "ExposedPorts": {f"{p.port}/{p.protocol}": {} for p in spec.ports},
            "HostConfig": host_config,
            "NetworkingConfig": {
                "EndpointsConfig": {network: {"Aliases": [spec.name]} if alias else {}}
            },
        }
        if spec.command is not None:
            config["Cmd"] = list(spec.command)
        if spec.healthcheck is not None:
            check = spec.healthcheck
            config["Healthcheck"] = {
                "Test": ["CMD-SHELL", check.command],
                "Interval": check.interval * SECOND,
                "Timeout": check.timeout * SECOND,
                "Retries": check.retries,
                "StartPeriod": check.start_period * SECOND,
            }
        return config

    async def wait_healthy(
        self, session_id: str, specs: Sequence[MachineSpec], container_ids: Sequence[str]
    ) -> None:
        """Return once every machine with a healthcheck is healthy; ProvisionFailed when
        one turns unhealthy, stops, or is not healthy in the time its healthcheck allows
        (start period, then every retry's interval and timeout, and a little more)."""
        docker = self._engine()
        waiting = {
            cid: spec for spec, cid in zip(specs, container_ids, strict=True) if spec.healthcheck
        }

        async def healthy(cid: str, spec: MachineSpec) -> None:
            check = spec.healthcheck
            assert check is not None
            allowed = check.start_period + check.retries * (check.interval + check.timeout) + 5
            deadline = asyncio.get_running_loop().time() + allowed
            while True:
                state = (await docker.containers.container(cid).show())["State"]
                health = (state.get("Health") or {}).get("Status")
                if health == "healthy":
                    return
                if health == "unhealthy" or not state.get("Running"):
                    why = "unhealthy" if state.get("Running") else "stopped"
                    raise ProvisionFailed(session_id, spec.name, f"{why} before healthy")
                if asyncio.get_running_loop().time() > deadline:
                    raise ProvisionFailed(
                        session_id, spec.name, f"not healthy after {allowed} seconds"
                    )
                await asyncio.sleep(HEALTH_POLL_SECONDS)

        await asyncio.gather(*(healthy(cid, spec) for cid, spec in waiting.items()))

    # -- reading back ------------------------------------------------------------------

    async def statuses(self, containers: Sequence[DockerContainer]) -> list[MachineStatus]:
        """The containers' states, by machine name; raises what the engine raised."""
        infos = await asyncio.gather(*(c.show() for c in containers), return_exceptions=True)
        statuses: list[MachineStatus] = []
        for container, info in zip(containers, infos, strict=True):
            if isinstance(info, BaseException):
                if isinstance(info, DockerError) and info.status == 404:
                    continue  # removed since the listing
                raise EngineUnavailable(f"status of {container.id}: {reason(info)}") from info
            state = info["State"]
            machine_state = _STATES.get(state.get("Status", ""), MachineState.UNKNOWN)
            exited = machine_state is MachineState.EXITED
            # With a healthcheck, running means healthy: starting or unhealthy is pending.
            health = (state.get("Health") or {}).get("Status")
            if machine_state is MachineState.RUNNING and health not in (None, "healthy"):
                machine_state = MachineState.PENDING
            statuses.append(
                MachineStatus(
                    name=info["Config"]["Labels"].get(LABEL_MACHINE, info["Name"].lstrip("/")),
                    resource_id=container.id,
                    state=machine_state,
                    exit_code=state.get("ExitCode") if exited else None,
                    oom_killed=bool(state.get("OOMKilled")),
                    detail=state.get("Error") or (f"health: {health}" if health else ""),
                )
            )
        return sorted(statuses, key=lambda s: s.name)

    def handle_of(self, session_id: str, info: dict[str, Any]) -> MachineHandle:
        """A handle read back from an existing container (its labels and bindings)."""
        config = info.get("Config") or {}
        labels: dict[str, str] = config.get("Labels") or {}
        bound = (info.get("NetworkSettings") or {}).get("Ports") or {}
        published = []
        for key, bindings in sorted(bound.items()):
            port, _, protocol = key.partition("/")
            if bindings and protocol in ("tcp", "udp"):
                published.append(PortSpec(int(port), "udp" if protocol == "udp" else "tcp", True))
        role = labels.get(LABEL_ROLE, "")
        return self.handle(
            session_id,
            labels.get(LABEL_MACHINE, ""),
            MachineRole(role) if role in set(MachineRole) else MachineRole.INTERNAL,
            str(config.get("Image") or ""),
            published,
            str(info.get("Id") or ""),
            info,
        )

    def handle(
        self,
        session_id: str,
        name: str,
        role: MachineRole,
        image: str,
        published_ports: Sequence[PortSpec],
        container_id: str,
        info: dict[str, Any],
    ) -> MachineHandle:
        settings = info.get("NetworkSettings") or {}
        labels = (info.get("Config") or {}).get("Labels") or {}
        # The address on its home network (containers made before segmentation: the one
        # session network).
        network = labels.get(LABEL_HOME_NETWORK) or self.config.network_name(session_id)
        endpoint = (settings.get("Networks") or {}).get(network) or {}
        ports = settings.get("Ports") or {}
        published: list[PublishedPort] = []
        for port in published_ports:
            bindings = ports.get(f"{port.port}/{port.protocol}") or []
            # Docker may add an IPv6 twin for 0.0.0.0; report the configured address.
            binding = next(
                (b for b in bindings if b.get("HostIp") == self.config.publish_host),
                bindings[0] if bindings else None,
            )
            if binding is None:
                raise ProvisionFailed(
                    session_id, name, f"port {port.port}/{port.protocol} was not published"
                )
            published.append(
                PublishedPort(port.port, port.protocol, binding["HostIp"], int(binding["HostPort"]))
            )
        return MachineHandle(
            name=name,
            role=role,
            image=image,
            resource_id=container_id,
            address=endpoint.get("IPAddress") or None,
            published=tuple(published),
        )
