"""Hint penalties in event scores: each hint's penalty once per registration (a team pays
a hint once, however many of its members unlock it), unlocked before a cutoff if any.

``PENALTIES_BY_REGISTRATION`` is the subquery the event leaderboard joins, one row per
registration with a penalty; ``registration_penalty`` reads one registration's total."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ...models import HintUnlock

# Placeholders, in order: the event id, then the cutoff when ``{cutoff}`` is filled.
PENALTIES_BY_REGISTRATION = (
    "SELECT h.registration_id, SUM(h.penalty) AS penalty FROM ("
    "SELECT u.registration_id, u.hint_id, MAX(u.penalty_points) AS penalty "
    "FROM hint_unlock u WHERE u.event_id = {mark}{cutoff} "
    "GROUP BY u.registration_id, u.hint_id"
    ") h GROUP BY h.registration_id"
)


def penalties_sql(mark: str, with_cutoff: bool) -> str:
    cutoff = f" AND u.unlocked_at < {mark}" if with_cutoff else ""
    return PENALTIES_BY_REGISTRATION.format(mark=mark, cutoff=cutoff)


async def registration_penalty(
    event_id: UUID, registration_id: UUID, *, cutoff: datetime | None = None
) -> int:
    unlocks = HintUnlock.filter(event_id=event_id, registration_id=registration_id)
    if cutoff is not None:
        unlocks = unlocks.filter(unlocked_at__lt=cutoff)
    penalty: dict[str, int] = {}
    for hint_id, points in await unlocks.values_list("hint_id", "penalty_points"):
        penalty[str(hint_id)] = max(penalty.get(str(hint_id), 0), int(points))
    return sum(penalty.values())
