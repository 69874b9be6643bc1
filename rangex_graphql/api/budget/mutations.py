"""budgetUpdate: an admin sets the platform's budget, with a reason (audited)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ...models.enums import UserRole
from ...services.budgets.errors import BudgetCode
from ...services.budgets.update import BudgetChange, update_budget
from ..context import Info
from ..payload import actor, mutation_payload
from ..permissions import Allow
from .payloads import BudgetUpdateInput, BudgetUpdatePayload
from .types import BudgetType

BudgetChangeInput = Annotated[
    BudgetUpdateInput,
    strawberry.argument(description="The values to change and the reason for the change."),
]


@strawberry.type
class BudgetMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, tokens=False)],
        description="Change the platform's budget, with a reason; audited with the values "
        "before and after. Raising it above the spend ends a grace period. Admins only.",
    )
    @mutation_payload(BudgetUpdatePayload, BudgetCode)
    async def budget_update(self, info: Info, input: BudgetChangeInput) -> BudgetUpdatePayload:
        change = BudgetChange(
            reason=input.reason,
            daily_rm=input.daily_rm,
            monthly_rm=input.monthly_rm,
            soft_warn_percent=input.soft_warn_percent,
            high_warn_percent=input.high_warn_percent,
            grace_minutes=input.grace_minutes,
            maintenance_on_cap=input.maintenance_on_cap,
        )
        row = await update_budget(info.context.settings, change, actor(info).id, info.context.meta)
        return BudgetUpdatePayload(budget=BudgetType.of(row))
