"""``sessionCostEstimate``: what a session would cost, before it starts."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

import strawberry

from ...models.enums import ResourceProfile
from ...services.sessions.cost import CostEstimate, MachineCost
from ..ids import to_global_id


@strawberry.type(description="One machine's share of an estimate.")
class MachineCostEstimate:
    machine_id: strawberry.ID = strawberry.field(description="The Machine's ID.")
    name: str
    cpu: float = strawberry.field(description="vCPU it would get.")
    memory_mib: int
    hourly_rm: Decimal = strawberry.field(description="RM per running hour.")
    cost_rm: Decimal = strawberry.field(description="RM for the whole duration.")

    @classmethod
    def of(cls, machine: MachineCost) -> MachineCostEstimate:
        return cls(
            machine_id=strawberry.ID(to_global_id("Machine", machine.machine_id)),
            name=machine.name,
            cpu=machine.size.cpu,
            memory_mib=machine.size.memory_mib,
            hourly_rm=machine.hourly_rm,
            cost_rm=machine.cost_rm,
        )


@strawberry.type(
    description="Estimated cost of running a version: Fargate prices per vCPU-hour and "
    "GB-hour, in RM. Paused time is free, so this is the most a session of this "
    "duration costs, before any extension."
)
class SessionCostEstimate:
    version_id: strawberry.ID
    resource_profile: ResourceProfile
    duration_minutes: int
    per_machine: list[MachineCostEstimate]
    hourly_rm: Decimal
    total_rm: Decimal

    @classmethod
    def of(
        cls, version_id: UUID, profile: ResourceProfile, estimate: CostEstimate
    ) -> SessionCostEstimate:
        return cls(
            version_id=strawberry.ID(to_global_id("ScenarioVersion", version_id)),
            resource_profile=profile,
            duration_minutes=estimate.minutes,
            per_machine=[MachineCostEstimate.of(m) for m in estimate.machines],
            hourly_rm=estimate.hourly_rm,
            total_rm=estimate.total_rm,
        )
