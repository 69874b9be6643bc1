"""Uploaded files (covers, avatars, version assets) and the assets of a version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import AssetDelivery, AssetKind, FileKind, FileState

if TYPE_CHECKING:
    from .scenario import ScenarioVersion
    from .user import User


class StoredFile(TimestampedModel):
    """One object of the object store, from its upload on; shared by copied versions."""

    owner: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="stored_files", on_delete=fields.RESTRICT, db_index=True
    )
    kind = fields.CharEnumField(FileKind, max_length=16)
    state = fields.CharEnumField(FileState, max_length=16, default=FileState.PENDING)
    # Where the checked object lives; clients upload to upload_key, never to it.
    object_key = fields.CharField(max_length=200, unique=True)
    # Where the presigned upload puts the object; null once the job has swept it.
    upload_key = fields.CharField(max_length=200, null=True)
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    # Declared at uploadCreate, the stored size from uploadComplete on; counts in quotas.
    size = fields.BigIntField()
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    # The presigned upload ends then; a PENDING row past it is abandoned.
    expires_at = fields.DatetimeField(db_index=True)
    completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "stored_file"
        indexes = (("state", "expires_at"),)


class VersionAsset(TimestampedModel):
    """A file a version brings along: placed into a machine or downloaded by the learner."""

    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion", related_name="assets", on_delete=fields.CASCADE, db_index=True
    )
    file: fields.ForeignKeyRelation[StoredFile] = fields.ForeignKeyField(
        "models.StoredFile", related_name="assets", on_delete=fields.RESTRICT, db_index=True
    )
    filename = fields.CharField(max_length=255)
    kind = fields.CharEnumField(AssetKind, max_length=16)
    delivery = fields.CharEnumField(AssetDelivery, max_length=16)
    # EMBEDDED only: which machine, where, with which mode bits (0 to 0o777).
    machine_name = fields.CharField(max_length=63, null=True)
    target_path = fields.CharField(max_length=1024, null=True)
    permissions = fields.IntField(default=0o644)
    description = fields.CharField(max_length=500, default="")

    class Meta:
        table = "version_asset"
