"""Notifications: rows a user reads later (a review decision, a publish…).

Only the writing side lives here; the API lists them for their user. Each new
notification is also announced on its user's broker topic as
``{"type": "notification", "notificationId", "userId"}``, for the ``notifications``
subscription, on the broker the caller passes (the runtime's, as for session events;
None: not announced). The announcement may leave before the writer's transaction commits;
the subscription waits for the row to appear (and shows nothing for a rollback).
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from ..broker.protocol import Broker, topic_for_user
from ..models import Notification

log = logging.getLogger(__name__)

TITLE_MAX_LENGTH = 200


def _plain(value: Any) -> Any:
    """JSON-ready data: UUIDs as strings, inside lists and dicts too."""
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


async def notify(
    user_id: UUID,
    kind: str,
    title: str,
    body: str = "",
    *,
    broker: Broker | None,
    **data: Any,
) -> Notification:
    """Write one notification for ``user_id``; ``kind`` is a dotted name such as
    ``version.approved``, ``data`` what a client needs to link to the subject; announced
    on ``broker`` unless it is None."""
    if len(title) > TITLE_MAX_LENGTH:
        title = title[: TITLE_MAX_LENGTH - 1] + "…"
    notification = await Notification.create(
        user_id=user_id, kind=kind, title=title, body=body, data=_plain(data)
    )
    await announce(notification.id, user_id, broker)
    return notification


async def announce(notification_id: UUID, user_id: UUID, broker: Broker | None) -> None:
    if broker is None:
        return
    message = {
        "type": "notification",
        "notificationId": str(notification_id),
        "userId": str(user_id),
    }
    try:
        await broker.publish(topic_for_user(user_id), message)
    except Exception:  # the notification is written; a live push is a bonus
        log.exception("announcing notification %s failed", notification_id)
