"""Why changing the budget failed."""

from __future__ import annotations

from ..errors import ErrorCode


class BudgetCode(ErrorCode):
    INVALID_VALUE = "INVALID_VALUE"
    NEGATIVE_BUDGET = "NEGATIVE_BUDGET"
    SOFT_ABOVE_HARD = "SOFT_ABOVE_HARD"
    DAILY_ABOVE_MONTHLY = "DAILY_ABOVE_MONTHLY"
    REASON_REQUIRED = "REASON_REQUIRED"
