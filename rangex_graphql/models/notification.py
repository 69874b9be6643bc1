from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields

from .base import TimestampedModel

if TYPE_CHECKING:
    from .user import User


class Notification(TimestampedModel):
    """Something a user should know: a review decision, a publish, an expiring session."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE, db_index=True
    )
    kind = fields.CharField(max_length=48, db_index=True)
    title = fields.CharField(max_length=200)
    body = fields.TextField(default="")
    data: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    read_at = fields.DatetimeField(null=True, db_index=True)
    user_id: UUID

    class Meta:
        table = "notification"
        indexes = (("user_id", "read_at"),)
