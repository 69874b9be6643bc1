"""Competitions: events over pinned scenario versions, their registrations and solves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    ScoringMode,
    Visibility,
)

if TYPE_CHECKING:
    from .scenario import ScenarioVersion
    from .team import Team
    from .user import User
    from .version_parts import Question


class Event(TimestampedModel):
    title = fields.CharField(max_length=160, db_index=True)
    slug = fields.CharField(max_length=180, unique=True)
    description = fields.TextField(default="")
    starts_at = fields.DatetimeField(db_index=True)
    ends_at = fields.DatetimeField(db_index=True)
    # Null: registration opens at publication and closes at the event's end.
    registration_opens_at = fields.DatetimeField(null=True)
    registration_closes_at = fields.DatetimeField(null=True)
    # Between starts_at and ends_at; from then on the public board shows the scores as at
    # this instant.
    freeze_at = fields.DatetimeField(null=True)
    status = fields.CharEnumField(
        EventStatus, max_length=16, default=EventStatus.DRAFT, db_index=True
    )
    visibility = fields.CharEnumField(Visibility, max_length=16, default=Visibility.PUBLIC)
    registration_mode = fields.CharEnumField(
        RegistrationMode, max_length=16, default=RegistrationMode.OPEN
    )
    participation_mode = fields.CharEnumField(
        ParticipationMode, max_length=16, default=ParticipationMode.SOLO
    )
    # TEAM events: the most members a registered team may have.
    team_size_limit = fields.IntField(default=5)
    # 0 = unlimited. Counted in approved registrations (users or teams).
    max_participants = fields.IntField(default=0)
    # Approved registrations, moved by conditional UPDATEs: the guard that keeps the
    # event from overfilling under concurrent registrations.
    registered_count = fields.IntField(default=0)
    # INVITE_CODE events: the code, sealed with the secret key; organisers read it back.
    invite_code_sealed = fields.CharField(max_length=1024, null=True)
    scoring_mode = fields.CharEnumField(ScoringMode, max_length=16, default=ScoringMode.STATIC)
    # DYNAMIC scoring: a question's value falls from its points to this percentage of
    # them, reached after ``dynamic_decay`` solves.
    dynamic_minimum_percent = fields.IntField(default=10)
    dynamic_decay = fields.IntField(default=20)
    # Bonus of the first, second and third solver of a question, in percent of its points.
    first_blood_percent = fields.IntField(default=5)
    second_blood_percent = fields.IntField(default=3)
    third_blood_percent = fields.IntField(default=1)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="created_events",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    deleted_at = fields.DatetimeField(null=True, db_index=True)

    class Meta:
        table = "event"


class EventScenario(TimestampedModel):
    """One challenge of an event: a published scenario version, pinned."""

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
    # The sum of the version's question points, its initial worth in the event.
    points = fields.IntField(default=100)
    position = fields.IntField(default=0)
    category = fields.CharField(max_length=60, default="")

    class Meta:
        table = "event_scenario"
        unique_together = (("event", "version"),)


class EventQuestion(TimestampedModel):
    """A question of a challenge of an event, with its solve counter: the row whose lock
    orders concurrent solves (blood ranks) and whose count sets its DYNAMIC value."""

    event: fields.ForeignKeyRelation[Event] = fields.ForeignKeyField(
        "models.Event", related_name="questions", on_delete=fields.CASCADE, db_index=True
    )
    challenge: fields.ForeignKeyRelation[EventScenario] = fields.ForeignKeyField(
        "models.EventScenario", related_name="questions", on_delete=fields.CASCADE, db_index=True
    )
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="event_entries", on_delete=fields.RESTRICT, db_index=True
    )
    initial_points = fields.IntField()
    solves = fields.IntField(default=0)

    class Meta:
        table = "event_question"
        unique_together = (("event", "question"),)


class EventRegistration(TimestampedModel):
    """A registration names a user (SOLO) or a team (TEAM), never both."""

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
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="reviewed_registrations",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    reviewed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "event_registration"
        unique_together = (("event", "user"), ("event", "team"))


class EventParticipant(TimestampedModel):
    """Each user a registration enters (the user, or each member of the team): unique per
    event, so a user is in at most one registration of an event, whatever the race."""

    event: fields.ForeignKeyRelation[Event] = fields.ForeignKeyField(
        "models.Event", related_name="participants", on_delete=fields.CASCADE
    )
    registration: fields.ForeignKeyRelation[EventRegistration] = fields.ForeignKeyField(
        "models.EventRegistration",
        related_name="participants",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="event_participations",
        on_delete=fields.CASCADE,
        db_index=True,
    )

    class Meta:
        table = "event_participant"
        unique_together = (("event", "user"),)
