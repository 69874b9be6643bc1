"""An event's solves, newest first: the feed a dashboard shows beside the board.

While the public board is frozen, the public sees the solves before the freeze only;
organisers see them all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.queryset import QuerySet

from ...models import EventSolve

# A solve is published after its commit; a replica's reader may still be a moment behind.
SOLVE_COMMIT_WAITS = (0.0, 0.05, 0.25)


def solves_of(event_id: UUID, cutoff: datetime | None) -> QuerySet[EventSolve]:
    """The event's solves (before ``cutoff`` when given)."""
    query = EventSolve.filter(event_id=event_id)
    return query if cutoff is None else query.filter(solved_at__lt=cutoff)


async def solve_row(
    solve_id: UUID, event_id: UUID, columns: Sequence[str]
) -> dict[str, Any] | None:
    """The solve a message names, once its row is readable; None if it never is (its
    registration was withdrawn meanwhile)."""
    for delay in SOLVE_COMMIT_WAITS:
        await asyncio.sleep(delay)
        rows = await EventSolve.filter(id=solve_id, event_id=event_id).values(*columns)
        if rows:
            return rows[0]
    return None
