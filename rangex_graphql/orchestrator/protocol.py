"""What every orchestrator driver offers, and the plain data it takes and returns.

A driver turns a :class:`SessionPlan` (a session's machines and the labels to put on
them) into running machines on one engine (the in-process simulator, Docker, ECS), and
answers for them by session id afterwards: pause, resume, destroy, status (of one
session or many at once), engine events, and the list of everything it owns, found by
label, for the reconciler.

Every resource a driver creates carries ``rangex.session=<session id>`` and the domain's
required labels (scenario, creator, scenario version, machine role, resource profile), so
a crashed server's leftovers can always be found and removed.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal, Protocol, runtime_checkable

from .registry import RegistryAuth

# -- labels ---------------------------------------------------------------------------

LABEL_SESSION = "rangex.session"
LABEL_SCENARIO = "rangex.scenario"
LABEL_CREATOR = "rangex.creator"
LABEL_SCENARIO_VERSION = "rangex.scenario-version"
LABEL_MACHINE = "rangex.machine"
LABEL_ROLE = "rangex.role"
LABEL_PROFILE = "rangex.resource-profile"
LABEL_NETWORK_GROUP = "rangex.network-group"
LABEL_EGRESS = "rangex.egress"
#: One value per provision attempt: what a failed attempt must clean up.
LABEL_PROVISION = "rangex.provision"

#: How :meth:`Driver.list_owned` names a running machine (a Docker container, an ECS
#: task), as opposed to a session's other resources (networks, security groups).
MACHINE_RESOURCE_PREFIXES = ("container:", "task:")

#: Labels a plan's ``extra_labels`` may not override.
RESERVED_LABELS = frozenset(
    {
        LABEL_SESSION,
        LABEL_SCENARIO,
        LABEL_CREATOR,
        LABEL_SCENARIO_VERSION,
        LABEL_MACHINE,
        LABEL_ROLE,
        LABEL_PROFILE,
        LABEL_NETWORK_GROUP,
        LABEL_EGRESS,
        LABEL_PROVISION,
    }
)

# -- the domain's hard limits a driver enforces whatever the plan says -----------------

MAX_MACHINE_CPU = 2.0
MAX_MACHINE_MEMORY_MIB = 4096
MAX_PORTS_PER_MACHINE = 5
ALLOWED_CONTAINER_PORTS = frozenset({22, 80, 443, 3000, 5900, 6901, 8080, 8443, 9090})
#: Docker's (and Fargate's) default capability set less MKNOD: what a machine may add
#: back after everything is dropped.
BASE_CAPABILITIES = frozenset(
    {
        "AUDIT_WRITE",
        "CHOWN",
        "DAC_OVERRIDE",
        "FOWNER",
        "FSETID",
        "KILL",
        "NET_BIND_SERVICE",
        "NET_RAW",
        "SETFCAP",
        "SETGID",
        "SETPCAP",
        "SETUID",
        "SYS_CHROOT",
    }
)
#: Every capability a machine may have: the defaults above plus the two labs need whose
#: reach ends at the container's own namespaces: NET_ADMIN (its own interfaces, routes and
#: firewall: pivoting, sniffing and spoofing labs on the session network) and SYS_PTRACE
#: (debugging its own processes: exploitation labs; the seccomp profile still applies).
#: Never SYS_ADMIN, SYS_MODULE, SYS_RAWIO, SYS_TIME, DAC_READ_SEARCH, BPF and the like:
#: each is a known way out of a container. Fixed in code, not a setting, so that no
#: configuration can widen it.
ALLOWED_CAPABILITIES = BASE_CAPABILITIES | {"NET_ADMIN", "SYS_PTRACE"}
#: Kernel parameters a machine may set: network ones, which belong to its own network
#: namespace (the engines refuse the host-wide rest anyway).
ALLOWED_SYSCTLS = re.compile(
    r"^net\.ipv4\.(?:ip_forward|ip_unprivileged_port_start|ping_group_range|tcp_syncookies"
    r"|icmp_echo_ignore_all|icmp_echo_ignore_broadcasts)$"
    r"|^net\.ipv4\.conf\.(?:all|default)\.[a-z_]{1,40}$"
    r"|^net\.ipv6\.conf\.(?:all|default)\.[a-z_]{1,40}$"
)
SYSCTL_VALUE = re.compile(r"^[A-Za-z0-9 ._-]{1,64}$")
#: Resource limits a machine may set (soft = hard), with their bounds: open files and
#: processes, within what the engines allow a container (20000 on the project's hosts).
ULIMIT_BOUNDS: Mapping[str, tuple[int, int]] = {"nofile": (256, 16384), "nproc": (64, 16384)}
MAX_STARTUP_COMMANDS = 10
#: Bounds of a healthcheck the engines accept (authoring holds to ECS's narrower ones).
HEALTHCHECK_BOUNDS: Mapping[str, tuple[int, int]] = {
    "interval": (1, 300),
    "timeout": (1, 60),
    "retries": (1, 10),
    "start_period": (0, 600),
}
MAX_STARTUP_COMMAND_LENGTH = 1000

_SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MACHINE_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")
_NETWORK_GROUP = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: An asset's place in a machine: absolute, printable, at most 1,024 characters.
_ASSET_PATH = re.compile(r"^/[^\x00-\x1f\x7f]{1,1023}$")


class MachineRole(StrEnum):
    ATTACKER = "attacker"
    INTERNAL = "internal"
    SERVICE = "service"


class EgressPolicy(StrEnum):
    NONE = "none"
    SESSION_ONLY = "session-only"
    INTERNET = "internet"


class MachineState(StrEnum):
    PENDING = "pending"  # created, not started
    RUNNING = "running"
    PAUSED = "paused"
    EXITED = "exited"  # stopped or died; see exit_code / oom_killed
    UNKNOWN = "unknown"


class EventKind(StrEnum):
    DIED = "died"  # the machine's main process ended
    OOM_KILLED = "oom_killed"  # the kernel killed a process for memory
    LOST = "lost"  # the machine is gone, removed by someone else than this driver


# -- the plan -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PortSpec:
    """A container port. ``published``: reachable by the learner from outside."""

    port: int
    protocol: Literal["tcp", "udp"] = "tcp"
    published: bool = False


@dataclass(frozen=True, slots=True)
class HealthcheckSpec:
    """A shell command the engine runs in the machine; healthy when it exits 0. Times in
    seconds. On Docker a machine with one counts as running only once healthy."""

    command: str
    interval: int = 30
    timeout: int = 5
    retries: int = 3
    start_period: int = 0


@dataclass(frozen=True, slots=True)
class AssetSpec:
    """A file placed into a machine before it starts: the object store's key, the
    absolute path in the machine, its mode bits (owner root), its size in bytes."""

    key: str
    path: str
    mode: int = 0o644
    size: int = 0


class AssetSource(Protocol):
    """Where a driver reads the files it places (the object store satisfies it)."""

    async def get(self, key: str, max_bytes: int | None = None) -> bytes:
        """The object's bytes; KeyError when there is no such object."""
        ...

    async def presign_download(
        self, key: str, expires_at: datetime, filename: str | None = None
    ) -> str:
        """A URL that reads the object until ``expires_at``."""
        ...


@dataclass(frozen=True, slots=True)
class MachineSpec:
    name: str  # DNS label, unique in the session; the machine's hostname
    role: MachineRole
    image: str
    cpu: float  # vCPU
    memory_mib: int
    resource_profile: str = "micro"
    ports: tuple[PortSpec, ...] = ()
    environment: Mapping[str, str] = field(default_factory=dict)
    network_group: str = "default"  # a lowercase DNS label of 1-63 chars
    egress: EgressPolicy = EgressPolicy.NONE
    # Access flags, enforced as the relation of ``segmentation.may_reach``.
    reachable_from_attacker: bool = True
    internal_connections_allowed: bool = True
    pivot_host: bool = False
    command: tuple[str, ...] | None = None
    capabilities: tuple[str, ...] = ()  # added back after dropping all; see ALLOWED_
    pids_limit: int = 512
    sysctls: Mapping[str, str] = field(default_factory=dict)  # see ALLOWED_SYSCTLS
    ulimits: Mapping[str, int] = field(default_factory=dict)  # soft = hard; ULIMIT_BOUNDS
    healthcheck: HealthcheckSpec | None = None
    assets: tuple[AssetSpec, ...] = ()  # files placed before the machine starts
    # The login for the image's private registry (registry.py); None: pulled anonymously.
    registry_auth: RegistryAuth | None = None

    @property
    def published_ports(self) -> tuple[PortSpec, ...]:
        return tuple(p for p in self.ports if p.published)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    session_id: str
    scenario: str
    creator: str
    scenario_version: str
    machines: tuple[MachineSpec, ...]
    allow_egress: bool = False  # whether any machine may have internet egress
    extra_labels: Mapping[str, str] = field(default_factory=dict)

    def session_labels(self) -> dict[str, str]:
        """The labels every resource of the session carries."""
        return {
            **self.extra_labels,
            LABEL_SESSION: self.session_id,
            LABEL_SCENARIO: self.scenario,
            LABEL_CREATOR: self.creator,
            LABEL_SCENARIO_VERSION: self.scenario_version,
        }

    def machine_labels(self, machine: MachineSpec) -> dict[str, str]:
        """The labels of one machine: the session's plus role, profile, name."""
        return {
            **self.session_labels(),
            LABEL_MACHINE: machine.name,
            LABEL_ROLE: machine.role.value,
            LABEL_PROFILE: machine.resource_profile,
            LABEL_NETWORK_GROUP: machine.network_group,
            LABEL_EGRESS: machine.egress.value,
        }


def validate_plan(plan: SessionPlan) -> None:
    """Raise :class:`InvalidPlan` when the plan breaks a rule no engine may relax."""
    problems: list[str] = []
    if not _SESSION_ID.match(plan.session_id):
        problems.append(f"session id {plan.session_id!r} is not [A-Za-z0-9_.-]{{1,64}}")
    if not plan.machines:
        problems.append("a session needs at least one machine")
    for label, value in (
        ("scenario", plan.scenario),
        ("creator", plan.creator),
        ("scenario version", plan.scenario_version),
    ):
        if not value:
            problems.append(f"the {label} label is empty")
    reserved = RESERVED_LABELS & set(plan.extra_labels)
    if reserved:
        problems.append(f"extra labels may not set {sorted(reserved)}")
    names = [m.name for m in plan.machines]
    if len(set(names)) != len(names):
        problems.append(f"machine names are not unique: {names}")
    for m in plan.machines:
        where = f"machine {m.name!r}"
        if not _MACHINE_NAME.match(m.name):
            problems.append(f"{where}: the name is not a lowercase DNS label of 1-32 chars")
        if not m.image:
            problems.append(f"{where}: no image")
        if not _NETWORK_GROUP.match(m.network_group):
            problems.append(f"{where}: the network group is not a lowercase DNS label")
        if not 0 < m.cpu <= MAX_MACHINE_CPU:
            problems.append(f"{where}: cpu {m.cpu} not in (0, {MAX_MACHINE_CPU}]")
        if not 6 <= m.memory_mib <= MAX_MACHINE_MEMORY_MIB:
            problems.append(f"{where}: memory {m.memory_mib} MiB not in [6, 4096]")
        if m.pids_limit < 1:
            problems.append(f"{where}: pids limit must be positive")
        if len(m.ports) > MAX_PORTS_PER_MACHINE:
            problems.append(f"{where}: more than {MAX_PORTS_PER_MACHINE} ports")
        bad_ports = sorted({p.port for p in m.ports} - ALLOWED_CONTAINER_PORTS)
        if bad_ports:
            problems.append(f"{where}: ports {bad_ports} are not allowed")
        bad_caps = sorted(set(m.capabilities) - ALLOWED_CAPABILITIES)
        if bad_caps:
            problems.append(f"{where}: capabilities {bad_caps} are not allowed")
        bad_sysctls = sorted(
            k
            for k, v in m.sysctls.items()
            if not ALLOWED_SYSCTLS.match(k) or not SYSCTL_VALUE.match(v)
        )
        if bad_sysctls:
            problems.append(f"{where}: sysctls {bad_sysctls} are not allowed")
        bad_ulimits = sorted(
            k
            for k, v in m.ulimits.items()
            if k not in ULIMIT_BOUNDS or not ULIMIT_BOUNDS[k][0] <= v <= ULIMIT_BOUNDS[k][1]
        )
        if bad_ulimits:
            problems.append(f"{where}: ulimits {bad_ulimits} are not allowed")
        if m.healthcheck is not None:
            check = m.healthcheck
            bad_check = sorted(
                name
                for name, (low, high) in HEALTHCHECK_BOUNDS.items()
                if not low <= getattr(check, name) <= high
            )
            if not check.command.strip() or bad_check:
                problems.append(f"{where}: healthcheck {bad_check or ['command']} out of bounds")
        bad_assets = sorted(
            a.path
            for a in m.assets
            if not a.key
            or not 0 <= a.mode <= 0o777
            or not _ASSET_PATH.match(a.path)
            or any(part in ("", ".", "..") for part in a.path[1:].split("/"))
        )
        if bad_assets:
            problems.append(f"{where}: asset paths or modes not allowed: {bad_assets}")
        bad_env = sorted(k for k in m.environment if not _ENV_NAME.match(k))
        if bad_env:
            problems.append(f"{where}: bad environment names {bad_env}")
        if m.egress is EgressPolicy.INTERNET and not plan.allow_egress:
            problems.append(f"{where}: internet egress in a plan that allows none")
    if problems:
        raise InvalidPlan(plan.session_id, problems)


# -- what drivers return --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublishedPort:
    container_port: int
    protocol: Literal["tcp", "udp"]
    host_ip: str
    host_port: int


@dataclass(frozen=True, slots=True)
class MachineHandle:
    name: str
    role: MachineRole
    image: str
    resource_id: str  # the engine's id: container id, task ARN
    address: str | None  # the machine's address on the session network
    published: tuple[PublishedPort, ...] = ()

    def published_port(self, container_port: int) -> PublishedPort | None:
        return next((p for p in self.published if p.container_port == container_port), None)


@dataclass(frozen=True, slots=True)
class MachineStatus:
    name: str
    resource_id: str
    state: MachineState
    exit_code: int | None = None
    oom_killed: bool = False
    detail: str = ""


@dataclass(frozen=True, slots=True)
class EngineEvent:
    session_id: str
    machine: str
    kind: EventKind
    resource_id: str
    at: datetime
    exit_code: int | None = None
    detail: str = ""


# -- errors ---------------------------------------------------------------------------


class DriverError(Exception):
    """Anything a driver could not do."""


class InvalidPlan(DriverError):
    def __init__(self, session_id: str, problems: list[str]) -> None:
        self.session_id = session_id
        self.problems = problems
        super().__init__(f"invalid plan for session {session_id}: " + "; ".join(problems))


class EngineUnavailable(DriverError):
    """The engine could not be reached or answered with an unexpected failure."""


class SessionNotFound(DriverError):
    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        super().__init__(f"no machines for session {session_id}")


class SessionExists(DriverError):
    """Provisioning a session that already has resources (never double-provision)."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        super().__init__(f"session {session_id} is already provisioned")


class ProvisionFailed(DriverError):
    """Provisioning failed; everything the attempt created has been removed."""

    def __init__(self, session_id: str, machine: str | None, reason: str) -> None:
        self.session_id = session_id
        self.machine = machine
        self.reason = reason
        where = f"machine {machine!r}" if machine else "the session network"
        super().__init__(f"provisioning session {session_id} failed at {where}: {reason}")


class OperationFailed(DriverError):
    """Pause, resume or destroy failed on the engine."""

    def __init__(self, session_id: str, operation: str, reason: str) -> None:
        self.session_id = session_id
        self.operation = operation
        self.reason = reason
        super().__init__(f"{operation} of session {session_id} failed: {reason}")


# -- the protocol ---------------------------------------------------------------------


@runtime_checkable
class Driver(Protocol):
    """One engine's way to run sessions. All methods are safe to call concurrently."""

    async def ping(self) -> None:
        """Return when the engine answers; raise :class:`EngineUnavailable` otherwise."""
        ...

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        """Create and start the plan's machines, in plan order.

        Raises :class:`InvalidPlan`, :class:`SessionExists`, or :class:`ProvisionFailed`
        after removing whatever the attempt created.
        """
        ...

    async def pause(self, session_id: str) -> None:
        """Freeze the session's running machines. :class:`SessionNotFound` if none."""
        ...

    async def resume(self, session_id: str) -> list[MachineHandle]:
        """Unfreeze the session's paused machines. :class:`SessionNotFound` if none.

        Returns the machines as they are now: an engine that restarts machines on resume
        (ECS) gives them new resource ids and addresses, which the caller must record.
        """
        ...

    async def destroy(self, session_id: str) -> None:
        """Remove every resource of the session; idempotent, fine when already gone."""
        ...

    async def status(self, session_id: str) -> list[MachineStatus]:
        """The session's machines as the engine sees them now (empty when none)."""
        ...

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        """:meth:`status` of each session, asked of the engine at once (for the reconciler).

        Every id given is a key of the answer, an empty list when the session has no
        machines; the engine is asked a fixed number of times whatever the number of
        sessions, where :meth:`status` would ask it per session.
        """
        ...

    def events(self) -> AsyncIterator[EngineEvent]:
        """Engine events of this driver's machines from the moment of the call on.

        Each call is an independent subscription; it ends when the driver closes.
        """
        ...

    async def list_owned(self) -> dict[str, list[str]]:
        """Every resource carrying the session label, by session id, for the reconciler:
        ``kind:id`` strings, machines as one of :data:`MACHINE_RESOURCE_PREFIXES`."""
        ...

    async def close(self) -> None:
        """Release connections; ends the iterators returned by :meth:`events`."""
        ...
