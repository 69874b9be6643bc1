"""Documents registered for the persisted-query allow-list (``persisted-queries register``)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class PersistedQuery(Model):
    """A GraphQL document clients may run by its SHA-256 hash; validated when registered."""

    sha256_hash = fields.CharField(max_length=64, primary_key=True)
    document = fields.TextField()
    operation_names: fields.Field[list[str]] = fields.JSONField(default=list)
    client_name = fields.CharField(max_length=100, default="")
    source = fields.CharField(max_length=255, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "persisted_query"
