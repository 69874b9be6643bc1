"""Signed, expiring tokens for the local store's upload and download routes.

A token is ``base64url(JSON claims) "." base64url(HMAC-SHA256)``; the claims say what it
allows (``op`` put or get), on which key, until when (``exp``, Unix seconds) and, for a
put, the content type and size range. Any change to the claims breaks the signature.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(key: bytes, claims: dict[str, Any]) -> str:
    body = _b64(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    tag = hmac.new(key, body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(tag)}"


def verify(keys: list[bytes], token: str, op: str, now: float | None = None) -> dict[str, Any]:
    """The claims of a token signed with one of ``keys`` for ``op``, not expired;
    ValueError otherwise."""
    body, dot, tag = token.partition(".")
    if not dot or len(token) > 4096:
        raise ValueError("malformed token")
    try:
        given = _unb64(tag)
    except ValueError:
        raise ValueError("malformed token") from None
    if not any(
        hmac.compare_digest(hmac.new(key, body.encode(), hashlib.sha256).digest(), given)
        for key in keys
    ):
        raise ValueError("bad signature")
    try:
        claims = json.loads(_unb64(body))
    except ValueError:
        raise ValueError("malformed token") from None
    if not isinstance(claims, dict) or claims.get("op") != op:
        raise ValueError("wrong kind of token")
    expires = claims.get("exp")
    if not isinstance(expires, int) or expires < (time.time() if now is None else now):
        raise ValueError("expired")
    return claims
