"""Daily usage: written by the usage job per session and day (split at midnight), read
back by ``usageDaily`` and ``costBreakdown`` in statements whose number does not grow
with the rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.jobs.usage import account_usage
from rangex_graphql.models import EnvironmentSession, UsageDaily
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.sessions.cost import session_hourly_cost
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.budgets.conftest import usage
from tests.conftest import StatementCounter
from tests.jobs.conftest import deployed_session

S = SessionState
FOUR = Decimal("0.0001")

USAGE = """
query($from: Date!, $to: Date!) {
  usageDaily(from: $from, to: $to) {
    day vcpuCostRm memoryCostRm totalRm hoursByProfile { profile hours }
  }
}
"""
BREAKDOWN = """
query($from: Date!, $to: Date!, $by: CostGroupBy!) {
  costBreakdown(from: $from, to: $to, groupBy: $by) {
    id label sessions hours vcpuCostRm memoryCostRm totalRm
  }
}
"""


async def test_the_usage_job_writes_each_days_share_of_the_running_time(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    midnight = datetime(2026, 12, 10, tzinfo=UTC)
    since = midnight - timedelta(hours=1)
    session = await deployed_session(sim, S.RUNNING, cost_accounted_at=since)
    hourly = await session_hourly_cost(
        runtime.settings,
        session.version_id,  # type: ignore[attr-defined]
        session.resource_profile,
    )

    await account_usage(runtime, midnight + timedelta(hours=2))  # 1 h on the 9th, 2 h on the 10th

    rows = await UsageDaily.filter(session_id=session.id).order_by("day")
    assert [r.day for r in rows] == [date(2026, 12, 9), date(2026, 12, 10)]
    for row, hours in zip(rows, (1, 2), strict=True):
        assert row.hours == hours
        assert row.total_rm == (hourly.total_rm * hours).quantize(FOUR)
        assert row.vcpu_cost_rm == (hourly.vcpu_rm * hours).quantize(FOUR)
        assert row.vcpu_cost_rm + row.memory_cost_rm == row.total_rm
        assert row.resource_profile is session.resource_profile
        assert row.user_id == session.user_id  # type: ignore[attr-defined]
    # The next pass adds to today's row.
    await account_usage(runtime, midnight + timedelta(hours=3))
    today = await UsageDaily.get(session_id=session.id, day=date(2026, 12, 10))
    assert today.hours == 3
    assert (
        sum([r.total_rm for r in await UsageDaily.all()], Decimal(0))
        == (await EnvironmentSession.get(id=session.id)).cost_rm
    )


async def test_usage_daily_sums_each_day_per_profile_with_every_day_listed(
    db: None, settings: Settings, sim: SimulatedDriver
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    a = await deployed_session(sim, S.RUNNING)
    b = await deployed_session(sim, S.RUNNING)
    await usage(a, date(2026, 12, 1), "4", hours="2", profile=ResourceProfile.SMALL)
    await usage(b, date(2026, 12, 1), "8", hours="1", profile=ResourceProfile.LARGE)
    await usage(b, date(2026, 12, 3), "2", hours="0.5", profile=ResourceProfile.SMALL)
    await usage(a, date(2026, 12, 5), "100")  # outside the range

    data = await data_of(settings, USAGE, {"from": "2026-12-01", "to": "2026-12-03"}, as_user=admin)

    days = data["usageDaily"]
    assert [d["day"] for d in days] == ["2026-12-01", "2026-12-02", "2026-12-03"]
    first = days[0]
    assert Decimal(first["totalRm"]) == 12
    assert Decimal(first["vcpuCostRm"]) == 9
    assert Decimal(first["memoryCostRm"]) == 3
    hours = {h["profile"]: Decimal(h["hours"]) for h in first["hoursByProfile"]}
    assert hours == {"MICRO": 0, "SMALL": 2, "MEDIUM": 0, "LARGE": 1}
    assert Decimal(days[1]["totalRm"]) == 0
    assert Decimal(days[2]["totalRm"]) == 2


async def test_cost_breakdown_groups_by_scenario_user_and_event(
    db: None, settings: Settings, sim: SimulatedDriver
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    event = await factories.event()
    x, y = await deployed_session(sim), await deployed_session(sim)
    z = await deployed_session(sim, event_id=event.id)
    scenario_of = {
        s.id: (await s.version).scenario_id  # type: ignore[attr-defined]
        for s in (x, y, z)
    }
    await usage(x, date(2026, 12, 1), "1", scenario_id=scenario_of[x.id])
    await usage(x, date(2026, 12, 2), "2", scenario_id=scenario_of[x.id])
    await usage(y, date(2026, 12, 2), "5", scenario_id=scenario_of[y.id])
    await usage(z, date(2026, 12, 2), "4", hours="3", scenario_id=scenario_of[z.id])
    await usage(z, date(2026, 11, 30), "50", scenario_id=scenario_of[z.id])  # before the range

    async def groups(by: str) -> list[dict[str, Any]]:
        variables = {"from": "2026-12-01", "to": "2026-12-31", "by": by}
        return list((await data_of(settings, BREAKDOWN, variables, as_user=admin))["costBreakdown"])

    by_event = await groups("EVENT")
    assert [(g["id"], Decimal(g["totalRm"]), g["sessions"]) for g in by_event] == [
        (None, Decimal(8), 2),
        (to_global_id("Event", event.id), Decimal(4), 1),
    ]
    assert by_event[1]["label"] == event.title
    assert Decimal(by_event[1]["hours"]) == 3

    by_user = await groups("USER")
    assert [(g["id"], Decimal(g["totalRm"])) for g in by_user] == [
        (to_global_id("User", y.user_id), Decimal(5)),  # type: ignore[attr-defined]
        (to_global_id("User", z.user_id), Decimal(4)),  # type: ignore[attr-defined]
        (to_global_id("User", x.user_id), Decimal(3)),  # type: ignore[attr-defined]
    ]
    by_scenario = await groups("SCENARIO")
    assert by_scenario[2]["id"] == to_global_id("Scenario", scenario_of[x.id])
    assert Decimal(by_scenario[2]["vcpuCostRm"]) + Decimal(by_scenario[2]["memoryCostRm"]) == 3
    assert by_scenario[2]["sessions"] == 1


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"from": "2026-12-02", "to": "2026-12-01"}, "to"),
        ({"from": "2025-01-01", "to": "2026-12-01"}, "to"),
    ],
)
async def test_a_bad_range_is_a_bad_user_input(
    db: None, settings: Settings, variables: dict[str, str], field: str
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    _, errors = await run(settings, USAGE, variables, as_user=admin)
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert errors[0]["extensions"]["field"] == field


async def test_the_reports_are_for_admins_only(db: None, settings: Settings) -> None:
    learner = await factories.user()
    variables = {"from": "2026-12-01", "to": "2026-12-02", "by": "USER"}
    _, errors = await run(settings, BREAKDOWN, variables, as_user=learner)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    _, errors = await run(settings, BREAKDOWN, variables)
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_the_reports_statements_do_not_grow_with_the_rows(
    db: None, settings: Settings, sim: SimulatedDriver, sql_counter: StatementCounter
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    counts = []
    for sessions in (1, 6):
        for _ in range(sessions):
            session = await deployed_session(sim, provision=False)
            for day in (1, 2):
                await usage(session, date(2026, 12, day), "1")
        sql_counter.reset()
        for by in ("SCENARIO", "USER", "EVENT"):
            variables = {"from": "2026-12-01", "to": "2026-12-31", "by": by}
            await data_of(settings, BREAKDOWN, variables, as_user=admin)
        await data_of(settings, USAGE, {"from": "2026-12-01", "to": "2026-12-31"}, as_user=admin)
        counts.append(sql_counter.count)
    assert counts[0] == counts[1]
    assert counts[0] <= 8
