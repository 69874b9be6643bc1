from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import (
    Difficulty,
    HintMode,
    ResourceProfile,
    ScenarioType,
    ValidationMode,
    VersionScoringMode,
    VersionStatus,
    Visibility,
)

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
    # What a learner reads and an author writes beyond the scenario's title and description.
    short_description = fields.CharField(max_length=400, default="")
    estimated_minutes = fields.IntField(default=60)
    scenario_type = fields.CharEnumField(
        ScenarioType, max_length=16, default=ScenarioType.CHALLENGE
    )
    mission = fields.TextField(default="")
    # The write-up: the author and admins only, like the answer keys.
    solution = fields.TextField(default="")
    learning_outcomes: fields.Field[list[str]] = fields.JSONField(default=list)
    code_of_ethics = fields.TextField(default="")
    featured = fields.BooleanField(default=False, db_index=True)
    scoring_mode = fields.CharEnumField(
        VersionScoringMode, max_length=16, default=VersionScoringMode.ALL_OR_NOTHING
    )
    hint_mode = fields.CharEnumField(HintMode, max_length=16, default=HintMode.DISABLED)
    validation_mode = fields.CharEnumField(
        ValidationMode, max_length=16, default=ValidationMode.INSTANT
    )
    # The cover image (an attached StoredFile); versions copied from one another share it.
    # Typed as any model: models.files imports this module.
    cover_file: fields.ForeignKeyNullableRelation[TimestampedModel] = fields.ForeignKeyField(
        "models.StoredFile",
        related_name="covered_versions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )

    class Meta:
        table = "scenario_version"
        unique_together = (("scenario", "number"),)
