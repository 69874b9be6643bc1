"""Engine events of running sessions: a machine that died, was OOM-killed or vanished.

The machine's row becomes FAILED with the reason; a RUNNING or PAUSED session it belongs
to ends FAILED (``end_reason`` ``machine_failed``), its other machines destroyed. Events
of machines the session no longer uses (replaced by a reset, or being removed by a
teardown) change nothing: the machine row is matched by the engine's resource id.
"""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

from ..models import EnvironmentSession, SessionMachine
from ..models.enums import SessionMachineState, SessionState
from ..orchestrator.protocol import EngineEvent, EventKind
from ..services.runtime import Runtime
from ..services.sessions.teardown import tear_down

S = SessionState
log = logging.getLogger(__name__)

RECONNECT_PAUSE_SECONDS = 1.0


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
    try:
        session_id = UUID(event.session_id)
    except ValueError:
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


async def watch_engine_events(runtime: Runtime) -> None:
    """Apply the driver's events until it closes; a broken stream is opened again."""
    while True:
        try:
            async for event in runtime.driver.events():
                try:
                    await handle_engine_event(runtime, event)
                except Exception:
                    log.exception("engine event %s could not be applied", event)
            return  # the driver closed
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the engine event stream failed; opening it again")
        await asyncio.sleep(RECONNECT_PAUSE_SECONDS)
