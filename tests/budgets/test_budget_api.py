"""budgetUpdate (validation, audit, admins only) and budgetStatus (spend, burn rate,
month-end projection, grace)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from rangex_graphql.jobs.budget import enforce_budget
from rangex_graphql.models import AuditLog, PlatformBudget
from rangex_graphql.models.enums import SessionState, UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.budgets.status import budget_status, hours_left_in_month
from rangex_graphql.services.sessions.cost import rounded, session_hourly_rm
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.budgets.conftest import set_budget, usage
from tests.conftest import StatementCounter
from tests.jobs.conftest import deployed_session

S = SessionState

UPDATE = """
mutation($input: BudgetUpdateInput!) {
  budgetUpdate(input: $input) {
    budget { dailyRm monthlyRm softWarnPercent highWarnPercent graceMinutes maintenanceOnCap }
    errors { field code message }
  }
}
"""
STATUS = """
{
  budgetStatus {
    budget { dailyRm monthlyRm }
    todaySpendRm monthSpendRm burnRatePerHourRm projectedMonthEndRm capReached
    grace { cap startedAt endsAt secondsLeft shutDownAt }
  }
}
"""


async def test_the_budget_starts_from_the_settings(db: None, settings: Settings) -> None:
    admin = await factories.user(UserRole.ADMIN)
    data = await data_of(settings, STATUS, as_user=admin)
    budget = data["budgetStatus"]["budget"]
    assert Decimal(budget["dailyRm"]) == settings.budget_daily_rm == 20
    assert Decimal(budget["monthlyRm"]) == settings.budget_monthly_rm == 200
    assert data["budgetStatus"]["grace"] is None
    assert data["budgetStatus"]["capReached"] is None


async def test_an_admin_changes_the_budget_with_a_reason_audited(
    db: None, settings: Settings
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    data = await data_of(
        settings,
        UPDATE,
        {
            "input": {
                "reason": "  term starts  ",
                "dailyRm": "35.5",
                "monthlyRm": "400",
                "softWarnPercent": 70,
                "maintenanceOnCap": True,
            }
        },
        as_user=admin,
    )
    payload = data["budgetUpdate"]
    assert payload["errors"] == []
    assert payload["budget"] == {
        "dailyRm": "35.5000",
        "monthlyRm": "400.0000",
        "softWarnPercent": 70,
        "highWarnPercent": 90,
        "graceMinutes": 30,
        "maintenanceOnCap": True,
    }
    entry = await AuditLog.get(action="budget.update")
    assert entry.actor_id == admin.id  # type: ignore[attr-defined]
    assert entry.data["reason"] == "term starts"
    assert entry.data["before"]["daily_rm"] == "20.0000"
    assert entry.data["after"]["daily_rm"] == "35.5000"
    assert entry.data["before"]["maintenance_on_cap"] is False
    assert entry.data["after"]["maintenance_on_cap"] is True


BAD: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"dailyRm": "-1"}, [("dailyRm", "NEGATIVE_BUDGET")]),
    (
        {"dailyRm": "-1", "monthlyRm": "-0.01"},
        [("dailyRm", "NEGATIVE_BUDGET"), ("monthlyRm", "NEGATIVE_BUDGET")],
    ),
    ({"softWarnPercent": 95}, [("softWarnPercent", "SOFT_ABOVE_HARD")]),
    ({"highWarnPercent": 100}, [("highWarnPercent", "SOFT_ABOVE_HARD")]),
    ({"softWarnPercent": 0}, [("softWarnPercent", "INVALID_VALUE")]),
    ({"dailyRm": "201"}, [("dailyRm", "DAILY_ABOVE_MONTHLY")]),
    ({"graceMinutes": -5}, [("graceMinutes", "INVALID_VALUE")]),
    ({"dailyRm": "1.00001"}, [("dailyRm", "INVALID_VALUE")]),
    ({"reason": "   ", "dailyRm": "1"}, [("reason", "REASON_REQUIRED")]),
]


@pytest.mark.parametrize(("values", "expected"), BAD)
async def test_bad_values_are_payload_errors_and_change_nothing(
    db: None, settings: Settings, values: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    await data_of(settings, STATUS, as_user=admin)  # the row, from the settings
    before = await PlatformBudget.get()

    data = await data_of(settings, UPDATE, {"input": {"reason": "why", **values}}, as_user=admin)

    payload = data["budgetUpdate"]
    assert payload["budget"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == expected
    after = await PlatformBudget.get()
    assert (after.daily_rm, after.monthly_rm, after.soft_warn_percent) == (
        before.daily_rm,
        before.monthly_rm,
        before.soft_warn_percent,
    )
    assert after.updated_at == before.updated_at
    assert await AuditLog.filter(action="budget.update").count() == 0


async def test_only_admins_change_the_budget(db: None, settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    variables = {"input": {"reason": "more", "dailyRm": "100"}}
    _, errors = await run(settings, UPDATE, variables, as_user=creator)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    _, errors = await run(settings, STATUS, as_user=creator)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    assert await PlatformBudget.all().count() == 0


async def test_the_status_shows_the_burn_rate_the_projection_and_the_grace(
    db: None, runtime: Runtime, sim: SimulatedDriver, sql_counter: StatementCounter
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    settings = runtime.settings
    await set_budget(settings, daily_rm=Decimal("6"), monthly_rm=Decimal("100"))
    running = [await deployed_session(sim) for _ in range(3)]
    await deployed_session(sim, S.PAUSED)  # free while paused
    now = datetime.now(UTC)
    await usage(running[0], now.date(), "6")
    hourly = await session_hourly_rm(
        settings,
        running[0].version_id,  # type: ignore[attr-defined]
        running[0].resource_profile,
    )
    grace = await enforce_budget(runtime, now)
    assert grace is not None

    sql_counter.reset()
    status = await budget_status(settings, now)
    few = sql_counter.count
    assert status.burn_rate_per_hour_rm == rounded(hourly * 3)
    assert status.projected_month_end_rm == rounded(
        Decimal(6) + status.burn_rate_per_hour_rm * hours_left_in_month(now)
    )
    assert status.cap_reached == "DAY"
    for _ in range(4):
        await deployed_session(sim)
    sql_counter.reset()
    await budget_status(settings, now)
    assert sql_counter.count == few  # whatever the number of sessions

    data = await data_of(settings, STATUS, as_user=admin)
    shown = data["budgetStatus"]
    assert Decimal(shown["todaySpendRm"]) == Decimal(shown["monthSpendRm"]) == 6
    assert shown["capReached"] == "DAY"
    assert shown["grace"]["cap"] == "DAY"
    assert 0 < shown["grace"]["secondsLeft"] <= 30 * 60
    assert shown["grace"]["shutDownAt"] is None


def test_hours_left_in_the_month_run_to_its_last_midnight() -> None:
    assert hours_left_in_month(datetime(2026, 2, 28, 12, tzinfo=UTC)) == 12
    assert hours_left_in_month(datetime(2026, 12, 1, tzinfo=UTC)) == 31 * 24
    assert hours_left_in_month(datetime(2026, 12, 31, 23, tzinfo=UTC) + timedelta(minutes=30)) == (
        Decimal("0.5")
    )
