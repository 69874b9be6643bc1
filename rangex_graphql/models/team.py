"""Teams: one per user, a captain, members joining by request or by invite code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import JoinRequestStatus, TeamRole

if TYPE_CHECKING:
    from .user import User


class Team(TimestampedModel):
    name = fields.CharField(max_length=80, unique=True)
    slug = fields.CharField(max_length=100, unique=True)
    description = fields.TextField(default="")
    motto = fields.CharField(max_length=160, default="")
    # ISO 3166-1 alpha-2, upper case.
    country = fields.CharField(max_length=2, null=True)
    # An open team lets anyone holding its invite code join without the captain's review.
    is_open = fields.BooleanField(default=False)
    invite_code_sealed = fields.CharField(max_length=1024, null=True)
    # HMAC of the invite code under a key derived from the server key: how teamJoin finds
    # the team a code opens without unsealing every team's code.
    invite_code_tag = fields.CharField(max_length=64, null=True, unique=True)
    max_members = fields.IntField(default=10)
    # Moved by conditional UPDATEs: the guard that keeps the team from overfilling.
    member_count = fields.IntField(default=0)
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
        # One team per user.
        unique_together = (("team", "user"), ("user",))


class TeamJoinRequest(TimestampedModel):
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="join_requests", on_delete=fields.CASCADE, db_index=True
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="team_join_requests",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    message = fields.TextField(default="")
    status = fields.CharEnumField(
        JoinRequestStatus, max_length=16, default=JoinRequestStatus.PENDING, db_index=True
    )
    # "<team>:<user>" while PENDING, null after review: unique, so a user has at most one
    # pending request per team however many arrive at once.
    pending_key = fields.CharField(max_length=80, null=True, unique=True)
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="reviewed_join_requests",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    reviewed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "team_join_request"
