"""``sessionCostEstimate``: what a session would cost, before it starts."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

import strawberry

from ...models.enums import ResourceProfile
from ...services.sessions.cost import CostEstimate, MachineCost
from ..scenario.types import MachineNode, ScenarioVersionNode


@strawberry.type(description="One machine's share of an estimate.")
class MachineCostEstimate:
    machine_id: strawberry.ID = strawberry.field(description="The Machine's ID.")
    name: str = strawberry.field(description="The machine's name in the version.")
    cpu: float = strawberry.field(description="vCPU it would get.")
    memory_mib: int = strawberry.field(description="Memory it would get, in MiB.")
    hourly_rm: Decimal = strawberry.field(description="RM per running hour.")
    cost_rm: Decimal = strawberry.field(description="RM for the whole duration.")

    @classmethod
    def of(cls, machine: MachineCost) -> MachineCostEstimate:
        return cls(
            machine_id=MachineNode.global_id_of(machine.machine_id),
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
    version_id: strawberry.ID = strawberry.field(description="The ScenarioVersion priced.")
    resource_profile: ResourceProfile = strawberry.field(
        description="The entry machine's size priced: the one asked for, else the version's."
    )
    duration_minutes: int = strawberry.field(description="The running time priced, in minutes.")
    per_machine: list[MachineCostEstimate] = strawberry.field(
        description="Each machine of the version with its size and share, in order."
    )
    hourly_rm: Decimal = strawberry.field(description="RM per running hour, all machines.")
    total_rm: Decimal = strawberry.field(
        description="RM for the whole duration, all machines: the most such a session costs "
        "before any extension."
    )

    @classmethod
    def of(
        cls, version_id: UUID, profile: ResourceProfile, estimate: CostEstimate
    ) -> SessionCostEstimate:
        return cls(
            version_id=ScenarioVersionNode.global_id_of(version_id),
            resource_profile=profile,
            duration_minutes=estimate.minutes,
            per_machine=[MachineCostEstimate.of(m) for m in estimate.machines],
            hourly_rm=estimate.hourly_rm,
            total_rm=estimate.total_rm,
        )
