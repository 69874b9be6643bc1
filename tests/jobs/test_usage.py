"""Cost accounting: running time charged once, even by two replicas (the budget checks
that follow: tests/budgets)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from rangex_graphql.jobs.usage import account_usage
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.sessions.cost import session_hourly_rm
from tests.jobs.conftest import RecordingBroker, deployed_session

S = SessionState


async def test_running_sessions_are_charged_for_their_running_time_only(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    runtime.settings = runtime.settings.model_copy(update={"jobs_batch_size": 1})
    now = datetime.now(UTC)
    hour_ago = now - timedelta(hours=1)
    running = [await deployed_session(sim, S.RUNNING, cost_accounted_at=hour_ago) for _ in range(2)]
    paused = await deployed_session(sim, S.PAUSED, cost_accounted_at=hour_ago)

    charged = await account_usage(runtime, now)

    hourly = await session_hourly_rm(
        runtime.settings,
        running[0].version_id,  # type: ignore[attr-defined]
        running[0].resource_profile,
    )
    assert hourly > 0
    for session in running:
        row = await EnvironmentSession.get(id=session.id)
        assert abs(row.cost_rm - hourly) < Decimal("0.001")
        assert row.cost_accounted_at == now
    assert abs(charged - 2 * hourly) < Decimal("0.002")
    assert (await EnvironmentSession.get(id=paused.id)).cost_rm == 0
    # The same instant again charges nothing.
    assert await account_usage(runtime, now) == 0


async def test_two_replicas_accounting_at_once_charge_once(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    other = build_runtime(runtime.settings, driver=sim, broker=RecordingBroker())
    now = datetime.now(UTC)
    sessions = [
        await deployed_session(sim, S.RUNNING, cost_accounted_at=now - timedelta(hours=2))
        for _ in range(4)
    ]
    first, second = await asyncio.gather(account_usage(runtime, now), account_usage(other, now))
    total = sum(
        [r.cost_rm for r in await EnvironmentSession.filter(id__in=[s.id for s in sessions])],
        Decimal(0),
    )
    assert first + second == total
    assert total > 0
