"""The in-memory set of signed-out sessions: membership, expiry, watchers."""

from __future__ import annotations

from uuid import uuid4

from rangex_graphql.security.revocation import RevokedSessions


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_a_revocation_lasts_until_its_tokens_have_expired() -> None:
    clock = Clock()
    revoked = RevokedSessions(clock)
    sid, other = uuid4(), uuid4()
    revoked.add(sid, until=clock.now + 900)
    assert sid in revoked
    assert other not in revoked
    assert "not-a-uuid" not in revoked
    clock.now += 901
    assert sid not in revoked
    revoked.add(other, until=clock.now + 10)
    revoked.prune()
    assert len(revoked) == 1  # the expired entry is forgotten


def test_watchers_are_called_once_at_revocation_or_at_once_if_already_revoked() -> None:
    revoked = RevokedSessions(Clock())
    sid = uuid4()
    calls: list[str] = []
    revoked.watch(sid, lambda: calls.append("a"))
    stop = revoked.watch(sid, lambda: calls.append("stopped"))
    stop()
    revoked.add(sid, until=2_000.0)
    revoked.add(sid, until=2_000.0)
    assert calls == ["a"]
    revoked.watch(sid, lambda: calls.append("late"))
    assert calls == ["a", "late"]
