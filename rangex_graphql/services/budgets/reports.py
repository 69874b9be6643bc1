"""Usage and cost over a range of days, summed from the daily usage rows.

Each report is one grouped statement (plus one for the names of a breakdown's groups),
whatever the number of sessions behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise.functions import Count, Sum

from ...models import Event, Scenario, UsageDaily, User
from ...models.enums import ResourceProfile

ZERO = Decimal(0)


class CostGroupBy(StrEnum):
    SCENARIO = "SCENARIO"
    USER = "USER"
    EVENT = "EVENT"


@dataclass(slots=True)
class UsageDay:
    day: date
    hours_by_profile: dict[ResourceProfile, Decimal] = field(default_factory=dict)
    vcpu_cost_rm: Decimal = ZERO
    memory_cost_rm: Decimal = ZERO
    total_rm: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class CostGroup:
    """One scenario, user or event (None: sessions outside any event, or deleted)."""

    key: UUID | None
    label: str | None
    sessions: int
    hours: Decimal
    vcpu_cost_rm: Decimal
    memory_cost_rm: Decimal
    total_rm: Decimal


def _dec(value: Any) -> Decimal:
    return Decimal(str(value)) if value is not None else ZERO


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


async def usage_daily(start: date, end: date) -> list[UsageDay]:
    """Every day of [start, end], oldest first, zeros included."""
    days = {
        start + timedelta(days=i): UsageDay(start + timedelta(days=i))
        for i in range((end - start).days + 1)
    }
    for row in (
        await UsageDaily.filter(day__gte=start, day__lte=end)
        .annotate(h=Sum("hours"), v=Sum("vcpu_cost_rm"), m=Sum("memory_cost_rm"), t=Sum("total_rm"))
        .group_by("day", "resource_profile")
        .values("day", "resource_profile", "h", "v", "m", "t")
    ):
        day = days[_as_date(row["day"])]
        day.hours_by_profile[ResourceProfile(row["resource_profile"])] = _dec(row["h"])
        day.vcpu_cost_rm += _dec(row["v"])
        day.memory_cost_rm += _dec(row["m"])
        day.total_rm += _dec(row["t"])
    return list(days.values())


GROUP_COLUMN = {
    CostGroupBy.SCENARIO: "scenario_id",
    CostGroupBy.USER: "user_id",
    CostGroupBy.EVENT: "event_id",
}


async def _labels(group_by: CostGroupBy, keys: list[UUID]) -> dict[UUID, str]:
    if not keys:
        return {}
    if group_by is CostGroupBy.SCENARIO:
        rows = await Scenario.filter(id__in=keys).values_list("id", "title")
    elif group_by is CostGroupBy.USER:
        rows = await User.filter(id__in=keys).values_list("id", "username")
    else:
        rows = await Event.filter(id__in=keys).values_list("id", "title")
    return {UUID(str(pk)): str(label) for pk, label in rows}


async def cost_breakdown(
    start: date, end: date, group_by: CostGroupBy, limit: int
) -> list[CostGroup]:
    """The ``limit`` costliest groups of [start, end], costliest first."""
    column = GROUP_COLUMN[group_by]
    rows = (
        await UsageDaily.filter(day__gte=start, day__lte=end)
        .annotate(
            n=Count("session_id", distinct=True),
            h=Sum("hours"),
            v=Sum("vcpu_cost_rm"),
            m=Sum("memory_cost_rm"),
            t=Sum("total_rm"),
        )
        .group_by(column)
        .order_by("-t", column)
        .limit(limit)
        .values(column, "n", "h", "v", "m", "t")
    )
    keys = [UUID(str(r[column])) for r in rows if r[column] is not None]
    labels = await _labels(group_by, keys)
    groups = []
    for row in rows:
        key = UUID(str(row[column])) if row[column] is not None else None
        groups.append(
            CostGroup(
                key=key,
                label=labels.get(key) if key is not None else None,
                sessions=int(row["n"] or 0),
                hours=_dec(row["h"]),
                vcpu_cost_rm=_dec(row["v"]),
                memory_cost_rm=_dec(row["m"]),
                total_rm=_dec(row["t"]),
            )
        )
    return groups
