"""A live session whose machines are not in the row's state, and bringing them back.

The row is the truth the learner was told: a RUNNING session's machines run, a PAUSED
one's are frozen. When the engine disagrees (a pause that reached the engine after the
resume that followed it, a process that died between its transition and its engine
call), the reconciler pauses or resumes the machines to match the row, under the
session's lease (its claim).
"""

from __future__ import annotations

import logging
from uuid import UUID

from ...models import SessionMachine
from ...models.enums import SessionMachineState, SessionState
from ...orchestrator import DriverError
from ...orchestrator.protocol import MachineState, MachineStatus
from ...runtime import Runtime
from ..audit import SYSTEM, audit
from .provisioning import record_handles

S = SessionState
log = logging.getLogger(__name__)

#: The machine state a row's state rules out.
_CONTRADICTING = {S.RUNNING: MachineState.PAUSED, S.PAUSED: MachineState.RUNNING}


def drift_of(state: SessionState, statuses: list[MachineStatus]) -> str | None:
    """``"paused"`` or ``"running"`` when some machine contradicts the row; else None."""
    wrong = _CONTRADICTING.get(state)
    if wrong is not None and any(s.state is wrong for s in statuses):
        return wrong.value
    return None


async def repair_drift(runtime: Runtime, session_id: UUID, state: SessionState) -> str | None:
    """Pause or resume the machines to match ``state``; None on success, else what failed."""
    sid = str(session_id)
    try:
        if state is S.RUNNING:
            handles = await runtime.driver.resume(sid)
            await record_handles(session_id, handles, while_state=S.RUNNING)
        else:
            await runtime.driver.pause(sid)
            await SessionMachine.filter(
                session_id=session_id, state=SessionMachineState.RUNNING
            ).update(state=SessionMachineState.PAUSED)
    except DriverError as error:
        action = "resuming" if state is S.RUNNING else "pausing"
        log.warning("reconciler: %s session %s to match its row failed: %s", action, sid, error)
        return f"{action} them failed: {error}"
    await audit(
        "session.drift_repaired",
        SYSTEM,
        target_type="EnvironmentSession",
        target_id=session_id,
        state=state.value,
    )
    log.warning("reconciler: session %s's machines were brought back to %s", sid, state.value)
    return None
