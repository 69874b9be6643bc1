"""How many sessions the platform holds in each state (the metrics' gauge)."""

from __future__ import annotations

from tortoise.functions import Count

from ...models import EnvironmentSession
from ...models.enums import SessionState


async def sessions_by_state() -> dict[SessionState, int]:
    """Every state with its number of sessions (zero included): one grouped COUNT."""
    rows = (
        await EnvironmentSession.all()
        .annotate(count=Count("id"))
        .group_by("state")
        .values("state", "count")
    )
    counts = dict.fromkeys(SessionState, 0)
    for row in rows:
        counts[SessionState(row["state"])] = int(row["count"])
    return counts
