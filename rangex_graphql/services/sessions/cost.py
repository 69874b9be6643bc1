"""What sessions cost: machine sizes, prices, estimates, accrual and the monthly budgets.

Prices follow Fargate: a machine costs ``cpu x price_vcpu_hour_usd + memory GiB x
price_gb_hour_usd`` per hour, in RM at ``rm_per_usd``. The session's resource profile
sizes its entry (attacker) machine; the other machines keep their authored size, capped
at the domain's hard limits. Only RUNNING time is charged: pausing stops the meter, and
so does an engine outage (``cost_accounted_at`` NULL until the machines are confirmed
running, see ``outage.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.functions import Sum

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import BudgetAlert, EnvironmentSession, Machine, User
from ...models.enums import MachineRole, ResourceProfile, SessionState, UserRole
from ...orchestrator.protocol import MAX_MACHINE_CPU, MAX_MACHINE_MEMORY_MIB
from ...settings import Settings
from ..notifications import notify
from .transitions import ACTIVE_STATES

CENTS = Decimal("0.0001")
SECONDS_PER_HOUR = Decimal(3600)


@dataclass(frozen=True, slots=True)
class Size:
    cpu: float
    memory_mib: int


@dataclass(frozen=True, slots=True)
class MachineCost:
    machine_id: UUID
    name: str
    role: MachineRole
    size: Size
    hourly_rm: Decimal
    cost_rm: Decimal


@dataclass(frozen=True, slots=True)
class CostEstimate:
    machines: list[MachineCost]
    hourly_rm: Decimal
    total_rm: Decimal
    minutes: int


def profile_size(settings: Settings, profile: ResourceProfile) -> Size:
    size = settings.session_resource_profiles[profile.value.lower()]
    return Size(cpu=float(size["cpu"]), memory_mib=int(size["memory_mib"]))


def machine_size(
    settings: Settings, role: MachineRole, cpu: float, memory_mib: int, profile: ResourceProfile
) -> Size:
    """The profile sizes the entry machine; the others keep their own size, capped."""
    if role is MachineRole.ATTACKER:
        size = profile_size(settings, profile)
    else:
        size = Size(cpu=cpu, memory_mib=memory_mib)
    return Size(
        cpu=min(size.cpu, MAX_MACHINE_CPU), memory_mib=min(size.memory_mib, MAX_MACHINE_MEMORY_MIB)
    )


def hourly_price_rm(settings: Settings, size: Size) -> Decimal:
    usd = settings.price_vcpu_hour_usd * Decimal(str(size.cpu)) + settings.price_gb_hour_usd * (
        Decimal(size.memory_mib) / Decimal(1024)
    )
    return usd * settings.rm_per_usd


def rounded(amount: Decimal) -> Decimal:
    return amount.quantize(CENTS, rounding=ROUND_HALF_UP)


async def _machine_rows(version_id: UUID) -> list[dict[str, Any]]:
    return (
        await Machine.filter(version_id=version_id)
        .order_by("position", "id")
        .values("id", "name", "role", "cpu", "memory_mib")
    )


async def estimate(
    settings: Settings, version_id: UUID, profile: ResourceProfile, minutes: int
) -> CostEstimate:
    """What ``minutes`` of running time of the version at ``profile`` costs, per machine."""
    hours = Decimal(minutes) / Decimal(60)
    machines = []
    for row in await _machine_rows(version_id):
        role = MachineRole(row["role"])
        size = machine_size(settings, role, row["cpu"], row["memory_mib"], profile)
        hourly = hourly_price_rm(settings, size)
        machines.append(
            MachineCost(
                row["id"], row["name"], role, size, rounded(hourly), rounded(hourly * hours)
            )
        )
    hourly_total = sum((hourly_price_rm(settings, m.size) for m in machines), Decimal(0))
    return CostEstimate(
        machines=machines,
        hourly_rm=rounded(hourly_total),
        total_rm=rounded(hourly_total * hours),
        minutes=minutes,
    )


async def session_hourly_rm(
    settings: Settings, version_id: UUID, profile: ResourceProfile
) -> Decimal:
    total = Decimal(0)
    for row in await _machine_rows(version_id):
        role = MachineRole(row["role"])
        total += hourly_price_rm(
            settings, machine_size(settings, role, row["cpu"], row["memory_mib"], profile)
        )
    return total


async def accrue(
    settings: Settings,
    session_id: UUID,
    now: datetime | None = None,
    *,
    broker: Broker | None,
    check_budget: bool = True,
) -> Decimal:
    """Charge the running time since ``cost_accounted_at`` and move it to ``now``.

    Only a RUNNING session is charged; call this before every transition out of RUNNING
    (and from the usage job). Returns the amount added. Budget alerts follow unless the
    caller checks them once for many sessions (``check_budget=False``); their
    notifications are announced on ``broker``.
    """
    now = now or datetime.now(UTC)

    async def charge() -> Decimal:
        row = await EnvironmentSession.filter(id=session_id).select_for_update().first()
        if row is None or row.state is not SessionState.RUNNING or row.cost_accounted_at is None:
            return Decimal(0)
        seconds = Decimal(max(0.0, (now - row.cost_accounted_at).total_seconds()))
        hourly = await session_hourly_rm(
            settings,
            row.version_id,  # type: ignore[attr-defined]
            row.resource_profile,
        )
        added = rounded(hourly * seconds / SECONDS_PER_HOUR)
        await EnvironmentSession.filter(id=session_id).update(
            cost_rm=row.cost_rm + added, cost_accounted_at=max(now, row.cost_accounted_at)
        )
        return added

    added = await retrying_transaction(charge)
    if added and check_budget:
        await check_budget_alerts(settings, now, broker=broker)
    return added


def month_start(now: datetime) -> datetime:
    return now.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def month_spend_rm(now: datetime | None = None) -> Decimal:
    """Spend of the calendar month (UTC): cost of the sessions active now or ended in it.

    A session that runs across the turn of the month counts wholly in the month it ends.
    """
    start = month_start(now or datetime.now(UTC))
    rows = (
        await EnvironmentSession.filter(
            Q(state__in=[s.value for s in ACTIVE_STATES]) | Q(ended_at__gte=start)
        )
        .annotate(total=Sum("cost_rm"))
        .values("total")
    )
    total = rows[0]["total"] if rows else None
    return Decimal(str(total)) if total is not None else Decimal(0)


def period_of(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m")


async def budget_exhausted(settings: Settings, now: datetime | None = None) -> bool:
    if settings.budget_hard_rm is None:
        return False
    return await month_spend_rm(now) >= settings.budget_hard_rm


async def check_budget_alerts(
    settings: Settings, now: datetime | None = None, *, broker: Broker | None
) -> list[str]:
    """Record each budget the month's spend crossed (once per month) and notify admins.

    Returns the levels newly crossed. The unique (period, level) row makes sure a level
    is reported once, whichever process or replica saw it first.
    """
    now = now or datetime.now(UTC)
    thresholds = [
        (level, limit)
        for level, limit in (("SOFT", settings.budget_soft_rm), ("HARD", settings.budget_hard_rm))
        if limit is not None
    ]
    if not thresholds:
        return []
    spent = await month_spend_rm(now)
    period = period_of(now)
    crossed = []
    for level, limit in thresholds:
        if spent < limit:
            continue
        try:
            await BudgetAlert.create(period=period, level=level, spent_rm=spent)
        except IntegrityError:
            continue
        crossed.append(level)
        await _notify_admins(level, period, spent, limit, broker)
    return crossed


async def _notify_admins(
    level: str, period: str, spent: Decimal, limit: Decimal, broker: Broker | None
) -> None:
    what = "soft budget reached" if level == "SOFT" else "hard budget reached: starts blocked"
    for admin_id in await User.filter(role=UserRole.ADMIN).values_list("id", flat=True):
        await notify(
            admin_id,  # type: ignore[arg-type]
            f"budget.{level.lower()}",
            f"Platform {what} for {period}",
            f"Sessions cost RM {rounded(spent)} this month; the {level.lower()} budget is "
            f"RM {limit}.",
            broker=broker,
            period=period,
            level=level,
            spentRm=str(rounded(spent)),
            budgetRm=str(limit),
        )
