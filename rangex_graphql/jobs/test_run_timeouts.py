"""The test run timeout job: a run still PENDING, DEPLOYING or TESTING long after it began
(the process running it died, or the engine hangs) ends FAILED, its session terminated.

Each run is moved by a compare-and-set on its status, so on N replicas one pass wins per
run and a run that finishes meanwhile keeps its verdict.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from uuid import UUID

from tortoise.expressions import Q

from ..models.test_run import TestRunStatus, VersionTestRun
from ..runtime import Runtime
from ..services.testruns.events import publish_test_run
from ..services.testruns.runner import end_session
from .clock import utc_now

R = TestRunStatus
log = logging.getLogger(__name__)
ACTIVE = (R.PENDING, R.DEPLOYING, R.TESTING)


def timeout_message(seconds: float) -> str:
    return f"no verdict after {int(seconds)} seconds (the server running it may have stopped)"


async def fail_stuck_test_runs(runtime: Runtime) -> int:
    """One pass; how many runs it failed."""
    seconds = runtime.settings.test_run_timeout_seconds
    now = utc_now()
    before = now - timedelta(seconds=seconds)
    stuck = (
        await VersionTestRun.filter(
            Q(started_at__lte=before) | Q(started_at__isnull=True, created_at__lte=before),
            status__in=ACTIVE,
        )
        .limit(runtime.settings.jobs_batch_size)
        .values("id", "session_id")
    )
    failed = 0
    for row in stuck:
        run_id = UUID(str(row["id"]))
        moved = await VersionTestRun.filter(id=run_id, status__in=ACTIVE).update(
            status=R.FAILED, finished_at=now, failure_message=timeout_message(seconds)
        )
        if moved != 1:
            continue
        failed += 1
        log.warning("test run %s timed out", run_id)
        await publish_test_run(runtime.broker, run_id, "timeout")
        if row["session_id"] is not None:
            await end_session(runtime, UUID(str(row["session_id"])), "test run timed out")
    return failed
