from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from ...models import AuditLog
from ..context import Info
from ..ids import to_global_id
from ..node import Node

if TYPE_CHECKING:
    from ..user.types import UserNode

AUDIT_COLUMNS = (
    "id",
    "actor_id",
    "action",
    "target_type",
    "target_id",
    "data",
    "ip",
    "user_agent",
    "created_at",
)


@strawberry.type(name="AuditLogEntry", description="A security-relevant action. Admins only.")
class AuditLogEntryNode(Node):
    action: str = strawberry.field(
        description='What was done, as `domain.verb` ("login.failure", "version.approve", '
        '"session.start").'
    )
    target_type: str | None = strawberry.field(
        description='The kind of object acted on ("User", "ApiToken"…); null when none.'
    )
    target_id: str | None = strawberry.field(
        description="The database ID of the object acted on (not a global ID); null when none."
    )
    data: JSON = strawberry.field(
        description="Details of the action (never passwords, tokens or answers)."
    )
    ip: str | None = strawberry.field(
        description="The client address the request came from; null for background jobs."
    )
    user_agent: str | None = strawberry.field(
        description="The client's User-Agent header (at most 512 characters kept); null "
        "when absent or a background job."
    )
    created_at: datetime = strawberry.field(description="When it happened (UTC).")
    actor_id: strawberry.Private[UUID | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AuditLogEntryNode:
        return cls(
            id=strawberry.ID(to_global_id("AuditLogEntry", row["id"])),
            actor_id=row["actor_id"],
            action=row["action"],
            target_type=row["target_type"],
            target_id=row["target_id"],
            data=row["data"],
            ip=row["ip"],
            user_agent=row["user_agent"],
            created_at=row["created_at"],
        )

    @strawberry.field(description="Who acted; null for the system or a deleted user.")
    async def actor(
        self, info: Info
    ) -> Annotated[UserNode, strawberry.lazy("..user.types")] | None:
        return await info.context.loaders.users_by_id.load(self.actor_id) if self.actor_id else None


async def resolve_audit_node(info: Info, pk: UUID) -> Node | None:
    viewer = info.context.viewer
    if viewer is None or not viewer.is_admin:
        return None
    rows = await AuditLog.filter(id=pk).values(*AUDIT_COLUMNS)
    return AuditLogEntryNode.from_row(rows[0]) if rows else None
