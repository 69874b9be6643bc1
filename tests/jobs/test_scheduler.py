"""The scheduler: every job runs at once and then periodically, survives its own errors,
and stops with the runtime."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from uuid import UUID, uuid4

from rangex_graphql.jobs.scheduler import (
    PeriodicJob,
    pause_after_pass,
    run_periodically,
    start_jobs,
)
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from tests.jobs.conftest import deployed_session, plan_for, until

S = SessionState


async def expired(session_id: UUID) -> bool:
    return (await EnvironmentSession.get(id=session_id)).state is S.EXPIRED


def test_the_pause_varies_within_the_jitter() -> None:
    rng = random.Random(7)
    pauses = [pause_after_pass(10, 0.2, rng) for _ in range(200)]
    assert all(8 <= p <= 12 for p in pauses)
    assert max(pauses) - min(pauses) > 2
    assert pause_after_pass(10, 0) == 10


async def test_a_failing_pass_does_not_stop_the_loop() -> None:
    calls = 0

    async def flaky() -> None:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise RuntimeError("database went away")

    loop = asyncio.ensure_future(run_periodically(PeriodicJob("flaky", flaky, 0.001), 0))

    async def enough() -> bool:
        return calls >= 4

    await until(enough)
    loop.cancel()
    assert calls >= 4


async def test_no_jobs_run_when_disabled(runtime: Runtime) -> None:
    assert start_jobs(runtime) == []
    assert runtime.tasks == set()


async def test_started_jobs_clean_up_at_once_then_keep_going_until_closed(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    orphan = str(uuid4())
    await sim.provision(plan_for(orphan, 1))
    due = await deployed_session(sim, machines=1, expires_in=timedelta(seconds=-1))
    runtime.settings = runtime.settings.model_copy(
        update={
            "jobs_enabled": True,
            "jobs_expiry_interval_seconds": 0.05,
            "jobs_reconcile_interval_seconds": 3600,
        }
    )

    tasks = start_jobs(runtime)

    assert len(tasks) == len(runtime.tasks) >= 4

    async def orphan_gone() -> bool:  # the reconciler's first pass, at start
        return orphan not in await sim.list_owned()

    await until(orphan_gone)
    await until(lambda: expired(due.id))
    # A session that falls due later is taken by a later pass of the expiry loop.
    later = await deployed_session(sim, machines=1, expires_in=timedelta(seconds=-1))
    await until(lambda: expired(later.id))

    await runtime.aclose()
    assert all(task.done() for task in tasks)
