"""Revoked sign-in sessions (the ``sid`` of access tokens), kept in memory.

An access token is checked against this set on every request and a WebSocket watches
its own ``sid``, so signing out or a refresh-token reuse ends the session's access tokens
at once instead of when they expire. Each entry lives as long as a token issued before
the revocation could (``until``); services/revocations.py fills the set from the broker
and the database, shared by every replica.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from uuid import UUID

Clock = Callable[[], float]


class RevokedSessions:
    def __init__(self, clock: Clock = time.time) -> None:
        self._clock = clock
        self._until: dict[UUID, float] = {}
        self._watchers: dict[UUID, set[Callable[[], None]]] = {}
        self._next_prune = 0.0

    def __contains__(self, sid: object) -> bool:
        until = self._until.get(sid) if isinstance(sid, UUID) else None
        return until is not None and until > self._clock()

    def __len__(self) -> int:
        return len(self._until)

    def add(self, sid: UUID, until: float) -> None:
        """Revoke ``sid`` until ``until`` (seconds since the epoch); its watchers are called."""
        now = self._clock()
        if until <= now:
            return
        self._until[sid] = max(until, self._until.get(sid, 0.0))
        for callback in tuple(self._watchers.pop(sid, ())):
            callback()
        if now >= self._next_prune:
            self.prune()

    def watch(self, sid: UUID, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` once when ``sid`` is revoked (now, if it already is); returns
        the function that stops watching."""
        if sid in self:
            callback()
            return lambda: None
        self._watchers.setdefault(sid, set()).add(callback)

        def unwatch() -> None:
            watchers = self._watchers.get(sid)
            if watchers is not None:
                watchers.discard(callback)
                if not watchers:
                    del self._watchers[sid]

        return unwatch

    def prune(self) -> None:
        """Forget revocations whose tokens have all expired."""
        now = self._clock()
        self._until = {sid: until for sid, until in self._until.items() if until > now}
        self._next_prune = now + 60
