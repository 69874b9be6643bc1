"""Signed, short-lived access tokens (JWS HS256) with a key id for rotation.

Claims: ``sub`` user id, ``gen`` the user's token generation (bumping it ends every
access token of the user at once), ``sid`` the login (refresh-token family), ``exp``.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
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


VERIFIED_TOKENS_KEPT = 4096


class _KeySet:
    """The verification keys of one set of server keys, and the tokens they verified.

    A token's signature and claims are checked once; a later request with the same token
    only checks that it has not expired since (the other claims only ever get more
    valid with time: ``iat`` and ``nbf`` in the past stay there). Refused tokens are not
    kept, so made-up tokens cannot fill it; a new set of keys (a rotation) starts empty.
    Whether the token was revoked is not decided here (``api/viewer.py`` checks that on
    every request)."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        # Only subkeys: a token signed with a raw server key (the scheme before subkeys,
        # or a key published in source code) has no key id here and is refused.
        derived = [subkey(k, Purpose.ACCESS_TOKEN) for k in keys if not is_public_key(k)]
        self.keys = {key_id(k): OctKey.import_key(k) for k in derived}
        self.verified: OrderedDict[str, AccessClaims] = OrderedDict()

    def remember(self, token: str, claims: AccessClaims) -> None:
        self.verified[token] = claims
        if len(self.verified) > VERIFIED_TOKENS_KEPT:
            self.verified.popitem(last=False)


def _key_set(settings: Settings) -> _KeySet:
    return _key_set_of(tuple(all_keys(settings)))


@lru_cache(maxsize=8)
def _key_set_of(keys: tuple[str, ...]) -> _KeySet:
    """Derived and imported once per set of server keys (every request verifies a token;
    deriving, hashing and importing the keys each time was about 2% of a small query)."""
    return _KeySet(keys)


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


def verify_access_token(
    settings: Settings, token: str, now: float | None = None
) -> AccessClaims | None:
    """The claims of a valid, unexpired token signed by a current or previous key."""
    key_set = _key_set(settings)
    moment = int(time.time() if now is None else now)
    known = key_set.verified.get(token)
    if known is not None:
        return known if known.expires_at > moment else None  # as joserfc decides `exp`
    claims = _verified(key_set.keys, token, moment)
    if claims is not None:
        key_set.remember(token, claims)
    return claims


def _verified(keys: dict[str, OctKey], token: str, now: int) -> AccessClaims | None:
    try:
        header_kid = jws.extract_compact(token.encode()).headers().get("kid")
        key = keys.get(str(header_kid))
        if key is None:
            return None
        decoded = jwt.decode(token, key, algorithms=[ALGORITHM])
        jwt.JWTClaimsRegistry(now=now, exp={"essential": True}, sub={"essential": True}).validate(
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
