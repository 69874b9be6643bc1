from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import ResourceProfile, SessionMachineState, SessionState
from ...services.sessions.clock import seconds_left
from ..context import Info
from ..ids import to_global_id
from ..loader_shapes import required
from ..node import Node
from .answers import SessionAnswerNode, session_answers
from .connection import SessionMachineConnection, connection_of

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
    "duration_minutes",
    "paused_remaining_seconds",
    "extensions_used",
    "end_reason",
)
ENDING_STATES = frozenset(
    {SessionState.TERMINATING, SessionState.TERMINATED, SessionState.EXPIRED, SessionState.FAILED}
)
SESSION_MACHINE_COLUMNS = (
    "id",
    "session_id",
    "machine_id",
    "state",
    "address",
    "created_at",
    "ports",
    "username",
    "password_sealed",
    "failure_reason",
)


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
    cost_rm: Decimal = strawberry.field(
        description="Accumulated cost in RM: running time only (paused time is free), "
        "brought up to date at every state change and by the usage job."
    )
    created_at: datetime
    duration_minutes: int = strawberry.field(description="Running time asked for at start.")
    extensions_used: int
    end_reason: str | None = strawberry.field(
        description="Why it ended: user, admin, expired, provision_failed, engine_error, ..."
    )
    pk: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]
    paused_remaining_seconds: strawberry.Private[int | None]

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
            duration_minutes=row["duration_minutes"],
            extensions_used=row["extensions_used"],
            end_reason=row["end_reason"],
            paused_remaining_seconds=row["paused_remaining_seconds"],
        )

    @strawberry.field(
        description="Seconds of running time left: counting down while RUNNING, frozen "
        "while PAUSED, the whole duration before the machines first run; null once ended."
    )
    def time_left_seconds(self) -> int | None:
        return time_left_seconds(
            self.state, self.expires_at, self.paused_remaining_seconds, self.duration_minutes
        )

    @strawberry.field(description="Extensions the version's policy still allows.")
    async def extensions_left(self, info: Info) -> int:
        allowed = await required(info.context.loaders.max_extensions_by_version, self.version_id)
        return max(0, allowed - self.extensions_used)

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
        # Their connection field checks this session's owner: no need to read it again.
        info.context.loaders.sessions_by_id.prime(self.pk, self)
        return await info.context.loaders.session_machines_by_session.load(self.pk)

    @strawberry.field(description="Progress per question of the version (see answerSubmit).")
    async def answers(self, info: Info) -> list[SessionAnswerNode]:
        return await session_answers(info, self.pk, self.version_id, self.user_id)


@strawberry.type(name="SessionMachine", description="One machine deployed for a session.")
class SessionMachineNode(Node):
    state: SessionMachineState
    address: str | None
    created_at: datetime
    failure_reason: str | None
    session_id: strawberry.Private[UUID]
    machine_id: strawberry.Private[UUID]
    ports: strawberry.Private[list[dict[str, Any]]]
    username: strawberry.Private[str | None]
    password_sealed: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SessionMachineNode:
        return cls(
            id=strawberry.ID(to_global_id("SessionMachine", row["id"])),
            session_id=row["session_id"],
            machine_id=row["machine_id"],
            state=row["state"],
            address=row["address"],
            created_at=row["created_at"],
            failure_reason=row["failure_reason"],
            ports=list(row["ports"] or []),
            username=row["username"],
            password_sealed=row["password_sealed"],
        )

    @strawberry.field(
        description="How to reach the machine: its address, published ports and, on the "
        "entry machine, the session's generated login. The session's owner and admins "
        "only (null for anyone else); the password is shown to the owner alone."
    )
    async def connection(self, info: Info) -> SessionMachineConnection | None:
        return await connection_of(info, self)

    @strawberry.field(description="The machine definition this deployment runs.")
    async def machine(
        self, info: Info
    ) -> Annotated[MachineNode, strawberry.lazy("..scenario.types")]:
        return await required(info.context.loaders.machines_by_id, self.machine_id)

    @strawberry.field
    async def session(self, info: Info) -> EnvironmentSessionNode:
        return await required(info.context.loaders.sessions_by_id, self.session_id)


def time_left_seconds(
    state: SessionState,
    expires_at: datetime | None,
    paused_remaining: int | None,
    duration_minutes: int,
) -> int | None:
    if state in ENDING_STATES:
        return None
    return seconds_left(expires_at, paused_remaining, duration_minutes, datetime.now(UTC))
