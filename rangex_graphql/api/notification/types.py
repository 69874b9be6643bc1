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
from ..payload import ERROR_CODE, ERROR_MESSAGE, payload_errors

NOTIFICATION_COLUMNS = ("id", "user_id", "kind", "title", "body", "data", "read_at", "created_at")


@strawberry.enum(description="Why marking notifications read was refused.")
class NotificationErrorCode(Enum):
    INVALID = strawberry.enum_value(
        "INVALID", description="Both `ids` and `all`, neither, or more than 100 IDs."
    )
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No notification of the viewer's has this ID."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class NotificationError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: NotificationErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


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
    title: str = strawberry.field(description="One line to show in a list.")
    body: str = strawberry.field(description="The full message, plain text.")
    data: JSON = strawberry.field(description="Details for the client (IDs to link to).")
    read_at: datetime | None = strawberry.field(description="Null while unread.")
    created_at: datetime = strawberry.field(description="When it was sent (UTC).")
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
