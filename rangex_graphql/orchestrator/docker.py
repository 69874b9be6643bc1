"""The Docker driver: a session's machines as containers on one Docker Engine (aiodocker).

Per session: its networks (``docker_networks``: internal ones per network group as the
machines' access flags say, see ``segmentation``, and egress and access networks for the
machines that need them) and a container per machine
(``docker_containers``), with its EMBEDDED assets put in before it starts
(``docker_assets``). The driver composes them and watches the engine's events.

A failed or cancelled provisioning removes everything it created before raising: the
ids it got back plus whatever carries its one-off ``rangex.provision`` label.
"""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import aiodocker
import aiohttp
from aiodocker.containers import DockerContainer
from aiodocker.exceptions import DockerError
from aiodocker.networks import DockerNetwork

from rangex_graphql.orchestrator import docker_registry
from rangex_graphql.orchestrator._common import SessionLocks
from rangex_graphql.orchestrator.docker_assets import place_assets, read_objects
from rangex_graphql.orchestrator.docker_containers import Containers
from rangex_graphql.orchestrator.docker_engine import (
    ENGINE_ERRORS,
    DockerDriverConfig,
    engine,
    label_filter,
    reason,
)
from rangex_graphql.orchestrator.docker_networks import SessionNetworks
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_SESSION,
    AssetSource,
    Driver,
    EngineEvent,
    EngineUnavailable,
    EventKind,
    MachineHandle,
    MachineStatus,
    OperationFailed,
    ProvisionFailed,
    SessionExists,
    SessionNotFound,
    SessionPlan,
    validate_plan,
)
from rangex_graphql.orchestrator.provisioning import Attempt, Rollbacks, each
from rangex_graphql.orchestrator.registry import RegistryAuth

__all__ = ["DockerDriver", "DockerDriverConfig"]

log = logging.getLogger(__name__)


class DockerDriver:
    """A :class:`~rangex_graphql.orchestrator.protocol.Driver` for one Docker Engine.

    Create it anywhere; it connects on first use, from inside the event loop.
    """

    def __init__(
        self, config: DockerDriverConfig | None = None, *, assets: AssetSource | None = None
    ) -> None:
        self.config = config or DockerDriverConfig()
        self.assets = assets  # where EMBEDDED assets are read (docker_assets)
        self._client: aiodocker.Docker | None = None
        self._closed = False
        self._locks = SessionLocks()
        self._rollbacks = Rollbacks(settle_timeout=self.config.api_timeout)
        self._session_networks = SessionNetworks(self.config, self._docker)
        self._machine_containers = Containers(self.config, self._docker)
        # Containers this driver is removing, with the time it started: their die and
        # destroy events are the driver's own doing, not news.
        self._removing: collections.OrderedDict[str, float] = collections.OrderedDict()
        self._streams: set[aiohttp.ClientResponse] = set()

    def _docker(self) -> aiodocker.Docker:
        if self._closed:
            raise EngineUnavailable("the Docker driver is closed")
        if self._client is None:
            self._client = aiodocker.Docker(
                url=self.config.docker_url,
                timeout=aiohttp.ClientTimeout(total=self.config.api_timeout),
            )
        return self._client

    # -- private registries (registry.RegistryAccess) ------------------------------------

    async def registry_login(self, auth: RegistryAuth) -> None:
        await docker_registry.login(self._docker(), auth)

    async def pinned_reference(self, image_ref: str, auth: RegistryAuth | None) -> str | None:
        return await docker_registry.pinned_reference(
            self._docker(), image_ref, auth, self.config.pull_timeout
        )

    # -- ping, status, list_owned --------------------------------------------------------

    async def ping(self) -> None:
        if self._closed:
            raise EngineUnavailable("the Docker driver is closed")
        # On a connection of its own: an engine shutting down closes its listener first
        # but still answers on the connections already open (the client's pool).
        client = aiodocker.Docker(
            url=self.config.docker_url,
            timeout=aiohttp.ClientTimeout(total=min(self.config.api_timeout, 10.0)),
        )
        try:
            with engine("ping"):
                await client.version()
        finally:
            await client.close()

    async def status(self, session_id: str) -> list[MachineStatus]:
        with engine("status"):
            containers = await self._containers(f"{LABEL_SESSION}={session_id}")
            return await self._machine_containers.statuses(containers)

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        """:meth:`status` of each session, from one listing of every session's containers.

        Each container is still inspected (the listing has no exit code nor OOM flag).
        """
        containers_of: dict[str, list[DockerContainer]] = {s: [] for s in session_ids}
        if not containers_of:
            return {}
        with engine("status"):
            for container in await self._containers(LABEL_SESSION):
                found = containers_of.get(container["Labels"][LABEL_SESSION])
                if found is not None:
                    found.append(container)
            sessions = list(containers_of)
            statuses = await asyncio.gather(
                *(self._machine_containers.statuses(containers_of[s]) for s in sessions)
            )
        return dict(zip(sessions, statuses, strict=True))

    async def list_owned(self) -> dict[str, list[str]]:
        with engine("list owned"):
            containers = await self._containers(LABEL_SESSION)
            networks = await self._networks(LABEL_SESSION)
        owned: dict[str, list[str]] = {}
        for net in networks:
            owned.setdefault(net["Labels"][LABEL_SESSION], []).append(f"network:{net['Id']}")
        for container in containers:
            sid = container["Labels"][LABEL_SESSION]
            owned.setdefault(sid, []).append(f"container:{container.id}")
        return owned

    async def _containers(self, label: str) -> list[DockerContainer]:
        return await self._docker().containers.list(all=True, filters=label_filter(label))

    async def _networks(self, label: str) -> list[dict[str, Any]]:
        return await self._docker().networks.list(filters={"label": label})

    # -- provision ---------------------------------------------------------------------

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        validate_plan(plan)
        sid = plan.session_id
        async with self._locks.hold(sid):
            with engine("provision"):
                label = f"{LABEL_SESSION}={sid}"
                if await self._containers(label) or await self._networks(label):
                    raise SessionExists(sid)
            attempt = Attempt()
            try:
                return await self._provision(plan, attempt)
            except BaseException as exc:
                await self._rollbacks.roll_back(sid, attempt)
                if isinstance(exc, ENGINE_ERRORS):
                    raise ProvisionFailed(sid, None, reason(exc)) from exc
                raise

    async def _provision(self, plan: SessionPlan, attempt: Attempt) -> list[MachineHandle]:
        sid = plan.session_id
        attempt.on_undo(
            lambda: self._remove(
                sid,
                f"{LABEL_PROVISION}={attempt.id}",
                containers=attempt.created("container"),
                networks=attempt.created("network"),
            )
        )
        objects = await read_objects(sid, plan.machines, self.assets)
        labels = {**plan.session_labels(), LABEL_PROVISION: attempt.id}
        layout = await self._session_networks.create(plan, labels, attempt)
        containers = self._machine_containers
        created_ids = await self._each(
            plan, [containers.create(plan, m, attempt, layout) for m in plan.machines]
        )
        docker = self._docker()
        await self._each(
            plan,
            [
                place_assets(sid, docker, cid, m, objects)
                for m, cid in zip(plan.machines, created_ids, strict=True)
            ],
        )
        await self._each(plan, [docker.containers.container(cid).start() for cid in created_ids])
        await containers.wait_healthy(sid, plan.machines, created_ids)
        infos = await self._each(
            plan, [docker.containers.container(cid).show() for cid in created_ids]
        )
        handles: list[MachineHandle] = []
        for spec, cid, info in zip(plan.machines, created_ids, infos, strict=True):
            state = info["State"]
            if not state.get("Running"):
                why = state.get("Error") or f"exited at once with code {state.get('ExitCode')}"
                raise ProvisionFailed(sid, spec.name, why)
            handles.append(
                containers.handle(
                    sid, spec.name, spec.role, spec.image, spec.published_ports, cid, info
                )
            )
        return handles

    async def _each(self, plan: SessionPlan, calls: Sequence[Awaitable[Any]]) -> list[Any]:
        """Await one call per machine; raise ProvisionFailed for the first that failed."""
        return await each(
            [m.name for m in plan.machines],
            calls,
            engine_errors=ENGINE_ERRORS,
            machine_failed=lambda name, exc: ProvisionFailed(plan.session_id, name, reason(exc)),
        )

    # -- pause, resume, destroy --------------------------------------------------------

    async def pause(self, session_id: str) -> None:
        await self._switch(session_id, "pause", "running")

    async def resume(self, session_id: str) -> list[MachineHandle]:
        """Unpause; the containers keep their ids and addresses (re-read all the same)."""
        containers = await self._switch(session_id, "unpause", "paused")
        try:
            infos = await asyncio.gather(*(c.show() for c in containers))
        except ENGINE_ERRORS as exc:
            raise OperationFailed(session_id, "unpause", reason(exc)) from exc
        handles = [self._machine_containers.handle_of(session_id, info) for info in infos]
        return sorted(handles, key=lambda h: h.name)

    async def _switch(self, session_id: str, action: str, source: str) -> list[DockerContainer]:
        async with self._locks.hold(session_id):
            try:
                containers = await self._containers(f"{LABEL_SESSION}={session_id}")
                if not containers:
                    raise SessionNotFound(session_id)
                targets = [c for c in containers if c["State"] == source]
                results = await asyncio.gather(
                    *(c.pause() if action == "pause" else c.unpause() for c in targets),
                    return_exceptions=True,
                )
            except ENGINE_ERRORS as exc:
                raise OperationFailed(session_id, action, reason(exc)) from exc
            for result in results:
                if isinstance(result, DockerError) and result.status == 409:
                    continue  # changed state meanwhile (already paused, exited, ...)
                if isinstance(result, BaseException):
                    raise OperationFailed(session_id, action, reason(result)) from result
            return containers

    async def destroy(self, session_id: str) -> None:
        async with self._locks.hold(session_id):
            await self._remove(session_id, f"{LABEL_SESSION}={session_id}")

    async def _remove(
        self,
        session_id: str,
        label: str,
        *,
        containers: Sequence[str] = (),
        networks: Sequence[str] = (),
        attempts: int = 6,
    ) -> None:
        """Remove the containers, then the networks, with ``label`` (and these ids)."""
        problem = ""
        for _ in range(attempts):
            try:
                container_ids = set(containers) | {c.id for c in await self._containers(label)}
                network_ids = set(networks) | {n["Id"] for n in await self._networks(label)}
            except ENGINE_ERRORS as exc:
                problems = [reason(exc)]
            else:
                if not container_ids and not network_ids:
                    return
                problems = [
                    p
                    for p in await asyncio.gather(*map(self._delete_container, container_ids))
                    if p
                ]
                if not problems:  # a network goes once its containers are gone
                    problems = [
                        p
                        for p in await asyncio.gather(*map(self._delete_network, network_ids))
                        if p
                    ]
                if not problems:
                    containers, networks = (), ()
                    problem = (
                        f"{len(container_ids)} containers and {len(network_ids)} networks"
                        " were still listed after their removal"
                    )
                    continue  # the next listing shows that nothing is left
            problem = "; ".join(problems)
            await asyncio.sleep(0.2)
        raise OperationFailed(session_id, "destroy", problem)

    async def _delete_container(self, container_id: str) -> str | None:
        self._removing[container_id] = time.time()
        while len(self._removing) > 10_000:
            self._removing.popitem(last=False)
        try:
            await (
                self._docker()
                .containers.container(container_id)
                .delete(force=True, v=True, timeout=self.config.api_timeout)
            )
        except DockerError as exc:
            if exc.status == 404:
                return None
            return f"container {container_id[:12]}: {reason(exc)}"
        except ENGINE_ERRORS as exc:
            return f"container {container_id[:12]}: {reason(exc)}"
        return None

    async def _delete_network(self, network_id: str) -> str | None:
        try:
            network = DockerNetwork(self._docker(), network_id)  # type: ignore[no-untyped-call]
            await network.delete()
        except DockerError as exc:
            if exc.status == 404:
                return None
            return f"network {network_id[:12]}: {reason(exc)}"
        except ENGINE_ERRORS as exc:
            return f"network {network_id[:12]}: {reason(exc)}"
        return None

    # -- events ------------------------------------------------------------------------

    def events(self) -> AsyncIterator[EngineEvent]:
        # The start time is taken now, not at the first __anext__: the engine replays
        # what happened in between.
        return self._event_stream(time.time())

    async def _event_stream(self, since: float) -> AsyncIterator[EngineEvent]:
        filters = label_filter(LABEL_SESSION, type=["container"], event=["die", "oom", "destroy"])
        last_nano = int(since * 1e9)
        backoff = 0.2
        while not self._closed:
            try:
                docker = self._docker()
                async with docker._query(
                    "events",
                    params={"since": f"{last_nano / 1e9:.9f}", "filters": filters},
                    timeout=aiohttp.ClientTimeout(
                        total=None, sock_read=None, connect=self.config.api_timeout
                    ),
                ) as response:
                    self._streams.add(response)
                    try:
                        async for line in response.content:
                            if not line.strip():
                                continue
                            data = json.loads(line)
                            nano = int(data.get("timeNano") or data.get("time", 0) * 10**9)
                            if nano < last_nano:
                                continue
                            last_nano = nano
                            event = self._engine_event(data, nano)
                            if event is not None:
                                yield event
                            backoff = 0.2
                    finally:
                        self._streams.discard(response)
            except (*ENGINE_ERRORS, EngineUnavailable, ValueError) as exc:
                if self._closed:
                    return
                log.warning("Docker event stream broke (%s); reconnecting", reason(exc))
            if self._closed:
                return
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 10.0)

    def _engine_event(self, data: dict[str, Any], nano: int) -> EngineEvent | None:
        actor = data.get("Actor") or {}
        attributes: dict[str, str] = actor.get("Attributes") or {}
        container_id = actor.get("ID") or data.get("id") or ""
        session_id = attributes.get(LABEL_SESSION)
        if not session_id:
            return None
        removing_since = self._removing.get(container_id)
        if removing_since is not None and nano / 1e9 >= removing_since - 1:
            return None  # this driver is removing it: not news
        action = data.get("Action") or data.get("status") or ""
        at = datetime.fromtimestamp(nano / 1e9, UTC)
        machine = attributes.get(LABEL_MACHINE) or attributes.get("name", "")
        if action == "die":
            code = attributes.get("exitCode")
            return EngineEvent(
                session_id,
                machine,
                EventKind.DIED,
                container_id,
                at,
                exit_code=int(code) if code and code.lstrip("-").isdigit() else None,
                detail=f"exit code {code}",
            )
        if action == "oom":
            return EngineEvent(session_id, machine, EventKind.OOM_KILLED, container_id, at)
        if action == "destroy":
            return EngineEvent(
                session_id, machine, EventKind.LOST, container_id, at, detail="removed"
            )
        return None

    # -- closing -----------------------------------------------------------------------

    async def close(self) -> None:
        if self._closed:
            return
        await self._rollbacks.wait()
        self._closed = True
        for response in list(self._streams):
            response.close()
        if self._client is not None:
            await self._client.close()
            self._client = None


if TYPE_CHECKING:  # mypy checks that the class satisfies the protocol

    def _is_a_driver(driver: DockerDriver) -> Driver:
        return driver
