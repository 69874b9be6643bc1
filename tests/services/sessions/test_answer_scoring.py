"""Scoring modes (ALL_OR_NOTHING, PER_QUESTION) and regular-expression answers cut off at
their time limit."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    ScenarioVersion,
    SessionAnswer,
    User,
)
from rangex_graphql.models.enums import QuestionKind, VersionScoringMode
from rangex_graphql.settings import Settings
from tests import factories
from tests.services.sessions.test_answers import add_question
from tests.support.sessions import submit

pytestmark = pytest.mark.usefixtures("db")

K = QuestionKind
AON = VersionScoringMode.ALL_OR_NOTHING


async def all_or_nothing_session() -> tuple[User, ScenarioVersion, EnvironmentSession]:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0, scoring_mode=AON)
    return owner, version, await factories.session(owner, version)


async def test_all_or_nothing_scores_once_every_question_is_right(settings: Settings) -> None:
    owner, version, session = await all_or_nothing_session()
    first = await add_question(version, K.SHORT_ANSWER, ["one"], points=10)
    second = await add_question(version, K.SHORT_ANSWER, ["two"], points=20)
    third = await add_question(version, K.SHORT_ANSWER, ["three"], points=30)

    right = await submit(settings, owner, session, first, "one")
    assert (right.correct, right.points_awarded, right.session_score) == (True, 0, 0)
    wrong = await submit(settings, owner, session, second, "nope")
    assert (wrong.correct, wrong.points_awarded, wrong.session_score) == (False, 0, 0)
    right = await submit(settings, owner, session, second, "two")
    assert (right.points_awarded, right.session_score) == (0, 0)
    rows = await SessionAnswer.filter(session_id=session.id).values("points_awarded")
    assert [row["points_awarded"] for row in rows] == [0, 0]

    last = await submit(settings, owner, session, third, "three")

    assert (last.correct, last.points_awarded, last.session_score) == (True, 60, 60)
    assert (await EnvironmentSession.get(id=session.id)).score == 60
    assert (await User.get(id=owner.id)).total_score == 60
    awarded = dict(
        await SessionAnswer.filter(session_id=session.id).values_list(
            "question_id", "points_awarded"
        )
    )
    assert awarded == {first.id: 10, second.id: 20, third.id: 30}


async def test_per_question_scores_each_right_answer(settings: Settings) -> None:
    owner = await factories.user()
    version = await factories.version(
        await factories.scenario(), questions=0, scoring_mode=VersionScoringMode.PER_QUESTION
    )
    session = await factories.session(owner, version)
    first = await add_question(version, K.SHORT_ANSWER, ["one"], points=10)
    await add_question(version, K.SHORT_ANSWER, ["two"], points=20)

    result = await submit(settings, owner, session, first, "one")

    assert (result.points_awarded, result.session_score) == (10, 10)


async def test_the_last_two_answers_racing_award_the_version_once(settings: Settings) -> None:
    owner, version, session = await all_or_nothing_session()
    questions = [
        await add_question(version, K.SHORT_ANSWER, [f"a{i}"], points=5 + i) for i in range(4)
    ]
    await submit(settings, owner, session, questions[0], "a0")
    await submit(settings, owner, session, questions[1], "a1")

    results = await asyncio.gather(
        submit(settings, owner, session, questions[2], "a2"),
        submit(settings, owner, session, questions[3], "a3"),
    )

    total = 5 + 6 + 7 + 8
    assert sorted(r.points_awarded for r in results) == [0, total]
    assert max(r.session_score for r in results) == total
    assert (await EnvironmentSession.get(id=session.id)).score == total
    assert (await User.get(id=owner.id)).total_score == total


async def test_a_regex_answer_out_of_time_is_wrong_audited_and_uses_its_attempt(
    settings: Settings,
) -> None:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0)
    session = await factories.session(owner, version)
    # Passes the authoring probes; "abab…!" makes it backtrack for ever.
    question = await add_question(
        version, K.SHORT_ANSWER, [r"((a[b])+)+$"], regex=True, max_attempts=3
    )
    fast = settings.model_copy(update={"answer_regex_timeout_ms": 20})

    result = await asyncio.wait_for(
        submit(fast, owner, session, question, "ab" * 4000 + "!"), timeout=30
    )

    assert (result.correct, result.timed_out, result.points_awarded) == (False, True, 0)
    assert (result.attempts_used, result.attempts_left) == (1, 2)
    audited = await AuditLog.filter(
        action="session.answer_regex_timeout", target_id=str(session.id)
    ).values_list("data", flat=True)
    assert len(audited) == 1
    assert "abab" not in str(audited[0])  # the answer itself is not kept
    right = await submit(fast, owner, session, question, "abab")
    assert (right.correct, right.timed_out, right.points_awarded) == (True, False, 10)
