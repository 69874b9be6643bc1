"""Warnings at 80 % and 90 % of each cap: every admin notified once per level and period,
the day's levels against the daily cap and the month's against the monthly one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from rangex_graphql.jobs.usage import account_usage
from rangex_graphql.models import BudgetWarning, EnvironmentSession, Notification
from rangex_graphql.models.enums import SessionState, UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.budgets.warnings import check_budget_warnings
from rangex_graphql.services.sessions.cost import session_hourly_rm
from tests import factories
from tests.budgets.conftest import set_budget, usage
from tests.jobs.conftest import deployed_session

S = SessionState
NOW = datetime(2026, 12, 15, 12, tzinfo=UTC)


async def kinds_by_user() -> list[tuple[str, str, int]]:
    rows = await Notification.all().order_by("created_at").values("user_id", "kind", "data")
    return [(str(r["user_id"]), r["kind"], r["data"]["level"]) for r in rows]


async def test_each_daily_level_notifies_every_admin_once_per_day(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    admins = [await factories.user(UserRole.ADMIN) for _ in range(2)]
    await set_budget(runtime.settings, daily_rm=Decimal("10"), monthly_rm=Decimal("1000"))
    session = await deployed_session(sim, S.RUNNING)
    learner = session.user_id  # type: ignore[attr-defined]
    today = NOW.date()

    await usage(session, today, "7.99")
    assert await check_budget_warnings(runtime.settings, NOW, broker=runtime.broker) == []

    await usage(session, today - timedelta(days=1), "5")  # another day: not today's spend
    await usage(session, today, "0.01")  # 8.00: 80 %
    sent = await check_budget_warnings(runtime.settings, NOW, broker=runtime.broker)
    assert [(c.cap, c.period, c.level) for c in sent] == [("DAY", "2026-12-15", 80)]

    await usage(session, today, "1.5")  # 9.50: 90 %
    sent = await check_budget_warnings(runtime.settings, NOW, broker=runtime.broker)
    assert [(c.cap, c.level) for c in sent] == [("DAY", 90)]
    # Again, and from another replica's pass: nothing new.
    assert await check_budget_warnings(runtime.settings, NOW, broker=runtime.broker) == []

    notes = await kinds_by_user()
    assert sorted(notes) == sorted(
        (str(a.id), "budget.warning.day", level) for a in admins for level in (80, 90)
    )
    assert str(learner) not in {user for user, _, _ in notes}
    assert await BudgetWarning.all().count() == 2

    # The next day is a new period: its levels are sent again.
    tomorrow = NOW + timedelta(days=1)
    await usage(session, tomorrow.date(), "8.5")
    sent = await check_budget_warnings(runtime.settings, tomorrow, broker=runtime.broker)
    assert [(c.period, c.level) for c in sent] == [("2026-12-16", 80)]


async def test_the_months_levels_count_every_day_of_the_month_only(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    await factories.user(UserRole.ADMIN)
    await set_budget(runtime.settings, daily_rm=Decimal("50"), monthly_rm=Decimal("100"))
    session = await deployed_session(sim, S.RUNNING)
    await usage(session, date(2026, 11, 30), "500")  # last month
    await usage(session, date(2026, 12, 1), "45")
    await usage(session, date(2026, 12, 9), "40")  # 85 this month, nothing today

    sent = await check_budget_warnings(runtime.settings, NOW, broker=runtime.broker)
    assert [(c.cap, c.period, c.level) for c in sent] == [("MONTH", "2026-12", 80)]
    assert await Notification.filter(kind="budget.warning.month").count() == 1


async def test_the_usage_job_sends_a_level_its_charge_crosses(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    now = datetime.now(UTC).replace(hour=12)
    session = await deployed_session(sim, S.RUNNING, cost_accounted_at=now - timedelta(hours=2))
    hourly = await session_hourly_rm(
        runtime.settings,
        session.version_id,  # type: ignore[attr-defined]
        session.resource_profile,
    )
    # Two hours of running reach 85 % of a daily cap of 2 / 0.85 hours.
    await set_budget(
        runtime.settings, daily_rm=(hourly * 2 / Decimal("0.85")).quantize(Decimal("0.0001"))
    )

    await account_usage(runtime, now)
    await account_usage(runtime, now + timedelta(seconds=1))

    notes = [
        str(v) for v in await Notification.filter(user_id=admin.id).values_list("kind", flat=True)
    ]
    assert notes == ["budget.warning.day"]
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING  # a warning ends nothing
