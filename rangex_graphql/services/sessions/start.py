"""Starting a session: the checks, the REQUESTED row, and provisioning in the background.

The limits are checked and the row inserted in one transaction that first takes the locks
the checks need, so concurrent starts cannot pass a limit between a count and an insert
(``SELECT ... FOR UPDATE`` on MySQL; SQLite runs a process's transactions one at a time):

1. the platform lock (``platform_lock.py``), only when a platform-wide cap is set (the
   run-time settings of services/platform_settings: sessions, users, machines), so
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

A start with an event (``event_sessions.py``) is checked against the event first (found,
registered, running, the version one of its challenges); its registration is read again
and its own limit counted under the user's lock, and it does not count against the
per-user limit of sessions outside events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
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
from ..budgets.spend import budget_exhausted
from ..errors import DomainError
from ..platform_settings.values import PlatformValues
from .errors import SessionCode
from .event_sessions import (
    EventEntry,
    check_event_limit,
    event_entry,
    not_in_event,
    registration_of,
)
from .events import publish_session_event
from .plan import LEARNER_USERNAME, new_password
from .platform_lock import SESSION_STARTS, hold, with_lock_row
from .provisioning import provision
from .transitions import ACTIVE_STATES

MIN_DURATION_MINUTES = 30
ACTIVE = [s.value for s in ACTIVE_STATES]


@dataclass(frozen=True, slots=True)
class StartRequest:
    version_id: UUID
    resource_profile: ResourceProfile | None  # None: the version's default profile
    duration_minutes: int
    event_id: UUID | None = None  # an event session of this event
    is_test: bool = False  # a creator test run (services/testruns): unscored, unpopular


def check_duration(minutes: int, most: int, field: str = "input.durationMinutes") -> None:
    """``most``: the run-time maximum session duration."""
    if not MIN_DURATION_MINUTES <= minutes <= most:
        raise DomainError(
            SessionCode.INVALID_DURATION,
            f"the duration must be {MIN_DURATION_MINUTES}-{most} minutes",
            field,
        )


def check_open(platform: PlatformValues, actor: Actor) -> None:
    """Maintenance mode refuses new sessions to everyone but admins; running ones go on."""
    if platform.maintenance_enabled and not actor.is_admin:
        raise DomainError(
            SessionCode.MAINTENANCE,
            platform.maintenance_message or "the platform is under maintenance; try again later",
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
    platform = runtime.platform.current
    check_open(platform, actor)
    check_duration(request.duration_minutes, platform.max_session_minutes)
    entry: EventEntry | None = None
    if request.event_id is None:
        version = await startable_version(actor, request.version_id)
    else:
        entry, pinned = await event_entry(
            actor, request.event_id, request.version_id, datetime.now(UTC)
        )
        if pinned is None:
            await startable_version(actor, request.version_id)  # unseen: not found
            raise not_in_event()
        version = pinned
    if await budget_exhausted(runtime.settings):
        raise DomainError(
            SessionCode.BUDGET_EXHAUSTED, "the platform's budget is spent; try again later"
        )
    session = await _create(runtime, actor, version, request, entry, meta)
    await publish_session_event(runtime.broker, session, "start")
    runtime.spawn(lambda: provision(runtime, session.id), name=f"provision-{session.id}")
    return session


async def create_test_session(
    runtime: Runtime, actor: Actor, version: ScenarioVersion, minutes: int, meta: RequestMeta
) -> EnvironmentSession:
    """The REQUESTED session of a creator test run (services/testruns), on a version of any
    status (``version.scenario`` fetched): the budget and every cap of ``start`` apply, but
    it is unscored and does not count as the scenario being started. Its caller runs
    ``provision``."""
    check_open(runtime.platform.current, actor)
    if await budget_exhausted(runtime.settings):
        raise DomainError(
            SessionCode.BUDGET_EXHAUSTED, "the platform's budget is spent; try again later"
        )
    request = StartRequest(version.id, None, minutes, is_test=True)
    session = await _create(runtime, actor, version, request, None, meta)
    await publish_session_event(runtime.broker, session, "start")
    return session


async def _create(
    runtime: Runtime,
    actor: Actor,
    version: ScenarioVersion,
    request: StartRequest,
    entry: EventEntry | None,
    meta: RequestMeta,
) -> EnvironmentSession:
    machines = await Machine.filter(version_id=version.id).order_by("position", "id")
    # One read of the run-time settings for the whole start: whether to take the platform
    # lock and the limits counted under it agree even if a change lands meanwhile.
    platform = runtime.platform.current

    async def attempt() -> EnvironmentSession:
        return await _insert(runtime, platform, actor, version, machines, request, entry, meta)

    if _platform_capped(platform):
        return await with_lock_row(SESSION_STARTS, attempt)
    return await attempt()


def _platform_capped(platform: PlatformValues) -> bool:
    return (
        platform.max_active_sessions is not None
        or platform.max_concurrent_users is not None
        or platform.max_total_machines is not None
    )


async def _insert(
    runtime: Runtime,
    platform: PlatformValues,
    actor: Actor,
    version: ScenarioVersion,
    machines: list[Machine],
    request: StartRequest,
    entry: EventEntry | None,
    meta: RequestMeta,
) -> EnvironmentSession:
    scenario: Scenario = version.scenario

    async def insert() -> EnvironmentSession:
        # Locks first, widest first (see the module docstring), then the counts.
        if _platform_capped(platform):
            await hold(SESSION_STARTS)
        await User.filter(id=actor.id).select_for_update().only("id").first()
        if scenario.max_active_sessions is not None:
            await Scenario.filter(id=scenario.id).select_for_update().only("id").first()
        if entry is not None:
            # Read again under the lock: an unregistration may have committed meanwhile.
            registration_id, team_id = await registration_of(actor.id, entry.event_id)
            entry_fields: dict[str, Any] = {
                "event_id": entry.event_id,
                "registration_id": registration_id,
                "team_id": team_id,
            }
            limit = runtime.settings.session_max_per_user_in_event
            await check_event_limit(actor.id, entry.event_id, limit, ACTIVE)
        else:
            entry_fields = {}
        await _check_limits(platform, actor.id, scenario, len(machines), entry is not None)
        session = await EnvironmentSession.create(
            user_id=actor.id,
            version_id=version.id,
            state=SessionState.REQUESTED,
            resource_profile=request.resource_profile or version.resource_profile,
            duration_minutes=request.duration_minutes,
            is_test=request.is_test,
            **entry_fields,
        )
        await SessionMachine.bulk_create(
            [_session_machine(runtime, session.id, machine) for machine in machines]
        )
        if not request.is_test:  # a test run is no sign of popularity
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
            event_id=str(entry.event_id) if entry else None,
            is_test=request.is_test,
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


async def _check_limits(
    platform: PlatformValues,
    user_id: UUID,
    scenario: Scenario,
    machines: int,
    in_event: bool = False,
) -> None:
    await _check_start_rate(platform, user_id)
    mine = await EnvironmentSession.filter(user_id=user_id, state__in=ACTIVE).count()
    # Event sessions have their own limit (event_sessions.py), outside this one.
    outside_events = (
        0
        if in_event or not mine
        else await EnvironmentSession.filter(
            user_id=user_id, state__in=ACTIVE, event_id__isnull=True
        ).count()
    )
    if outside_events >= platform.sessions_per_user:
        raise DomainError(
            SessionCode.USER_SESSION_LIMIT,
            f"you already have {outside_events} active sessions (at most "
            f"{platform.sessions_per_user}); end one first",
        )
    cap = platform.max_active_sessions
    if cap is not None and await EnvironmentSession.filter(state__in=ACTIVE).count() >= cap:
        raise DomainError(SessionCode.PLATFORM_SESSION_LIMIT, "the range is full; try again later")
    user_cap = platform.max_concurrent_users
    if user_cap is not None and not mine:
        rows = (
            await EnvironmentSession.filter(state__in=ACTIVE)
            .annotate(users=Count("user_id", distinct=True))
            .values("users")
        )
        if rows and rows[0]["users"] >= user_cap:
            raise DomainError(SessionCode.PLATFORM_USER_LIMIT, "the range is full; try again later")
    machine_cap = platform.max_total_machines
    if machine_cap is not None:
        running = await SessionMachine.filter(session__state__in=ACTIVE).count()
        if running + machines > machine_cap:
            raise DomainError(
                SessionCode.PLATFORM_MACHINE_LIMIT,
                "the range runs as many machines as it may; try again later",
            )
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


async def _check_start_rate(platform: PlatformValues, user_id: UUID) -> None:
    """Starts per user in the last hour and day: every session row the user created
    (event and test sessions too), counted under the user's row lock, so exact."""
    now = datetime.now(UTC)
    mine = EnvironmentSession.filter(user_id=user_id)
    today = await mine.filter(created_at__gt=now - timedelta(days=1)).count()
    if today >= platform.starts_per_day:
        raise DomainError(
            SessionCode.START_LIMIT_REACHED,
            f"you started {today} sessions in the last 24 hours (at most "
            f"{platform.starts_per_day}); try again later",
        )
    if today < platform.starts_per_hour:
        return
    hour = await mine.filter(created_at__gt=now - timedelta(hours=1)).count()
    if hour >= platform.starts_per_hour:
        raise DomainError(
            SessionCode.START_LIMIT_REACHED,
            f"you started {hour} sessions in the last hour (at most "
            f"{platform.starts_per_hour}); try again later",
        )
