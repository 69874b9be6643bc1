from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import ResourceProfile, SessionMachineState, SessionState

if TYPE_CHECKING:
    from .event import Event, EventRegistration
    from .scenario import ScenarioVersion
    from .team import Team
    from .user import User
    from .version_parts import Machine, Question


class EnvironmentSession(TimestampedModel):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE, db_index=True
    )
    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion",
        related_name="sessions",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    event: fields.ForeignKeyNullableRelation[Event] = fields.ForeignKeyField(
        "models.Event",
        related_name="sessions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    team: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team",
        related_name="sessions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    # Event sessions: the registration they play for (the team comes from it).
    registration: fields.ForeignKeyNullableRelation[EventRegistration] = fields.ForeignKeyField(
        "models.EventRegistration",
        related_name="sessions",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    state = fields.CharEnumField(
        SessionState, max_length=16, default=SessionState.REQUESTED, db_index=True
    )
    resource_profile = fields.CharEnumField(ResourceProfile, max_length=16)
    started_at = fields.DatetimeField(null=True, db_index=True)
    expires_at = fields.DatetimeField(null=True, db_index=True)
    ended_at = fields.DatetimeField(null=True)
    # The running time asked for at start; the clock starts when the session is RUNNING.
    duration_minutes = fields.IntField(default=60)
    paused_remaining_seconds = fields.IntField(null=True)
    failure_reason = fields.TextField(null=True)
    score = fields.IntField(default=0)
    cost_rm = fields.DecimalField(max_digits=12, decimal_places=4, default=Decimal("0"))
    # Running time is charged up to this instant; the usage job moves it forward.
    cost_accounted_at = fields.DatetimeField(null=True)
    extensions_used = fields.IntField(default=0)
    # Why the session ended: user, admin, expired, or a failure code (FailureCode in
    # services/sessions/failures.py), the one learners see; failure_reason is the detail.
    end_reason = fields.CharField(max_length=32, null=True)
    expiry_warned_at = fields.DatetimeField(null=True)
    last_activity_at = fields.DatetimeField(null=True)
    # The process provisioning or tearing the session down holds a lease it renews; a
    # lease that ran out means that process died, and the reconciler takes over.
    lease_owner = fields.CharField(max_length=64, null=True)
    lease_expires_at = fields.DatetimeField(null=True, db_index=True)
    # Bumped by every state change; the compare-and-set guard of the state machine.
    lock_version = fields.IntField(default=0)
    # A creator test run (models/test_run.py): unscored, outside popularity, ratings and
    # the learner lists, but counted against budgets and caps like any session.
    is_test = fields.BooleanField(default=False, db_index=True)

    class Meta:
        table = "environment_session"
        indexes = (("user_id", "state"),)


class SessionMachine(TimestampedModel):
    session: fields.ForeignKeyRelation[EnvironmentSession] = fields.ForeignKeyField(
        "models.EnvironmentSession",
        related_name="machines",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    machine: fields.ForeignKeyRelation[Machine] = fields.ForeignKeyField(
        "models.Machine",
        related_name="deployments",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    driver_handle = fields.CharField(max_length=255, null=True)
    state = fields.CharEnumField(
        SessionMachineState,
        max_length=16,
        default=SessionMachineState.PENDING,
        db_index=True,
    )
    address = fields.CharField(max_length=255, null=True)
    # Published ports once running: [{"containerPort", "protocol", "host", "hostPort"}]
    ports: fields.Field[list[dict[str, object]] | None] = fields.JSONField(null=True)
    username = fields.CharField(max_length=64, null=True)
    # Sealed with the secret key (security/secret_box); shown to the owner and admins only.
    password_sealed = fields.CharField(max_length=1024, null=True)
    failure_reason = fields.TextField(null=True)

    class Meta:
        table = "session_machine"


class SessionAnswer(TimestampedModel):
    """Per session and question: attempts, result, and the session flag if any."""

    session: fields.ForeignKeyRelation[EnvironmentSession] = fields.ForeignKeyField(
        "models.EnvironmentSession",
        related_name="answers",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question",
        related_name="session_answers",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    attempts = fields.IntField(default=0)
    correct = fields.BooleanField(default=False)
    points_awarded = fields.IntField(default=0)
    last_answer = fields.TextField(null=True)
    answered_at = fields.DatetimeField(null=True)
    # A flag generated for this session alone, sealed; never returned by the API.
    flag_sealed = fields.CharField(max_length=1024, null=True)
    # Bumped by every submission; the compare-and-set guard of concurrent answers.
    lock_version = fields.IntField(default=0)

    class Meta:
        table = "session_answer"
        unique_together = (("session", "question"),)
