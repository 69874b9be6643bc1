"""Notifications: rows a user reads later (a review decision, a publish…).

Only the writing side lives here; the API lists them for their user.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ..models import Notification

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


async def notify(user_id: UUID, kind: str, title: str, body: str = "", **data: Any) -> Notification:
    """Write one notification for ``user_id``; ``kind`` is a dotted name such as
    ``version.approved``, ``data`` what a client needs to link to the subject."""
    if len(title) > TITLE_MAX_LENGTH:
        title = title[: TITLE_MAX_LENGTH - 1] + "…"
    return await Notification.create(
        user_id=user_id, kind=kind, title=title, body=body, data=_plain(data)
    )
