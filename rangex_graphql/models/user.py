from __future__ import annotations

from tortoise import fields

from .base import TimestampedModel
from .enums import UserRole, UserStatus


class User(TimestampedModel):
    email = fields.CharField(max_length=254, unique=True)
    username = fields.CharField(max_length=30, unique=True)
    display_name = fields.CharField(max_length=100)
    role = fields.CharEnumField(UserRole, max_length=16, default=UserRole.USER, db_index=True)
    status = fields.CharEnumField(
        UserStatus, max_length=16, default=UserStatus.ACTIVE, db_index=True
    )
    password_hash = fields.CharField(max_length=255, null=True)
    # The sum over scenario versions of the user's best session score (replays add nothing).
    total_score = fields.IntField(default=0, db_index=True)
    # A hidden profile appears anonymised on public leaderboards.
    profile_hidden = fields.BooleanField(default=False)
    # MFA columns exist from the start so enabling TOTP needs no table rebuild.
    mfa_enabled = fields.BooleanField(default=False)
    mfa_secret_encrypted = fields.CharField(max_length=512, null=True)
    mfa_confirmed_at = fields.DatetimeField(null=True)
    # The last TOTP time step accepted: a code is never accepted twice.
    mfa_last_step = fields.BigIntField(null=True)
    last_login_at = fields.DatetimeField(null=True)
    # Bumped to end every access token at once (password change, "sign out everywhere").
    token_generation = fields.IntField(default=0)
    # The avatar image: the id of an attached stored_file row, null for none. A plain
    # column, not a foreign key: stored_file points at user (its owner) already, and a
    # foreign key each way is a cycle the schema cannot create.
    avatar_file_id = fields.UUIDField(null=True)

    class Meta:
        table = "user"
