"""Solves: what the leaderboards are computed from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel

if TYPE_CHECKING:
    from .event import Event, EventRegistration
    from .session import EnvironmentSession
    from .user import User
    from .version_parts import Question


class EventSolve(TimestampedModel):
    """A question solved by a participant in an event: once per registration (the first
    member of a team to solve it solves it for the team)."""

    event: fields.ForeignKeyRelation[Event] = fields.ForeignKeyField(
        "models.Event", related_name="solves", on_delete=fields.CASCADE
    )
    registration: fields.ForeignKeyRelation[EventRegistration] = fields.ForeignKeyField(
        "models.EventRegistration",
        related_name="solves",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question",
        related_name="event_solves",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="event_solves",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    session: fields.ForeignKeyNullableRelation[EnvironmentSession] = fields.ForeignKeyField(
        "models.EnvironmentSession",
        related_name="event_solves",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    solved_at = fields.DatetimeField()
    # 1, 2, 3 for the first three solvers of the question (by commit order), else 0.
    blood = fields.IntField(default=0)
    # Fixed at solve time from the event's blood percentages.
    bonus_points = fields.IntField(default=0)

    class Meta:
        table = "event_solve"
        unique_together = (("registration", "question"),)
        indexes = (
            ("event_id", "solved_at"),
            ("event_id", "question_id"),
            # Covers the leaderboard's sum of an event's solves per registration
            # (services/events/leaderboard.py): no row lookups.
            ("event_id", "registration_id", "question_id", "solved_at", "bonus_points"),
        )
