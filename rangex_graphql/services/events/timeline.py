"""The cumulative score of an event's top participants over time: what a dashboard plots.

Each solve adds its question's value as on the board (live, or as at the freeze) plus its
blood bonus, so the last point of a participant's line is their score on the board.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from ...models import EventSolve
from .leaderboard import Board, Standing, from_db_time

MAX_TIMELINE_TOP = 50


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    at: datetime
    score: int  # cumulative, after the solve at ``at``


@dataclass(frozen=True, slots=True)
class Timeline:
    standing: Standing
    points: list[TimelinePoint]


async def timelines(board: Board) -> list[Timeline]:
    """One line per standing of ``board`` (its top), in board order: one statement."""
    ids = [standing.registration_id for standing in board.standings]
    if not ids:
        return []
    query = EventSolve.filter(registration_id__in=ids)
    if board.cutoff is not None:
        query = query.filter(solved_at__lt=board.cutoff)
    rows = await query.order_by("solved_at", "id").values(
        "registration_id", "question_id", "solved_at", "bonus_points"
    )
    by_registration: dict[UUID, list[TimelinePoint]] = defaultdict(list)
    totals: dict[UUID, int] = defaultdict(int)
    for row in rows:
        registration_id = row["registration_id"]
        totals[registration_id] += board.values.get(row["question_id"], 0) + row["bonus_points"]
        at = from_db_time(row["solved_at"])
        assert at is not None
        by_registration[registration_id].append(TimelinePoint(at, totals[registration_id]))
    return [
        Timeline(standing, by_registration.get(standing.registration_id, []))
        for standing in board.standings
    ]
