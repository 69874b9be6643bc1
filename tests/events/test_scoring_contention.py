"""Scoring under contention: many participants answering the same DYNAMIC question at
once. Run on MariaDB with ``RANGEX_TEST_DATABASE_URL=mysql://...``: the answers then go
through the connection pool and wait on the question's row lock for real."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from rangex_graphql.models import EventQuestion, EventSolve, Notification
from rangex_graphql.models.enums import ScoringMode
from rangex_graphql.services.events.dynamic_value import blood_bonus, question_value
from rangex_graphql.services.events.scoring import participant_score
from rangex_graphql.settings import Settings
from tests.events.test_scoring import answer, solo, world

pytestmark = pytest.mark.usefixtures("db")

PARTICIPANTS = 200
INITIAL = 500


async def test_concurrent_solves_rank_bloods_once_and_score_exactly(settings: Settings) -> None:
    w = await world(INITIAL, mode=ScoringMode.DYNAMIC, dynamic_minimum_percent=10, dynamic_decay=50)
    question = w.questions[0]
    players = [await solo(w) for _ in range(PARTICIPANTS)]

    results = await asyncio.gather(
        *(answer(settings, who, session, question) for who, _, session in players)
    )

    assert all(r.correct for r in results)
    entry = await EventQuestion.get(event_id=w.event.id, question_id=question.id)
    assert entry.solves == PARTICIPANTS  # no increment lost
    solves = await EventSolve.filter(event_id=w.event.id).values(
        "registration_id", "user_id", "blood", "bonus_points", "solved_at"
    )
    assert len(solves) == PARTICIPANTS
    assert len({s["registration_id"] for s in solves}) == PARTICIPANTS
    bloods = Counter(s["blood"] for s in solves)
    assert bloods == {1: 1, 2: 1, 3: 1, 0: PARTICIPANTS - 3}
    # Solve times follow the ranks: the board's "reached first" agrees with the bloods.
    at = {s["blood"]: s["solved_at"] for s in solves if s["blood"]}
    later = min(s["solved_at"] for s in solves if not s["blood"])
    assert at[1] <= at[2] <= at[3] <= later
    percents = (5, 3, 1)
    for s in solves:
        assert s["bonus_points"] == blood_bonus(INITIAL, s["blood"], percents)
    first = next(s for s in solves if s["blood"] == 1)
    told = await Notification.filter(kind="event.first_blood").values_list("user_id", flat=True)
    assert [str(u) for u in told] == [str(first["user_id"])]

    value = question_value(
        INITIAL, PARTICIPANTS, mode=ScoringMode.DYNAMIC, minimum_percent=10, decay=50
    )
    bonus_of = {str(s["registration_id"]): int(s["bonus_points"]) for s in solves}
    scores = await asyncio.gather(*(participant_score(w.event.id, r.id) for _, r, _ in players))
    assert sorted(scores) == sorted(value + bonus_of[str(r.id)] for _, r, _ in players)
    for (_, registration, _), score in zip(players, scores, strict=True):
        assert score == value + bonus_of[str(registration.id)]
    assert sorted(scores, reverse=True)[:4] == [value + 25, value + 15, value + 5, value]
