"""Warnings at the budget's soft levels (80 % and 90 % of a cap by default), once per level
and period: the day's levels against the daily cap, the month's against the monthly one.

The unique (period, level) row of ``BudgetWarning`` decides who sends: whichever process
or replica inserts it first notifies every admin; the others meet the duplicate key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID

from tortoise.exceptions import IntegrityError

from ...broker import Broker
from ...models import BudgetWarning, PlatformBudget, User
from ...models.enums import UserRole
from ...settings import Settings
from ..notifications import notify
from .record import current_budget
from .spend import DAY, MONTH, Spend, day_period, month_period, spend_now


@dataclass(frozen=True, slots=True)
class Crossed:
    cap: str  # DAY or MONTH
    period: str
    level: int  # percent of the cap
    spent_rm: Decimal
    cap_rm: Decimal


def levels_crossed(budget: PlatformBudget, spend: Spend, now: datetime) -> list[Crossed]:
    """Every warning level the spend has reached, day first; the cap itself is the grace's."""
    crossed = []
    levels = sorted({budget.soft_warn_percent, budget.high_warn_percent})
    for cap, period, spent, cap_rm in (
        (DAY, day_period(now), spend.today_rm, budget.daily_rm),
        (MONTH, month_period(now), spend.month_rm, budget.monthly_rm),
    ):
        for level in levels:
            if level < 100 and spent >= cap_rm * level / 100:
                crossed.append(Crossed(cap, period, level, spent, cap_rm))
    return crossed


async def check_budget_warnings(
    settings: Settings, now: datetime | None = None, *, broker: Broker | None
) -> list[Crossed]:
    """Record each level newly crossed and notify the admins; the levels this call sent."""
    now = now or datetime.now(UTC)
    budget = await current_budget(settings)
    sent = []
    for crossed in levels_crossed(budget, await spend_now(now), now):
        try:
            await BudgetWarning.create(
                period=crossed.period, level=crossed.level, spent_rm=crossed.spent_rm
            )
        except IntegrityError:
            continue
        sent.append(crossed)
        await notify_admins(
            f"budget.warning.{crossed.cap.lower()}",
            f"Platform spend reached {crossed.level}% of the "
            f"{'daily' if crossed.cap == DAY else 'monthly'} budget ({crossed.period})",
            f"RM {crossed.spent_rm} of RM {crossed.cap_rm}.",
            broker=broker,
            period=crossed.period,
            level=crossed.level,
            spentRm=str(crossed.spent_rm),
            budgetRm=str(crossed.cap_rm),
        )
    return sent


async def admin_ids() -> list[UUID]:
    found = await User.filter(role=UserRole.ADMIN).values_list("id", flat=True)
    return [UUID(str(i)) for i in found]


async def notify_admins(
    kind: str, title: str, body: str, *, broker: Broker | None, **data: object
) -> None:
    for admin_id in await admin_ids():
        await notify(admin_id, kind, title, body, broker=broker, **data)
