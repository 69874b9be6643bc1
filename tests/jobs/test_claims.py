"""Claims: locked rows are skipped on MySQL/MariaDB; a claimed row is leased to this process."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from rangex_graphql.jobs.claims import claim_sessions
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.conftest import StatementCounter
from tests.jobs.conftest import deployed_session


async def test_a_claim_leases_the_rows_and_a_second_claim_finds_none(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    session = await deployed_session(sim, provision=False)
    now = datetime.now(UTC)

    assert await claim_sessions(runtime, Q(id=session.id), now, limit=5) == [session.id]

    row = await EnvironmentSession.get(id=session.id)
    assert row.lease_owner == runtime.instance_id
    assert row.lease_expires_at == now + timedelta(seconds=runtime.settings.session_lease_seconds)
    assert await claim_sessions(runtime, Q(id=session.id), now, limit=5) == []


async def test_on_mysql_the_claim_skips_locked_rows(
    db: None,
    runtime: Runtime,
    sim: SimulatedDriver,
    settings: Settings,
    sql_counter: StatementCounter,
) -> None:
    session = await deployed_session(sim, provision=False)
    sql_counter.reset()
    await claim_sessions(runtime, Q(id=session.id), datetime.now(UTC), limit=5)
    select = next(s for s in sql_counter.statements if s.startswith("SELECT"))
    if settings.database_url.startswith("mysql"):
        assert "FOR UPDATE SKIP LOCKED" in select
    else:  # SQLite: one writer at a time, no row locks to skip
        assert "FOR UPDATE" not in select
