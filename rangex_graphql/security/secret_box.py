"""Encryption at rest for secrets the server must read back (TOTP seeds, machine
passwords, session flags).

JWE compact serialization, ``dir`` + ``A256GCM``, with the server key's secret-box subkey
(security/keys.py). Earlier keys still open after a rotation, and so do secrets sealed
before the subkeys, under ``SHA-256("rangex-secret-box:" + key)``.
"""

from __future__ import annotations

import hashlib

from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from ..settings import Settings
from .keys import Purpose, current_subkey, legacy_keys, subkeys

_HEADER = {"alg": "dir", "enc": "A256GCM"}


def _legacy_key(secret: str) -> bytes:
    return hashlib.sha256(b"rangex-secret-box:" + secret.encode()).digest()


def seal(settings: Settings, plaintext: str) -> str:
    key = OctKey.import_key(current_subkey(settings, Purpose.SECRET_BOX))
    return jwe.encrypt_compact(_HEADER, plaintext.encode(), key)


class SecretUnreadable(Exception):
    pass


def open_sealed(settings: Settings, sealed: str) -> str:
    keys = [
        *subkeys(settings, Purpose.SECRET_BOX),
        *(_legacy_key(secret) for secret in legacy_keys(settings)),
    ]
    for key in keys:
        try:
            token = jwe.decrypt_compact(sealed, OctKey.import_key(key))
        except (JoseError, ValueError):
            continue
        if token.plaintext is not None:
            return token.plaintext.decode()
    raise SecretUnreadable("no current or previous key opens this secret")


def read_sealed(settings: Settings, sealed: str | None) -> str | None:
    """The plain text, None when there is none or no key opens it any more."""
    if not sealed:
        return None
    try:
        return open_sealed(settings, sealed)
    except SecretUnreadable:
        return None
