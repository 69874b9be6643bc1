from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from ...services.errors import DomainError, DomainErrors
from ..ids import to_global_id
from ..node import Node
from ..payload import payload_errors

NOTIFICATION_COLUMNS = ("id", "user_id", "kind", "title", "body", "data", "read_at", "created_at")


@strawberry.enum(description="Why marking notifications read was refused.")
class NotificationErrorCode(Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


@strawberry.type(description="An expected failure: which input field, why, in words.")
class NotificationError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: NotificationErrorCode
    message: str


def notification_errors(failure: DomainError | DomainErrors) -> list[NotificationError]:
    return payload_errors(
        failure,
        NotificationErrorCode,
        lambda f, c, m: NotificationError(field=f, code=c, message=m),
    )


@strawberry.type(
    name="Notification",
    description="Something a user should know (a review decision, a publish). Visible to "
    "its recipient only.",
)
class NotificationNode(Node):
    kind: str = strawberry.field(description='What happened, e.g. "version.published".')
    title: str
    body: str
    data: JSON = strawberry.field(description="Details for the client (IDs to link to).")
    read_at: datetime | None = strawberry.field(description="Null while unread.")
    created_at: datetime
    user_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> NotificationNode:
        return cls(
            id=strawberry.ID(to_global_id("Notification", row["id"])),
            user_id=row["user_id"],
            kind=row["kind"],
            title=row["title"],
            body=row["body"],
            data=row["data"],
            read_at=row["read_at"],
            created_at=row["created_at"],
        )
