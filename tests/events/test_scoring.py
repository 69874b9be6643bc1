"""Scoring at solve time: a right answer in an event session records the registration's
solve, with its blood rank and bonus; a participant's score is computed from the solves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.broker import MemoryBroker, topic_for_event, topic_for_user
from rangex_graphql.models import (
    EnvironmentSession,
    Event,
    EventQuestion,
    EventRegistration,
    EventSolve,
    Notification,
    Question,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import ScoringMode, SessionState
from rangex_graphql.services.events.dynamic_value import blood_bonus, question_value
from rangex_graphql.services.events.scoring import participant_score
from rangex_graphql.services.sessions.answers import AnswerResult
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.recording_broker import RecordingBroker
from tests.support.sessions import submit

pytestmark = pytest.mark.usefixtures("db")


@dataclass
class World:
    event: Event
    version: ScenarioVersion
    questions: list[Question]


async def world(*points: int, mode: ScoringMode = ScoringMode.STATIC, **event_fields: Any) -> World:
    """An event with one challenge whose questions are worth ``points`` (answer "yes")."""
    version = await factories.version(await factories.scenario(), questions=0)
    event = await factories.event(scoring_mode=mode, **event_fields)
    entry = await factories.event_entry(event, version, points=sum(points))
    questions = await factories.questions_answered_yes(version, *points)
    for question, worth in zip(questions, points, strict=True):
        await EventQuestion.create(
            event=event, challenge=entry, question=question, initial_points=worth
        )
    return World(event, version, questions)


async def event_session(w: World, who: User, registration: EventRegistration) -> EnvironmentSession:
    session = await factories.session(who, w.version)
    await EnvironmentSession.filter(id=session.id).update(
        event_id=w.event.id, registration_id=registration.id
    )
    return session


async def solo(w: World) -> tuple[User, EventRegistration, EnvironmentSession]:
    who = await factories.user()
    registration = await factories.registration(w.event, user_=who)
    return who, registration, await event_session(w, who, registration)


async def answer(
    settings: Settings,
    who: User,
    session: EnvironmentSession,
    question: Question,
    value: str = "yes",
    broker: MemoryBroker | None = None,
) -> AnswerResult:
    return await submit(settings, who, session, question, value, broker=broker)


async def solves_of(registration: EventRegistration) -> list[EventSolve]:
    return await EventSolve.filter(registration_id=registration.id).order_by("solved_at")


async def test_a_right_answer_records_the_solve_with_time_and_session(
    settings: Settings,
) -> None:
    w = await world(100, 50)
    who, registration, session = await solo(w)
    before = datetime.now(UTC)

    await answer(settings, who, session, w.questions[0])

    (solve,) = await solves_of(registration)
    assert solve.event_id == w.event.id  # type: ignore[attr-defined]
    assert solve.question_id == w.questions[0].id  # type: ignore[attr-defined]
    assert solve.user_id == who.id  # type: ignore[attr-defined]
    assert solve.session_id == session.id  # type: ignore[attr-defined]
    assert before <= solve.solved_at <= datetime.now(UTC)
    assert (solve.blood, solve.bonus_points) == (1, blood_bonus(100, 1, (5, 3, 1)))
    entry = await EventQuestion.get(event_id=w.event.id, question_id=w.questions[0].id)
    assert entry.solves == 1


async def test_wrong_answers_and_sessions_outside_events_solve_nothing(
    settings: Settings,
) -> None:
    w = await world(100)
    who, _registration, session = await solo(w)
    await answer(settings, who, session, w.questions[0], "no")
    practising = await factories.session(who, w.version)  # not an event session
    await answer(settings, who, practising, w.questions[0])

    assert await EventSolve.all().count() == 0
    assert (await EventQuestion.get(question_id=w.questions[0].id)).solves == 0


async def test_the_first_three_solvers_get_bloods(settings: Settings) -> None:
    w = await world(200, first_blood_percent=10, second_blood_percent=4, third_blood_percent=2)
    players = [await solo(w) for _ in range(5)]

    for who, _, session in players:
        await answer(settings, who, session, w.questions[0])

    solves = [(await solves_of(r))[0] for _, r, _ in players]
    assert [(s.blood, s.bonus_points) for s in solves] == [
        (1, 20),
        (2, 8),
        (3, 4),
        (0, 0),
        (0, 0),
    ]


async def test_a_team_solves_a_question_once(settings: Settings) -> None:
    w = await world(100)
    first, second = await factories.user(), await factories.user()
    team = await factories.team()
    registration = await factories.registration(w.event, team_=team)
    first_session = await event_session(w, first, registration)
    second_session = await event_session(w, second, registration)
    _, rival, rival_session = await solo(w)
    rival_user = await User.get(id=rival.user_id)  # type: ignore[attr-defined]

    await answer(settings, first, first_session, w.questions[0])
    result = await answer(settings, second, second_session, w.questions[0])
    await answer(settings, rival_user, rival_session, w.questions[0])

    assert result.correct
    assert result.points_awarded == 100
    (solve,) = await solves_of(registration)
    assert solve.user_id == first.id  # type: ignore[attr-defined]
    (rival_solve,) = await solves_of(rival)
    assert rival_solve.blood == 2  # the team's second answer took no rank
    assert (await EventQuestion.get(question_id=w.questions[0].id)).solves == 2


async def test_only_answers_inside_the_event_window_solve(settings: Settings) -> None:
    now = datetime.now(UTC)
    ended = await world(100, starts_at=now - timedelta(days=2), ends_at=now - timedelta(minutes=1))
    who, registration, session = await solo(ended)
    # Answered within the session's grace, but after the event's end.
    await EnvironmentSession.filter(id=session.id).update(
        state=SessionState.EXPIRED, ended_at=now - timedelta(seconds=30)
    )
    assert (await answer(settings, who, session, ended.questions[0])).correct

    later = await world(100, starts_at=now + timedelta(hours=1), ends_at=now + timedelta(days=1))
    who, early, session = await solo(later)
    assert (await answer(settings, who, session, later.questions[0])).correct

    assert await solves_of(registration) == []
    assert await solves_of(early) == []


async def test_a_question_not_in_the_event_solves_nothing(settings: Settings) -> None:
    w = await world(100, 40)
    await EventQuestion.filter(question_id=w.questions[1].id).delete()
    who, registration, session = await solo(w)

    await answer(settings, who, session, w.questions[1])

    assert await solves_of(registration) == []


async def test_a_solve_is_published_and_a_first_blood_notified(settings: Settings) -> None:
    w = await world(100)
    (first, first_registration, first_session), (second, _, second_session) = [
        await solo(w) for _ in range(2)
    ]
    broker = RecordingBroker()

    await answer(settings, first, first_session, w.questions[0], broker=broker)
    await answer(settings, second, second_session, w.questions[0], broker=broker)

    messages = broker.on(topic_for_event(w.event.id))
    assert [(m["type"], m["userId"], m["blood"]) for m in messages] == [
        ("solve", str(first.id), 1),
        ("solve", str(second.id), 2),
    ]
    (solve,) = await solves_of(first_registration)
    assert messages[0]["solveId"] == str(solve.id)
    assert messages[0]["registrationId"] == str(first_registration.id)
    assert messages[0]["questionId"] == str(w.questions[0].id)
    told = await Notification.filter(kind="event.first_blood")
    assert [n.user_id for n in told] == [first.id]
    assert told[0].data["solve_id"] == str(solve.id)
    assert any(m["type"] == "notification" for m in broker.on(topic_for_user(first.id)))
    assert not any(m["type"] == "notification" for m in broker.on(topic_for_user(second.id)))


async def test_scores_follow_the_current_dynamic_value_plus_bloods(settings: Settings) -> None:
    w = await world(500, 100, mode=ScoringMode.DYNAMIC, dynamic_minimum_percent=20, dynamic_decay=4)
    players = [await solo(w) for _ in range(4)]
    hard, easy = w.questions
    for who, _, session in players:
        await answer(settings, who, session, easy)
    for who, _, session in players[:2]:
        await answer(settings, who, session, hard)

    def value(initial: int, solves: int) -> int:
        return question_value(
            initial, solves, mode=ScoringMode.DYNAMIC, minimum_percent=20, decay=4
        )

    expected = [
        value(100, 4) + 5 + value(500, 2) + 25,
        value(100, 4) + 3 + value(500, 2) + 15,
        value(100, 4) + 1,
        value(100, 4),
    ]
    assert value(100, 4) == 20
    assert value(500, 2) < 500
    scores = [await participant_score(w.event.id, r.id) for _, r, _ in players]
    assert scores == expected


async def test_a_static_question_is_worth_its_points_and_a_cutoff_reads_the_past(
    settings: Settings,
) -> None:
    w = await world(100, 30)
    players = [await solo(w) for _ in range(3)]
    for who, _, session in players:
        await answer(settings, who, session, w.questions[0])
    (who, registration, session) = players[2]
    await answer(settings, who, session, w.questions[1])
    first_solve = (await solves_of(registration))[0]

    assert await participant_score(w.event.id, registration.id) == 100 + 1 + 30 + 2
    # Before its second solve (and after its first), it had the first only.
    cutoff = first_solve.solved_at + timedelta(microseconds=1)
    assert await participant_score(w.event.id, registration.id, cutoff=cutoff) == 101
    assert await participant_score(w.event.id, registration.id, cutoff=w.event.starts_at) == 0
