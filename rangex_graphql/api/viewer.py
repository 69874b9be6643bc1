"""Who is asking: the viewer a bearer token (or an API token) names."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ..db.rows import row_reader
from ..models import User
from ..models.enums import UserRole, UserStatus
from ..security.tokens import verify_access_token
from ..services import api_tokens
from ..services.api_tokens import ApiScope
from ..settings import Settings


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is asking. ``scopes`` is None for a signed-in person (no limit beyond the
    role), or the scopes of the API token used."""

    id: UUID
    role: UserRole
    scopes: frozenset[ApiScope] | None = None
    family_id: UUID | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN and self.has_scope(ApiScope.ADMIN)

    @property
    def is_creator(self) -> bool:
        return self.role in (UserRole.CREATOR, UserRole.ADMIN)

    @property
    def is_api_token(self) -> bool:
        return self.scopes is not None

    def has_scope(self, scope: ApiScope) -> bool:
        return self.scopes is None or scope in self.scopes


_VIEWER_COLUMNS = ("id", "role", "token_generation")


class InvalidCredentials(Exception):
    """A bearer token was presented and is not valid: the request gets a 401."""


def bearer_token(headers: Any) -> str | None:
    """The token of an ``Authorization: Bearer`` header (any capitalisation of the key)."""
    header = (headers.get("authorization") or headers.get("Authorization") or "") if headers else ""
    scheme, _, token = str(header).partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def viewer_from_token(
    settings: Settings, token: str | None, revoked: Container[UUID] = frozenset()
) -> Viewer | None:
    """The viewer a bearer token names; None without a token.

    Raises InvalidCredentials for a token that is malformed, expired, revoked, or whose
    user is no longer active: checked on every request, so a suspension is immediate.
    ``revoked``: the signed-out sessions (``sid``), kept in memory (services/revocations).
    """
    if not token:
        return None
    if token.startswith(api_tokens.TOKEN_PREFIX):
        principal = await api_tokens.authenticate(token)
        if principal is None:
            raise InvalidCredentials("the API token is not valid")
        return Viewer(id=principal.user_id, role=principal.role, scopes=principal.scopes)
    claims = verify_access_token(settings, token)
    if claims is None:
        raise InvalidCredentials("the access token is not valid or has expired")
    if claims.family_id is not None and claims.family_id in revoked:
        raise InvalidCredentials("the access token's session was signed out; sign in again")
    # Every signed-in request reads this row: fixed SQL text (db/rows.py), no query builder.
    active = row_reader(User, _VIEWER_COLUMNS, "id", (), (("status", UserStatus.ACTIVE),))
    row = await active.where_in([claims.user_id])
    if not row or row[0]["token_generation"] != claims.generation:
        raise InvalidCredentials("the access token was revoked; sign in again")
    return Viewer(id=row[0]["id"], role=UserRole(row[0]["role"]), family_id=claims.family_id)
