"""The one record of the settings an admin changes at run time (services/platform_settings)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

#: The record's primary key: there is one row, created from the environment's defaults.
RECORD_ID = 1


class PlatformSettingsRecord(Model):
    id = fields.IntField(primary_key=True, generated=False)
    # Bumped by every change; replicas compare it with the one they hold.
    version = fields.IntField(default=1)
    maintenance_enabled = fields.BooleanField(default=False)
    maintenance_message = fields.CharField(max_length=500, null=True)
    registrations_open = fields.BooleanField(default=True)
    # Caps: null means no cap.
    max_total_users = fields.IntField(null=True)
    max_concurrent_users = fields.IntField(null=True)
    max_active_sessions = fields.IntField(null=True)
    max_total_machines = fields.IntField(null=True)
    sessions_per_user = fields.IntField()
    starts_per_hour = fields.IntField()
    starts_per_day = fields.IntField()
    max_session_minutes = fields.IntField()
    idle_timeout_minutes = fields.IntField()
    files_user_quota_bytes = fields.BigIntField()
    files_total_quota_bytes = fields.BigIntField()
    updated_at = fields.DatetimeField(auto_now=True)
    updated_by_id = fields.UUIDField(null=True)

    class Meta:
        table = "platform_settings_record"
