"""Daily usage rows: the running time of a session charged, split at midnight (UTC).

Written by the accrual (``services/sessions/cost.py``) in the transaction that holds the
session's row lock, so one writer per (day, session) row at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from uuid import UUID

from tortoise.expressions import F

from ...models import UsageDaily
from ...models.enums import ResourceProfile

CENTS = Decimal("0.0001")
SECONDS_PER_HOUR = Decimal(3600)


@dataclass(frozen=True, slots=True)
class HourlyCost:
    """What a session costs per running hour, by what is paid for."""

    vcpu_rm: Decimal
    memory_rm: Decimal

    @property
    def total_rm(self) -> Decimal:
        return self.vcpu_rm + self.memory_rm


@dataclass(frozen=True, slots=True)
class ChargedSession:
    session_id: UUID
    user_id: UUID
    scenario_id: UUID | None
    event_id: UUID | None
    profile: ResourceProfile


def _round(amount: Decimal) -> Decimal:
    return amount.quantize(CENTS, rounding=ROUND_HALF_UP)


def day_slices(start: datetime, end: datetime) -> list[tuple[date, Decimal]]:
    """The seconds of [start, end) on each UTC day they cover."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    slices = []
    while start < end:
        midnight = datetime.combine(start.date() + timedelta(days=1), time(), tzinfo=UTC)
        stop = min(end, midnight)
        slices.append((start.date(), Decimal(str((stop - start).total_seconds()))))
        start = stop
    return slices


async def record_usage(
    session: ChargedSession, start: datetime, end: datetime, hourly: HourlyCost
) -> None:
    for day, seconds in day_slices(start, end):
        hours = seconds / SECONDS_PER_HOUR
        total = _round(hourly.total_rm * hours)
        vcpu = min(total, _round(hourly.vcpu_rm * hours))
        added = {
            "hours": _round(hours),
            "vcpu_cost_rm": vcpu,
            "memory_cost_rm": total - vcpu,
            "total_rm": total,
        }
        if not any(added.values()):
            # Nothing to add; MySQL would also count the row as not updated (unchanged).
            continue
        updated = await UsageDaily.filter(day=day, session_id=session.session_id).update(
            **{name: F(name) + value for name, value in added.items()}
        )
        if not updated:
            await UsageDaily.create(
                day=day,
                session_id=session.session_id,
                user_id=session.user_id,
                scenario_id=session.scenario_id,
                event_id=session.event_id,
                resource_profile=session.profile,
                hours=added["hours"],
                vcpu_cost_rm=added["vcpu_cost_rm"],
                memory_cost_rm=added["memory_cost_rm"],
                total_rm=added["total_rm"],
            )
