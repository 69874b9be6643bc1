"""The budget, its grace state, daily usage and cost groups, as the API shows them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import strawberry

from ...models import PlatformBudget
from ...models.enums import ResourceProfile
from ...services.budgets.grace import Grace
from ...services.budgets.reports import CostGroup, CostGroupBy, UsageDay
from ...services.budgets.status import BudgetStatus
from ..enums import register
from ..ids import to_global_id

register(
    CostGroupBy,
    "What a cost breakdown groups the spend by.",
    {
        CostGroupBy.SCENARIO: "Per scenario (all its versions together).",
        CostGroupBy.USER: "Per learner (or creator, for test runs) who ran the sessions.",
        CostGroupBy.EVENT: "Per event; sessions outside any event in one group of their own.",
    },
)


@strawberry.enum(description="Which of the budget's caps.")
class BudgetCap(Enum):
    DAY = strawberry.enum_value("DAY", description="The daily budget (UTC day).")
    MONTH = strawberry.enum_value("MONTH", description="The monthly budget (UTC month).")


@strawberry.type(name="PlatformBudget", description="The platform's budget, as an admin set it.")
class BudgetType:
    daily_rm: Decimal = strawberry.field(description="Daily cap, RM (UTC day).")
    monthly_rm: Decimal = strawberry.field(description="Monthly cap, RM (UTC month).")
    soft_warn_percent: int = strawberry.field(
        description="First warning level, percent of each cap (admins notified once per period)."
    )
    high_warn_percent: int = strawberry.field(description="Second warning level, percent.")
    grace_minutes: int = strawberry.field(
        description="Minutes between reaching a cap and the emergency shutdown of the "
        "running sessions."
    )
    maintenance_on_cap: bool = strawberry.field(
        description="Whether the emergency shutdown also puts the platform in maintenance."
    )
    updated_at: datetime = strawberry.field(description="When it was last changed (UTC).")

    @classmethod
    def of(cls, row: PlatformBudget) -> BudgetType:
        return cls(
            daily_rm=row.daily_rm,
            monthly_rm=row.monthly_rm,
            soft_warn_percent=row.soft_warn_percent,
            high_warn_percent=row.high_warn_percent,
            grace_minutes=row.grace_minutes,
            maintenance_on_cap=row.maintenance_on_cap,
            updated_at=row.updated_at,
        )


@strawberry.type(description="A cap is reached: the time left before the emergency shutdown.")
class BudgetGrace:
    cap: BudgetCap = strawberry.field(description="The cap that was reached.")
    started_at: datetime = strawberry.field(description="When it was reached (UTC).")
    ends_at: datetime = strawberry.field(
        description="When the running sessions are shut down (UTC)."
    )
    seconds_left: int = strawberry.field(description="Seconds until then; 0 once due.")
    shut_down_at: datetime | None = strawberry.field(
        description="When the emergency shutdown ran; null before."
    )

    @classmethod
    def of(cls, grace: Grace | None, now: datetime) -> BudgetGrace | None:
        if grace is None:
            return None
        return cls(
            cap=BudgetCap(grace.cap),
            started_at=grace.started_at,
            ends_at=grace.ends_at,
            seconds_left=max(0, int((grace.ends_at - now).total_seconds())),
            shut_down_at=grace.shutdown_at,
        )


@strawberry.type(
    name="BudgetStatus", description="Spend against the budget now, the burn rate and the grace."
)
class BudgetStatusType:
    budget: BudgetType = strawberry.field(description="The budget in force.")
    today_spend_rm: Decimal = strawberry.field(description="Spend of today (UTC), RM.")
    month_spend_rm: Decimal = strawberry.field(description="Spend of this month (UTC), RM.")
    burn_rate_per_hour_rm: Decimal = strawberry.field(
        description="What the RUNNING sessions cost per hour now, RM."
    )
    projected_month_end_rm: Decimal = strawberry.field(
        description="The month's spend if the burn rate held until the month's end, RM."
    )
    cap_reached: BudgetCap | None = strawberry.field(
        description="The cap reached, if any: new sessions are refused (BUDGET_EXHAUSTED)."
    )
    grace: BudgetGrace | None = strawberry.field(
        description="The grace period in force; null when no cap is reached."
    )
    at: datetime = strawberry.field(description="When these figures were read (UTC).")

    @classmethod
    def of(cls, status: BudgetStatus) -> BudgetStatusType:
        return cls(
            budget=BudgetType.of(status.budget),
            today_spend_rm=status.today_rm,
            month_spend_rm=status.month_rm,
            burn_rate_per_hour_rm=status.burn_rate_per_hour_rm,
            projected_month_end_rm=status.projected_month_end_rm,
            cap_reached=BudgetCap(status.cap_reached) if status.cap_reached else None,
            grace=BudgetGrace.of(status.grace, status.at),
            at=status.at,
        )


@strawberry.type(description="Running hours of one resource profile.")
class ProfileHours:
    profile: ResourceProfile = strawberry.field(description="The resource profile.")
    hours: Decimal = strawberry.field(description="Hours of running sessions at it.")


@strawberry.type(name="UsageDay", description="What the platform ran and spent on one day (UTC).")
class UsageDayType:
    day: date = strawberry.field(description="The day (UTC).")
    hours_by_profile: list[ProfileHours] = strawberry.field(
        description="Running hours per resource profile (every profile, zero included)."
    )
    vcpu_cost_rm: Decimal = strawberry.field(description="Cost of the vCPUs, RM.")
    memory_cost_rm: Decimal = strawberry.field(description="What the sessions' RAM cost, RM.")
    total_rm: Decimal = strawberry.field(description="Total cost, RM.")

    @classmethod
    def of(cls, day: UsageDay) -> UsageDayType:
        return cls(
            day=day.day,
            hours_by_profile=[
                ProfileHours(profile=p, hours=day.hours_by_profile.get(p, Decimal(0)))
                for p in ResourceProfile
            ],
            vcpu_cost_rm=day.vcpu_cost_rm,
            memory_cost_rm=day.memory_cost_rm,
            total_rm=day.total_rm,
        )


GROUP_TYPE = {
    CostGroupBy.SCENARIO: "Scenario",
    CostGroupBy.USER: "User",
    CostGroupBy.EVENT: "Event",
}


@strawberry.type(
    name="CostGroup", description="The spend of one scenario, user or event over a range of days."
)
class CostGroupType:
    id: strawberry.ID | None = strawberry.field(
        description="The Scenario, User or Event ID; null for sessions outside any event "
        "(or of a deleted one)."
    )
    label: str | None = strawberry.field(description="Its title or username; null when it is gone.")
    sessions: int = strawberry.field(description="Sessions that ran in the range.")
    hours: Decimal = strawberry.field(description="Running hours.")
    vcpu_cost_rm: Decimal = strawberry.field(description="Cost of the vCPUs, RM.")
    memory_cost_rm: Decimal = strawberry.field(description="What the sessions' RAM cost, RM.")
    total_rm: Decimal = strawberry.field(description="Total cost, RM.")

    @classmethod
    def of(cls, group: CostGroup, group_by: CostGroupBy) -> CostGroupType:
        return cls(
            id=strawberry.ID(to_global_id(GROUP_TYPE[group_by], group.key)) if group.key else None,
            label=group.label,
            sessions=group.sessions,
            hours=group.hours,
            vcpu_cost_rm=group.vcpu_cost_rm,
            memory_cost_rm=group.memory_cost_rm,
            total_rm=group.total_rm,
        )
