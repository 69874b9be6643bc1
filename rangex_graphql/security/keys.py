"""The server's secret key: where it comes from, and the separate subkeys derived from it.

``RANGEX_SECRET_KEY`` when configured. Without it, the embedded default (a SQLite file)
generates a random key once and keeps it beside the database (``<database>.secret-key``,
mode 0600), so restarts keep sessions; an in-memory database gets a key for the process's
life. MySQL, or a server listening beyond loopback, needs a configured key
(:func:`check_secret_key`): a key on one machine's disk cannot be shared by replicas.

Each use gets its own subkey, ``HMAC-SHA256(key, label)`` (HKDF-Expand's first block with
distinct labels): access-token signatures, the secret box, the session-flag tags. Data
written before the subkeys (the raw key signed nothing still alive, but sealed secrets and
flag tags did) is read through :func:`legacy_keys`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from enum import StrEnum
from functools import lru_cache
from ipaddress import ip_address
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..settings import Settings

KEY_FILE_SUFFIX = ".secret-key"
MIN_KEY_LENGTH = 32
# SHA-256 of keys published in source code (the former development default): never
# accepted as a key, never trusted for access tokens even among the previous keys.
PUBLIC_KEY_DIGESTS = frozenset({"2a0e1c1d8a72540a8c249d52e83c8d837c2ed101f1decd409eb1e87ce4fbf411"})


class Purpose(StrEnum):
    ACCESS_TOKEN = "access-token"
    SECRET_BOX = "secret-box"
    SESSION_FLAG = "session-flag"
    FILE_URL = "file-url"
    REGISTRY_CREDENTIAL = "registry-credential"
    USER_PSEUDONYM = "user-pseudonym"


class SecretKeyError(ValueError):
    """The secret key is missing where one must be configured, or is unusable."""


def is_public_key(secret: str) -> bool:
    return hashlib.sha256(secret.encode()).hexdigest() in PUBLIC_KEY_DIGESTS


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def key_file_for(database_url: str) -> Path | None:
    """Where the generated key of a SQLite database lives; None: no file to keep it in."""
    scheme, _, path = database_url.partition("://")
    if not scheme.startswith("sqlite") or path in ("", ":memory:"):
        return None
    return Path(path + KEY_FILE_SUFFIX)


def check_secret_key(settings: Settings, host: str) -> None:
    """Raise SecretKeyError unless this server may run with its key settings, and make
    sure a generated key exists (so N workers find the same one)."""
    configured = settings.secret_key.get_secret_value()
    if configured:
        if is_public_key(configured):
            raise SecretKeyError(
                "RANGEX_SECRET_KEY is a key published in source code: set a long random value"
            )
        if len(configured) < MIN_KEY_LENGTH:
            raise SecretKeyError(f"RANGEX_SECRET_KEY must be at least {MIN_KEY_LENGTH} characters")
        return
    if not settings.database_url.startswith("sqlite"):
        raise SecretKeyError("RANGEX_SECRET_KEY must be set to a long random value with MySQL")
    if not is_loopback(host):
        raise SecretKeyError(
            f"RANGEX_SECRET_KEY must be set to a long random value to listen on {host!r} "
            "(beyond loopback); generate one with: python3 -c "
            "'import secrets; print(secrets.token_urlsafe(48))'"
        )
    current_key(settings)


def current_key(settings: Settings) -> str:
    configured = settings.secret_key.get_secret_value()
    if configured:
        return configured
    path = key_file_for(settings.database_url)
    if path is None:
        if not settings.database_url.startswith("sqlite"):
            raise SecretKeyError("RANGEX_SECRET_KEY must be set with MySQL")
        return _process_key()
    return _cached_key_file(str(path.resolve()))


def all_keys(settings: Settings) -> list[str]:
    """The current key, then the previous ones (rotation)."""
    return [current_key(settings), *(k.get_secret_value() for k in settings.previous_secret_keys)]


def subkey(secret: str, purpose: Purpose) -> bytes:
    return hmac.new(secret.encode(), b"rangex/" + purpose.value.encode(), hashlib.sha256).digest()


def current_subkey(settings: Settings, purpose: Purpose) -> bytes:
    return subkey(current_key(settings), purpose)


def subkeys(settings: Settings, purpose: Purpose) -> list[bytes]:
    """The purpose's subkeys of every key, current first. Access tokens skip public keys:
    anyone could sign with those."""
    keys = all_keys(settings)
    if purpose is Purpose.ACCESS_TOKEN:
        keys = [k for k in keys if not is_public_key(k)]
    return [subkey(k, purpose) for k in keys]


def legacy_keys(settings: Settings) -> list[str]:
    """Every key as such, for data sealed or tagged before the subkeys existed."""
    return all_keys(settings)


@lru_cache(maxsize=1)
def _process_key() -> str:
    return secrets.token_urlsafe(48)


@lru_cache(maxsize=8)
def _cached_key_file(path: str) -> str:
    return load_or_create_key_file(Path(path))


def load_or_create_key_file(path: Path) -> str:
    """The key in ``path``, generating it first if there is none.

    The key is written to a private temporary file, then linked to ``path``: the link
    fails if another process got there first, so every process ends with the same key and
    none ever reads a half-written file.
    """
    try:
        return _read_key_file(path)
    except FileNotFoundError:
        pass
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rangex-key-")  # mode 0600
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
    return _read_key_file(path)


def _read_key_file(path: Path) -> str:
    key = path.read_text().strip()
    if len(key) < MIN_KEY_LENGTH:
        raise SecretKeyError(f"the key file {path} is damaged: delete it or set RANGEX_SECRET_KEY")
    return key
