from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from .base import TimestampedModel

if TYPE_CHECKING:
    from .user import User


class AuditLog(TimestampedModel):
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="audit_entries",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    action = fields.CharField(max_length=64, db_index=True)
    target_type = fields.CharField(max_length=64, null=True)
    target_id = fields.CharField(max_length=64, null=True)
    data: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    ip = fields.CharField(max_length=45, null=True)
    user_agent = fields.CharField(max_length=512, null=True)

    class Meta:
        table = "audit_log"
        indexes = (("target_type", "target_id"),)
