from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from ...services.api_tokens import ApiScope
from ...services.errors import DomainError, DomainErrors
from ..ids import to_global_id
from ..node import Node
from ..payload import payload_errors


@strawberry.enum(description="Why an account, sign-in or token operation failed.")
class AccountErrorCode(Enum):
    INVALID = "INVALID"
    PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK"
    ALREADY_REGISTERED = "ALREADY_REGISTERED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    ACCOUNT_SUSPENDED = "ACCOUNT_SUSPENDED"
    MFA_SETUP_REQUIRED = "MFA_SETUP_REQUIRED"
    INVALID_TOKEN = "INVALID_TOKEN"
    TOKEN_REUSED = "TOKEN_REUSED"
    INVALID_CHALLENGE = "INVALID_CHALLENGE"
    INVALID_CODE = "INVALID_CODE"
    MFA_ALREADY_ENABLED = "MFA_ALREADY_ENABLED"
    MFA_NOT_SET_UP = "MFA_NOT_SET_UP"
    MFA_NOT_ENABLED = "MFA_NOT_ENABLED"
    SELF_CHANGE = "SELF_CHANGE"
    NOT_FOUND = "NOT_FOUND"
    SCOPE_NOT_ALLOWED = "SCOPE_NOT_ALLOWED"


@strawberry.type(description="An expected failure: which input field, why, in words.")
class AccountError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: AccountErrorCode
    message: str


def account_errors(failure: DomainError | DomainErrors) -> list[AccountError]:
    return payload_errors(
        failure, AccountErrorCode, lambda f, c, m: AccountError(field=f, code=c, message=m)
    )


@strawberry.type(description="A signed-in session: a short access token and a refresh token.")
class AuthTokens:
    access_token: str = strawberry.field(description="Send as `Authorization: Bearer …`.")
    access_token_expires_at: datetime
    refresh_token: str = strawberry.field(
        description="Single use: tokenRefresh returns a new one. Reusing an old one ends "
        "the whole session."
    )
    refresh_token_expires_at: datetime


@strawberry.type(description="Password accepted; finish with tokenCreateWithMfa.")
class MfaChallenge:
    challenge: str
    expires_at: datetime


API_TOKEN_COLUMNS = (
    "id",
    "user_id",
    "name",
    "prefix",
    "scopes",
    "expires_at",
    "last_used_at",
    "revoked_at",
    "created_at",
)


@strawberry.type(name="ApiToken", description="A scoped token for an integration.")
class ApiTokenNode(Node):
    name: str
    prefix: str = strawberry.field(description="The first characters, to recognise it.")
    scopes: list[ApiScope]
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ApiTokenNode:
        return cls(
            id=strawberry.ID(to_global_id("ApiToken", row["id"])),
            name=row["name"],
            prefix=row["prefix"],
            scopes=[ApiScope(s) for s in row["scopes"]],
            expires_at=row["expires_at"],
            last_used_at=row["last_used_at"],
            revoked_at=row["revoked_at"],
            created_at=row["created_at"],
        )
