from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import ResourceProfile, SessionMachineState, SessionState

if TYPE_CHECKING:
    from .content import Machine
    from .event import Event
    from .scenario import ScenarioVersion
    from .team import Team
    from .user import User


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
    state = fields.CharEnumField(
        SessionState, max_length=16, default=SessionState.REQUESTED, db_index=True
    )
    resource_profile = fields.CharEnumField(ResourceProfile, max_length=16)
    started_at = fields.DatetimeField(null=True, db_index=True)
    expires_at = fields.DatetimeField(null=True, db_index=True)
    ended_at = fields.DatetimeField(null=True)
    paused_remaining_seconds = fields.IntField(null=True)
    failure_reason = fields.TextField(null=True)
    score = fields.IntField(default=0)
    cost_rm = fields.DecimalField(max_digits=12, decimal_places=4, default=Decimal("0"))
    # Bumped by every state change; the compare-and-set guard of the state machine.
    lock_version = fields.IntField(default=0)

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

    class Meta:
        table = "session_machine"
