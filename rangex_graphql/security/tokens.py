"""Signed, short-lived access tokens (JWS HS256) with a key id for rotation.

Claims: ``sub`` user id, ``gen`` the user's token generation (bumping it ends every
access token of the user at once), ``sid`` the login (refresh-token family), ``exp``.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from functools import lru_cache
from uuid import UUID

from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from ..settings import Settings
from .keys import Purpose, all_keys, current_subkey, is_public_key, subkey

ALGORITHM = "HS256"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: UUID
    generation: int
    family_id: UUID | None
    expires_at: int


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:12]


def _signing_key(settings: Settings) -> tuple[str, OctKey]:
    key = current_subkey(settings, Purpose.ACCESS_TOKEN)
    return key_id(key), OctKey.import_key(key)


def _verification_keys(settings: Settings) -> dict[str, OctKey]:
    # Only subkeys: a token signed with a raw server key (the scheme before subkeys, or
    # a key published in source code) has no key id here and is refused.
    return _imported_keys(tuple(all_keys(settings)))


@lru_cache(maxsize=8)
def _imported_keys(keys: tuple[str, ...]) -> dict[str, OctKey]:
    """Derived and imported once per set of server keys (every request verifies a token;
    deriving, hashing and importing the keys each time was about 2% of a small query)."""
    derived = [subkey(k, Purpose.ACCESS_TOKEN) for k in keys if not is_public_key(k)]
    return {key_id(k): OctKey.import_key(k) for k in derived}


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
