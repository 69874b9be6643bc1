from __future__ import annotations

from datetime import datetime
from enum import Enum
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from ...models import Notification
from ..node import Node, RowNode, row_node, same
from ..payload import ERROR_CODE, ERROR_MESSAGE


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


@row_node(
    Notification,
    columns=same("user_id", "kind", "title", "body", "data", "read_at", "created_at"),
)
@strawberry.type(
    name="Notification",
    description="Something a user should know (a review decision, a publish). Visible to "
    "its recipient only.",
)
class NotificationNode(RowNode, Node):
    kind: str = strawberry.field(description='What happened, e.g. "version.published".')
    title: str = strawberry.field(description="One line to show in a list.")
    body: str = strawberry.field(description="The full message, plain text.")
    data: JSON = strawberry.field(description="Details for the client (IDs to link to).")
    read_at: datetime | None = strawberry.field(description="Null while unread.")
    created_at: datetime = strawberry.field(description="When it was sent (UTC).")
    user_id: strawberry.Private[UUID]
