"""An INVITE_CODE event's code: random, sealed at rest, compared in constant time."""

from __future__ import annotations

import hmac
import secrets

from ...security.secret_box import read_sealed, seal
from ...settings import Settings

CODE_BYTES = 9  # 12 URL-safe characters


def new_sealed_code(settings: Settings) -> str:
    return seal(settings, secrets.token_urlsafe(CODE_BYTES))


def code_matches(settings: Settings, sealed: str | None, given: str) -> bool:
    code = read_sealed(settings, sealed)
    return code is not None and hmac.compare_digest(code.encode(), given.strip().encode())
