"""Recording a solve, and a participant's score computed from the solves.

A right answer in an event session, given inside the event's window, solves the question
for the session's registration: one ``EventSolve`` per (registration, question), so a
team's solve is its first member's and a later member's right answer adds nothing.

The question's ``EventQuestion.solves`` counter orders the solves: it is incremented in
the answer's transaction, and the row lock that UPDATE takes is held to the commit, so
the count read back is the solve's rank in commit order. Ranks 1 to 3 are bloods, whose
bonus is fixed at solve time. Points themselves are not stored per participant: a
question is worth its current value to every solver (DYNAMIC scoring falls as solves
grow), so a score is computed from the solves (``participant_score``; the event
leaderboard computes the same).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Count

from ...broker import Broker
from ...models import Event, EventQuestion, EventSolve, Notification
from ...models.enums import ScoringMode
from ..hints.penalties import registration_penalty
from ..notifications import announce, notify
from .dynamic_value import blood_bonus, question_value
from .solve_messages import publish_solve, solve_message

FIRST_BLOOD = 1
FIRST_BLOOD_KIND = "event.first_blood"


@dataclass(frozen=True, slots=True)
class Solve:
    id: UUID
    event_id: UUID
    registration_id: UUID
    question_id: UUID
    user_id: UUID
    blood: int
    bonus_points: int
    solved_at: datetime
    # The first blood's notification, announced after the commit.
    told: Notification | None = None


async def record_solve(
    *,
    event_id: UUID,
    registration_id: UUID,
    question_id: UUID,
    user_id: UUID,
    session_id: UUID,
    solved_at: datetime,
) -> Solve | None:
    """Record the solve of a right answer given at ``solved_at``, in the caller's
    transaction; None when it is no solve: outside the event's window, a question not in
    the event, or one the registration has solved already."""
    entries = await EventQuestion.filter(
        event_id=event_id,
        question_id=question_id,
        event__deleted_at__isnull=True,
        event__starts_at__lte=solved_at,
        event__ends_at__gt=solved_at,
    ).values(
        "id",
        "initial_points",
        "event__title",
        "event__first_blood_percent",
        "event__second_blood_percent",
        "event__third_blood_percent",
    )
    if not entries:
        return None
    entry = entries[0]
    try:
        # Before the counter: a team's second solve must not take a rank.
        solve = await EventSolve.create(
            event_id=event_id,
            registration_id=registration_id,
            question_id=question_id,
            user_id=user_id,
            session_id=session_id,
            solved_at=solved_at,
        )
    except IntegrityError:
        return None
    await EventQuestion.filter(id=entry["id"]).update(solves=F("solves") + 1)
    counted = await EventQuestion.filter(id=entry["id"]).values("solves")
    rank = int(counted[0]["solves"])
    # Stamped now that the counter's lock is held: solve times then follow the ranks
    # (commit order), so "who reached the score first" agrees with the bloods.
    solved_at = max(solved_at, datetime.now(UTC))
    blood = rank if rank <= 3 else 0
    bonus = 0
    told = None
    if blood:
        percents = (
            int(entry["event__first_blood_percent"]),
            int(entry["event__second_blood_percent"]),
            int(entry["event__third_blood_percent"]),
        )
        bonus = blood_bonus(int(entry["initial_points"]), blood, percents)
    await EventSolve.filter(id=solve.id).update(
        blood=blood, bonus_points=bonus, solved_at=solved_at
    )
    if blood == FIRST_BLOOD:
        told = await notify(
            user_id,
            FIRST_BLOOD_KIND,
            f"First blood in “{entry['event__title']}”",
            "You were the first to solve this question.",
            broker=None,
            event_id=event_id,
            question_id=question_id,
            solve_id=solve.id,
            bonus_points=bonus,
        )
    return Solve(
        id=solve.id,
        event_id=event_id,
        registration_id=registration_id,
        question_id=question_id,
        user_id=user_id,
        blood=blood,
        bonus_points=bonus,
        solved_at=solved_at,
        told=told,
    )


async def publish_recorded_solve(broker: Broker, solve: Solve) -> None:
    """After the commit: the solve on its event's topic, the first blood to its solver."""
    await publish_solve(
        broker,
        solve_message(
            event_id=solve.event_id,
            solve_id=solve.id,
            registration_id=solve.registration_id,
            question_id=solve.question_id,
            user_id=solve.user_id,
            blood=solve.blood,
            solved_at=solve.solved_at,
        ),
    )
    if solve.told is not None:
        await announce(solve.told.id, solve.user_id, broker)


async def participant_score(
    event_id: UUID, registration_id: UUID, *, cutoff: datetime | None = None
) -> int:
    """One registration's score: for each question it solved, the question's value at the
    number of its solves, plus the solve's blood bonus, less its hint penalties
    (``services/hints/penalties.py``). ``cutoff``: as at that instant (solves and unlocks
    before it only), e.g. the freeze time. Solves are counted from the solve rows,
    which the counter equals while no solve is removed."""
    events = await Event.filter(id=event_id).values(
        "scoring_mode", "dynamic_minimum_percent", "dynamic_decay"
    )
    if not events:
        return 0
    event = events[0]
    solves = EventSolve.filter(event_id=event_id)
    if cutoff is not None:
        solves = solves.filter(solved_at__lt=cutoff)
    mine = await solves.filter(registration_id=registration_id).values(
        "question_id", "bonus_points"
    )
    penalty = await registration_penalty(event_id, registration_id, cutoff=cutoff)
    if not mine:
        return -penalty
    questions = [row["question_id"] for row in mine]
    counted = await (
        solves.filter(question_id__in=questions)
        .group_by("question_id")
        .annotate(n=Count("id"))
        .values("question_id", "n")
    )
    solvers: Counter[str] = Counter({str(row["question_id"]): int(row["n"]) for row in counted})
    initial = {
        str(question): int(points)
        for question, points in await EventQuestion.filter(
            event_id=event_id, question_id__in=questions
        ).values_list("question_id", "initial_points")
    }
    mode = ScoringMode(event["scoring_mode"])
    return -penalty + sum(
        question_value(
            initial[str(row["question_id"])],
            solvers[str(row["question_id"])],
            mode=mode,
            minimum_percent=int(event["dynamic_minimum_percent"]),
            decay=int(event["dynamic_decay"]),
        )
        + int(row["bonus_points"])
        for row in mine
    )
