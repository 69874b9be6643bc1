"""Competitions: events over a set of scenario versions, with registrations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import EventStatus, ParticipationMode, RegistrationMode, RegistrationStatus

if TYPE_CHECKING:
    from .scenario import ScenarioVersion
    from .team import Team
    from .user import User


class Event(TimestampedModel):
    title = fields.CharField(max_length=160, db_index=True)
    slug = fields.CharField(max_length=180, unique=True)
    description = fields.TextField(default="")
    starts_at = fields.DatetimeField(db_index=True)
    ends_at = fields.DatetimeField(db_index=True)
    status = fields.CharEnumField(
        EventStatus, max_length=16, default=EventStatus.DRAFT, db_index=True
    )
    registration_mode = fields.CharEnumField(
        RegistrationMode, max_length=16, default=RegistrationMode.OPEN
    )
    participation_mode = fields.CharEnumField(
        ParticipationMode, max_length=16, default=ParticipationMode.INDIVIDUAL
    )
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="created_events",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )

    class Meta:
        table = "event"


class EventScenario(TimestampedModel):
    event: fields.ForeignKeyRelation[Event] = fields.ForeignKeyField(
        "models.Event",
        related_name="scenarios",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion",
        related_name="event_entries",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    points = fields.IntField(default=100)
    position = fields.IntField(default=0)

    class Meta:
        table = "event_scenario"
        unique_together = (("event", "version"),)


class EventRegistration(TimestampedModel):
    """A registration names a user or a team, never both."""

    event: fields.ForeignKeyRelation[Event] = fields.ForeignKeyField(
        "models.Event",
        related_name="registrations",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="event_registrations",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    team: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team",
        related_name="event_registrations",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    status = fields.CharEnumField(
        RegistrationStatus,
        max_length=16,
        default=RegistrationStatus.APPROVED,
        db_index=True,
    )

    class Meta:
        table = "event_registration"
        unique_together = (("event", "user"), ("event", "team"))
