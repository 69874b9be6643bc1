"""Image governance: the catalog of container images machines may run, and the private
registries' credentials the engines pull them with."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel

if TYPE_CHECKING:
    from .user import User


class ImageSizeClass(StrEnum):
    LITE = "LITE"
    STANDARD = "STANDARD"
    FULL = "FULL"


class ImageApproval(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class ImageVariant(TimestampedModel):
    """One image of the catalog. A machine may be submitted for review only with the
    ``image_ref`` (or the ``pinned_ref``) of an APPROVED variant."""

    name = fields.CharField(max_length=120)
    image_ref = fields.CharField(max_length=255, unique=True)
    # ``name@sha256:…`` when the registry reported the digest of ``image_ref``.
    pinned_ref = fields.CharField(max_length=255, null=True, db_index=True)
    base_os = fields.CharField(max_length=64, default="")
    size_class = fields.CharEnumField(
        ImageSizeClass, max_length=16, default=ImageSizeClass.STANDARD
    )
    default_cpu = fields.FloatField(default=0.5)
    default_memory_mib = fields.IntField(default=512)
    hourly_price_usd = fields.DecimalField(max_digits=10, decimal_places=4, default=Decimal("0"))
    # MachineRole values it suits; tool names, for creators to choose by.
    roles: fields.Field[list[str]] = fields.JSONField(default=list)
    tools: fields.Field[list[str]] = fields.JSONField(default=list)
    approval = fields.CharEnumField(
        ImageApproval, max_length=16, default=ImageApproval.PENDING, db_index=True
    )
    requested_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="requested_images",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="reviewed_images",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    reviewed_at = fields.DatetimeField(null=True)
    review_reason = fields.TextField(null=True)

    class Meta:
        table = "image_variant"


class RegistryCredential(TimestampedModel):
    """A login to a private registry, used for every image whose reference names
    ``registry_host``. The secret is sealed (security/registry_box.py) and never read back
    by the API."""

    registry_host = fields.CharField(max_length=255, unique=True)
    username = fields.CharField(max_length=255)
    secret_sealed = fields.TextField()
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="registry_credentials",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    last_tested_at = fields.DatetimeField(null=True)
    last_test_ok = fields.BooleanField(null=True)
    last_test_message = fields.CharField(max_length=500, null=True)

    class Meta:
        table = "registry_credential"
