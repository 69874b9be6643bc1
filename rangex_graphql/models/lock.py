"""Named rows that transactions lock to take turns on platform-wide checks."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class PlatformLock(Model):
    """A row per named platform-wide lock; a transaction holds it with SELECT FOR UPDATE."""

    name = fields.CharField(max_length=64, primary_key=True)

    class Meta:
        table = "platform_lock"
