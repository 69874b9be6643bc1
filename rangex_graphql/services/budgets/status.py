"""The budget's figures for dashboards: spend, burn rate, projection and the grace state.

The burn rate is what the RUNNING sessions cost per hour now (paused ones are free); the
month-end projection adds that rate over the hours the month has left to the month's
spend. A fixed number of statements, whatever the number of sessions: the sessions are
counted per version and profile, and the machines of those versions read at once.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.functions import Count

from ...models import EnvironmentSession, Machine, PlatformBudget
from ...models.enums import MachineRole, ResourceProfile, SessionState
from ...settings import Settings
from ..sessions.cost import hourly_price_rm, machine_size, rounded
from .grace import Grace, grace_of
from .record import current_budget
from .spend import cap_reached, spend_now


@dataclass(frozen=True, slots=True)
class BudgetStatus:
    budget: PlatformBudget
    today_rm: Decimal
    month_rm: Decimal
    burn_rate_per_hour_rm: Decimal
    projected_month_end_rm: Decimal
    cap_reached: str | None
    grace: Grace | None
    at: datetime


async def burn_rate_per_hour_rm(settings: Settings) -> Decimal:
    """What the RUNNING sessions cost per hour now (two statements)."""
    groups = (
        await EnvironmentSession.filter(state=SessionState.RUNNING, cost_accounted_at__isnull=False)
        .annotate(n=Count("id"))
        .group_by("version_id", "resource_profile")
        .values("version_id", "resource_profile", "n")
    )
    if not groups:
        return Decimal(0)
    machines: dict[UUID, list[dict[str, Any]]] = defaultdict(list)
    for row in await Machine.filter(version_id__in={g["version_id"] for g in groups}).values(
        "version_id", "role", "cpu", "memory_mib"
    ):
        machines[UUID(str(row["version_id"]))].append(row)
    total = Decimal(0)
    for group in groups:
        profile = ResourceProfile(group["resource_profile"])
        for m in machines[UUID(str(group["version_id"]))]:
            size = machine_size(
                settings, MachineRole(m["role"]), m["cpu"], m["memory_mib"], profile
            )
            total += hourly_price_rm(settings, size) * int(group["n"])
    return rounded(total)


def hours_left_in_month(now: datetime) -> Decimal:
    now = now.astimezone(UTC)
    last = calendar.monthrange(now.year, now.month)[1]
    end = datetime.combine(now.date().replace(day=last), time(), tzinfo=UTC)
    seconds = (end - now).total_seconds() + 86400
    return Decimal(str(max(0.0, seconds))) / Decimal(3600)


async def budget_status(settings: Settings, now: datetime | None = None) -> BudgetStatus:
    now = now or datetime.now(UTC)
    budget = await current_budget(settings)
    spend = await spend_now(now)
    rate = await burn_rate_per_hour_rm(settings)
    return BudgetStatus(
        budget=budget,
        today_rm=spend.today_rm,
        month_rm=spend.month_rm,
        burn_rate_per_hour_rm=rate,
        projected_month_end_rm=rounded(spend.month_rm + rate * hours_left_in_month(now)),
        cap_reached=cap_reached(budget, spend),
        grace=grace_of(budget),
        at=now,
    )
