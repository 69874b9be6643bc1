"""Signed, short-lived access tokens (JWS HS256) with a key id for rotation.

Claims: ``sub`` user id, ``gen`` the user's token generation (bumping it ends every
access token of the user at once), ``sid`` the login (refresh-token family), ``exp``.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from uuid import UUID

from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from ..settings import Settings

ALGORITHM = "HS256"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: UUID
    generation: int
    family_id: UUID | None
    expires_at: int


def key_id(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def _signing_key(settings: Settings) -> tuple[str, OctKey]:
    secret = settings.secret_key.get_secret_value()
    return key_id(secret), OctKey.import_key(secret.encode())


def _verification_keys(settings: Settings) -> dict[str, OctKey]:
    secrets = [settings.secret_key, *settings.previous_secret_keys]
    return {
        key_id(s.get_secret_value()): OctKey.import_key(s.get_secret_value().encode())
        for s in secrets
    }


def issue_access_token(
    settings: Settings,
    user_id: UUID,
    *,
    generation: int = 0,
    family_id: UUID | None = None,
    now: float | None = None,
) -> tuple[str, int]:
    """The token and its expiry (Unix seconds)."""
    issued = int(now if now is not None else time.time())
    expires = issued + settings.access_token_minutes * 60
    claims: dict[str, object] = {
        "sub": str(user_id),
        "gen": generation,
        "iat": issued,
        "exp": expires,
    }
    if family_id is not None:
        claims["sid"] = str(family_id)
    kid, key = _signing_key(settings)
    return jwt.encode({"alg": ALGORITHM, "kid": kid}, claims, key, algorithms=[ALGORITHM]), expires


def verify_access_token(settings: Settings, token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired token signed by a current or previous key."""
    try:
        keys = _verification_keys(settings)
        header_kid = jws.extract_compact(token.encode()).headers().get("kid")
        key = keys.get(str(header_kid))
        if key is None:
            return None
        decoded = jwt.decode(token, key, algorithms=[ALGORITHM])
        jwt.JWTClaimsRegistry(exp={"essential": True}, sub={"essential": True}).validate(
            decoded.claims
        )
        sid = decoded.claims.get("sid")
        return AccessClaims(
            user_id=UUID(decoded.claims["sub"]),
            generation=int(decoded.claims.get("gen", 0)),
            family_id=UUID(sid) if sid else None,
            expires_at=int(decoded.claims["exp"]),
        )
    except (JoseError, ValueError, KeyError, TypeError):
        return None
