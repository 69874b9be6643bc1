"""Deploying a session's machines, in the background: → PROVISIONING → RUNNING or FAILED.

The provisioning process holds the session's lease while the engine works. Whatever goes
wrong, nothing is left behind: a failed attempt ends FAILED after a destroy, and an
attempt whose session was terminated meanwhile (the compare-and-set to RUNNING lost)
destroys what it made. A session is never provisioned twice: the engine refusing with
SessionExists is treated as the bug it is (destroy and fail). Machines that ran but could
not be recorded (a database error) are recorded again, ``BOOKKEEPING_ATTEMPTS`` times in
all, then the session is failed deliberately (``bookkeeping_failed``), its machines
removed, rather than left PROVISIONING for the reconciler to call "interrupted".
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.expressions import Subquery

from ...models import EnvironmentSession, SessionMachine
from ...models.enums import SessionMachineState, SessionState
from ...orchestrator import MachineHandle, ProvisionFailed, SessionExists
from ...runtime import Runtime
from .clock import seconds_left
from .event_sessions import event_deadline
from .failures import FailureCode, engine_failure_code
from .flags import issue_session_flags, session_flag_environment
from .lease import RELEASED, lease_fields, renewing
from .outage import engine_answers, not_running_after_provision
from .plan import build_plan
from .teardown import RETRY_PAUSE_SECONDS, destroy_resources
from .transitions import transition

S = SessionState
log = logging.getLogger(__name__)
PROVISION = FailureCode.PROVISION_FAILED
#: Tries at recording a provision's machines before the session is failed deliberately.
BOOKKEEPING_ATTEMPTS = 3
_HANDLE_FIELDS = ("driver_handle", "address", "ports", "state", "failure_reason")


async def provision(runtime: Runtime, session_id: UUID) -> None:
    """A new session: REQUESTED → PROVISIONING → RUNNING (the clock starts then)."""
    claimed = await transition(
        session_id,
        S.PROVISIONING,
        broker=runtime.broker,
        action="start",
        from_states=[S.REQUESTED],
        changes=lease_fields(runtime),
    )
    if claimed is None:
        return  # terminated before the engine was asked for anything
    try:
        flags = await issue_session_flags(
            session_id,
            claimed.version_id,  # type: ignore[attr-defined]
            runtime.settings,
        )
    except Exception as error:  # any failure ends the session, never a leak
        log.exception("issuing flags of session %s failed", session_id)
        await fail(runtime, session_id, f"could not prepare the session: {error}")
        return
    await deploy(runtime, session_id, flags)


async def redeploy(runtime: Runtime, session_id: UUID) -> None:
    """A reset: the old machines removed, new ones with the same flags and credentials."""
    problem = await destroy_resources(runtime, session_id)
    if problem is not None:
        await fail(runtime, session_id, f"could not remove the old machines: {problem}")
        return
    try:
        flags = await session_flag_environment(session_id, runtime.settings)
    except Exception as error:
        log.exception("reading flags of session %s failed", session_id)
        await fail(runtime, session_id, f"could not prepare the session: {error}")
        return
    await deploy(runtime, session_id, flags)


async def deploy(runtime: Runtime, session_id: UUID, flags: dict[str, str]) -> None:
    """PROVISIONING (lease held) → the engine → RUNNING; FAILED with a reason otherwise."""
    try:
        async with renewing(runtime, session_id):
            plan = await build_plan(runtime.settings, session_id, flags)
            handles = await runtime.driver.provision(plan)
    except SessionExists as error:
        log.error("session %s was already on the engine: %s", session_id, error)
        await fail(runtime, session_id, f"the engine already ran this session: {error}")
        return
    except ProvisionFailed as error:
        await fail(runtime, session_id, error.reason, engine_failure_code(error, PROVISION))
        return
    except Exception as error:  # noqa: BLE001 - engine or plan errors: fail, clean up
        log.warning("provisioning session %s failed: %s", session_id, error)
        code = engine_failure_code(error, PROVISION)
        await fail(runtime, session_id, str(error) or type(error).__name__, code)
        return
    not_running = await not_running_after_provision(runtime, session_id, handles)
    if not_running is not None:
        await fail(runtime, session_id, *not_running)
        return
    try:
        running = await _go_running(runtime, session_id, handles)
    except Exception as error:
        log.exception("recording the machines of session %s failed", session_id)
        reason = f"the machines ran but could not be recorded: {error}"
        await fail(runtime, session_id, reason, FailureCode.BOOKKEEPING_FAILED)
        return
    if not running:
        # Terminated (or failed) while the engine worked: what it made must go.
        await destroy_resources(runtime, session_id)


async def _go_running(runtime: Runtime, session_id: UUID, handles: list[MachineHandle]) -> bool:
    """Record the machines and start the clock; False when the session left PROVISIONING
    meanwhile. A database error is retried (both steps are compare-and-sets, so running
    them again is safe); the last one is raised."""
    for attempt in range(1, BOOKKEEPING_ATTEMPTS + 1):
        try:
            if attempt > 1 and await _state_of(session_id) is S.RUNNING:
                return True  # the previous attempt's transition committed, then it failed
            recorded = await record_handles(session_id, handles, while_state=S.PROVISIONING)
            return recorded and await _start_clock(runtime, session_id)
        except Exception as error:
            if attempt == BOOKKEEPING_ATTEMPTS:
                raise
            log.warning(
                "recording the machines of session %s failed (attempt %d): %s",
                session_id,
                attempt,
                error,
            )
            await asyncio.sleep(RETRY_PAUSE_SECONDS * attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")


async def _state_of(session_id: UUID) -> SessionState | None:
    states = await EnvironmentSession.filter(id=session_id).values_list("state", flat=True)
    return S(str(states[0])) if states else None


async def record_handles(
    session_id: UUID, handles: list[MachineHandle], *, while_state: SessionState
) -> bool:
    """Addresses, ports and engine ids of the machines (matched by name), as RUNNING,
    if the session is still in ``while_state``: after a provision, and after a resume
    (which on ECS starts new tasks with new addresses)."""
    rows = await SessionMachine.filter(session_id=session_id).values("id", "machine__name")
    by_name = {row["machine__name"]: row["id"] for row in rows}
    machines = [
        SessionMachine(
            id=by_name[handle.name],
            driver_handle=handle.resource_id,
            address=handle.address,
            ports=[
                {
                    "containerPort": p.container_port,
                    "protocol": p.protocol,
                    "host": p.host_ip,
                    "hostPort": p.host_port,
                }
                for p in handle.published
            ],
            state=SessionMachineState.RUNNING,
            failure_reason=None,
        )
        for handle in handles
        if handle.name in by_name
    ]
    if not machines:
        return True
    still_there = Subquery(EnvironmentSession.filter(id=session_id, state=while_state).values("id"))
    # One statement for all the machines, whatever their number.
    updated = await SessionMachine.filter(
        session_id=session_id, session_id__in=still_there
    ).bulk_update(machines, fields=_HANDLE_FIELDS)
    return updated == len(machines)


async def _start_clock(runtime: Runtime, session_id: UUID) -> bool:
    row = await EnvironmentSession.get_or_none(id=session_id)
    if row is None or row.state is not S.PROVISIONING:
        return False
    now = datetime.now(UTC)
    changes: dict[str, Any] = {
        "started_at": row.started_at or now,
        "cost_accounted_at": now,
        "paused_remaining_seconds": None,
        "last_activity_at": now,
        **RELEASED,
    }
    if row.expires_at is None:  # a first start, or a reset of a paused session
        seconds = seconds_left(None, row.paused_remaining_seconds, row.duration_minutes, now)
        # An event session's deadline never passes its event's end.
        changes["expires_at"] = await event_deadline(
            row.event_id,  # type: ignore[attr-defined]
            now + timedelta(seconds=seconds),
        )
    running = await transition(
        session_id,
        S.RUNNING,
        broker=runtime.broker,
        action="provisioned",
        from_states=[S.PROVISIONING],
        lock_version=row.lock_version,
        changes=changes,
    )
    return running is not None


async def fail(
    runtime: Runtime,
    session_id: UUID,
    reason: str,
    code: FailureCode = FailureCode.PROVISION_FAILED,
) -> None:
    """The engine could not deploy the session: remove anything left, then FAILED.

    ``reason`` is the detail (for admins and the log); ``code`` what the learner sees.
    """
    # Never a teardown on an engine that does not answer: the reconciler removes what is
    # left of the FAILED session (an orphan) once it does.
    if await engine_answers(runtime):
        problem = await destroy_resources(runtime, session_id)
        if problem is not None:
            reason = f"{reason}; removing the machines failed too: {problem}"
    await SessionMachine.filter(
        session_id=session_id,
        session_id__in=Subquery(
            EnvironmentSession.filter(id=session_id, state=S.PROVISIONING).values("id")
        ),
    ).update(state=SessionMachineState.FAILED, failure_reason=reason[:2000])
    await transition(
        session_id,
        S.FAILED,
        broker=runtime.broker,
        action="fail",
        from_states=[S.PROVISIONING],
        reason=reason,
        changes={
            "failure_reason": reason,
            "end_reason": code.value,
            "ended_at": datetime.now(UTC),
            **RELEASED,
        },
    )
