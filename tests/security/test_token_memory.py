"""Access tokens verified once: a known token only has its expiry checked again, a
refused one is never kept, and a new set of server keys starts with nothing known."""

from __future__ import annotations

import time
from typing import Any
from uuid import uuid4

import pytest
from joserfc import jwt
from pydantic import SecretStr

from rangex_graphql.security import tokens
from rangex_graphql.security.tokens import issue_access_token, verify_access_token
from rangex_graphql.settings import Settings

KEY = "memory-test-key-" * 3


def _settings(key: str = KEY) -> Settings:
    return Settings(secret_key=SecretStr(key))


def _decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = jwt.decode

    def counted(token: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(token)
        return real(token, *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counted)
    return calls


def test_a_token_is_verified_once_and_its_expiry_checked_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _settings()
    user = uuid4()
    token, expires = issue_access_token(settings, user, generation=3)
    decodes = _decodes(monkeypatch)
    first = verify_access_token(settings, token)
    again = verify_access_token(settings, token)
    assert first is not None
    assert again == first
    assert (first.user_id, first.generation, first.expires_at) == (user, 3, expires)
    assert decodes == [token]  # the second request did not decode it again
    assert verify_access_token(settings, token, now=expires - 1) == first
    assert verify_access_token(settings, token, now=expires) is None  # expired, though known
    assert decodes == [token]


def test_refused_tokens_are_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _settings()
    token, _ = issue_access_token(settings, uuid4())
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    decodes = _decodes(monkeypatch)
    for _ in range(3):
        assert verify_access_token(settings, forged) is None
    assert len(decodes) == 3  # checked, and refused, every time
    expired, _ = issue_access_token(settings, uuid4(), now=time.time() - 3600 * 24)
    assert verify_access_token(settings, expired) is None
    assert expired not in tokens._key_set(settings).verified


def test_another_key_set_knows_no_token_of_the_former() -> None:
    token, _ = issue_access_token(_settings(), uuid4())
    assert verify_access_token(_settings(), token) is not None
    assert verify_access_token(_settings("another-key-entirely-" * 3), token) is None


def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "VERIFIED_TOKENS_KEPT", 3)
    settings = _settings("bounded-memory-key-" * 3)
    issued = [issue_access_token(settings, uuid4())[0] for _ in range(5)]
    for token in issued:
        assert verify_access_token(settings, token) is not None
    assert list(tokens._key_set(settings).verified) == issued[2:]
