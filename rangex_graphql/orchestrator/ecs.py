"""The ECS Fargate driver: a session's machines as Fargate tasks in one VPC (aiobotocore).

Per session (names start with ``<prefix>-<session id>``; every resource carries every
session label as a tag):

- security groups in the configured VPC:

  - ``<prefix>-<sid>`` (every machine; the session's *anchor*): traffic from and to its
    own members only. Its tags also record the task definition of each machine
    (``rangex.task-definition.<machine>``) and whether the session is paused
    (``rangex.paused``), so that a restarted server can resume the session;
  - ``<prefix>-<sid>-access`` (machines that publish ports: the attacker, the entry
    point): ingress from ``ingress_cidr`` on exactly those ports, no egress of its own;
  - ``<prefix>-<sid>-egress`` (machines with internet egress; the plan must allow it):
    AWS's default allow-all egress, nothing else.

  Egress ``none`` and ``session-only`` are alike, as with the Docker driver: the machine
  reaches the machines of its session and nothing beyond. Security groups are stateful,
  so answers to allowed connections always flow. Groups in ``platform_security_groups``
  are added to every task: Fargate pulls images and ships logs over the task's own
  network interface, so one of them must allow that (e.g. tcp/443 to the VPC endpoints
  of ECR, S3 and CloudWatch Logs) when the session groups allow no egress;

- one task definition per distinct machine *content* (image, command, environment, ports,
  size, capabilities, content labels): family ``<prefix>-<machine>-<sha256 prefix>``,
  reused by every session with the same content and never deregistered by the driver;
- one Fargate task per machine (``awsvpc`` in the configured subnets, tagged with every
  machine label, ``startedBy`` derived from the session id, ECS Exec off), waited for
  until RUNNING; its ENI's private address is the machine's address, the public one
  (``assign_public_ip``, only for machines that publish ports or have internet egress)
  is where its published ports are reached.

Machine sizes are Fargate task sizes: the machine's vCPU and memory rounded up to the
smallest valid Fargate combination (0.25 vCPU: 512-2048 MiB, 0.5: 1024-4096, 1:
2048-8192, 2: 4096-16384), or refused when ``round_fargate_sizes`` is off and the plan
asks for anything else; the container's own memory limit stays the machine's. Fargate
lets a task *add* no capability but SYS_PTRACE, so "drop ALL, add the allowed ones"
becomes "drop every default capability not allowed" (the same set; MKNOD always goes).
The pids limit becomes the ``nproc`` ulimit. Fargate has no per-task hostname in
``awsvpc`` mode: machines know each other by address only.

**Pause keeps no state.** Fargate cannot freeze a task: ``pause`` stops the session's
tasks (billing stops with them) and ``resume`` starts *fresh* tasks from the same task
definitions, with new task ARNs and new addresses. Whatever a machine wrote to its disk
or memory is gone after a pause; ``resume`` returns the machines with their new
addresses (as :meth:`EcsDriver.handles` does at any time).
While paused, :meth:`EcsDriver.status` reports each machine as PAUSED.
:meth:`EcsDriver.status_many` answers for many sessions from one listing of the
cluster's tasks and groups (``ecs_status``), not a few calls per session.

A failed or cancelled provisioning stops every task it started and deletes its groups
(everything tagged with its one-off ``rangex.provision`` value) before raising; deleting
a group waits, with backoff, for AWS to release the stopped tasks' network interfaces
(``DependencyViolation``) for at most ``group_delete_timeout`` seconds.

ECS has no event stream without EventBridge: :meth:`EcsDriver.events` polls the
cluster's tasks every ``event_poll_interval`` seconds. A task stopped by this driver
(its ``stoppedReason`` starts with ``rangex driver:``) is never news; any other stop is
DIED (OOM_KILLED when ECS says OutOfMemory), a live task that disappears is LOST.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import ipaddress
import json
import logging
import math
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import aiohttp
from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
from aiobotocore.session import AioSession  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from rangex_graphql.orchestrator._common import SessionLocks
from rangex_graphql.orchestrator.ecs_status import (
    PENDING_STATES,
    STOP_REASON_PREFIX,
    is_oom,
    machine_statuses,
    resource_tags,
    statuses_by_session,
    stopped_by_driver,
    stopped_detail,
    task_container,
    task_exit_code,
)
from rangex_graphql.orchestrator.protocol import (
    ALLOWED_CAPABILITIES,
    LABEL_CREATOR,
    LABEL_EGRESS,
    LABEL_MACHINE,
    LABEL_NETWORK_GROUP,
    LABEL_PROFILE,
    LABEL_PROVISION,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SCENARIO_VERSION,
    LABEL_SESSION,
    MAX_MACHINE_CPU,
    Driver,
    DriverError,
    EgressPolicy,
    EngineEvent,
    EngineUnavailable,
    EventKind,
    InvalidPlan,
    MachineHandle,
    MachineRole,
    MachineSpec,
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
Json = dict[str, Any]
Sleep = Callable[[float], Awaitable[None]]

#: What a call to AWS can fail with.
ENGINE_ERRORS: tuple[type[BaseException], ...] = (
    ClientError,
    BotoCoreError,
    aiohttp.ClientError,
    OSError,
    asyncio.TimeoutError,
)
_ENGINE_OR_DRIVER_ERRORS: tuple[type[BaseException], ...] = (*ENGINE_ERRORS, DriverError)

# -- tags beyond the protocol's labels ------------------------------------------------

TAG_GROUP_ROLE = "rangex.group-role"  # session | access | egress
TAG_PAUSED = "rangex.paused"  # "true" | "false", on the anchor group
TAG_TASK_DEFINITION = "rangex.task-definition."  # + machine name, on the anchor group
TAG_PUBLISHED = "rangex.published-ports"  # "80/tcp 443/tcp" or "none"
_ECS_KEYS = frozenset({TAG_GROUP_ROLE, TAG_PAUSED, TAG_PUBLISHED})
#: AWS's limit of tags per resource (ECS and EC2 alike).
MAX_TAGS = 50
#: Machine labels that depend on the machine's content, not the session: the task
#: definition carries these (it is shared by every session with the same content).
CONTENT_LABELS = (
    LABEL_SCENARIO,
    LABEL_CREATOR,
    LABEL_SCENARIO_VERSION,
    LABEL_MACHINE,
    LABEL_ROLE,
    LABEL_PROFILE,
    LABEL_NETWORK_GROUP,
    LABEL_EGRESS,
    TAG_PUBLISHED,
)

#: Docker's (and Fargate's) default capability set: what "drop ALL" removes.
DEFAULT_CAPABILITIES = ALLOWED_CAPABILITIES | {"MKNOD"}

#: Valid Fargate task sizes up to the domain's cap of 2 vCPU: CPU units → memory MiB.
FARGATE_SIZES: dict[int, tuple[int, ...]] = {
    256: (512, 1024, 2048),
    512: (1024, 2048, 3072, 4096),
    1024: tuple(range(2048, 8192 + 1, 1024)),
    2048: tuple(range(4096, 16384 + 1, 1024)),
}

_SAFE_SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_NAME_PREFIX = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$")
_TAG_PUNCTUATION = frozenset(" _.:/=+-@")

_MAX_BACKOFF = 30.0


# -- configuration --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EcsConfig:
    """Where and how the driver runs sessions. ``ValueError`` on an inconsistent config."""

    cluster: str  # name or ARN of an existing cluster
    region: str
    vpc_id: str  # the VPC of the subnets; the session groups are created in it
    subnets: Sequence[str]  # where the tasks' interfaces go (normalised to a tuple)
    ingress_cidr: str  # who may reach published ports (IPv4 or IPv6 CIDR)
    assign_public_ip: bool = False  # public IPs for machines with published ports / egress
    endpoint_url: str | None = None  # another endpoint for both ECS and EC2 (moto)
    task_role_arn: str | None = None
    execution_role_arn: str | None = None  # needed for private ECR images and logs
    log_group: str | None = None  # CloudWatch Logs group (awslogs driver); None: no logs
    log_stream_prefix: str = "rangex"
    platform_security_groups: Sequence[str] = ()  # added to every task (image pulls, logs)
    platform_version: str = "LATEST"
    cpu_architecture: Literal["X86_64", "ARM64"] = "X86_64"
    round_fargate_sizes: bool = True  # round sizes up; False: refuse non-Fargate sizes
    name_prefix: str = "rangex"
    group_delete_timeout: float = 600.0  # seconds of waiting out DependencyViolation
    group_delete_backoff: float = 2.0  # first wait; doubles up to 30 s
    start_timeout: float = 600.0  # seconds for a task to reach RUNNING (image pulls)
    poll_interval: float = 2.0  # seconds between describe_tasks while waiting
    event_poll_interval: float = 10.0  # seconds between polls of events()
    api_timeout: float = 30.0  # connect and read timeout of one call
    max_attempts: int = 5  # botocore "standard" retries, first attempt included

    def __post_init__(self) -> None:
        object.__setattr__(self, "subnets", tuple(self.subnets))
        object.__setattr__(self, "platform_security_groups", tuple(self.platform_security_groups))
        problems: list[str] = []
        for name in ("cluster", "region", "vpc_id"):
            if not getattr(self, name):
                problems.append(f"{name} is empty")
        if not self.subnets:
            problems.append("at least one subnet is needed")
        try:
            ipaddress.ip_network(self.ingress_cidr)
        except ValueError:
            problems.append(f"ingress_cidr {self.ingress_cidr!r} is not a CIDR")
        if self.log_group and not self.execution_role_arn:
            problems.append("log_group needs execution_role_arn (the awslogs driver uses it)")
        if not _NAME_PREFIX.match(self.name_prefix):
            problems.append(f"name_prefix {self.name_prefix!r} is not [a-z0-9-]{{1,20}}")
        for name in ("group_delete_timeout", "group_delete_backoff", "start_timeout"):
            if getattr(self, name) < 0:
                problems.append(f"{name} is negative")
        for name in ("poll_interval", "event_poll_interval", "api_timeout"):
            if getattr(self, name) <= 0:
                problems.append(f"{name} must be positive")
        if self.max_attempts < 1:
            problems.append("max_attempts must be at least 1")
        if problems:
            raise ValueError("invalid ECS configuration: " + "; ".join(problems))


# -- pure helpers ---------------------------------------------------------------------


def fargate_size(cpu: float, memory_mib: int, *, round_up: bool = True) -> tuple[int, int]:
    """The Fargate task size (CPU units, memory MiB) for ``cpu`` vCPU and ``memory_mib``.

    Rounds up to the smallest valid combination holding both (more memory first, then
    more CPU); with ``round_up=False`` only an exact Fargate size is accepted. Raises
    ``ValueError`` saying which sizes are valid.
    """
    units = math.ceil(round(cpu * 1024, 6))
    if units <= 0 or memory_mib <= 0:
        raise ValueError(f"{cpu:g} vCPU with {memory_mib} MiB: both must be positive")
    if not round_up:
        if memory_mib in FARGATE_SIZES.get(units, ()):
            return units, memory_mib
        raise ValueError(
            f"{cpu:g} vCPU with {memory_mib} MiB is not a Fargate task size; valid: "
            + _valid_sizes()
        )
    for tier, memories in FARGATE_SIZES.items():
        if tier < units:
            continue
        for memory in memories:
            if memory >= memory_mib:
                return tier, memory
    raise ValueError(
        f"no Fargate task size up to {MAX_MACHINE_CPU:g} vCPU holds {cpu:g} vCPU with"
        f" {memory_mib} MiB; valid: " + _valid_sizes()
    )


def _valid_sizes() -> str:
    return "; ".join(
        f"{tier / 1024:g} vCPU with {'/'.join(map(str, memories))} MiB"
        if len(memories) <= 4
        else f"{tier / 1024:g} vCPU with {memories[0]}-{memories[-1]} MiB in 1024 steps"
        for tier, memories in FARGATE_SIZES.items()
    )


def _tag_char_ok(char: str) -> bool:
    return char.isalnum() or char in _TAG_PUNCTUATION


def tag_value(value: str) -> str:
    """``value`` as an ECS tag value: other characters become ``_``, at most 256."""
    return "".join(c if _tag_char_ok(c) else "_" for c in value)[:256]


def _tag_key_problem(key: str) -> str | None:
    if not 1 <= len(key) <= 128 or not all(map(_tag_char_ok, key)):
        return f"label {key!r} is not a valid AWS tag key"
    if key.lower().startswith("aws:"):
        return f"label {key!r}: the aws: prefix is AWS's own"
    if key in _ECS_KEYS or key.startswith(TAG_TASK_DEFINITION):
        return f"label {key!r} is the ECS driver's own"
    return None


def _ecs_tags(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in sorted(tags.items())]


def _ec2_tags(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"Key": k, "Value": v} for k, v in sorted(tags.items())]


def _published_value(ports: Iterable[PortSpec]) -> str:
    return " ".join(f"{p.port}/{p.protocol}" for p in ports if p.published) or "none"


def _parse_published(value: str) -> tuple[PortSpec, ...]:
    ports: list[PortSpec] = []
    for item in value.split():
        port, _, protocol = item.partition("/")
        if port.isdigit() and protocol in ("tcp", "udp"):
            ports.append(PortSpec(int(port), "udp" if protocol == "udp" else "tcp", True))
    return tuple(ports)


def _code(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", ""))
    return ""


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        return f"{error.get('Code', 'error')}: {error.get('Message', '')}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _stop_reason(operation: str) -> str:
    return f"{STOP_REASON_PREFIX} {operation}"


def _eni(task: Json) -> tuple[str | None, str | None]:
    """The task's network interface id and private IPv4 address (None when not known)."""
    for attachment in task.get("attachments") or []:
        if attachment.get("type") != "ElasticNetworkInterface":
            continue
        details = {d.get("name"): d.get("value") for d in attachment.get("details") or []}
        return details.get("networkInterfaceId"), details.get("privateIPv4Address")
    return None, None


# -- internal records -----------------------------------------------------------------


@dataclass(slots=True)
class _Created:
    """What one provisioning (or resume) attempt created, and the calls still under way."""

    groups: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    pending: set[asyncio.Future[Any]] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Launch:
    """Everything RunTask needs for one machine, from a plan or from the session's tags."""

    name: str
    role: MachineRole
    image: str
    task_definition: str  # ARN
    tags: dict[str, str]
    security_groups: tuple[str, ...]
    public_ip: bool
    published: tuple[PortSpec, ...]


@dataclass(frozen=True, slots=True)
class _SessionView:
    """A session as its security groups describe it."""

    anchor_id: str
    tags: dict[str, str]  # the anchor's
    groups: dict[str, str]  # group role → id

    @property
    def paused(self) -> bool:
        return self.tags.get(TAG_PAUSED) == "true"

    @property
    def task_definitions(self) -> dict[str, str]:
        return {
            k.removeprefix(TAG_TASK_DEFINITION): v
            for k, v in self.tags.items()
            if k.startswith(TAG_TASK_DEFINITION)
        }

    @property
    def session_labels(self) -> dict[str, str]:
        return {
            k: v
            for k, v in self.tags.items()
            if k not in _ECS_KEYS and k != LABEL_PROVISION and not k.startswith(TAG_TASK_DEFINITION)
        }


def _view_of(groups: Sequence[Json]) -> _SessionView | None:
    """The session its groups describe; None without an anchor group."""
    roles = {resource_tags(g).get(TAG_GROUP_ROLE, ""): g for g in groups}
    anchor = roles.get("session")
    if anchor is None:
        return None
    return _SessionView(
        anchor_id=anchor["GroupId"],
        tags=resource_tags(anchor),
        groups={role: g["GroupId"] for role, g in roles.items() if role},
    )


class _MachineFailed(Exception):
    def __init__(self, machine: str, reason: str) -> None:
        self.machine = machine
        self.reason = reason
        super().__init__(f"{machine}: {reason}")


# -- the driver -----------------------------------------------------------------------


class EcsDriver:
    """A :class:`~rangex_graphql.orchestrator.protocol.Driver` on ECS Fargate.

    Create it anywhere; it makes its clients on first use, inside the event loop.
    ``session`` is an ``aiobotocore`` session to make them from (credentials from the
    default chain otherwise); ``clients`` are ready ``(ecs, ec2)`` clients (stubbed in
    tests), which the driver uses but does not close; ``sleep`` waits between polls.
    """

    def __init__(
        self,
        config: EcsConfig,
        *,
        session: Any = None,
        clients: tuple[Any, Any] | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.config = config
        self._session = session
        self._ecs: Any = clients[0] if clients is not None else None
        self._ec2: Any = clients[1] if clients is not None else None
        self._stack: AsyncExitStack | None = None
        self._connect_lock = asyncio.Lock()
        self._sleep = sleep
        self._closed = False
        self._closed_event = asyncio.Event()
        self._locks = SessionLocks()
        # Tasks this driver stops or provisions: their stops are not news.
        self._stopping: collections.OrderedDict[str, float] = collections.OrderedDict()
        self._provisioning: set[str] = set()
        self._background: set[asyncio.Task[None]] = set()

    async def _clients(self) -> tuple[Any, Any]:
        if self._closed:
            raise EngineUnavailable("the ECS driver is closed")
        if self._ecs is None or self._ec2 is None:
            async with self._connect_lock:
                if self._ecs is None or self._ec2 is None:
                    await self._connect()
        return self._ecs, self._ec2

    async def _connect(self) -> None:
        session = self._session if self._session is not None else AioSession()
        config = AioConfig(
            connect_timeout=self.config.api_timeout,
            read_timeout=self.config.api_timeout,
            retries={"mode": "standard", "total_max_attempts": self.config.max_attempts},
        )
        options = {
            "region_name": self.config.region,
            "endpoint_url": self.config.endpoint_url,
            "config": config,
        }
        stack = AsyncExitStack()
        try:
            self._ecs = await stack.enter_async_context(session.create_client("ecs", **options))
            self._ec2 = await stack.enter_async_context(session.create_client("ec2", **options))
        except BaseException:
            self._ecs = self._ec2 = None
            await stack.aclose()
            raise
        self._stack = stack

    def group_name(self, session_id: str, role: str = "session") -> str:
        base = f"{self.config.name_prefix}-{session_id}"
        return base if role == "session" else f"{base}-{role}"

    def started_by(self, session_id: str) -> str:
        """RunTask's ``startedBy`` for the session (ECS allows no dot there, but ``/``)."""
        return f"{self.config.name_prefix}/{session_id.replace('.', '/')}"

    @contextmanager
    def _engine(self, what: str) -> Iterator[None]:
        try:
            yield
        except ENGINE_ERRORS as exc:
            raise EngineUnavailable(f"{what}: {_reason(exc)}") from exc

    # -- looking things up -------------------------------------------------------------

    async def _task_arns(self, started_by: str | None, *desired: str) -> list[str]:
        ecs, _ = await self._clients()
        arns: list[str] = []
        for status in desired:
            params: Json = {"cluster": self.config.cluster, "desiredStatus": status}
            if started_by is not None:
                params["startedBy"] = started_by
            async for page in ecs.get_paginator("list_tasks").paginate(**params):
                arns.extend(page.get("taskArns") or [])
        return list(dict.fromkeys(arns))

    async def _describe_tasks(self, arns: Sequence[str]) -> tuple[list[Json], set[str]]:
        """The tasks (with tags), and the ARNs ECS does not know (any more)."""
        ecs, _ = await self._clients()
        tasks: list[Json] = []
        for start in range(0, len(arns), 100):
            chunk = list(arns[start : start + 100])
            response = await ecs.describe_tasks(
                cluster=self.config.cluster, tasks=chunk, include=["TAGS"]
            )
            tasks.extend(t for t in response.get("tasks") or [] if t.get("taskArn") in chunk)
        return tasks, set(arns) - {t["taskArn"] for t in tasks}

    async def _session_tasks(
        self, session_id: str, *, stopped: bool = False, attempt: str | None = None
    ) -> list[Json]:
        """The session's tasks that should run (and, with ``stopped``, the stopped ones)."""
        if not _SAFE_SESSION_ID.match(session_id):
            return []
        desired = ("RUNNING", "STOPPED") if stopped else ("RUNNING",)
        arns = await self._task_arns(self.started_by(session_id), *desired)
        if not arns:
            return []
        tasks, _ = await self._describe_tasks(arns)
        return [
            t
            for t in tasks
            if resource_tags(t).get(LABEL_SESSION) == session_id
            and (attempt is None or resource_tags(t).get(LABEL_PROVISION) == attempt)
        ]

    async def _groups(self, filters: list[Json]) -> list[Json]:
        _, ec2 = await self._clients()
        groups: list[Json] = []
        paginator = ec2.get_paginator("describe_security_groups")
        filters = [{"Name": "vpc-id", "Values": [self.config.vpc_id]}, *filters]
        async for page in paginator.paginate(Filters=filters):
            groups.extend(page.get("SecurityGroups") or [])
        return groups

    async def _session_groups(self, session_id: str, attempt: str | None = None) -> list[Json]:
        # Tag filters take wildcards (* and ?): never pass an id that is not plain.
        if not _SAFE_SESSION_ID.match(session_id):
            return []
        filters = [{"Name": f"tag:{LABEL_SESSION}", "Values": [session_id]}]
        if attempt is not None:
            filters.append({"Name": f"tag:{LABEL_PROVISION}", "Values": [attempt]})
        return [
            g
            for g in await self._groups(filters)
            if resource_tags(g).get(LABEL_SESSION) == session_id
            and (attempt is None or resource_tags(g).get(LABEL_PROVISION) == attempt)
        ]

    async def _view(self, session_id: str) -> _SessionView | None:
        return _view_of(await self._session_groups(session_id))

    # -- ping, status, list_owned, handles ---------------------------------------------

    async def ping(self) -> None:
        with self._engine("ping"):
            ecs, _ = await self._clients()
            response = await ecs.describe_clusters(clusters=[self.config.cluster])
        clusters = response.get("clusters") or []
        if not clusters or clusters[0].get("status") != "ACTIVE":
            failures = response.get("failures") or []
            why = (
                failures[0].get("reason")
                if failures
                else (clusters[0].get("status") if clusters else "not found")
            )
            raise EngineUnavailable(f"ECS cluster {self.config.cluster} is not active: {why}")

    async def status(self, session_id: str) -> list[MachineStatus]:
        if not _SAFE_SESSION_ID.match(session_id):
            return []
        with self._engine("status"):
            view = await self._view(session_id)
            tasks = await self._session_tasks(session_id, stopped=True)
        return machine_statuses(
            tasks,
            view.task_definitions if view else {},
            paused=bool(view and view.paused),
        )

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        """:meth:`status` of each session, from one listing of the cluster.

        ListTasks (paginated) and DescribeTasks (100 tasks a call) over the whole cluster,
        and DescribeSecurityGroups for the anchors of every session, however many.
        """
        statuses: dict[str, list[MachineStatus]] = {s: [] for s in session_ids}
        wanted = [s for s in statuses if _SAFE_SESSION_ID.match(s)]
        if not wanted:
            return statuses
        with self._engine("status"):
            arns = await self._task_arns(None, "RUNNING", "STOPPED")
            tasks, _ = await self._describe_tasks(arns) if arns else ([], set())
            anchors = await self._groups(
                [
                    {"Name": "tag-key", "Values": [LABEL_SESSION]},
                    {"Name": f"tag:{TAG_GROUP_ROLE}", "Values": ["session"]},
                ]
            )
        groups_of: dict[str, list[Json]] = {}
        for group in anchors:
            groups_of.setdefault(resource_tags(group).get(LABEL_SESSION, ""), []).append(group)
        views = {sid: view for sid, found in groups_of.items() if (view := _view_of(found))}
        statuses.update(statuses_by_session(wanted, tasks, views, self.started_by))
        return statuses

    async def handles(self, session_id: str) -> list[MachineHandle]:
        """The session's running machines now (new addresses after a resume)."""
        with self._engine("handles"):
            try:
                return await self._running_handles(session_id)
            except _MachineFailed as exc:
                raise EngineUnavailable(f"handles: machine {exc.machine!r}: {exc.reason}") from exc

    async def _running_handles(self, session_id: str) -> list[MachineHandle]:
        tasks = [
            t for t in await self._session_tasks(session_id) if t.get("lastStatus") == "RUNNING"
        ]
        launches = {t["taskArn"]: self._launch_of_task(t) for t in tasks}
        public = await self._public_ips([t for t in tasks if launches[t["taskArn"]].public_ip])
        handles = [self._handle(launches[t["taskArn"]], t, public) for t in tasks]
        return sorted(handles, key=lambda h: h.name)

    def _launch_of_task(self, task: Json) -> _Launch:
        tags = resource_tags(task)
        published = _parse_published(tags.get(TAG_PUBLISHED, ""))
        role = tags.get(LABEL_ROLE, "")
        return _Launch(
            name=tags.get(LABEL_MACHINE, ""),
            role=MachineRole(role) if role in set(MachineRole) else MachineRole.INTERNAL,
            image=str(task_container(task).get("image") or ""),
            task_definition=str(task.get("taskDefinitionArn") or ""),
            tags=tags,
            security_groups=(),
            public_ip=self.config.assign_public_ip
            and bool(published or tags.get(LABEL_EGRESS) == EgressPolicy.INTERNET.value),
            published=published,
        )

    async def list_owned(self) -> dict[str, list[str]]:
        """Groups and tasks that should run, carrying ``rangex.session``, by session id.

        Stopped tasks are history (ECS keeps them for about an hour), not resources.
        """
        with self._engine("list owned"):
            arns = await self._task_arns(None, "RUNNING")
            tasks, _ = await self._describe_tasks(arns) if arns else ([], set())
            groups = await self._groups([{"Name": "tag-key", "Values": [LABEL_SESSION]}])
        owned: dict[str, list[str]] = {}
        for group in groups:
            session_id = resource_tags(group).get(LABEL_SESSION)
            if session_id:
                owned.setdefault(session_id, []).append(f"security-group:{group['GroupId']}")
        for task in tasks:
            session_id = resource_tags(task).get(LABEL_SESSION)
            if session_id:
                owned.setdefault(session_id, []).append(f"task:{task['taskArn']}")
        return owned

    # -- provision ---------------------------------------------------------------------

    def _check_plan(self, plan: SessionPlan) -> None:
        """Raise :class:`InvalidPlan` for what ECS cannot run as asked."""
        problems: list[str] = []
        for key in plan.extra_labels:
            problem = _tag_key_problem(key)
            if problem:
                problems.append(problem)
        for machine in plan.machines:
            try:
                fargate_size(
                    machine.cpu, machine.memory_mib, round_up=self.config.round_fargate_sizes
                )
            except ValueError as exc:
                problems.append(f"machine {machine.name!r}: {exc}")
            task_tags = len(plan.machine_labels(machine)) + 2  # provision, published ports
            if task_tags > MAX_TAGS:
                problems.append(f"machine {machine.name!r}: {task_tags} tags, AWS allows 50")
        anchor_tags = len(plan.session_labels()) + 3 + len(plan.machines)
        if anchor_tags > MAX_TAGS:
            problems.append(f"the session group would carry {anchor_tags} tags, AWS allows 50")
        if problems:
            raise InvalidPlan(plan.session_id, problems)

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        validate_plan(plan)
        self._check_plan(plan)
        sid = plan.session_id
        async with self._locks.hold(sid):
            with self._engine("provision"):
                if await self._session_groups(sid) or await self._session_tasks(sid):
                    raise SessionExists(sid)
            attempt = uuid.uuid4().hex
            created = _Created()
            try:
                return await self._provision(plan, attempt, created)
            except BaseException as exc:
                await self._clean_up_attempt(sid, attempt, created, groups=True)
                if isinstance(exc, _MachineFailed):
                    raise ProvisionFailed(sid, exc.machine, exc.reason) from exc
                if isinstance(exc, ENGINE_ERRORS):
                    raise ProvisionFailed(sid, None, _reason(exc)) from exc
                raise

    async def _provision(
        self, plan: SessionPlan, attempt: str, created: _Created
    ) -> list[MachineHandle]:
        # Task definitions first: shared by content, nothing to undo, and their ARNs go
        # on the session group.
        definitions = await self._each(
            [m.name for m in plan.machines],
            [self._task_definition(self._task_definition_request(plan, m)) for m in plan.machines],
        )
        groups = await self._create_groups(plan, attempt, definitions, created)
        launches = [
            _Launch(
                name=m.name,
                role=m.role,
                image=m.image,
                task_definition=definition,
                tags=self._machine_tags(plan, m),
                security_groups=self._security_groups(groups, m.published_ports, m.egress),
                public_ip=self.config.assign_public_ip
                and bool(m.published_ports or m.egress is EgressPolicy.INTERNET),
                published=m.published_ports,
            )
            for m, definition in zip(plan.machines, definitions, strict=True)
        ]
        return await self._start(plan.session_id, launches, attempt, created)

    @staticmethod
    def _session_tags(plan: SessionPlan) -> dict[str, str]:
        return {k: tag_value(v) for k, v in plan.session_labels().items()}

    @staticmethod
    def _machine_tags(plan: SessionPlan, spec: MachineSpec) -> dict[str, str]:
        tags = {k: tag_value(v) for k, v in plan.machine_labels(spec).items()}
        tags[TAG_PUBLISHED] = _published_value(spec.ports)
        return tags

    def _security_groups(
        self, groups: dict[str, str], published: Sequence[PortSpec], egress: EgressPolicy
    ) -> tuple[str, ...]:
        wanted = ["session"]
        if published:
            wanted.append("access")
        if egress is EgressPolicy.INTERNET:
            wanted.append("egress")
        missing = [role for role in wanted if role not in groups]
        if missing:
            raise DriverError(f"the session has no {'/'.join(missing)} security group")
        return (*(groups[role] for role in wanted), *self.config.platform_security_groups)

    def _task_definition_request(self, plan: SessionPlan, spec: MachineSpec) -> Json:
        """RegisterTaskDefinition's arguments; the family names a hash of the rest."""
        cpu_units, memory = fargate_size(
            spec.cpu, spec.memory_mib, round_up=self.config.round_fargate_sizes
        )
        added = set(spec.capabilities)
        capabilities = (
            {"drop": sorted(DEFAULT_CAPABILITIES - added)} if added else {"drop": ["ALL"]}
        )
        container: Json = {
            "name": spec.name,
            "image": spec.image,
            "essential": True,
            "memory": spec.memory_mib,  # the machine's own limit; the task may be larger
            "environment": [{"name": k, "value": v} for k, v in sorted(spec.environment.items())],
            "portMappings": [
                {"containerPort": p.port, "hostPort": p.port, "protocol": p.protocol}
                for p in spec.ports
            ],
            "linuxParameters": {"capabilities": capabilities, "initProcessEnabled": True},
            "readonlyRootFilesystem": False,
            "ulimits": [
                {"name": "nproc", "softLimit": spec.pids_limit, "hardLimit": spec.pids_limit}
            ],
        }
        if spec.command is not None:
            container["command"] = list(spec.command)
        if self.config.log_group:
            container["logConfiguration"] = {
                "logDriver": "awslogs",
                "options": {
                    "awslogs-group": self.config.log_group,
                    "awslogs-region": self.config.region,
                    "awslogs-stream-prefix": self.config.log_stream_prefix,
                },
            }
        machine_tags = self._machine_tags(plan, spec)
        request: Json = {
            "networkMode": "awsvpc",
            "requiresCompatibilities": ["FARGATE"],
            "cpu": str(cpu_units),
            "memory": str(memory),
            "runtimePlatform": {
                "operatingSystemFamily": "LINUX",
                "cpuArchitecture": self.config.cpu_architecture,
            },
            "containerDefinitions": [container],
            "tags": _ecs_tags({k: machine_tags[k] for k in CONTENT_LABELS}),
        }
        if self.config.task_role_arn:
            request["taskRoleArn"] = self.config.task_role_arn
        if self.config.execution_role_arn:
            request["executionRoleArn"] = self.config.execution_role_arn
        digest = hashlib.sha256(
            json.dumps(request, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        return {"family": f"{self.config.name_prefix}-{spec.name}-{digest[:24]}", **request}

    async def _task_definition(self, request: Json) -> str:
        """The ARN of an active task definition of the request's family, registered if new."""
        ecs, _ = await self._clients()
        try:
            found = (await ecs.describe_task_definition(taskDefinition=request["family"]))[
                "taskDefinition"
            ]
        except ClientError as exc:
            if _code(exc) not in ("ClientException", "InvalidParameterException"):
                raise
        else:
            if found.get("status") == "ACTIVE":
                return str(found["taskDefinitionArn"])
        registered = await ecs.register_task_definition(**request)
        return str(registered["taskDefinition"]["taskDefinitionArn"])

    async def _create_groups(
        self,
        plan: SessionPlan,
        attempt: str,
        definitions: Sequence[str],
        created: _Created,
    ) -> dict[str, str]:
        sid = plan.session_id
        labels = {**self._session_tags(plan), LABEL_PROVISION: attempt}
        anchor_tags = {
            **labels,
            TAG_GROUP_ROLE: "session",
            TAG_PAUSED: "false",
            **{
                f"{TAG_TASK_DEFINITION}{m.name}": d
                for m, d in zip(plan.machines, definitions, strict=True)
            },
        }
        groups = {"session": await self._create_group(sid, "session", anchor_tags, created)}
        session_group = groups["session"]
        self_rule = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": session_group}]}]
        await self._close_egress(session_group)
        _, ec2 = await self._clients()
        await ec2.authorize_security_group_ingress(GroupId=session_group, IpPermissions=self_rule)
        await ec2.authorize_security_group_egress(GroupId=session_group, IpPermissions=self_rule)

        published = sorted({(p.port, p.protocol) for m in plan.machines for p in m.published_ports})
        if published:
            access = await self._create_group(
                sid, "access", {**labels, TAG_GROUP_ROLE: "access"}, created
            )
            groups["access"] = access
            await self._close_egress(access)
            cidr = ipaddress.ip_network(self.config.ingress_cidr)
            ranges = (
                {"IpRanges": [{"CidrIp": str(cidr), "Description": "RangeX learners"}]}
                if cidr.version == 4
                else {"Ipv6Ranges": [{"CidrIpv6": str(cidr), "Description": "RangeX learners"}]}
            )
            await ec2.authorize_security_group_ingress(
                GroupId=access,
                IpPermissions=[
                    {"IpProtocol": protocol, "FromPort": port, "ToPort": port, **ranges}
                    for port, protocol in published
                ],
            )
        if any(m.egress is EgressPolicy.INTERNET for m in plan.machines):
            groups["egress"] = await self._create_group(
                sid, "egress", {**labels, TAG_GROUP_ROLE: "egress"}, created
            )  # AWS's default rule: all egress
        return groups

    async def _create_group(
        self, session_id: str, role: str, tags: dict[str, str], created: _Created
    ) -> str:
        _, ec2 = await self._clients()

        name = self.group_name(session_id, role)

        async def create() -> str:
            try:
                response = await ec2.create_security_group(
                    GroupName=name,
                    Description=f"RangeX session {session_id} ({role})",
                    VpcId=self.config.vpc_id,
                    TagSpecifications=[{"ResourceType": "security-group", "Tags": _ec2_tags(tags)}],
                )
                group_id = str(response["GroupId"])
            except ClientError as exc:
                if _code(exc) != "InvalidGroup.Duplicate":
                    raise
                # Ours when a retried call had created it; else another server's.
                ours = await self._group_of_attempt(name, tags[LABEL_PROVISION])
                if ours is None:
                    raise SessionExists(session_id) from exc
                group_id = ours
            created.groups.append(group_id)
            return group_id

        return await self._creating(created, create())

    async def _group_of_attempt(self, name: str, attempt: str) -> str | None:
        groups = await self._groups([{"Name": "group-name", "Values": [name]}])
        return next(
            (g["GroupId"] for g in groups if resource_tags(g).get(LABEL_PROVISION) == attempt), None
        )

    async def _close_egress(self, group_id: str) -> None:
        """Revoke the egress rules a new group comes with (allow-all, v4 and maybe v6)."""
        _, ec2 = await self._clients()
        described = await ec2.describe_security_groups(GroupIds=[group_id])
        rules: list[Json] = []
        for rule in described["SecurityGroups"][0].get("IpPermissionsEgress") or []:
            clean: Json = {"IpProtocol": rule["IpProtocol"]}
            for key in ("FromPort", "ToPort"):
                if key in rule:
                    clean[key] = rule[key]
            for key, address in (("IpRanges", "CidrIp"), ("Ipv6Ranges", "CidrIpv6")):
                if rule.get(key):
                    clean[key] = [{address: r[address]} for r in rule[key]]
            if rule.get("UserIdGroupPairs"):
                clean["UserIdGroupPairs"] = [
                    {"GroupId": p["GroupId"]} for p in rule["UserIdGroupPairs"]
                ]
            rules.append(clean)
        if rules:
            await ec2.revoke_security_group_egress(GroupId=group_id, IpPermissions=rules)

    # -- starting tasks (provision and resume) -----------------------------------------

    async def _start(
        self, session_id: str, launches: Sequence[_Launch], attempt: str, created: _Created
    ) -> list[MachineHandle]:
        arns = await self._each(
            [launch.name for launch in launches],
            [
                self._creating(created, self._run_task(session_id, launch, attempt, created))
                for launch in launches
            ],
        )
        by_arn = dict(zip(arns, launches, strict=True))
        self._provisioning.update(arns)
        try:
            tasks = await self._wait_running(by_arn)
            public = await self._public_ips([t for t in tasks if by_arn[t["taskArn"]].public_ip])
        finally:
            self._provisioning.difference_update(arns)
        return [self._handle(by_arn[t["taskArn"]], t, public) for t in tasks]

    async def _run_task(
        self, session_id: str, launch: _Launch, attempt: str, created: _Created
    ) -> str:
        ecs, _ = await self._clients()
        token = hashlib.sha256(f"{attempt}/{launch.name}".encode()).hexdigest()[:32]
        response = await ecs.run_task(
            cluster=self.config.cluster,
            taskDefinition=launch.task_definition,
            launchType="FARGATE",
            platformVersion=self.config.platform_version,
            count=1,
            startedBy=self.started_by(session_id),
            # Every label explicitly: the shared task definition has only the content's.
            tags=_ecs_tags({**launch.tags, LABEL_PROVISION: attempt}),
            propagateTags="NONE",
            enableExecuteCommand=False,
            networkConfiguration={
                "awsvpcConfiguration": {
                    "subnets": list(self.config.subnets),
                    "securityGroups": list(launch.security_groups),
                    "assignPublicIp": "ENABLED" if launch.public_ip else "DISABLED",
                }
            },
            clientToken=token,  # a retried call starts no second task
        )
        tasks = response.get("tasks") or []
        if not tasks:
            failures = response.get("failures") or []
            reason = "; ".join(
                f"{f.get('reason', '')} {f.get('detail', '')}".strip() for f in failures
            )
            raise _MachineFailed(launch.name, reason or "RunTask started no task")
        arn = str(tasks[0]["taskArn"])
        created.tasks.append(arn)
        return arn

    async def _wait_running(self, started: dict[str, _Launch]) -> list[Json]:
        """Poll until every task is RUNNING; the tasks in ``started`` order.

        A task that stops (or is being stopped) fails its machine; so does one not
        running within ``start_timeout``. A task ECS does not know yet is waited for.
        """
        running: dict[str, Json] = {}
        waiting = dict(started)
        last: dict[str, str] = {}
        waited = 0.0
        while True:
            tasks, _ = await self._describe_tasks(list(waiting))
            for task in tasks:
                arn = task["taskArn"]
                status = str(task.get("lastStatus") or "")
                last[arn] = status
                if status == "RUNNING" and task.get("desiredStatus") != "STOPPED":
                    running[arn] = task
                    del waiting[arn]
                elif status not in PENDING_STATES or task.get("desiredStatus") == "STOPPED":
                    reason = stopped_detail(task) or f"{status} before it ran"
                    raise _MachineFailed(waiting[arn].name, reason)
            if not waiting:
                return [running[arn] for arn in started]
            if waited >= self.config.start_timeout:
                arn, launch = next(iter(waiting.items()))
                raise _MachineFailed(
                    launch.name,
                    f"not running after {self.config.start_timeout:g} s"
                    f" (last status {last.get(arn, 'unknown')})",
                )
            pause = min(self.config.poll_interval, self.config.start_timeout - waited)
            await self._sleep(pause)
            waited += pause

    async def _public_ips(self, tasks: Sequence[Json]) -> dict[str, str]:
        """Public IPv4 by task ARN, for the tasks given (those with a public IP wanted)."""
        enis = {eni: t["taskArn"] for t in tasks if (eni := _eni(t)[0])}
        if not enis:
            return {}
        _, ec2 = await self._clients()
        response = await ec2.describe_network_interfaces(NetworkInterfaceIds=sorted(enis))
        public: dict[str, str] = {}
        for interface in response.get("NetworkInterfaces") or []:
            address = (interface.get("Association") or {}).get("PublicIp")
            arn = enis.get(interface.get("NetworkInterfaceId", ""))
            if address and arn:
                public[arn] = str(address)
        return public

    def _handle(self, launch: _Launch, task: Json, public: dict[str, str]) -> MachineHandle:
        _, private = _eni(task)
        outside = public.get(task["taskArn"])
        if launch.public_ip and outside is None:
            log.warning("task %s of %s has no public IP yet", task["taskArn"], launch.name)
        host = outside or private
        if launch.published and host is None:
            raise _MachineFailed(launch.name, "the task has no network address")
        return MachineHandle(
            name=launch.name,
            role=launch.role,
            image=launch.image,
            resource_id=str(task["taskArn"]),
            address=private,
            published=tuple(
                PublishedPort(p.port, p.protocol, str(host), p.port) for p in launch.published
            ),
        )

    async def _each(self, names: Sequence[str], calls: Sequence[Awaitable[T]]) -> list[T]:
        """Await one call per machine (all run to their end); raise the first failure."""
        results = await asyncio.gather(*calls, return_exceptions=True)
        values: list[T] = []
        for name, result in zip(names, results, strict=True):
            if isinstance(result, _MachineFailed | DriverError):
                raise result
            if isinstance(result, ENGINE_ERRORS):
                raise _MachineFailed(name, _reason(result)) from result
            if isinstance(result, BaseException):
                raise result
            values.append(result)
        return values

    async def _creating(self, created: _Created, call: Awaitable[T]) -> T:
        """Let a call that creates something finish even if the caller is cancelled.

        The clean-up waits for these, so it knows everything that was created.
        """
        future = asyncio.ensure_future(call)
        created.pending.add(future)
        future.add_done_callback(created.pending.discard)
        return await asyncio.shield(future)

    async def _clean_up_attempt(
        self, session_id: str, attempt: str, created: _Created, *, groups: bool
    ) -> None:
        """Remove what a failed attempt created, even when the attempt was cancelled."""
        task = asyncio.ensure_future(self._undo(session_id, attempt, created, groups=groups))
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        try:
            await asyncio.shield(task)
        except DriverError as exc:
            log.error("cleaning up a failed attempt on %s: %s", session_id, exc)

    async def _undo(
        self, session_id: str, attempt: str, created: _Created, *, groups: bool
    ) -> None:
        if created.pending:
            await asyncio.wait(set(created.pending), timeout=self.config.api_timeout)
        self._provisioning.difference_update(created.tasks)
        problems = await self._remove(
            session_id,
            attempt=attempt,
            tasks=created.tasks,
            groups=created.groups if groups else None,
            operation="cleanup",
        )
        if problems:
            log.error(
                "a failed attempt on %s left resources behind: %s", session_id, "; ".join(problems)
            )

    # -- pause, resume, destroy --------------------------------------------------------

    async def pause(self, session_id: str) -> None:
        """Stop the session's tasks (Fargate keeps no state; see the module's docstring)."""
        async with self._locks.hold(session_id):
            try:
                view = await self._view(session_id)
                if view is None:
                    raise SessionNotFound(session_id)
                await self._set_paused(view, True)
                live = await self._session_tasks(session_id)
            except ENGINE_ERRORS as exc:
                raise OperationFailed(session_id, "pause", _reason(exc)) from exc
            problems = await self._stop_tasks([t["taskArn"] for t in live], "pause")
            if problems:
                raise OperationFailed(session_id, "pause", "; ".join(problems))

    async def resume(self, session_id: str) -> list[MachineHandle]:
        """Start fresh tasks, from the same task definitions, for the paused machines.

        Fargate keeps nothing of a stopped task: the new ones have new ARNs and addresses,
        returned here with the machines that kept running.
        """
        async with self._locks.hold(session_id):
            try:
                view = await self._view(session_id)
                if view is None:
                    raise SessionNotFound(session_id)
                live = {
                    resource_tags(t).get(LABEL_MACHINE)
                    for t in await self._session_tasks(session_id)
                }
                launches = [
                    await self._launch_from_tags(view, machine, definition)
                    for machine, definition in sorted(view.task_definitions.items())
                    if view.paused and machine not in live
                ]
            except _ENGINE_OR_DRIVER_ERRORS as exc:
                if isinstance(exc, SessionNotFound):
                    raise
                raise OperationFailed(session_id, "resume", _reason(exc)) from exc
            if not view.paused:
                return await self._resumed_handles(session_id)
            attempt = uuid.uuid4().hex
            created = _Created()
            try:
                await self._start(session_id, launches, attempt, created)
            except BaseException as exc:
                await self._clean_up_attempt(session_id, attempt, created, groups=False)
                if isinstance(exc, _MachineFailed):
                    reason = f"machine {exc.machine!r}: {exc.reason}"
                    raise OperationFailed(session_id, "resume", reason) from exc
                if isinstance(exc, ENGINE_ERRORS):
                    raise OperationFailed(session_id, "resume", _reason(exc)) from exc
                raise
            try:
                await self._set_paused(view, False)
            except ENGINE_ERRORS as exc:
                raise OperationFailed(session_id, "resume", _reason(exc)) from exc
            return await self._resumed_handles(session_id)

    async def _resumed_handles(self, session_id: str) -> list[MachineHandle]:
        try:
            return await self._running_handles(session_id)
        except _MachineFailed as exc:
            reason = f"machine {exc.machine!r}: {exc.reason}"
            raise OperationFailed(session_id, "resume", reason) from exc
        except ENGINE_ERRORS as exc:
            raise OperationFailed(session_id, "resume", _reason(exc)) from exc

    async def _launch_from_tags(self, view: _SessionView, machine: str, definition: str) -> _Launch:
        """A machine's launch after a restart: its task definition's tags and the session's."""
        ecs, _ = await self._clients()
        described = await ecs.describe_task_definition(taskDefinition=definition, include=["TAGS"])
        content = resource_tags(described)
        tags = {**view.session_labels, **content}
        published = _parse_published(content.get(TAG_PUBLISHED, ""))
        egress = EgressPolicy(content.get(LABEL_EGRESS, EgressPolicy.NONE.value))
        containers = described["taskDefinition"].get("containerDefinitions") or [{}]
        return _Launch(
            name=machine,
            role=MachineRole(content.get(LABEL_ROLE, MachineRole.INTERNAL.value)),
            image=str(containers[0].get("image") or ""),
            task_definition=definition,
            tags=tags,
            security_groups=self._security_groups(view.groups, published, egress),
            public_ip=self.config.assign_public_ip
            and bool(published or egress is EgressPolicy.INTERNET),
            published=published,
        )

    async def _set_paused(self, view: _SessionView, paused: bool) -> None:
        _, ec2 = await self._clients()
        await ec2.create_tags(
            Resources=[view.anchor_id],
            Tags=[{"Key": TAG_PAUSED, "Value": "true" if paused else "false"}],
        )

    async def destroy(self, session_id: str) -> None:
        if not _SAFE_SESSION_ID.match(session_id):
            return  # no resource can carry it
        async with self._locks.hold(session_id):
            problems = await self._remove(session_id, groups=(), operation="destroy")
        if problems:
            raise OperationFailed(session_id, "destroy", "; ".join(problems))

    async def _remove(
        self,
        session_id: str,
        *,
        attempt: str | None = None,
        tasks: Sequence[str] = (),
        groups: Sequence[str] | None,
        operation: str,
    ) -> list[str]:
        """Stop the session's tasks, then delete its groups (``groups=None``: keep them).

        With ``attempt``, only what that attempt created (its ``rangex.provision`` tag,
        plus the ids given). Returns what could not be removed.
        """
        try:
            listed = await self._session_tasks(session_id, attempt=attempt)
        except ENGINE_ERRORS as exc:
            return [f"listing tasks: {_reason(exc)}"]
        problems = await self._stop_tasks(
            list(dict.fromkeys([*tasks, *(t["taskArn"] for t in listed)])), operation
        )
        if groups is None or problems:  # a group in use cannot go
            return problems
        try:
            found = await self._session_groups(session_id, attempt)
        except ENGINE_ERRORS as exc:
            return [f"listing security groups: {_reason(exc)}"]
        group_ids = sorted({*groups, *(g["GroupId"] for g in found)})
        results = await asyncio.gather(*map(self._delete_group, group_ids))
        return [r for r in results if r]

    async def _stop_tasks(self, arns: Sequence[str], operation: str) -> list[str]:
        if not arns:
            return []
        now = time.time()
        for arn in arns:
            self._stopping[arn] = now
        while len(self._stopping) > 10_000:
            self._stopping.popitem(last=False)
        try:
            ecs, _ = await self._clients()
        except DriverError as exc:
            return [str(exc)]
        results = await asyncio.gather(
            *(
                ecs.stop_task(cluster=self.config.cluster, task=arn, reason=_stop_reason(operation))
                for arn in arns
            ),
            return_exceptions=True,
        )
        problems: list[str] = []
        for arn, result in zip(arns, results, strict=True):
            if not isinstance(result, BaseException):
                continue
            if _code(result) == "InvalidParameterException" and "not found" in _reason(result):
                continue  # gone already
            if isinstance(result, ENGINE_ERRORS):
                problems.append(f"task {arn.rsplit('/', 1)[-1]}: {_reason(result)}")
            else:
                raise result
        return problems

    async def _delete_group(self, group_id: str) -> str | None:
        """Delete a group, waiting out DependencyViolation (interfaces not yet released).

        Waits ``group_delete_backoff`` seconds, doubling up to 30, for at most
        ``group_delete_timeout`` seconds in all. None when gone; else what is wrong.
        """
        waited = 0.0
        delay = self.config.group_delete_backoff
        while True:
            try:
                _, ec2 = await self._clients()
                await ec2.delete_security_group(GroupId=group_id)
                return None
            except ENGINE_ERRORS as exc:
                code = _code(exc)
                if code in ("InvalidGroup.NotFound", "InvalidGroupId.NotFound"):
                    return None
                problem = f"security group {group_id}: {_reason(exc)}"
                if code != "DependencyViolation":
                    return problem
            except DriverError as exc:
                return f"security group {group_id}: {exc}"
            remaining = self.config.group_delete_timeout - waited
            if remaining <= 0:
                return f"{problem} (still in use after {waited:g} s)"
            pause = min(delay, remaining)
            await self._sleep(pause)
            waited += pause
            delay = min(delay * 2, _MAX_BACKOFF)

    # -- events ------------------------------------------------------------------------

    def events(self) -> AsyncIterator[EngineEvent]:
        """Poll the cluster's tasks every ``event_poll_interval`` seconds (see the module).

        Each call polls on its own: hold one subscription per server.
        """
        return self._poll_events(time.time())

    async def _poll_events(self, since: float) -> AsyncIterator[EngineEvent]:
        alive: dict[str, tuple[str, str]] = {}  # task ARN → (session, machine)
        settled: set[str] = set()  # stopped tasks dealt with, and others' tasks
        while not self._closed:
            try:
                listed = await self._task_arns(None, "RUNNING", "STOPPED")
                settled.intersection_update(listed)
                wanted = [a for a in dict.fromkeys([*listed, *alive]) if a not in settled]
                tasks, unknown = await self._describe_tasks(wanted) if wanted else ([], set())
            except _ENGINE_OR_DRIVER_ERRORS as exc:
                if self._closed:
                    return
                log.warning("polling ECS tasks for events failed: %s", _reason(exc))
            else:
                for event in self.task_events(tasks, unknown, alive, settled, since):
                    yield event
            if await self._closing(self.config.event_poll_interval):
                return

    def task_events(
        self,
        tasks: Sequence[Json],
        unknown: set[str],
        alive: dict[str, tuple[str, str]],
        settled: set[str],
        since: float,
    ) -> list[EngineEvent]:
        """The news in one poll; updates ``alive`` and ``settled`` for the next one."""
        now = datetime.now(UTC)
        events: list[EngineEvent] = []
        for task in tasks:
            arn = task["taskArn"]
            tags = resource_tags(task)
            session_id = tags.get(LABEL_SESSION)
            if not session_id:
                settled.add(arn)  # not a machine of ours
                continue
            if arn in self._provisioning:
                continue  # the provisioning deals with it
            machine = tags.get(LABEL_MACHINE, "")
            if task.get("lastStatus") != "STOPPED":
                alive[arn] = (session_id, machine)
                continue
            settled.add(arn)
            was_alive = alive.pop(arn, None) is not None
            if arn in self._stopping or stopped_by_driver(task):
                continue
            stopped_at = task.get("stoppedAt")
            recent = isinstance(stopped_at, datetime) and stopped_at.timestamp() >= since
            if not (was_alive or recent):
                continue  # it stopped before this subscription
            events.append(
                EngineEvent(
                    session_id=session_id,
                    machine=machine,
                    kind=EventKind.OOM_KILLED if is_oom(task) else EventKind.DIED,
                    resource_id=arn,
                    at=stopped_at if isinstance(stopped_at, datetime) else now,
                    exit_code=task_exit_code(task),
                    detail=stopped_detail(task),
                )
            )
        for arn in sorted(unknown & set(alive)):
            session_id, machine = alive.pop(arn)
            if arn in self._stopping:
                continue
            events.append(
                EngineEvent(
                    session_id, machine, EventKind.LOST, arn, now, detail="ECS no longer knows it"
                )
            )
        return events

    async def _closing(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True when the driver closed meanwhile."""
        try:
            await asyncio.wait_for(self._closed_event.wait(), seconds)
        except TimeoutError:
            return self._closed
        return True

    # -- closing -----------------------------------------------------------------------

    async def close(self) -> None:
        if self._closed:
            return
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        self._closed = True
        self._closed_event.set()
        if self._stack is not None:
            stack, self._stack = self._stack, None
            self._ecs = self._ec2 = None
            await stack.aclose()


if TYPE_CHECKING:  # mypy checks that the class satisfies the protocol

    def _is_a_driver(driver: EcsDriver) -> Driver:
        return driver
