"""The Docker driver: a session's machines as containers on one Docker Engine (aiodocker).

Per session:

- a bridge network ``<prefix>-<session>``, ``Internal``, with a /24 carved from the
  subnet pool (172.16.0.0/12); every machine is on it, its name an alias there;
- machines with internet egress (the plan must allow egress) also join
  ``<prefix>-<session>-egress``, a plain bridge (a /28 from the pool): egress is per
  machine, not for the whole session;
- machines that publish ports (the attacker, the entry point) and have no internet
  egress also join ``<prefix>-<session>-access`` (a /28, no masquerading, no traffic
  between its members): Docker publishes no port of a container whose networks are all
  internal;
- one container per machine: labels, NanoCpus, memory (no swap) and pids limits,
  ``Init``, every capability dropped (an allow-list added back), no-new-privileges,
  never privileged, no mounts at all; published ports bound to ``publish_host`` on
  ephemeral host ports, reported in the handles.

A failed or cancelled provisioning removes everything it created before raising: the
ids it got back plus whatever carries its one-off ``rangex.provision`` label.
"""

from __future__ import annotations

import asyncio
import collections
import ipaddress
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import aiodocker
import aiohttp
from aiodocker.containers import DockerContainer
from aiodocker.exceptions import DockerError
from aiodocker.networks import DockerNetwork

from rangex_graphql.orchestrator._common import (
    DEFAULT_SUBNET_POOL,
    SessionLocks,
    first_free_subnet,
    local_routes,
)
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_ROLE,
    LABEL_SESSION,
    Driver,
    DriverError,
    EgressPolicy,
    EngineEvent,
    EngineUnavailable,
    EventKind,
    MachineHandle,
    MachineRole,
    MachineSpec,
    MachineState,
    MachineStatus,
    OperationFailed,
    PortSpec,
    ProvisionFailed,
    PublishedPort,
    SessionExists,
    SessionNotFound,
    SessionPlan,
    validate_plan,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

MIB = 1024 * 1024
LABEL_NETWORK_ROLE = "rangex.network-role"
#: What a call to the engine can fail with, besides a DockerError answer.
ENGINE_ERRORS = (DockerError, aiohttp.ClientError, OSError, asyncio.TimeoutError)

_STATES = {
    "created": MachineState.PENDING,
    "running": MachineState.RUNNING,
    "paused": MachineState.PAUSED,
    "exited": MachineState.EXITED,
    "dead": MachineState.EXITED,
}


@dataclass(frozen=True, slots=True)
class DockerDriverConfig:
    url: str = "unix:///var/run/docker.sock"  # or a socket path, or tcp://host:port
    publish_host: str = "127.0.0.1"  # host address published ports are bound to
    subnet_pool: str = DEFAULT_SUBNET_POOL
    avoid_host_routes: bool = True  # never carve a subnet this host already routes
    pull_missing_images: bool = True
    api_timeout: float = 60.0  # seconds for one engine call
    pull_timeout: float = 600.0
    name_prefix: str = "rangex"
    log_max_size: str = "10m"

    @property
    def docker_url(self) -> str:
        return f"unix://{self.url}" if self.url.startswith("/") else self.url


@dataclass(slots=True)
class _Created:
    """What one provisioning attempt created, and the creations still under way."""

    networks: list[str] = field(default_factory=list)
    containers: list[str] = field(default_factory=list)
    pending: set[asyncio.Future[Any]] = field(default_factory=set)


_ACCESS_OPTIONS = {
    "com.docker.network.bridge.enable_ip_masquerade": "false",
    "com.docker.network.bridge.enable_icc": "false",
}


def _outer_role(spec: MachineSpec) -> str | None:
    """The network a machine joins besides the internal session network, if any."""
    if spec.egress is EgressPolicy.INTERNET:
        return "egress"
    if spec.published_ports:
        return "access"
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DockerError):
        return f"{exc.message} (HTTP {exc.status})"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _label_filter(*labels: str, **more: Sequence[str]) -> str:
    return json.dumps({"label": list(labels), **{k: list(v) for k, v in more.items()}})


class DockerDriver:
    """A :class:`~rangex_graphql.orchestrator.protocol.Driver` for one Docker Engine.

    Create it anywhere; it connects on first use, from inside the event loop.
    """

    def __init__(self, config: DockerDriverConfig | None = None) -> None:
        self.config = config or DockerDriverConfig()
        self._pool = ipaddress.IPv4Network(self.config.subnet_pool)
        self._client: aiodocker.Docker | None = None
        self._closed = False
        self._locks = SessionLocks()
        self._subnet_lock = asyncio.Lock()
        # Containers this driver is removing, with the time it started: their die and
        # destroy events are the driver's own doing, not news.
        self._removing: collections.OrderedDict[str, float] = collections.OrderedDict()
        self._streams: set[aiohttp.ClientResponse] = set()
        self._background: set[asyncio.Task[None]] = set()

    def _docker(self) -> aiodocker.Docker:
        if self._closed:
            raise EngineUnavailable("the Docker driver is closed")
        if self._client is None:
            self._client = aiodocker.Docker(
                url=self.config.docker_url,
                timeout=aiohttp.ClientTimeout(total=self.config.api_timeout),
            )
        return self._client

    def network_name(self, session_id: str) -> str:
        return f"{self.config.name_prefix}-{session_id}"

    def container_name(self, session_id: str, machine: str) -> str:
        return f"{self.config.name_prefix}-{session_id}-{machine}"

    # -- ping, status, list_owned --------------------------------------------------------

    async def ping(self) -> None:
        with self._engine("ping"):
            await self._docker().version()

    async def status(self, session_id: str) -> list[MachineStatus]:
        with self._engine("status"):
            containers = await self._containers(f"{LABEL_SESSION}={session_id}")
            return await self._statuses(containers)

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        """:meth:`status` of each session, from one listing of every session's containers.

        Each container is still inspected (the listing has no exit code nor OOM flag).
        """
        containers_of: dict[str, list[DockerContainer]] = {s: [] for s in session_ids}
        if not containers_of:
            return {}
        with self._engine("status"):
            for container in await self._containers(LABEL_SESSION):
                found = containers_of.get(container["Labels"][LABEL_SESSION])
                if found is not None:
                    found.append(container)
            sessions = list(containers_of)
            statuses = await asyncio.gather(*(self._statuses(containers_of[s]) for s in sessions))
        return dict(zip(sessions, statuses, strict=True))

    async def _statuses(self, containers: Sequence[DockerContainer]) -> list[MachineStatus]:
        """The containers' states, by machine name; raises what the engine raised."""
        infos = await asyncio.gather(*(c.show() for c in containers), return_exceptions=True)
        statuses: list[MachineStatus] = []
        for container, info in zip(containers, infos, strict=True):
            if isinstance(info, BaseException):
                if isinstance(info, DockerError) and info.status == 404:
                    continue  # removed since the listing
                raise EngineUnavailable(f"status of {container.id}: {_reason(info)}") from info
            state = info["State"]
            machine_state = _STATES.get(state.get("Status", ""), MachineState.UNKNOWN)
            exited = machine_state is MachineState.EXITED
            statuses.append(
                MachineStatus(
                    name=info["Config"]["Labels"].get(LABEL_MACHINE, info["Name"].lstrip("/")),
                    resource_id=container.id,
                    state=machine_state,
                    exit_code=state.get("ExitCode") if exited else None,
                    oom_killed=bool(state.get("OOMKilled")),
                    detail=state.get("Error") or "",
                )
            )
        return sorted(statuses, key=lambda s: s.name)

    async def list_owned(self) -> dict[str, list[str]]:
        with self._engine("list owned"):
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
        return await self._docker().containers.list(all=True, filters=_label_filter(label))

    async def _networks(self, label: str) -> list[dict[str, Any]]:
        return await self._docker().networks.list(filters={"label": label})

    @contextmanager
    def _engine(self, what: str) -> Iterator[None]:
        try:
            yield
        except ENGINE_ERRORS as exc:
            raise EngineUnavailable(f"{what}: {_reason(exc)}") from exc

    # -- provision ---------------------------------------------------------------------

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        validate_plan(plan)
        sid = plan.session_id
        async with self._locks.hold(sid):
            with self._engine("provision"):
                label = f"{LABEL_SESSION}={sid}"
                if await self._containers(label) or await self._networks(label):
                    raise SessionExists(sid)
            attempt = uuid.uuid4().hex
            created = _Created()
            try:
                return await self._provision(plan, attempt, created)
            except BaseException as exc:
                await self._clean_up_attempt(sid, attempt, created)
                if isinstance(exc, ENGINE_ERRORS):
                    raise ProvisionFailed(sid, None, _reason(exc)) from exc
                raise

    async def _provision(
        self, plan: SessionPlan, attempt: str, created: _Created
    ) -> list[MachineHandle]:
        sid = plan.session_id
        labels = {**plan.session_labels(), LABEL_PROVISION: attempt}
        session_net = await self._create_network(
            sid,
            self.network_name(sid),
            {**labels, LABEL_NETWORK_ROLE: "session"},
            internal=True,
            prefix=24,
            options={},
            created=created,
        )
        for role, options in (("egress", {}), ("access", _ACCESS_OPTIONS)):
            if any(_outer_role(m) == role for m in plan.machines):
                await self._create_network(
                    sid,
                    f"{self.network_name(sid)}-{role}",
                    {**labels, LABEL_NETWORK_ROLE: role},
                    internal=False,
                    prefix=28,
                    options=options,
                    created=created,
                )
        # Every call runs to its end (no cancelling mid-request), so that all that was
        # created is known when one fails.
        created_ids = await self._each(
            plan,
            [self._create_container(plan, m, attempt, session_net, created) for m in plan.machines],
        )
        docker = self._docker()
        await self._each(plan, [docker.containers.container(cid).start() for cid in created_ids])
        infos = await self._each(
            plan, [docker.containers.container(cid).show() for cid in created_ids]
        )
        handles: list[MachineHandle] = []
        for spec, cid, info in zip(plan.machines, created_ids, infos, strict=True):
            state = info["State"]
            if not state.get("Running"):
                reason = state.get("Error") or f"exited at once with code {state.get('ExitCode')}"
                raise ProvisionFailed(sid, spec.name, reason)
            handles.append(
                self._handle(sid, spec.name, spec.role, spec.image, spec.published_ports, cid, info)
            )
        return handles

    async def _each(self, plan: SessionPlan, calls: Sequence[Awaitable[Any]]) -> list[Any]:
        """Await one call per machine; raise ProvisionFailed for the first that failed."""
        results = await asyncio.gather(*calls, return_exceptions=True)
        for spec, result in zip(plan.machines, results, strict=True):
            if isinstance(result, DriverError):
                raise result
            if isinstance(result, ENGINE_ERRORS):
                raise ProvisionFailed(plan.session_id, spec.name, _reason(result)) from result
            if isinstance(result, BaseException):
                raise result
        return list(results)

    async def _create_network(
        self,
        session_id: str,
        name: str,
        labels: Mapping[str, str],
        *,
        internal: bool,
        prefix: int,
        options: Mapping[str, str],
        created: _Created,
    ) -> DockerNetwork:
        docker = self._docker()
        async with self._subnet_lock:
            for _ in range(5):
                used: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = [
                    ipaddress.ip_network(config["Subnet"], strict=False)
                    for net in await docker.networks.list()
                    for config in (net.get("IPAM") or {}).get("Config") or []
                    if config.get("Subnet")
                ]
                if self.config.avoid_host_routes:
                    used.extend(local_routes())
                subnet = first_free_subnet(self._pool, used, prefix)
                if subnet is None:
                    raise ProvisionFailed(session_id, None, f"no free /{prefix} in {self._pool}")
                try:
                    network = await self._creating(
                        created,
                        docker.networks.create(
                            {
                                "Name": name,
                                "CheckDuplicate": True,
                                "Driver": "bridge",
                                "Internal": internal,
                                "Labels": dict(labels),
                                "Options": dict(options),
                                "IPAM": {"Driver": "default", "Config": [{"Subnet": str(subnet)}]},
                            }
                        ),
                    )
                except DockerError as exc:
                    if "overlap" in exc.message.lower():
                        continue  # another server took that subnet meanwhile: next one
                    raise
                created.networks.append(network.id)
                return network
        raise ProvisionFailed(session_id, None, "could not reserve a subnet")

    def _container_config(
        self, plan: SessionPlan, spec: MachineSpec, attempt: str, network: str, alias: bool
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
        config: dict[str, Any] = {
            "Image": spec.image,
            "Hostname": spec.name,
            "Labels": {**plan.machine_labels(spec), LABEL_PROVISION: attempt},
            "Env": [f"{k}={v}" for k, v in spec.environment.items()],
            "ExposedPorts": {f"{p.port}/{p.protocol}": {} for p in spec.ports},
            "HostConfig": host_config,
            "NetworkingConfig": {
                "EndpointsConfig": {network: {"Aliases": [spec.name]} if alias else {}}
            },
        }
        if spec.command is not None:
            config["Cmd"] = list(spec.command)
        return config

    async def _create_container(
        self,
        plan: SessionPlan,
        spec: MachineSpec,
        attempt: str,
        session_net: DockerNetwork,
        created: _Created,
    ) -> str:
        sid = plan.session_id
        docker = self._docker()
        # A machine on an outer network is created there (its default route), then
        # joins the session network under its name before it starts.
        role = _outer_role(spec)
        primary = f"{self.network_name(sid)}-{role}" if role else self.network_name(sid)
        config = self._container_config(plan, spec, attempt, primary, alias=role is None)
        name = self.container_name(sid, spec.name)
        try:
            container = await self._creating(created, docker.containers.create(config, name=name))
        except DockerError as exc:
            if exc.status != 404:
                raise
            if not self.config.pull_missing_images:
                raise ProvisionFailed(sid, spec.name, exc.message) from exc
            try:
                await docker.images.pull(spec.image, timeout=self.config.pull_timeout)
            except ENGINE_ERRORS as pull_exc:
                raise ProvisionFailed(
                    sid, spec.name, f"image {spec.image} is not available: {_reason(pull_exc)}"
                ) from pull_exc
            container = await self._creating(created, docker.containers.create(config, name=name))
        created.containers.append(container.id)
        if role is not None:
            await session_net.connect(
                {"Container": container.id, "EndpointConfig": {"Aliases": [spec.name]}}
            )
        return container.id

    def _handle_of_container(self, session_id: str, info: dict[str, Any]) -> MachineHandle:
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
        return self._handle(
            session_id,
            labels.get(LABEL_MACHINE, ""),
            MachineRole(role) if role in set(MachineRole) else MachineRole.INTERNAL,
            str(config.get("Image") or ""),
            published,
            str(info.get("Id") or ""),
            info,
        )

    def _handle(
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
        endpoint = (settings.get("Networks") or {}).get(self.network_name(session_id)) or {}
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

    async def _creating(self, created: _Created, call: Awaitable[T]) -> T:
        """Let a call that creates something finish even if provisioning is cancelled.

        Cancelling the request itself would leave the engine to finish it unseen, after
        the clean-up looked; the clean-up waits for these instead.
        """
        future = asyncio.ensure_future(call)
        created.pending.add(future)
        future.add_done_callback(created.pending.discard)
        return await asyncio.shield(future)

    async def _undo(self, session_id: str, attempt: str, created: _Created) -> None:
        if created.pending:
            await asyncio.wait(set(created.pending), timeout=self.config.api_timeout)
        await self._remove(
            session_id,
            f"{LABEL_PROVISION}={attempt}",
            containers=created.containers,
            networks=created.networks,
        )

    async def _clean_up_attempt(self, session_id: str, attempt: str, created: _Created) -> None:
        """Remove what a failed attempt created, even when the attempt was cancelled."""
        task = asyncio.ensure_future(self._undo(session_id, attempt, created))
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        try:
            await asyncio.shield(task)
        except DriverError as exc:
            log.error("cleaning up a failed provisioning of %s: %s", session_id, exc)

    # -- pause, resume, destroy --------------------------------------------------------

    async def pause(self, session_id: str) -> None:
        await self._switch(session_id, "pause", "running")

    async def resume(self, session_id: str) -> list[MachineHandle]:
        """Unpause; the containers keep their ids and addresses (re-read all the same)."""
        containers = await self._switch(session_id, "unpause", "paused")
        try:
            infos = await asyncio.gather(*(c.show() for c in containers))
        except ENGINE_ERRORS as exc:
            raise OperationFailed(session_id, "unpause", _reason(exc)) from exc
        handles = [self._handle_of_container(session_id, info) for info in infos]
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
                raise OperationFailed(session_id, action, _reason(exc)) from exc
            for result in results:
                if isinstance(result, DockerError) and result.status == 409:
                    continue  # changed state meanwhile (already paused, exited, ...)
                if isinstance(result, BaseException):
                    raise OperationFailed(session_id, action, _reason(result)) from result
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
                problems = [_reason(exc)]
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
            return f"container {container_id[:12]}: {_reason(exc)}"
        except ENGINE_ERRORS as exc:
            return f"container {container_id[:12]}: {_reason(exc)}"
        return None

    async def _delete_network(self, network_id: str) -> str | None:
        try:
            network = DockerNetwork(self._docker(), network_id)  # type: ignore[no-untyped-call]
            await network.delete()
        except DockerError as exc:
            if exc.status == 404:
                return None
            return f"network {network_id[:12]}: {_reason(exc)}"
        except ENGINE_ERRORS as exc:
            return f"network {network_id[:12]}: {_reason(exc)}"
        return None

    # -- events ------------------------------------------------------------------------

    def events(self) -> AsyncIterator[EngineEvent]:
        # The start time is taken now, not at the first __anext__: the engine replays
        # what happened in between.
        return self._event_stream(time.time())

    async def _event_stream(self, since: float) -> AsyncIterator[EngineEvent]:
        filters = _label_filter(LABEL_SESSION, type=["container"], event=["die", "oom", "destroy"])
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
                log.warning("Docker event stream broke (%s); reconnecting", _reason(exc))
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
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        self._closed = True
        for response in list(self._streams):
            response.close()
        if self._client is not None:
            await self._client.close()
            self._client = None


if TYPE_CHECKING:  # mypy checks that the class satisfies the protocol

    def _is_a_driver(driver: DockerDriver) -> Driver:
        return driver
