"""Hints of a scenario version, and their unlocks in sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import HintUnlockCondition

if TYPE_CHECKING:
    from .event import Event, EventRegistration
    from .scenario import ScenarioVersion
    from .session import EnvironmentSession
    from .version_parts import Question


class Hint(TimestampedModel):
    """A hint of a version, or of one question of it; ordered within that group."""

    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion",
        related_name="hints",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    # Null: a hint of the whole version (its wrong attempts count across the session).
    question: fields.ForeignKeyNullableRelation[Question] = fields.ForeignKeyField(
        "models.Question",
        related_name="hints",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    # 0, 1, 2 within the hints of its question, or within the version level hints.
    position = fields.IntField(default=0)
    title = fields.CharField(max_length=160)
    # Markdown; shown to a learner only once unlocked.
    body = fields.TextField()
    unlock_condition = fields.CharEnumField(
        HintUnlockCondition, max_length=24, default=HintUnlockCondition.AFTER_MINUTES
    )
    # Minutes of running time, or wrong attempts, before it may be unlocked.
    unlock_threshold = fields.IntField(default=0)
    # Deducted from the session score (and the event score) once, at unlock.
    penalty_points = fields.IntField(default=0)

    class Meta:
        table = "hint"


class HintUnlock(TimestampedModel):
    """A hint unlocked in a session: once per session and hint, so its penalty once."""

    session: fields.ForeignKeyRelation[EnvironmentSession] = fields.ForeignKeyField(
        "models.EnvironmentSession",
        related_name="hint_unlocks",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    hint: fields.ForeignKeyRelation[Hint] = fields.ForeignKeyField(
        "models.Hint", related_name="unlocks", on_delete=fields.CASCADE, db_index=True
    )
    unlocked_at = fields.DatetimeField()
    # The penalty deducted from the session score by this unlock.
    penalty_points = fields.IntField(default=0)
    # Event sessions: the event and registration whose score the penalty reduces (once per
    # registration and hint, however many members of a team unlock it).
    event: fields.ForeignKeyNullableRelation[Event] = fields.ForeignKeyField(
        "models.Event",
        related_name="hint_unlocks",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    registration: fields.ForeignKeyNullableRelation[EventRegistration] = fields.ForeignKeyField(
        "models.EventRegistration",
        related_name="hint_unlocks",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )

    class Meta:
        table = "hint_unlock"
        unique_together = (("session", "hint"),)
        indexes = (("event_id", "registration_id", "hint_id", "unlocked_at", "penalty_points"),)
