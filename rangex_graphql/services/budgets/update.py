"""``budgetUpdate``: an admin sets the budget, with a reason; audited with before and after.

Every value is checked before anything is written (all problems reported at once), and
the combination too: a warning level at or above its cap (soft above hard), a daily cap
above the monthly one. Raising the budget above the spend ends a grace in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import PlatformBudget
from ...models.budget import PLATFORM_BUDGET_KEY
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from .errors import BudgetCode
from .grace import end_grace
from .record import current_budget
from .spend import cap_reached, spend_now

MAX_BUDGET_RM = Decimal("10000000")
CENTS = Decimal("0.0001")
MAX_GRACE_MINUTES = 1440
REASON_MAX_LENGTH = 500
FIELDS = (
    "daily_rm",
    "monthly_rm",
    "soft_warn_percent",
    "high_warn_percent",
    "grace_minutes",
    "maintenance_on_cap",
)


@dataclass(frozen=True, slots=True)
class BudgetChange:
    """What to change (None: keep) and why."""

    reason: str
    daily_rm: Decimal | None = None
    monthly_rm: Decimal | None = None
    soft_warn_percent: int | None = None
    high_warn_percent: int | None = None
    grace_minutes: int | None = None
    maintenance_on_cap: bool | None = None


def _money_errors(change: BudgetChange) -> list[DomainError]:
    errors = []
    for field in ("daily_rm", "monthly_rm"):
        value: Decimal | None = getattr(change, field)
        if value is None:
            continue
        if not value.is_finite():
            errors.append(DomainError(BudgetCode.INVALID_VALUE, "not a number", field))
        elif value < 0:
            errors.append(
                DomainError(BudgetCode.NEGATIVE_BUDGET, "a budget cannot be negative", field)
            )
        elif value > MAX_BUDGET_RM or value != value.quantize(CENTS):
            errors.append(
                DomainError(
                    BudgetCode.INVALID_VALUE,
                    f"at most RM {MAX_BUDGET_RM}, to 4 decimal places",
                    field,
                )
            )
    return errors


def _value_errors(change: BudgetChange) -> list[DomainError]:
    errors = _money_errors(change)
    for field in ("soft_warn_percent", "high_warn_percent"):
        percent: int | None = getattr(change, field)
        if percent is None:
            continue
        if percent < 1:
            errors.append(DomainError(BudgetCode.INVALID_VALUE, "at least 1 percent", field))
        elif percent >= 100:
            errors.append(
                DomainError(
                    BudgetCode.SOFT_ABOVE_HARD,
                    "a warning level must be under the cap (100 percent)",
                    field,
                )
            )
    if change.grace_minutes is not None and not 0 <= change.grace_minutes <= MAX_GRACE_MINUTES:
        errors.append(
            DomainError(
                BudgetCode.INVALID_VALUE,
                f"from 0 to {MAX_GRACE_MINUTES} minutes",
                "grace_minutes",
            )
        )
    reason = change.reason.strip()
    if not reason:
        errors.append(DomainError(BudgetCode.REASON_REQUIRED, "say why", "reason"))
    elif len(reason) > REASON_MAX_LENGTH:
        errors.append(
            DomainError(
                BudgetCode.INVALID_VALUE, f"at most {REASON_MAX_LENGTH} characters", "reason"
            )
        )
    return errors


def _combination_errors(after: dict[str, Any]) -> list[DomainError]:
    errors = []
    if after["soft_warn_percent"] > after["high_warn_percent"]:
        errors.append(
            DomainError(
                BudgetCode.SOFT_ABOVE_HARD,
                "the soft warning level is above the high one",
                "soft_warn_percent",
            )
        )
    if after["daily_rm"] > after["monthly_rm"]:
        errors.append(
            DomainError(
                BudgetCode.DAILY_ABOVE_MONTHLY,
                "the daily budget is above the monthly one",
                "daily_rm",
            )
        )
    return errors


def _stored(value: Any) -> Any:
    """As the column keeps it: money to 4 decimal places."""
    return value.quantize(CENTS) if isinstance(value, Decimal) else value


def snapshot(row: PlatformBudget) -> dict[str, Any]:
    return {field: getattr(row, field) for field in FIELDS}


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in values.items()}


async def update_budget(
    settings: Settings,
    change: BudgetChange,
    actor_id: UUID,
    meta: RequestMeta,
    now: datetime | None = None,
) -> PlatformBudget:
    errors = _value_errors(change)
    if errors:
        raise DomainErrors(errors)
    await current_budget(settings)  # the row exists before it is locked

    async def write() -> PlatformBudget:
        row = await PlatformBudget.filter(key=PLATFORM_BUDGET_KEY).select_for_update().get()
        before = snapshot(row)
        given = {f: _stored(getattr(change, f)) for f in FIELDS if getattr(change, f) is not None}
        after = {**before, **given}
        problems = _combination_errors(after)
        if problems:
            raise DomainErrors(problems)
        if given:
            await PlatformBudget.filter(id=row.id).update(**given)
        await audit(
            "budget.update",
            meta,
            actor_id=actor_id,
            target_type="PlatformBudget",
            target_id=row.id,
            reason=change.reason.strip(),
            before=_plain(before),
            after=_plain(after),
        )
        await row.refresh_from_db()
        return row

    row = await retrying_transaction(write)
    spend = await spend_now(now or datetime.now(UTC))
    if row.grace_started_at is not None and cap_reached(row, spend) is None:
        await end_grace(row)
        await row.refresh_from_db()
    return row
