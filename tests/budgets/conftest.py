"""Runtimes on the simulated engine (the jobs' fixtures), and budget and usage rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tortoise.expressions import F

from rangex_graphql.models import EnvironmentSession, PlatformBudget, UsageDaily
from rangex_graphql.models.enums import ResourceProfile
from rangex_graphql.services.budgets.record import current_budget
from rangex_graphql.settings import Settings
from tests.jobs.conftest import replicas, runtime, sim

__all__ = ["replicas", "runtime", "sim"]  # the fixtures, shared


async def set_budget(settings: Settings, **values: Any) -> PlatformBudget:
    row = await current_budget(settings)
    await PlatformBudget.filter(id=row.id).update(**values)
    await row.refresh_from_db()
    return row


async def usage(
    session: EnvironmentSession,
    day: date,
    total: str,
    *,
    hours: str = "1",
    profile: ResourceProfile = ResourceProfile.SMALL,
    scenario_id: Any = None,
) -> UsageDaily:
    """``total`` RM (a quarter of it for memory) added to the usage row of ``session`` on
    ``day``, as the accrual adds it."""
    amount = Decimal(total)
    row = await UsageDaily.filter(day=day, session_id=session.id).first()
    if row is not None:
        await UsageDaily.filter(id=row.id).update(
            hours=F("hours") + Decimal(hours),
            vcpu_cost_rm=F("vcpu_cost_rm") + amount * 3 / 4,
            memory_cost_rm=F("memory_cost_rm") + amount / 4,
            total_rm=F("total_rm") + amount,
        )
        await row.refresh_from_db()
        return row
    return await UsageDaily.create(
        day=day,
        session_id=session.id,
        user_id=session.user_id,  # type: ignore[attr-defined]
        event_id=session.event_id,  # type: ignore[attr-defined]
        scenario_id=scenario_id,
        resource_profile=profile,
        hours=Decimal(hours),
        vcpu_cost_rm=amount * 3 / 4,
        memory_cost_rm=amount / 4,
        total_rm=amount,
    )
