"""An engine that goes away is an outage, not machines dying.

While the engine does not answer, the machines of RUNNING and PAUSED sessions are marked
PENDING (``ENGINE_UNREACHABLE``) and the RUNNING ones are charged up to then, their billing
clock stopped (``cost_accounted_at`` NULL: ``accrue`` charges nothing). The sessions
themselves stay as they are: a learner's session is not failed for an engine restart it
may survive (``live-restore``).

When the engine answers again, each such session is checked against it: machines all
back (a ``live-restore`` engine, a network blip) → rows RUNNING or PAUSED again and the
clock runs from now; otherwise the session ends FAILED (``engine_restarted``), its
leftovers (stopped containers, networks) removed by the teardown.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import EnvironmentSession, SessionMachine
from ...models.enums import SessionMachineState, SessionState
from ...orchestrator import DriverError
from ...orchestrator.protocol import MachineHandle, MachineState, MachineStatus
from ...runtime import Runtime
from .cost import accrue
from .failures import FailureCode
from .teardown import tear_down

S = SessionState
M = SessionMachineState
log = logging.getLogger(__name__)

LIVE_STATES = (S.RUNNING, S.PAUSED)
#: ``failure_reason`` of a machine row while its engine does not answer.
ENGINE_UNREACHABLE = "the engine is unreachable; checked again when it answers"
_ALIVE = (MachineState.RUNNING, MachineState.PAUSED)


@dataclass(slots=True)
class OutageOutcome:
    restored: list[UUID] = field(default_factory=list)
    failed: list[UUID] = field(default_factory=list)


async def engine_answers(runtime: Runtime) -> bool:
    try:
        await runtime.driver.ping()
    except DriverError as error:
        log.debug("the engine does not answer: %s", error)
        return False
    return True


async def hold_sessions(runtime: Runtime, since: datetime) -> list[UUID]:
    """The engine went away at ``since``: charge RUNNING sessions up to then, stop their
    clock and mark their machines PENDING. The sessions held, by id."""
    live = await EnvironmentSession.filter(state__in=LIVE_STATES).values_list("id", "state")
    ids = [UUID(str(i)) for i, _ in live]
    running = [UUID(str(i)) for i, state in live if S(str(state)) is S.RUNNING]
    for session_id in running:
        await accrue(runtime.settings, session_id, since, broker=runtime.broker, check_budget=False)
    if running:
        await EnvironmentSession.filter(id__in=running, state=S.RUNNING).update(
            cost_accounted_at=None
        )
    if ids:
        await SessionMachine.filter(session_id__in=ids, state__in=[M.RUNNING, M.PAUSED]).update(
            state=M.PENDING, failure_reason=ENGINE_UNREACHABLE
        )
    return ids


async def recover_sessions(
    runtime: Runtime, down_since: datetime | None = None, also: Iterable[UUID] = ()
) -> OutageOutcome:
    """The engine answers again: the held sessions (and ``also``, sessions with engine
    events from around the outage) restored or failed with ``engine_restarted``.

    ``down_since``: when the engine went away, if known; a failed session is charged up
    to then at most. An engine that does not answer yet changes nothing.
    """
    outcome = OutageOutcome()
    held = await SessionMachine.filter(
        state=M.PENDING, failure_reason=ENGINE_UNREACHABLE, session__state__in=LIVE_STATES
    ).values_list("session_id", flat=True)
    also_live = (
        await EnvironmentSession.filter(id__in=list(also), state__in=LIVE_STATES).values_list(
            "id", flat=True
        )
        if also
        else []
    )
    ids = list(dict.fromkeys(UUID(str(i)) for i in [*held, *also_live]))
    if not ids:
        return outcome
    try:
        statuses = await runtime.driver.status_many([str(i) for i in ids])
    except DriverError as error:
        log.warning("the engine is back but would not report %d sessions: %s", len(ids), error)
        return outcome
    for session_id in ids:
        found = statuses.get(str(session_id))
        if found is None:
            continue
        try:
            if await _recover_one(runtime, session_id, found, down_since):
                outcome.restored.append(session_id)
            else:
                outcome.failed.append(session_id)
        except Exception:
            log.exception("recovering session %s after an engine outage failed", session_id)
    return outcome


async def _recover_one(
    runtime: Runtime, session_id: UUID, found: list[MachineStatus], down_since: datetime | None
) -> bool:
    """True when the session's machines all came back (its rows restored)."""
    alive = {s.resource_id for s in found if s.state in _ALIVE}
    rows = (
        await SessionMachine.filter(session_id=session_id)
        .exclude(state__in=[M.FAILED, M.STOPPED])
        .values_list("machine__name", "driver_handle")
    )
    lost = sorted(str(name) for name, handle in rows if handle not in alive)
    if not lost:
        await _restore(session_id)
        return True
    reason = f"the engine restarted and these machines did not survive it: {', '.join(lost)}"
    if down_since is not None:
        await accrue(
            runtime.settings, session_id, down_since, broker=runtime.broker, check_budget=False
        )
    # Nothing is charged after the engine went away (accrue charges a stopped clock 0).
    await EnvironmentSession.filter(id=session_id, state=S.RUNNING).update(cost_accounted_at=None)
    await (
        SessionMachine.filter(
            session_id=session_id, driver_handle__in=[h for _, h in rows if h not in alive]
        )
        .exclude(state__in=[M.FAILED, M.STOPPED])
        .update(state=M.FAILED, failure_reason=reason)
    )
    await tear_down(
        runtime,
        session_id,
        final=S.FAILED,
        action="fail",
        end_reason=FailureCode.ENGINE_RESTARTED.value,
        reason=reason,
    )
    return False


async def _restore(session_id: UUID) -> None:
    states = await EnvironmentSession.filter(id=session_id).values_list("state", flat=True)
    if not states:
        return
    state = S(str(states[0]))
    machine_state = M.RUNNING if state is S.RUNNING else M.PAUSED

    async def restore() -> None:
        # Machines and billing clock together: no reader sees running machines unbilled.
        await SessionMachine.filter(
            session_id=session_id, state=M.PENDING, failure_reason=ENGINE_UNREACHABLE
        ).update(state=machine_state, failure_reason=None)
        await EnvironmentSession.filter(
            id=session_id, state=S.RUNNING, cost_accounted_at__isnull=True
        ).update(cost_accounted_at=datetime.now(UTC))

    await retrying_transaction(restore)


async def not_running_after_provision(
    runtime: Runtime, session_id: UUID, handles: Sequence[MachineHandle]
) -> tuple[str, FailureCode] | None:
    """Why a session whose provision just returned must not become RUNNING (with the code
    to fail it with), or None when the engine reports all its machines running.

    An engine going away answers a provision that completed as it closed, then stops the
    machines: a session is RUNNING only on an engine that still shows them running.
    """
    try:
        found = await runtime.driver.status(str(session_id))
    except DriverError as error:
        reason = f"the engine stopped answering as the machines started: {error}"
        return reason, FailureCode.ENGINE_UNAVAILABLE
    running = {s.resource_id for s in found if s.state is MachineState.RUNNING}
    stopped = sorted(h.name for h in handles if h.resource_id not in running)
    if stopped:
        return (
            f"machines stopped as they started: {', '.join(stopped)}",
            FailureCode.PROVISION_FAILED,
        )
    return None
