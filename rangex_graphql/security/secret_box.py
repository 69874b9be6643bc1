"""Encryption at rest for secrets the server must read back (TOTP seeds).

JWE compact serialization, ``dir`` + ``A256GCM``, with a key derived from the server's
secret key; earlier keys still decrypt after a rotation.
"""

from __future__ import annotations

import hashlib

from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from ..settings import Settings

_HEADER = {"alg": "dir", "enc": "A256GCM"}


def _key(secret: str) -> OctKey:
    return OctKey.import_key(hashlib.sha256(b"rangex-secret-box:" + secret.encode()).digest())


def seal(settings: Settings, plaintext: str) -> str:
    key = _key(settings.secret_key.get_secret_value())
    return jwe.encrypt_compact(_HEADER, plaintext.encode(), key)


class SecretUnreadable(Exception):
    pass


def open_sealed(settings: Settings, sealed: str) -> str:
    for secret in (settings.secret_key, *settings.previous_secret_keys):
        try:
            token = jwe.decrypt_compact(sealed, _key(secret.get_secret_value()))
        except (JoseError, ValueError):
            continue
        if token.plaintext is not None:
            return token.plaintext.decode()
    raise SecretUnreadable("no current or previous key opens this secret")
