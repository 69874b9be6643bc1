"""An open team's invite code: sealed at rest (security/secret_box) so its members can read
it back, and stored beside a keyed tag (HMAC-SHA256 under the secret-box subkey of each
server key, with a label of its own) so that ``teamJoin`` finds the team a code opens by
an index lookup, without unsealing every team's code. Tags of every current and previous
key are tried, so codes survive a key rotation."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from ...security.keys import Purpose, subkeys
from ...security.secret_box import read_sealed, seal
from ...settings import Settings

CODE_BYTES = 12  # 96 random bits, 16 URL-safe characters
_LABEL = b"rangex-team-invite-code"


@dataclass(frozen=True, slots=True)
class InviteCode:
    plain: str
    sealed: str
    tag: str


def _tag(subkey: bytes, code: str) -> str:
    key = hmac.new(subkey, _LABEL, hashlib.sha256).digest()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def new_invite_code(settings: Settings) -> InviteCode:
    plain = secrets.token_urlsafe(CODE_BYTES)
    current = subkeys(settings, Purpose.SECRET_BOX)[0]
    return InviteCode(plain, seal(settings, plain), _tag(current, plain))


def candidate_tags(settings: Settings, code: str) -> list[str]:
    """The tags ``code`` would carry under each key, current first."""
    return [_tag(key, code) for key in subkeys(settings, Purpose.SECRET_BOX)]


def opens(settings: Settings, sealed: str | None, code: str) -> bool:
    """Whether ``code`` is the sealed code, compared in constant time."""
    plain = read_sealed(settings, sealed)
    return plain is not None and hmac.compare_digest(plain.encode(), code.encode())
