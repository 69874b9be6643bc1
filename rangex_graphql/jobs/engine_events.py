"""Engine events of running sessions: a machine that died, was OOM-killed or vanished.

The machine's row becomes FAILED with the reason; a RUNNING or PAUSED session it belongs
to ends FAILED (``end_reason`` ``machine_failed``), its other machines destroyed. Events
of machines the session no longer uses (replaced by a reset, or being removed by a
teardown) change nothing: the machine row is matched by the engine's resource id.

An engine that stops takes its containers down with it (without ``live-restore``):
Docker closes its API, then stops every container (``kill`` with signal 15, ``die``), then
ends the event stream. Those deaths are an outage, not machines failing. So every event
is held ``hold_seconds`` and applied only if the engine still answers then; when it does
not, the sessions are held instead (``services/sessions/outage.py``: machines PENDING,
billing stopped) and the held events deferred, until the engine answers again and each
session is checked against it: restored, or failed with ``engine_restarted``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from uuid import UUID

from ..models import EnvironmentSession, SessionMachine
from ..models.enums import SessionMachineState, SessionState
from ..orchestrator.protocol import EngineEvent, EventKind
from ..runtime import Runtime
from ..services.sessions.outage import engine_answers, hold_sessions, recover_sessions
from ..services.sessions.teardown import tear_down
from ..task_stop import stop
from .clock import utc_now

S = SessionState
log = logging.getLogger(__name__)

RECONNECT_PAUSE_SECONDS = 1.0
#: How long an event waits before it is applied: the engine's API closes before it stops
#: its containers, so an engine going away no longer answers by then.
HOLD_SECONDS = 1.0
#: How often an engine that went away is asked whether it is back.
OUTAGE_POLL_SECONDS = 2.0


def describe(event: EngineEvent) -> str:
    if event.kind is EventKind.OOM_KILLED:
        what = "was killed for lack of memory"
    elif event.kind is EventKind.LOST:
        what = "vanished from the engine"
    else:
        code = f" (exit code {event.exit_code})" if event.exit_code is not None else ""
        what = f"stopped{code}"
    return f"machine {event.machine} {what}"


async def handle_engine_event(runtime: Runtime, event: EngineEvent) -> bool:
    """Apply one event; True when it ended its session."""
    session_id = _session_of(event)
    if session_id is None:
        return False
    state = await EnvironmentSession.filter(id=session_id).values_list("state", flat=True)
    if not state or S(str(state[0])) not in (S.RUNNING, S.PAUSED):
        return False  # starting (the provisioner decides) or ending: not news
    reason = describe(event)
    marked = (
        await SessionMachine.filter(session_id=session_id, driver_handle=event.resource_id)
        .exclude(state__in=[SessionMachineState.FAILED, SessionMachineState.STOPPED])
        .update(state=SessionMachineState.FAILED, failure_reason=reason)
    )
    if not marked:
        return False
    ended = await tear_down(
        runtime,
        session_id,
        final=S.FAILED,
        action="fail",
        end_reason="machine_failed",
        reason=reason,
    )
    return ended is not None


def _session_of(event: EngineEvent) -> UUID | None:
    try:
        return UUID(event.session_id)
    except ValueError:
        return None


@dataclass(slots=True)
class HeldEvents:
    """Events in arrival order, each due ``hold_seconds`` after it arrived."""

    hold_seconds: float
    _queue: deque[tuple[float, EngineEvent]] = field(default_factory=deque)

    def __len__(self) -> int:
        return len(self._queue)

    def add(self, event: EngineEvent, now: float) -> None:
        self._queue.append((now + self.hold_seconds, event))

    def wait(self, now: float) -> float | None:
        """Seconds until the first event is due (0 if it is); None when none is held."""
        return max(0.0, self._queue[0][0] - now) if self._queue else None

    def pop_due(self, now: float) -> list[EngineEvent]:
        due = []
        while self._queue and self._queue[0][0] <= now:
            due.append(self._queue.popleft()[1])
        return due

    def pop_all(self) -> list[EngineEvent]:
        events = [event for _, event in self._queue]
        self._queue.clear()
        return events


async def watch_engine_events(
    runtime: Runtime,
    *,
    hold_seconds: float = HOLD_SECONDS,
    outage_poll_seconds: float = OUTAGE_POLL_SECONDS,
) -> None:
    """Apply the driver's events until it closes; a broken stream is opened again."""
    arrivals: asyncio.Queue[EngineEvent | None] = asyncio.Queue()
    # Subscribed now, not when the reader first runs: nothing from here on is missed.
    reader = asyncio.ensure_future(_read_events(runtime, runtime.driver.events(), arrivals))
    try:
        await _apply_events(runtime, arrivals, HeldEvents(hold_seconds), outage_poll_seconds)
    finally:
        await stop(reader)


async def _read_events(
    runtime: Runtime,
    events: AsyncIterator[EngineEvent],
    arrivals: asyncio.Queue[EngineEvent | None],
) -> None:
    """The driver's events into ``arrivals``; None once the driver closed."""
    while True:
        try:
            async for event in events:
                arrivals.put_nowait(event)
            arrivals.put_nowait(None)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the engine event stream failed; opening it again")
        await asyncio.sleep(RECONNECT_PAUSE_SECONDS)
        events = runtime.driver.events()


async def _apply_events(
    runtime: Runtime,
    arrivals: asyncio.Queue[EngineEvent | None],
    held: HeldEvents,
    outage_poll_seconds: float,
) -> None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            async with asyncio.timeout(held.wait(loop.time())):
                event = await arrivals.get()
            if event is None:
                return  # the driver closed
            held.add(event, loop.time())
        except TimeoutError:
            pass
        due = held.pop_due(loop.time())
        if not due:
            continue
        if await engine_answers(runtime):
            for event in due:
                await _apply(runtime, event)
        else:
            await ride_out_outage(runtime, [*due, *held.pop_all()], outage_poll_seconds)


async def _apply(runtime: Runtime, event: EngineEvent) -> None:
    try:
        await handle_engine_event(runtime, event)
    except Exception:
        log.exception("engine event %s could not be applied", event)


async def ride_out_outage(
    runtime: Runtime, deferred: list[EngineEvent], poll_seconds: float
) -> None:
    """Hold the sessions until the engine answers, then check them (and the sessions of
    the ``deferred`` events) against it."""
    down_since = utc_now()
    log.warning("the engine went away; %d machine events deferred until it answers", len(deferred))
    try:
        await hold_sessions(runtime, down_since)
    except Exception:
        log.exception("holding the sessions during an engine outage failed")
    back = False
    while not back:
        await asyncio.sleep(poll_seconds)
        back = await engine_answers(runtime)
    sessions = {s for s in map(_session_of, deferred) if s is not None}
    try:
        outcome = await recover_sessions(runtime, down_since, sessions)
    except Exception:
        log.exception("checking the sessions after an engine outage failed")
        return
    log.warning(
        "the engine answers again: %d sessions restored, %d failed (engine_restarted)",
        len(outcome.restored),
        len(outcome.failed),
    )
