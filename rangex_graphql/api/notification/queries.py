from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ...models import Notification
from ..context import Info
from ..node import Node
from ..pagination import Connection, PageRequest, SortKey, paginate
from .types import NotificationNode

NOTIFICATION_SORT_KEY = SortKey("created_at", datetime)


async def notifications_of_user(
    info: Info,
    user_id: UUID,
    unread_only: bool,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[NotificationNode]:
    """The user's notifications, newest first (the field is the recipient's only, so one
    user a request: one statement a page)."""
    settings = info.context.settings
    page = PageRequest.parse(
        NOTIFICATION_SORT_KEY,
        first=first,
        after=after,
        last=last,
        before=before,
        settings=settings,
    )
    queryset = Notification.filter(user_id=user_id)
    if unread_only:
        queryset = queryset.filter(read_at__isnull=True)
    return await paginate(
        queryset,
        page,
        NOTIFICATION_SORT_KEY,
        descending=True,
        columns=NotificationNode.columns(),
        to_node=NotificationNode.from_row,
    )


async def resolve_notification_node(info: Info, pk: UUID) -> Node | None:
    """A notification, to its recipient only."""
    viewer = info.context.viewer
    if viewer is None:
        return None
    rows = await Notification.filter(id=pk, user_id=viewer.id).values(*NotificationNode.columns())
    return NotificationNode.from_row(rows[0]) if rows else None
