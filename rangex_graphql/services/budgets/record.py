"""The one budget row, created from the settings the first time it is read."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from ...models import PlatformBudget
from ...models.budget import PLATFORM_BUDGET_KEY
from ...settings import Settings


async def current_budget(settings: Settings) -> PlatformBudget:
    """The budget row; the settings' defaults until an admin sets one."""
    row = await PlatformBudget.filter(key=PLATFORM_BUDGET_KEY).first()
    if row is not None:
        return row
    try:
        return await PlatformBudget.create(
            key=PLATFORM_BUDGET_KEY,
            daily_rm=settings.budget_daily_rm,
            monthly_rm=settings.budget_monthly_rm,
            grace_minutes=settings.budget_grace_minutes,
        )
    except IntegrityError:  # another process created it first
        return await PlatformBudget.get(key=PLATFORM_BUDGET_KEY)
