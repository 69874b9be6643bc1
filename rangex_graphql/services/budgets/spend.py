"""Today's and the month's spend (UTC), summed from the daily usage rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from tortoise.functions import Sum

from ...models import PlatformBudget, UsageDaily
from ...settings import Settings
from .record import current_budget

DAY = "DAY"
MONTH = "MONTH"


@dataclass(frozen=True, slots=True)
class Spend:
    today_rm: Decimal
    month_rm: Decimal


def utc_day(now: datetime) -> date:
    return now.astimezone(UTC).date()


def day_period(now: datetime) -> str:
    return utc_day(now).isoformat()


def month_period(now: datetime) -> str:
    return utc_day(now).strftime("%Y-%m")


async def _sum(**where: object) -> Decimal:
    rows = await UsageDaily.filter(**where).annotate(total=Sum("total_rm")).values("total")
    total = rows[0]["total"] if rows else None
    return Decimal(str(total)) if total is not None else Decimal(0)


async def month_spend_rm(now: datetime | None = None) -> Decimal:
    """One statement: the sum of the month's days up to today."""
    today = utc_day(now or datetime.now(UTC))
    return await _sum(day__gte=today.replace(day=1), day__lte=today)


async def spend_now(now: datetime) -> Spend:
    """Two statements: the day's and the month's sums."""
    return Spend(today_rm=await _sum(day=utc_day(now)), month_rm=await month_spend_rm(now))


def cap_reached(budget: PlatformBudget, spend: Spend) -> str | None:
    """Which cap the spend has reached (DAY before MONTH), None for neither."""
    if spend.today_rm >= budget.daily_rm:
        return DAY
    if spend.month_rm >= budget.monthly_rm:
        return MONTH
    return None


async def budget_exhausted(settings: Settings, now: datetime | None = None) -> bool:
    """Whether a cap is reached: new sessions are refused until the budget is raised or
    a new day (month) begins."""
    budget = await current_budget(settings)
    return cap_reached(budget, await spend_now(now or datetime.now(UTC))) is not None
