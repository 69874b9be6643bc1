"""Starting a session: the checks, the REQUESTED row, and provisioning in the background.

The limits are checked and the row inserted in one transaction that first takes the locks
the checks need, so concurrent starts cannot pass a limit between a count and an insert
(``SELECT ... FOR UPDATE`` on MySQL; SQLite runs a process's transactions one at a time):

1. the platform lock (``platform_lock.py``), only when a platform-wide cap is set, so
   that starts by different users at a platform cap take turns and the cap is exact;
2. the user's row, so that two starts by one user at the per-user limit cannot both pass;
3. the scenario's row, only when the scenario has a cap of its own.

Always in this order, widest first. Nothing but a start takes the platform lock, and a
start never waits for it while holding a user or scenario row, so it adds no deadlock
with other writers of those rows. Taken last, it would: a start holding it ends with an
``UPDATE`` of the scenario row (``sessions_started``), which a start queued behind it may
hold when the two read the scenario's cap on either side of a change to it. Every count
comes after the locks: on InnoDB a transaction's snapshot starts at its first plain read,
so the counts see what the previous lock holders committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.expressions import F
from tortoise.functions import Count

from ...db.transactions import retrying_transaction
from ...models import EnvironmentSession, Machine, Scenario, ScenarioVersion, SessionMachine, User
from ...models.enums import MachineRole, ResourceProfile, SessionState, VersionStatus, Visibility
from ...runtime import Runtime
from ...security.secret_box import seal
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError
from .cost import budget_exhausted
from .errors import SessionCode
from .events import publish_session_event
from .plan import LEARNER_USERNAME, new_password
from .platform_lock import SESSION_STARTS, hold, with_lock_row
from .provisioning import provision
from .transitions import ACTIVE_STATES

MIN_DURATION_MINUTES = 30
MAX_DURATION_MINUTES = 480
ACTIVE = [s.value for s in ACTIVE_STATES]


@dataclass(frozen=True, slots=True)
class StartRequest:
    version_id: UUID
    resource_profile: ResourceProfile | None  # None: the version's default profile
    duration_minutes: int


def check_duration(minutes: int, field: str = "input.durationMinutes") -> None:
    if not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        raise DomainError(
            SessionCode.INVALID_DURATION,
            f"the duration must be {MIN_DURATION_MINUTES}-{MAX_DURATION_MINUTES} minutes",
            field,
        )


async def startable_version(
    actor: Actor, version_id: UUID, field: str = "input.version"
) -> ScenarioVersion:
    """The version, if the actor may start (or price) it: published, its scenario live and
    visible. Versions the actor may not even see are reported as not found."""
    version = await ScenarioVersion.get_or_none(id=version_id).prefetch_related("scenario")
    if version is None or version.scenario.deleted_at is not None:
        raise DomainError(SessionCode.VERSION_NOT_FOUND, "no such scenario version", field)
    scenario = version.scenario
    insider = actor.is_admin or actor.id == scenario.author_id  # type: ignore[attr-defined]
    if scenario.visibility is Visibility.PRIVATE and not insider:
        raise DomainError(SessionCode.VERSION_NOT_FOUND, "no such scenario version", field)
    if version.status is not VersionStatus.PUBLISHED:
        if not insider:
            raise DomainError(SessionCode.VERSION_NOT_FOUND, "no such scenario version", field)
        raise DomainError(
            SessionCode.VERSION_NOT_PUBLISHED, "only a published version can run", field
        )
    return version


async def start(
    runtime: Runtime, actor: Actor, request: StartRequest, meta: RequestMeta
) -> EnvironmentSession:
    """A new session in REQUESTED; its machines are provisioned in the background."""
    check_duration(request.duration_minutes)
    version = await startable_version(actor, request.version_id)
    if await budget_exhausted(runtime.settings):
        raise DomainError(
            SessionCode.BUDGET_EXHAUSTED, "the platform's monthly budget is spent; try again later"
        )
    session = await _create(runtime, actor, version, request, meta)
    await publish_session_event(runtime.broker, session, "start")
    runtime.spawn(lambda: provision(runtime, session.id), name=f"provision-{session.id}")
    return session


async def _create(
    runtime: Runtime,
    actor: Actor,
    version: ScenarioVersion,
    request: StartRequest,
    meta: RequestMeta,
) -> EnvironmentSession:
    machines = await Machine.filter(version_id=version.id).order_by("position", "id")

    async def attempt() -> EnvironmentSession:
        return await _insert(runtime, actor, version, machines, request, meta)

    if _platform_capped(runtime):
        return await with_lock_row(SESSION_STARTS, attempt)
    return await attempt()


def _platform_capped(runtime: Runtime) -> bool:
    settings = runtime.settings
    return (
        settings.session_platform_max_active is not None
        or settings.session_platform_max_users is not None
    )


async def _insert(
    runtime: Runtime,
    actor: Actor,
    version: ScenarioVersion,
    machines: list[Machine],
    request: StartRequest,
    meta: RequestMeta,
) -> EnvironmentSession:
    scenario: Scenario = version.scenario

    async def insert() -> EnvironmentSession:
        # Locks first, widest first (see the module docstring), then the counts.
        if _platform_capped(runtime):
            await hold(SESSION_STARTS)
        await User.filter(id=actor.id).select_for_update().only("id").first()
        if scenario.max_active_sessions is not None:
            await Scenario.filter(id=scenario.id).select_for_update().only("id").first()
        await _check_limits(runtime, actor.id, scenario)
        session = await EnvironmentSession.create(
            user_id=actor.id,
            version_id=version.id,
            state=SessionState.REQUESTED,
            resource_profile=request.resource_profile or version.resource_profile,
            duration_minutes=request.duration_minutes,
        )
        await SessionMachine.bulk_create(
            [_session_machine(runtime, session.id, machine) for machine in machines]
        )
        await Scenario.filter(id=scenario.id).update(sessions_started=F("sessions_started") + 1)
        await audit(
            "session.start",
            meta,
            actor_id=actor.id,
            target_type="EnvironmentSession",
            target_id=session.id,
            version_id=str(version.id),
            resource_profile=(request.resource_profile or version.resource_profile).value,
            duration_minutes=request.duration_minutes,
        )
        return session

    return await retrying_transaction(insert)


def _session_machine(runtime: Runtime, session_id: UUID, machine: Machine) -> SessionMachine:
    if machine.role is not MachineRole.ATTACKER:
        return SessionMachine(session_id=session_id, machine_id=machine.id)
    password = new_password()
    return SessionMachine(
        session_id=session_id,
        machine_id=machine.id,
        username=LEARNER_USERNAME,
        password_sealed=seal(runtime.settings, password),
    )


async def _check_limits(runtime: Runtime, user_id: UUID, scenario: Scenario) -> None:
    settings = runtime.settings
    mine = await EnvironmentSession.filter(user_id=user_id, state__in=ACTIVE).count()
    if mine >= settings.session_max_per_user:
        raise DomainError(
            SessionCode.USER_SESSION_LIMIT,
            f"you already have {mine} active sessions (at most "
            f"{settings.session_max_per_user}); end one first",
        )
    cap = settings.session_platform_max_active
    if cap is not None and await EnvironmentSession.filter(state__in=ACTIVE).count() >= cap:
        raise DomainError(SessionCode.PLATFORM_SESSION_LIMIT, "the range is full; try again later")
    user_cap = settings.session_platform_max_users
    if user_cap is not None and not mine:
        rows = (
            await EnvironmentSession.filter(state__in=ACTIVE)
            .annotate(users=Count("user_id", distinct=True))
            .values("users")
        )
        if rows and rows[0]["users"] >= user_cap:
            raise DomainError(SessionCode.PLATFORM_USER_LIMIT, "the range is full; try again later")
    if scenario.max_active_sessions is not None:
        running = await EnvironmentSession.filter(
            version__scenario_id=scenario.id, state__in=ACTIVE
        ).count()
        if running >= scenario.max_active_sessions:
            raise DomainError(
                SessionCode.SCENARIO_SESSION_LIMIT,
                "this scenario runs as many sessions as it may; try again later",
                "input.version",
            )
