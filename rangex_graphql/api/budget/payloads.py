"""budgetUpdate's input, payload and error codes."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import strawberry

from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, result
from .types import BudgetType


@strawberry.enum(description="Why changing the budget failed.")
class BudgetErrorCode(Enum):
    INVALID_VALUE = strawberry.enum_value(
        "INVALID_VALUE", description="A value out of its range, or a reason too long."
    )
    NEGATIVE_BUDGET = strawberry.enum_value("NEGATIVE_BUDGET", description="A budget below zero.")
    SOFT_ABOVE_HARD = strawberry.enum_value(
        "SOFT_ABOVE_HARD",
        description="A warning level at or above its cap (100 percent), or the soft level "
        "above the high one.",
    )
    DAILY_ABOVE_MONTHLY = strawberry.enum_value(
        "DAILY_ABOVE_MONTHLY", description="The daily budget above the monthly one."
    )
    REASON_REQUIRED = strawberry.enum_value(
        "REASON_REQUIRED", description="A change of the budget says why."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class BudgetError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: BudgetErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.input(description="What to change in the budget (omitted: kept) and why.")
class BudgetUpdateInput:
    reason: str = strawberry.field(description="Why; kept in the audit log.")
    daily_rm: Decimal | None = strawberry.field(default=None, description="Daily cap, RM.")
    monthly_rm: Decimal | None = strawberry.field(default=None, description="Monthly cap, RM.")
    soft_warn_percent: int | None = strawberry.field(
        default=None, description="First warning level, percent of each cap (1 to 99)."
    )
    high_warn_percent: int | None = strawberry.field(
        default=None, description="Second warning level, percent (not below the first)."
    )
    grace_minutes: int | None = strawberry.field(
        default=None, description="Minutes from a cap reached to the shutdown (0 to 1,440)."
    )
    maintenance_on_cap: bool | None = strawberry.field(
        default=None, description="Whether the shutdown also enters maintenance mode."
    )


@strawberry.type(description="What budgetUpdate did.")
class BudgetUpdatePayload:
    budget: BudgetType | None = strawberry.field(
        default=None, description=result("The budget as it is now")
    )
    errors: list[BudgetError] = strawberry.field(default_factory=list, description=ERRORS)
