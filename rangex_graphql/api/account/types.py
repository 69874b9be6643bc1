from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from ...models import ApiToken
from ...services.api_tokens import ApiScope
from ..node import Computed, Node, RowNode, row_node, same
from ..payload import ERROR_CODE, ERROR_MESSAGE


@strawberry.enum(description="Why an account, sign-in or token operation failed.")
class AccountErrorCode(Enum):
    INVALID = strawberry.enum_value("INVALID", description="Malformed or out of range.")
    PASSWORD_TOO_WEAK = strawberry.enum_value(
        "PASSWORD_TOO_WEAK",
        description="Too short or too long, containing the username or email, or a "
        "publicly known password.",
    )
    ALREADY_REGISTERED = strawberry.enum_value(
        "ALREADY_REGISTERED", description="That username or email cannot be used."
    )
    INVALID_CREDENTIALS = strawberry.enum_value(
        "INVALID_CREDENTIALS", description="Wrong sign-in name or password."
    )
    TOO_MANY_ATTEMPTS = strawberry.enum_value(
        "TOO_MANY_ATTEMPTS",
        description="Throttled after repeated failures or requests; the message says when "
        "to try again.",
    )
    ACCOUNT_SUSPENDED = strawberry.enum_value(
        "ACCOUNT_SUSPENDED", description="An admin suspended the account: no sign-in."
    )
    MFA_SETUP_REQUIRED = strawberry.enum_value(
        "MFA_SETUP_REQUIRED",
        description="The user's role requires two-factor sign-in, which is not set up.",
    )
    INVALID_TOKEN = strawberry.enum_value(
        "INVALID_TOKEN", description="The refresh token or reset code is unknown or expired."
    )
    TOKEN_REUSED = strawberry.enum_value(
        "TOKEN_REUSED",
        description="A refresh token used a second time: the whole sign-in is ended; sign "
        "in again.",
    )
    INVALID_CHALLENGE = strawberry.enum_value(
        "INVALID_CHALLENGE",
        description="The MFA challenge is unknown, expired or used; sign in again.",
    )
    INVALID_CODE = strawberry.enum_value(
        "INVALID_CODE", description="The authenticator or recovery code is wrong."
    )
    MFA_ALREADY_ENABLED = strawberry.enum_value(
        "MFA_ALREADY_ENABLED", description="Two-factor sign-in is already on."
    )
    MFA_NOT_SET_UP = strawberry.enum_value(
        "MFA_NOT_SET_UP", description="No secret to confirm: start with mfaTotpSetup."
    )
    MFA_NOT_ENABLED = strawberry.enum_value(
        "MFA_NOT_ENABLED", description="Two-factor sign-in is off already."
    )
    SELF_CHANGE = strawberry.enum_value(
        "SELF_CHANGE", description="Admins cannot change their own role or status."
    )
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No such user or API token (of yours)."
    )
    SCOPE_NOT_ALLOWED = strawberry.enum_value(
        "SCOPE_NOT_ALLOWED", description="A scope beyond what the user's role may grant."
    )
    MAINTENANCE = strawberry.enum_value(
        "MAINTENANCE",
        description="The platform is under maintenance: no registrations (the message says why).",
    )
    REGISTRATION_CLOSED = strawberry.enum_value(
        "REGISTRATION_CLOSED", description="New accounts are not accepted for now."
    )
    USER_LIMIT_REACHED = strawberry.enum_value(
        "USER_LIMIT_REACHED", description="The platform has as many accounts as it may."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class AccountError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: AccountErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="A signed-in session: a short access token and a refresh token.")
class AuthTokens:
    access_token: str = strawberry.field(description="Send as `Authorization: Bearer …`.")
    access_token_expires_at: datetime = strawberry.field(
        description="When the access token stops working (UTC): refresh before then."
    )
    refresh_token: str = strawberry.field(
        description="Single use: tokenRefresh returns a new one. Reusing an old one ends "
        "the whole session."
    )
    refresh_token_expires_at: datetime = strawberry.field(
        description="When the refresh token stops working (UTC): sign in again after it."
    )


@strawberry.type(description="Password accepted; finish with tokenCreateWithMfa.")
class MfaChallenge:
    challenge: str = strawberry.field(
        description="Pass it to tokenCreateWithMfa with a code; it works once."
    )
    expires_at: datetime = strawberry.field(
        description="When the challenge stops working (UTC): sign in again after it."
    )


def _scopes(row: Mapping[str, Any]) -> list[ApiScope]:
    return [ApiScope(scope) for scope in row["scopes"]]


@row_node(
    ApiToken,
    columns=same("name", "prefix", "expires_at", "last_used_at", "revoked_at", "created_at"),
    computed={"scopes": Computed(("scopes",), _scopes)},
    also_read=("user_id",),
)
@strawberry.type(name="ApiToken", description="A scoped token for an integration.")
class ApiTokenNode(RowNode, Node):
    name: str = strawberry.field(
        description="What its owner called it, to tell tokens apart (1-100 characters)."
    )
    prefix: str = strawberry.field(description="The first characters, to recognise it.")
    scopes: list[ApiScope] = strawberry.field(description="What the token may do.")
    expires_at: datetime | None = strawberry.field(
        description="When it stops working (UTC); null: it does not expire."
    )
    last_used_at: datetime | None = strawberry.field(
        description="When it was last used (UTC, to the minute); null: never used."
    )
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked (UTC); null while not revoked."
    )
    created_at: datetime = strawberry.field(description="When it was created (UTC).")
