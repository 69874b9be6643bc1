"""What a learner (or an admin) does to a session: pause, resume, extend, reset, terminate.

Each is a compare-and-set on the row followed by the engine call, both in the session's
turn (``locks.py``: this process's lock, then the row's lease, so across replicas too),
so the engine sees the calls in the order the row's transitions were won (terminate
needs no turn: it wins over any). An engine call that fails ends the session FAILED with
its resources destroyed (no roll-back: a half-paused engine is not a state to go back
from), its reason a stable code (``failures.py``) and the engine's words as detail.

Someone else's session is SESSION_NOT_FOUND, as if it did not exist; admins may act on
any session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.expressions import F

from ...models import EnvironmentSession, ScenarioVersion, SessionMachine
from ...models.enums import SessionMachineState, SessionState
from ...orchestrator import DriverError
from ...runtime import Runtime
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError
from .clock import seconds_left
from .cost import accrue
from .errors import SessionCode
from .event_sessions import cut_at, event_end_of
from .events import publish_session_event
from .failures import FailureCode, engine_failure_code
from .lease import lease_fields
from .locks import SessionBusy, Turn, session_lock, session_turn
from .provisioning import record_handles, redeploy
from .teardown import tear_down
from .transitions import FINAL_STATES, transition

S = SessionState
FIELD = "input.sessionId"
E = FailureCode.ENGINE_ERROR
MAX_EXTENSION_MINUTES = 240


def now() -> datetime:
    return datetime.now(UTC)


async def owned_session(actor: Actor, session_id: UUID) -> EnvironmentSession:
    row = await EnvironmentSession.get_or_none(id=session_id)
    if row is None or not (actor.is_admin or row.user_id == actor.id):  # type: ignore[attr-defined]
        raise DomainError(SessionCode.SESSION_NOT_FOUND, "no such session", FIELD)
    return row


def require_state(row: EnvironmentSession, states: set[SessionState], code: SessionCode) -> None:
    if row.state in FINAL_STATES or row.state is S.TERMINATING:
        raise DomainError(
            SessionCode.SESSION_ENDED, f"the session has ended ({row.state.value})", FIELD
        )
    if row.state not in states:
        raise DomainError(code, f"the session is {row.state.value}", FIELD)


def require_turn(turn: Turn, code: SessionCode) -> None:
    """A RUNNING or PAUSED session is acted on only with its turn (see ``locks.py``)."""
    if not turn.held:
        raise DomainError(code, "the session changed meanwhile; try again", FIELD)


@asynccontextmanager
async def _turn(runtime: Runtime, actor: Actor, session_id: UUID) -> AsyncIterator[Turn]:
    """This process's lock, then the session's turn across replicas (``locks.py``)."""
    async with session_lock(runtime, session_id):
        await owned_session(actor, session_id)  # not found at once, not after a wait
        try:
            async with session_turn(runtime, session_id) as turn:
                yield turn
        except SessionBusy:
            raise DomainError(
                SessionCode.SESSION_BUSY,
                "another operation on this session is under way; try again",
                FIELD,
            ) from None


async def _lost_race(session_id: UUID, states: set[SessionState], code: SessionCode) -> DomainError:
    """The error for a compare-and-set another request won: what the session is now."""
    row = await EnvironmentSession.get(id=session_id)
    try:
        require_state(row, states, code)
    except DomainError as error:
        return error
    return DomainError(code, "the session changed meanwhile; try again", FIELD)


async def _machines(session_id: UUID, state: SessionMachineState) -> None:
    await SessionMachine.filter(
        session_id=session_id,
        state__in=[SessionMachineState.RUNNING, SessionMachineState.PAUSED],
    ).update(state=state)


async def pause(
    runtime: Runtime, actor: Actor, session_id: UUID, meta: RequestMeta
) -> EnvironmentSession:
    """RUNNING → PAUSED: the clock stops (the time left is kept) and so does the meter."""
    failure: tuple[str, FailureCode] | None = None
    async with _turn(runtime, actor, session_id) as turn:
        row = await owned_session(actor, session_id)
        require_state(row, {S.RUNNING}, SessionCode.SESSION_NOT_RUNNING)
        require_turn(turn, SessionCode.SESSION_NOT_RUNNING)
        at = now()
        await accrue(runtime.settings, session_id, at, broker=runtime.broker)
        left = seconds_left(row.expires_at, None, row.duration_minutes, at)
        paused = await transition(
            session_id,
            S.PAUSED,
            broker=runtime.broker,
            action="pause",
            from_states=[S.RUNNING],
            lock_version=row.lock_version,
            actor_id=actor.id,
            meta=meta,
            changes={"paused_remaining_seconds": left, "expires_at": None},
        )
        if paused is None:
            raise await _lost_race(session_id, {S.RUNNING}, SessionCode.SESSION_NOT_RUNNING)
        try:
            await runtime.driver.pause(str(session_id))
            await _machines(session_id, SessionMachineState.PAUSED)
            return paused
        except DriverError as error:
            failure = (f"pausing the machines failed: {error}", engine_failure_code(error, E))
    return await _failed(runtime, actor, session_id, *failure, meta)


async def resume(
    runtime: Runtime, actor: Actor, session_id: UUID, meta: RequestMeta
) -> EnvironmentSession:
    """PAUSED → RUNNING: the clock goes on with the time that was left (an event session's
    never past its event's end; once the event has ended it does not resume)."""
    failure: tuple[str, FailureCode] | None = None
    async with _turn(runtime, actor, session_id) as turn:
        row = await owned_session(actor, session_id)
        require_state(row, {S.PAUSED}, SessionCode.SESSION_NOT_PAUSED)
        require_turn(turn, SessionCode.SESSION_NOT_PAUSED)
        at = now()
        left = seconds_left(None, row.paused_remaining_seconds, row.duration_minutes, at)
        ends_at = await event_end_of(row.event_id)  # type: ignore[attr-defined]
        if ends_at is not None and ends_at <= at:
            raise DomainError(SessionCode.EVENT_NOT_RUNNING, "the event has ended", FIELD)
        resumed = await transition(
            session_id,
            S.RUNNING,
            broker=runtime.broker,
            action="resume",
            from_states=[S.PAUSED],
            lock_version=row.lock_version,
            actor_id=actor.id,
            meta=meta,
            changes={
                "expires_at": cut_at(ends_at, at + timedelta(seconds=left)),
                "paused_remaining_seconds": None,
                "cost_accounted_at": at,
                "last_activity_at": at,
            },
        )
        if resumed is None:
            raise await _lost_race(session_id, {S.PAUSED}, SessionCode.SESSION_NOT_PAUSED)
        try:
            handles = await runtime.driver.resume(str(session_id))
            # ECS starts new tasks: new ids (which engine events name) and addresses.
            await record_handles(session_id, handles, while_state=S.RUNNING)
            return resumed
        except DriverError as error:
            failure = (f"resuming the machines failed: {error}", engine_failure_code(error, E))
    return await _failed(runtime, actor, session_id, *failure, meta)


async def _failed(
    runtime: Runtime,
    actor: Actor,
    session_id: UUID,
    reason: str,
    code: FailureCode,
    meta: RequestMeta,
) -> EnvironmentSession:
    ended = await tear_down(
        runtime,
        session_id,
        final=S.FAILED,
        action="fail",
        end_reason=code.value,
        reason=reason,
        actor_id=actor.id,
        meta=meta,
    )
    return ended or await EnvironmentSession.get(id=session_id)


async def extend(
    runtime: Runtime, actor: Actor, session_id: UUID, minutes: int, meta: RequestMeta
) -> EnvironmentSession:
    """More time for a RUNNING session, within the version's extension policy (an event
    session's, never past its event's end: cut to it, refused once there).

    Only in the last ``extension_window_minutes`` before expiry, at most ``max_extensions``
    times, and never past ``max_lifetime_minutes`` counted on the wall clock from the
    first start (paused time included).
    """
    if not 1 <= minutes <= MAX_EXTENSION_MINUTES:
        raise DomainError(
            SessionCode.INVALID_DURATION,
            f"an extension is 1-{MAX_EXTENSION_MINUTES} minutes",
            "input.minutes",
        )
    row = await owned_session(actor, session_id)
    require_state(row, {S.RUNNING}, SessionCode.SESSION_NOT_RUNNING)
    version = await ScenarioVersion.get(id=row.version_id)  # type: ignore[attr-defined]
    at = now()
    if row.expires_at is None or row.started_at is None:  # RUNNING sets both; never absent
        raise DomainError(
            SessionCode.SESSION_NOT_RUNNING, "the session has no running clock", FIELD
        )
    opens = row.expires_at - timedelta(minutes=version.extension_window_minutes)
    if at < opens:
        raise DomainError(
            SessionCode.EXTENSION_TOO_EARLY,
            f"extend in the last {version.extension_window_minutes} minutes before expiry",
            FIELD,
        )
    if row.extensions_used >= version.max_extensions:
        raise DomainError(
            SessionCode.EXTENSION_LIMIT, f"at most {version.max_extensions} extensions", FIELD
        )
    ends_at = await event_end_of(row.event_id)  # type: ignore[attr-defined]
    new_expiry = cut_at(ends_at, row.expires_at + timedelta(minutes=minutes))
    if new_expiry <= row.expires_at:
        raise DomainError(
            SessionCode.LIFETIME_LIMIT,
            "an event session ends with its event; it cannot be extended past it",
            "input.minutes",
        )
    if new_expiry - row.started_at > timedelta(minutes=version.max_lifetime_minutes):
        raise DomainError(
            SessionCode.LIFETIME_LIMIT,
            f"a session lives at most {version.max_lifetime_minutes} minutes",
            "input.minutes",
        )
    updated = await EnvironmentSession.filter(
        id=session_id, state=S.RUNNING, lock_version=row.lock_version
    ).update(
        expires_at=new_expiry,
        extensions_used=F("extensions_used") + 1,
        expiry_warned_at=None,
        lock_version=F("lock_version") + 1,
    )
    if updated != 1:
        raise await _lost_race(session_id, {S.RUNNING}, SessionCode.SESSION_NOT_RUNNING)
    await audit(
        "session.extend",
        meta,
        actor_id=actor.id,
        target_type="EnvironmentSession",
        target_id=session_id,
        minutes=minutes,
        expires_at=new_expiry.isoformat(),
    )
    extended = await EnvironmentSession.get(id=session_id)
    await publish_session_event(runtime.broker, extended, "extend", S.RUNNING)
    return extended


async def reset(
    runtime: Runtime, actor: Actor, session_id: UUID, meta: RequestMeta
) -> EnvironmentSession:
    """RUNNING or PAUSED → PROVISIONING: fresh machines (same flags and credentials) in the
    background, then RUNNING again. Answers are kept; the expiry does not move."""
    async with _turn(runtime, actor, session_id) as turn:
        row = await owned_session(actor, session_id)
        require_state(row, {S.RUNNING, S.PAUSED}, SessionCode.SESSION_NOT_RUNNING)
        require_turn(turn, SessionCode.SESSION_NOT_RUNNING)
        await accrue(runtime.settings, session_id, broker=runtime.broker)
        resetting = await transition(
            session_id,
            S.PROVISIONING,
            broker=runtime.broker,
            action="reset",
            from_states=[S.RUNNING, S.PAUSED],
            lock_version=row.lock_version,
            actor_id=actor.id,
            meta=meta,
            changes=lease_fields(runtime),
        )
        if resetting is None:
            raise await _lost_race(
                session_id, {S.RUNNING, S.PAUSED}, SessionCode.SESSION_NOT_RUNNING
            )
        await SessionMachine.filter(session_id=session_id).update(
            state=SessionMachineState.PENDING, driver_handle=None, address=None, ports=None
        )
    runtime.spawn(lambda: redeploy(runtime, session_id), name=f"reset-{session_id}")
    return resetting


async def terminate(
    runtime: Runtime, actor: Actor, session_id: UUID, meta: RequestMeta
) -> EnvironmentSession:
    """Any active state → TERMINATING → TERMINATED, the machines destroyed."""
    row = await owned_session(actor, session_id)
    require_state(
        row, {S.REQUESTED, S.PROVISIONING, S.RUNNING, S.PAUSED}, SessionCode.SESSION_ENDED
    )
    by_owner = row.user_id == actor.id  # type: ignore[attr-defined]
    ended = await tear_down(
        runtime,
        session_id,
        final=S.TERMINATED,
        action="terminate",
        end_reason="user" if by_owner else "admin",
        actor_id=actor.id,
        meta=meta,
    )
    if ended is None:
        raise await _lost_race(session_id, set(), SessionCode.SESSION_ENDED)
    return ended
