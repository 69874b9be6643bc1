from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import TeamRole

if TYPE_CHECKING:
    from .user import User


class Team(TimestampedModel):
    name = fields.CharField(max_length=80, unique=True)
    slug = fields.CharField(max_length=100, unique=True)
    description = fields.TextField(default="")
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="created_teams",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )

    class Meta:
        table = "team"


class TeamMember(TimestampedModel):
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", on_delete=fields.CASCADE, db_index=True
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="team_memberships",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    role = fields.CharEnumField(TeamRole, max_length=16, default=TeamRole.MEMBER)

    class Meta:
        table = "team_member"
        unique_together = (("team", "user"),)
