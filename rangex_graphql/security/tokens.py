"""Signed, short-lived access tokens (JWS, HS256) carrying the user id and role."""

from __future__ import annotations

import time
from dataclasses import dataclass
from uuid import UUID

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from ..settings import Settings

ALGORITHM = "HS256"
KEY_ID = "k1"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: UUID
    expires_at: int


def _key(settings: Settings) -> OctKey:
    return OctKey.import_key(settings.secret_key.get_secret_value().encode())


def issue_access_token(settings: Settings, user_id: UUID, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    claims = {
        "sub": str(user_id),
        "iat": issued,
        "exp": issued + settings.access_token_minutes * 60,
    }
    header = {"alg": ALGORITHM, "kid": KEY_ID}
    return jwt.encode(header, claims, _key(settings), algorithms=[ALGORITHM])


def verify_access_token(settings: Settings, token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired token; None for anything else."""
    try:
        decoded = jwt.decode(token, _key(settings), algorithms=[ALGORITHM])
        jwt.JWTClaimsRegistry(exp={"essential": True}, sub={"essential": True}).validate(
            decoded.claims
        )
        return AccessClaims(user_id=UUID(decoded.claims["sub"]), expires_at=decoded.claims["exp"])
    except (JoseError, ValueError, KeyError, TypeError):
        return None
