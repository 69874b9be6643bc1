"""How many WebSockets each holder keeps open in this process (``ws_max_connections_per_user``).

A holder is a signed-in user, or an anonymous client's address. The count is per process:
with N workers or replicas a user may hold up to N times the quota (the reverse proxy's
per-address connection limit bounds the total).
"""

from __future__ import annotations

from collections import Counter

from ..context import Viewer


def holder_of(viewer: Viewer | None, client_address: str) -> str:
    return f"user:{viewer.id}" if viewer is not None else f"address:{client_address}"


class SocketQuota:
    def __init__(self) -> None:
        self._open: Counter[str] = Counter()

    def take(self, holder: str, limit: int) -> bool:
        """Count one more socket for ``holder``; False (nothing counted) at ``limit``."""
        if self._open[holder] >= limit:
            return False
        self._open[holder] += 1
        return True

    def give_back(self, holder: str) -> None:
        self._open[holder] -= 1
        if self._open[holder] <= 0:
            del self._open[holder]

    def open_for(self, holder: str) -> int:
        return self._open[holder]


PROCESS_SOCKETS = SocketQuota()
