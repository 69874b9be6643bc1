from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import ResourceProfile, SessionMachineState, SessionState
from ..context import Info
from ..ids import to_global_id
from ..loader_shapes import required
from ..node import Node

if TYPE_CHECKING:
    from ..scenario.types import MachineNode, ScenarioVersionNode
    from ..user.types import UserNode


SESSION_COLUMNS = (
    "id",
    "user_id",
    "version_id",
    "state",
    "resource_profile",
    "started_at",
    "expires_at",
    "ended_at",
    "failure_reason",
    "score",
    "cost_rm",
    "created_at",
)
SESSION_MACHINE_COLUMNS = ("id", "session_id", "machine_id", "state", "address", "created_at")


@strawberry.type(
    name="EnvironmentSession",
    description="A learner's run of a scenario version on deployed machines. "
    "Visible to its owner and admins only.",
)
class EnvironmentSessionNode(Node):
    state: SessionState
    resource_profile: ResourceProfile
    started_at: datetime | None
    expires_at: datetime | None
    ended_at: datetime | None
    failure_reason: str | None
    score: int
    cost_rm: Decimal = strawberry.field(description="Accumulated cost in RM.")
    created_at: datetime
    pk: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EnvironmentSessionNode:
        return cls(
            id=strawberry.ID(to_global_id("EnvironmentSession", row["id"])),
            pk=row["id"],
            user_id=row["user_id"],
            version_id=row["version_id"],
            state=row["state"],
            resource_profile=row["resource_profile"],
            started_at=row["started_at"],
            expires_at=row["expires_at"],
            ended_at=row["ended_at"],
            failure_reason=row["failure_reason"],
            score=row["score"],
            cost_rm=row["cost_rm"],
            created_at=row["created_at"],
        )

    @strawberry.field
    async def user(self, info: Info) -> Annotated[UserNode, strawberry.lazy("..user.types")]:
        return await required(info.context.loaders.users_by_id, self.user_id)

    @strawberry.field
    async def version(
        self, info: Info
    ) -> Annotated[ScenarioVersionNode, strawberry.lazy("..scenario.types")]:
        return await required(info.context.loaders.versions_by_id, self.version_id)

    @strawberry.field(description="The machines deployed for this session.")
    async def machines(self, info: Info) -> list[SessionMachineNode]:
        return await info.context.loaders.session_machines_by_session.load(self.pk)


@strawberry.type(name="SessionMachine", description="One machine deployed for a session.")
class SessionMachineNode(Node):
    state: SessionMachineState
    address: str | None
    created_at: datetime
    session_id: strawberry.Private[UUID]
    machine_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SessionMachineNode:
        return cls(
            id=strawberry.ID(to_global_id("SessionMachine", row["id"])),
            session_id=row["session_id"],
            machine_id=row["machine_id"],
            state=row["state"],
            address=row["address"],
            created_at=row["created_at"],
        )

    @strawberry.field(description="The machine definition this deployment runs.")
    async def machine(
        self, info: Info
    ) -> Annotated[MachineNode, strawberry.lazy("..scenario.types")]:
        return await required(info.context.loaders.machines_by_id, self.machine_id)

    @strawberry.field
    async def session(self, info: Info) -> EnvironmentSessionNode:
        return await required(info.context.loaders.sessions_by_id, self.session_id)
