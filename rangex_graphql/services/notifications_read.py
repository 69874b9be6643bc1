"""Reading one's notifications: marking them read. Writing them is each domain's job."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from ..models import Notification
from .errors import DomainError, DomainErrors
from .notification_errors import NotificationCode

MAX_IDS = 100


async def mark_read(user_id: UUID, ids: Sequence[UUID] | None, everything: bool) -> int:
    """Mark the user's notifications ``ids`` (or all of them) read; how many were unread.

    Every id must be one of the user's own notifications, else nothing is marked and each
    other id is NOT_FOUND, the same whether it exists for someone else or not at all.
    """
    if everything and ids:
        raise DomainError(NotificationCode.INVALID, "pass either ids or all, not both", "all")
    unread = Notification.filter(user_id=user_id, read_at__isnull=True)
    if everything:
        return int(await unread.update(read_at=datetime.now(UTC)))
    if not ids:
        raise DomainError(NotificationCode.INVALID, "pass the ids to mark, or all: true", "ids")
    if len(ids) > MAX_IDS:
        raise DomainError(NotificationCode.INVALID, f"at most {MAX_IDS} ids at a time", "ids")
    owned = set(await Notification.filter(user_id=user_id, id__in=ids).values_list("id", flat=True))
    missing = [
        DomainError(NotificationCode.NOT_FOUND, "no such notification", f"ids.{i}")
        for i, pk in enumerate(ids)
        if pk not in owned
    ]
    if missing:
        raise DomainErrors(missing)
    return int(await unread.filter(id__in=list(owned)).update(read_at=datetime.now(UTC)))
