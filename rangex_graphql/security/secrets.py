"""Random bearer secrets and the digests they are stored under."""

from __future__ import annotations

import hashlib
import secrets


def new_secret(prefix: str = "", nbytes: int = 32) -> tuple[str, str]:
    """A fresh secret and its digest: the secret goes to the user, the digest to the DB."""
    value = prefix + secrets.token_urlsafe(nbytes)
    return value, digest(value)


def digest(value: str) -> str:
    # Plain SHA-256 suffices: these secrets carry 256 bits of entropy, unlike passwords.
    return hashlib.sha256(value.encode()).hexdigest()
