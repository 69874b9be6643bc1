from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from ...models import AuditLog
from ...models.enums import UserRole
from ..context import Info
from ..ids import expect_global_id
from ..pagination import After, Before, Connection, First, Last, PageRequest, SortKey, paginate
from ..permissions import Allow
from .types import AuditLogEntryNode

AUDIT_SORT_KEY = SortKey("created_at", datetime)


@strawberry.input(description="Narrow the audit log. All given conditions must hold.")
class AuditLogFilter:
    actor: strawberry.ID | None = strawberry.field(default=None, description="A User ID.")
    action: str | None = strawberry.field(
        default=None, description='Exact action, or a prefix ending in "." ("login.").'
    )
    since: datetime | None = strawberry.field(
        default=None, description="Recorded at or after this time."
    )
    until: datetime | None = strawberry.field(
        default=None, description="Recorded before this time (exclusive)."
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="The audit log, newest first. Admins only.",
    )
    async def audit_logs(
        self,
        info: Info,
        filter: Annotated[
            AuditLogFilter | None,
            strawberry.argument(description="Only entries that meet every condition given."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[AuditLogEntryNode] | None:
        settings = info.context.settings
        page = PageRequest.parse(
            AUDIT_SORT_KEY,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=settings,
        )
        queryset = AuditLog.all()
        if filter is not None:
            if filter.actor:
                queryset = queryset.filter(
                    actor_id=expect_global_id(filter.actor, "User", "filter.actor")
                )
            if filter.action:
                action = filter.action.strip()
                queryset = (
                    queryset.filter(action__startswith=action)
                    if action.endswith(".")
                    else queryset.filter(action=action)
                )
            if filter.since:
                queryset = queryset.filter(created_at__gte=filter.since)
            if filter.until:
                queryset = queryset.filter(created_at__lt=filter.until)
        return await paginate(
            queryset,
            page,
            AUDIT_SORT_KEY,
            descending=True,
            columns=AuditLogEntryNode.columns(),
            to_node=AuditLogEntryNode.from_row,
        )
