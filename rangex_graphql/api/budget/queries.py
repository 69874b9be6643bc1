"""Admin queries: budgetStatus, usageDaily, costBreakdown."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from ...models.enums import UserRole
from ...services.budgets import reports
from ...services.budgets.reports import CostGroupBy
from ...services.budgets.status import budget_status
from ..context import Info
from ..errors import BadUserInput
from ..permissions import Allow
from .types import BudgetStatusType, CostGroupType, UsageDayType

MAX_RANGE_DAYS = 366
MAX_GROUPS = 100

From = Annotated[date, strawberry.argument(name="from", description="First day (UTC).")]
To = Annotated[
    date, strawberry.argument(description="Last day (UTC), included; at most 366 days in all.")
]


def checked_range(start: date, end: date) -> None:
    if end < start:
        raise BadUserInput("to: before from", field="to")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise BadUserInput(f"to: at most {MAX_RANGE_DAYS} days from `from`", field="to")


@strawberry.type
class BudgetQuery:
    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="The budget, today's and the month's spend, the burn rate, the month-end "
        "projection and the grace state. Admins only.",
    )
    async def budget_status(self, info: Info) -> BudgetStatusType | None:
        return BudgetStatusType.of(await budget_status(info.context.settings))

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Usage per day (UTC) over a range: hours per resource profile, vCPU and "
        "memory cost, total. Every day of the range, oldest first. Admins only.",
    )
    async def usage_daily(self, start: From, to: To) -> list[UsageDayType] | None:
        checked_range(start, to)
        return [UsageDayType.of(day) for day in await reports.usage_daily(start, to)]

    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="The spend over a range of days per scenario, user or event, costliest "
        "first. Admins only.",
    )
    async def cost_breakdown(
        self,
        start: From,
        to: To,
        group_by: Annotated[CostGroupBy, strawberry.argument(description="What to group by.")],
        first: Annotated[
            int, strawberry.argument(description=f"How many groups, at most {MAX_GROUPS}.")
        ] = MAX_GROUPS,
    ) -> list[CostGroupType] | None:
        checked_range(start, to)
        if not 1 <= first <= MAX_GROUPS:
            raise BadUserInput(f"first: from 1 to {MAX_GROUPS}", field="first")
        groups = await reports.cost_breakdown(start, to, group_by, first)
        return [CostGroupType.of(group, group_by) for group in groups]
