from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from ...models import AuditLog
from ..context import Info
from ..node import USER_TYPES, Node, RowNode, node_type, nodes_by_id, row_node, same, to_one


@row_node(
    AuditLog,
    columns=same(
        "actor_id",
        "action",
        "target_type",
        "target_id",
        "data",
        "ip",
        "user_agent",
        "created_at",
    ),
    relations=(to_one("actor", "User", "actor_id"),),
)
@strawberry.type(name="AuditLogEntry", description="A security-relevant action. Admins only.")
class AuditLogEntryNode(RowNode, Node):
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

    @strawberry.field(
        description="Who acted; null for the system or a deleted user.",
        graphql_type=node_type("UserNode", USER_TYPES) | None,
    )
    async def actor(self, info: Info) -> RowNode | None:
        if self.actor_id is None:
            return None
        actor: RowNode | None = await info.context.loader(nodes_by_id("User")).load(self.actor_id)
        return actor


async def resolve_audit_node(info: Info, pk: UUID) -> Node | None:
    viewer = info.context.viewer
    if viewer is None or not viewer.is_admin:
        return None
    rows = await AuditLog.filter(id=pk).values(*AuditLogEntryNode.columns())
    return AuditLogEntryNode.from_row(rows[0]) if rows else None
