"""Registry passwords and tokens sealed at rest with AES-256-GCM.

The key is the server key's registry-credential subkey (security/keys.py). A sealed value
is ``rc1.<key id>.<base64url(nonce || ciphertext+tag)>``: the key id (a tag of the subkey,
not the key) names the key that sealed it, so after a rotation (the old server key moved to
``RANGEX_PREVIOUS_SECRET_KEYS``) old values still open with their key, and new ones are
sealed with the current key. The registry host is the associated data: a sealed secret
copied onto another registry's row does not open.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..settings import Settings
from .keys import Purpose, current_subkey, subkeys

PREFIX = "rc1"
NONCE_BYTES = 12


class RegistrySecretUnreadable(Exception):
    """No current or previous key opens the sealed value (or it was altered)."""


def key_id(key: bytes) -> str:
    return hmac.new(key, b"rangex/key-id", hashlib.sha256).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def seal_registry_secret(settings: Settings, host: str, secret: str) -> str:
    key = current_subkey(settings, Purpose.REGISTRY_CREDENTIAL)
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, secret.encode(), host.encode())
    return f"{PREFIX}.{key_id(key)}.{_b64(nonce + sealed)}"


def sealed_with_current_key(settings: Settings, sealed: str) -> bool:
    """Whether ``sealed`` names the current key (else a write should re-seal it)."""
    current = key_id(current_subkey(settings, Purpose.REGISTRY_CREDENTIAL))
    return sealed.split(".", 2)[1:2] == [current]


def open_registry_secret(settings: Settings, host: str, sealed: str) -> str:
    prefix, _, rest = sealed.partition(".")
    wanted, _, body = rest.partition(".")
    if prefix != PREFIX or not body:
        raise RegistrySecretUnreadable("not a sealed registry secret")
    try:
        blob = _unb64(body)
    except ValueError as exc:
        raise RegistrySecretUnreadable("not a sealed registry secret") from exc
    for key in subkeys(settings, Purpose.REGISTRY_CREDENTIAL):
        if key_id(key) != wanted:
            continue
        try:
            plain = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], host.encode())
        except InvalidTag as exc:
            raise RegistrySecretUnreadable("the sealed registry secret was altered") from exc
        return plain.decode()
    raise RegistrySecretUnreadable("no current or previous key opens this secret")
