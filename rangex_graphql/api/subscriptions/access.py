"""Who a WebSocket connection speaks for, and whether that still holds at each event.

The credentials come from ``connection_init``. At every event the subscribers of a shared
execution are checked again together (one statement for their users, one for their API
tokens), and so is the connection at every ``subscribe`` (a query or mutation sent over
the socket included), so a suspended user, a revoked or expired token, or a changed role
stops the deliveries and closes the connection (4403). An access token's expiry also
closes an idle connection when it comes, without waiting for an event, and so does the
sign-out of its session (``watch_sign_out``: a revocation, whichever replica made it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from ...models import ApiToken, User
from ...models.enums import UserRole, UserStatus
from ...security.revocation import RevokedSessions
from ...security.secrets import digest
from ...security.tokens import verify_access_token
from ...services import api_tokens
from ...settings import Settings
from ..viewer import InvalidCredentials, Viewer, bearer_token, viewer_from_token


@dataclass(frozen=True, slots=True)
class Credentials:
    """The viewer of a connection and what to re-check: an access token's generation and
    expiry, or an API token's digest. ``viewer`` None: anonymous."""

    viewer: Viewer | None
    generation: int | None = None
    expires_at: float | None = None  # access tokens: seconds since the epoch
    api_token_hash: str | None = None
    # Signed-out sessions (services/revocations): an access token's sid found there ends it.
    revoked: Container[UUID] = field(default=frozenset(), compare=False, hash=False)


ANONYMOUS = Credentials(viewer=None)


def now_seconds() -> float:
    return time.time()


async def authenticate(
    settings: Settings, params: Mapping[str, Any], revoked: Container[UUID] = frozenset()
) -> Credentials:
    """Credentials from a ``connection_init`` payload: ``{"Authorization": "Bearer <t>"}``
    or ``{"token": "<t>"}``; none: anonymous. Raises InvalidCredentials."""
    token = bearer_token(params) or params.get("token")
    if not isinstance(token, str) or not token:
        return ANONYMOUS
    viewer = await viewer_from_token(settings, token, revoked)
    if viewer is None:
        return ANONYMOUS
    if token.startswith(api_tokens.TOKEN_PREFIX):
        return Credentials(viewer=viewer, api_token_hash=digest(token))
    claims = verify_access_token(settings, token)
    if claims is None:
        raise InvalidCredentials("the access token is not valid or has expired")
    return Credentials(
        viewer=viewer,
        generation=claims.generation,
        expires_at=claims.expires_at,
        revoked=revoked,
    )


def watch_sign_out(credentials: Credentials, callback: Callable[[], None]) -> Callable[[], None]:
    """Call ``callback`` as soon as the access token's session is signed out (on this
    replica or another); returns the function that stops watching."""
    viewer = credentials.viewer
    if viewer is None or viewer.family_id is None or credentials.api_token_hash is not None:
        return lambda: None
    if not isinstance(credentials.revoked, RevokedSessions):
        return lambda: None
    return credentials.revoked.watch(viewer.family_id, callback)


def seconds_left(credentials: Credentials) -> float | None:
    """Until the access token expires (0 when it has); None: it does not expire."""
    if credentials.expires_at is None:
        return None
    return max(0.0, credentials.expires_at - now_seconds())


async def no_longer_allowed(credentials: Iterable[Credentials]) -> set[Credentials]:
    """The credentials among ``credentials`` that are no longer good."""
    signed_in = [c for c in credentials if c.viewer is not None]
    if not signed_in:
        return set()
    now = now_seconds()
    user_ids = {c.viewer.id for c in signed_in if c.viewer is not None}
    users = {
        row["id"]: row
        for row in await User.filter(id__in=user_ids).values(
            "id", "status", "role", "token_generation"
        )
    }
    hashes = {c.api_token_hash for c in signed_in if c.api_token_hash is not None}
    tokens: dict[str, dict[str, Any]] = {}
    if hashes:
        tokens = {
            row["token_hash"]: row
            for row in await ApiToken.filter(token_hash__in=hashes, revoked_at__isnull=True).values(
                "token_hash", "expires_at"
            )
        }
    return {c for c in signed_in if not _valid(c, users, tokens, now)}


def _valid(
    credentials: Credentials,
    users: Mapping[UUID, Mapping[str, Any]],
    tokens: Mapping[str, Mapping[str, Any]],
    now: float,
) -> bool:
    viewer = credentials.viewer
    assert viewer is not None
    user = users.get(viewer.id)
    if user is None or user["status"] != UserStatus.ACTIVE or UserRole(user["role"]) != viewer.role:
        return False
    if credentials.api_token_hash is not None:
        token = tokens.get(credentials.api_token_hash)
        if token is None:
            return False
        expires: datetime | None = token["expires_at"]
        return expires is None or expires > datetime.fromtimestamp(now, UTC)
    if credentials.generation is not None and user["token_generation"] != credentials.generation:
        return False
    if viewer.family_id is not None and viewer.family_id in credentials.revoked:
        return False
    return credentials.expires_at is None or credentials.expires_at > now
