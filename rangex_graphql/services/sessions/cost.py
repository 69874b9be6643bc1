"""What sessions cost: machine sizes, prices, estimates, and the accrual of running time.

Prices follow Fargate: a machine costs ``cpu x price_vcpu_hour_usd + memory GiB x
price_gb_hour_usd`` per hour, in RM at ``rm_per_usd``. The session's resource profile
sizes its entry (attacker) machine; the other machines keep their authored size, capped
at the domain's hard limits. Only RUNNING time is charged: pausing stops the meter, and
so does an engine outage (``cost_accounted_at`` NULL until the machines are confirmed
running, see ``outage.py``). Every accrual also writes the day's usage row and checks
the budget's warning levels (``services/budgets``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from uuid import UUID

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import EnvironmentSession, Machine, ScenarioVersion
from ...models.enums import MachineRole, ResourceProfile, SessionState
from ...orchestrator.protocol import MAX_MACHINE_CPU, MAX_MACHINE_MEMORY_MIB
from ...settings import Settings
from ..budgets.usage import ChargedSession, HourlyCost, record_usage
from ..budgets.warnings import check_budget_warnings

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


def hourly_parts_rm(settings: Settings, size: Size) -> HourlyCost:
    vcpu = settings.price_vcpu_hour_usd * Decimal(str(size.cpu))
    memory = settings.price_gb_hour_usd * (Decimal(size.memory_mib) / Decimal(1024))
    return HourlyCost(vcpu * settings.rm_per_usd, memory * settings.rm_per_usd)


def hourly_price_rm(settings: Settings, size: Size) -> Decimal:
    return hourly_parts_rm(settings, size).total_rm


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


async def session_hourly_cost(
    settings: Settings, version_id: UUID, profile: ResourceProfile
) -> HourlyCost:
    vcpu = memory = Decimal(0)
    for row in await _machine_rows(version_id):
        role = MachineRole(row["role"])
        size = machine_size(settings, role, row["cpu"], row["memory_mib"], profile)
        parts = hourly_parts_rm(settings, size)
        vcpu += parts.vcpu_rm
        memory += parts.memory_rm
    return HourlyCost(vcpu, memory)


async def session_hourly_rm(
    settings: Settings, version_id: UUID, profile: ResourceProfile
) -> Decimal:
    return (await session_hourly_cost(settings, version_id, profile)).total_rm


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
    (and from the usage job). The time charged is added to the session's usage row of
    each day it covers. Returns the amount added. The budget's warning levels are checked
    after, unless the caller checks them once for many sessions (``check_budget=False``);
    their notifications are announced on ``broker``.
    """
    now = now or datetime.now(UTC)

    async def charge() -> Decimal:
        row = await EnvironmentSession.filter(id=session_id).select_for_update().first()
        if row is None or row.state is not SessionState.RUNNING or row.cost_accounted_at is None:
            return Decimal(0)
        since = row.cost_accounted_at
        version_id: UUID = row.version_id  # type: ignore[attr-defined]
        seconds = Decimal(max(0.0, (now - since).total_seconds()))
        hourly = await session_hourly_cost(settings, version_id, row.resource_profile)
        added = rounded(hourly.total_rm * seconds / SECONDS_PER_HOUR)
        await EnvironmentSession.filter(id=session_id).update(
            cost_rm=row.cost_rm + added, cost_accounted_at=max(now, since)
        )
        if now > since:
            scenario_id = await ScenarioVersion.filter(id=version_id).values_list(
                "scenario_id", flat=True
            )
            charged = ChargedSession(
                session_id=session_id,
                user_id=row.user_id,  # type: ignore[attr-defined]
                scenario_id=UUID(str(scenario_id[0])) if scenario_id else None,
                event_id=row.event_id,  # type: ignore[attr-defined]
                profile=row.resource_profile,
            )
            await record_usage(charged, since, now, hourly)
        return added

    added = await retrying_transaction(charge)
    if added and check_budget:
        await check_budget_warnings(settings, now, broker=broker)
    return added
