"""User.totalScore: the sum over scenario versions of the user's best session score."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.models import EnvironmentSession, Question, QuestionAnswerKey, User
from rangex_graphql.models.enums import QuestionKind
from rangex_graphql.models.scenario import ScenarioVersion
from rangex_graphql.services.sessions.answers import AnswerResult
from rangex_graphql.services.sessions.user_score import recompute_all_total_scores
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.sessions import submit

pytestmark = pytest.mark.usefixtures("db")


async def version_worth(*points: int) -> tuple[ScenarioVersion, list[Question]]:
    version = await factories.version(await factories.scenario(), questions=0)
    return version, await factories.questions_answered_yes(version, *points)


async def play(
    settings: Settings, who: User, version: ScenarioVersion, *questions: Question
) -> EnvironmentSession:
    """A new session of ``version`` answering ``questions`` right."""
    session = await factories.session(who, version)
    for question in questions:
        await answer(settings, who, session, question)
    return session


async def answer(
    settings: Settings, who: User, session: EnvironmentSession, question: Question
) -> AnswerResult:
    return await submit(settings, who, session, question, "yes")


async def total(who: User) -> int:
    return (await User.get(id=who.id)).total_score


async def test_replaying_a_version_counts_its_best_session_only(settings: Settings) -> None:
    learner = await factories.user()
    version, (thirty, twenty) = await version_worth(30, 20)

    await play(settings, learner, version, thirty)
    assert await total(learner) == 30
    await play(settings, learner, version, thirty, twenty)
    assert await total(learner) == 50
    await play(settings, learner, version, twenty)  # a worse replay
    assert await total(learner) == 50
    await play(settings, learner, version, thirty, twenty)  # as good, again
    assert await total(learner) == 50


async def test_versions_add_up(settings: Settings) -> None:
    learner = await factories.user()
    first, (a, b) = await version_worth(30, 20)
    second, (c,) = await version_worth(15)
    # A later version of the same scenario is a version of its own.
    third = await factories.version(await first.scenario, questions=0)
    d = await Question.create(version=third, prompt="?", kind=QuestionKind.SHORT_ANSWER, points=7)
    await QuestionAnswerKey.create(question=d, expected=["yes"])

    await play(settings, learner, first, a)
    await play(settings, learner, second, c)
    await play(settings, learner, first, a, b)
    await play(settings, learner, second, c)
    await play(settings, learner, third, d)

    assert await total(learner) == 50 + 15 + 7


async def test_other_learners_do_not_count(settings: Settings) -> None:
    one, other = await factories.user(), await factories.user()
    version, (q,) = await version_worth(40)
    await play(settings, one, version, q)
    await play(settings, other, version, q)
    await play(settings, other, version, q)
    assert (await total(one), await total(other)) == (40, 40)


async def test_concurrent_answers_in_several_sessions_leave_the_exact_total(
    settings: Settings,
) -> None:
    learner = await factories.user()
    first, first_questions = await version_worth(10, 20, 30)
    second, second_questions = await version_worth(5, 6)
    sessions = [
        *[(await factories.session(learner, first), first_questions) for _ in range(3)],
        *[(await factories.session(learner, second), second_questions) for _ in range(3)],
    ]

    await asyncio.gather(
        *(answer(settings, learner, s, q) for s, questions in sessions for q in questions)
    )

    assert await total(learner) == 60 + 11


async def test_the_data_migration_recomputes_every_total() -> None:
    replayer, newcomer, one_version = [await factories.user() for _ in range(3)]
    first, _ = await version_worth(100)
    second, _ = await version_worth(100)
    for score, version in ((30, first), (70, first), (20, first), (12, second)):
        session = await factories.session(replayer, version)
        await EnvironmentSession.filter(id=session.id).update(score=score)
    session = await factories.session(one_version, second)
    await EnvironmentSession.filter(id=session.id).update(score=9)
    # What the old rule left: every session's points added up.
    await User.filter(id=replayer.id).update(total_score=30 + 70 + 20 + 12)
    await User.filter(id=newcomer.id).update(total_score=5)
    await User.filter(id=one_version.id).update(total_score=9)

    await recompute_all_total_scores()

    assert await total(replayer) == 70 + 12
    assert await total(newcomer) == 0
    assert await total(one_version) == 9
