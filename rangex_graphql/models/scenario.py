from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import Difficulty, ResourceProfile, VersionStatus, Visibility

if TYPE_CHECKING:
    from .user import User


class Scenario(TimestampedModel):
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="authored_scenarios",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    title = fields.CharField(max_length=160, db_index=True)
    slug = fields.CharField(max_length=180, unique=True)
    description = fields.TextField()
    difficulty = fields.CharEnumField(Difficulty, max_length=16, db_index=True)
    category = fields.CharField(max_length=64, db_index=True)
    visibility = fields.CharEnumField(
        Visibility, max_length=16, default=Visibility.PUBLIC, db_index=True
    )
    deleted_at = fields.DatetimeField(null=True, db_index=True)
    # Kept up to date by the services, so the catalog sorts by them with an index.
    rating_average = fields.FloatField(default=0, db_index=True)
    rating_count = fields.IntField(default=0)
    sessions_started = fields.IntField(default=0, db_index=True)
    # At most this many active sessions of the scenario at once; null: no cap.
    max_active_sessions = fields.IntField(null=True)

    class Meta:
        table = "scenario"


class ScenarioTag(TimestampedModel):
    """One row per tag: filtering by tag is an indexed lookup, not a JSON scan."""

    scenario: fields.ForeignKeyRelation[Scenario] = fields.ForeignKeyField(
        "models.Scenario",
        related_name="tag_rows",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    tag = fields.CharField(max_length=40, db_index=True)

    class Meta:
        table = "scenario_tag"
        unique_together = (("scenario", "tag"),)


class ScenarioVersion(TimestampedModel):
    scenario: fields.ForeignKeyRelation[Scenario] = fields.ForeignKeyField(
        "models.Scenario",
        related_name="versions",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    number = fields.IntField()
    status = fields.CharEnumField(
        VersionStatus, max_length=16, default=VersionStatus.DRAFT, db_index=True
    )
    changelog = fields.TextField(default="")
    time_limit_minutes = fields.IntField(default=60)
    resource_profile = fields.CharEnumField(
        ResourceProfile, max_length=16, default=ResourceProfile.SMALL
    )
    submitted_at = fields.DatetimeField(null=True)
    reviewed_at = fields.DatetimeField(null=True)
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="reviewed_versions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    rejection_reason = fields.TextField(null=True)
    published_at = fields.DatetimeField(null=True, db_index=True)
    archived_at = fields.DatetimeField(null=True)
    # Extension policy: extend only this close to expiry, this many times, never past
    # this total lifetime.
    extension_window_minutes = fields.IntField(default=15)
    max_extensions = fields.IntField(default=2)
    max_lifetime_minutes = fields.IntField(default=480)

    class Meta:
        table = "scenario_version"
        unique_together = (("scenario", "number"),)
