"""A test run in the background: deploy its session, check it, end it.

    PENDING ──▶ DEPLOYING ──(session RUNNING)──▶ TESTING ──▶ PASSED (no check FAILED)
                    │                              │      └─▶ FAILED
                    └──(session FAILED)──▶ FAILED  │
    any of the three ──cancel──▶ CANCELLED         │
    DEPLOYING / TESTING past the timeout ──job──▶ FAILED (jobs/test_run_timeouts.py)

Each move is a compare-and-set on the run's status, so a cancel (or the timeout job)
that wins is never overwritten. Whatever happens, the session is terminated at the end:
nothing stays on the engine. The session is provisioned by the same code as any other
(``services/sessions/provisioning.py``).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from ...models import EnvironmentSession
from ...models.enums import SessionState
from ...models.test_run import TestCheckStatus, TestRunStatus, VersionTestCheck, VersionTestRun
from ...runtime import Runtime
from ..sessions.provisioning import provision
from ..sessions.teardown import tear_down
from .checks import CheckResult, run_checks
from .events import publish_test_run

log = logging.getLogger(__name__)
R = TestRunStatus
END_REASON = "test_run"


async def _move(
    runtime: Runtime, run_id: UUID, from_states: tuple[R, ...], to: R, **changes: Any
) -> bool:
    moved = await VersionTestRun.filter(id=run_id, status__in=from_states).update(
        status=to, **changes
    )
    if moved == 1:
        await publish_test_run(runtime.broker, run_id, to.value.lower())
    return moved == 1


async def _finish(runtime: Runtime, run_id: UUID, to: R, message: str | None) -> bool:
    return await _move(
        runtime,
        run_id,
        (R.PENDING, R.DEPLOYING, R.TESTING),
        to,
        finished_at=datetime.now(UTC),
        failure_message=message[:4000] if message else None,
    )


async def end_session(runtime: Runtime, session_id: UUID, reason: str) -> None:
    """Terminate the test session (a no-op once it ended); its machines are removed."""
    try:
        await tear_down(
            runtime,
            session_id,
            final=SessionState.TERMINATED,
            action="terminate",
            end_reason=END_REASON,
            reason=reason,
        )
    except Exception:
        log.exception("ending the session %s of a test run failed", session_id)


async def _still(run_id: UUID, status: R) -> bool:
    return await VersionTestRun.filter(id=run_id, status=status).exists()


async def _record(runtime: Runtime, run_id: UUID, position: int, result: CheckResult) -> None:
    await VersionTestCheck.create(
        run_id=run_id,
        name=result.name[:128],
        status=result.status,
        message=result.message,
        position=position,
    )
    await publish_test_run(runtime.broker, run_id, "check")


async def run_test(runtime: Runtime, run_id: UUID, session_id: UUID) -> None:
    """The whole run; its session is terminated however it ends."""
    try:
        await _run(runtime, run_id, session_id)
    except Exception as error:
        log.exception("test run %s failed", run_id)
        await _finish(runtime, run_id, R.FAILED, f"the test run broke: {error}")
    finally:
        await end_session(runtime, session_id, "test run over")


async def _run(runtime: Runtime, run_id: UUID, session_id: UUID) -> None:
    now = datetime.now(UTC)
    if not await _move(runtime, run_id, (R.PENDING,), R.DEPLOYING, started_at=now):
        return  # cancelled before it began
    await provision(runtime, session_id)
    if not await _still(run_id, R.DEPLOYING):
        return  # cancelled (or timed out) while deploying
    session = await EnvironmentSession.get(id=session_id)
    if session.state is not SessionState.RUNNING:
        why = session.failure_reason or f"the session ended {session.state.value}"
        await _record(
            runtime,
            run_id,
            0,
            CheckResult("machines_running", TestCheckStatus.FAILED, f"deploying failed: {why}"),
        )
        await _finish(runtime, run_id, R.FAILED, f"the version did not deploy: {why}")
        return
    if not await _move(runtime, run_id, (R.DEPLOYING,), R.TESTING):
        return  # cancelled (or timed out) meanwhile
    failed: list[str] = []
    position = 0
    async for result in run_checks(runtime, session_id):
        if not await _still(run_id, R.TESTING):
            return  # cancelled while checking
        await _record(runtime, run_id, position, result)
        position += 1
        if result.status is TestCheckStatus.FAILED:
            failed.append(f"{result.name}: {result.message}")
    if failed:
        await _finish(runtime, run_id, R.FAILED, "; ".join(failed))
    else:
        await _finish(runtime, run_id, R.PASSED, None)
