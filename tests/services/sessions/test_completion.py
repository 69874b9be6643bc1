"""A session whose questions are all answered right ends, completed, once; the learner hears."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Notification,
    Question,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import ResourceProfile, SessionState
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions.answers import AnswerResult, submit_answer
from rangex_graphql.services.sessions.start import StartRequest, start
from tests import factories
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


async def running_session(
    runtime: Runtime, questions: int = 2
) -> tuple[User, EnvironmentSession, list[Question]]:
    """A session started and provisioned on the simulated engine, with FLAG questions
    answered by ``FLAG{i}``."""
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=1, questions=questions)
    session = await start(
        runtime, Actor(learner.id), StartRequest(version.id, ResourceProfile.MICRO, 60), SYSTEM
    )
    await settle(runtime)
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING
    return learner, session, await Question.filter(version_id=version.id).order_by("position")


async def answer(
    runtime: Runtime, learner: User, session: EnvironmentSession, question: Question, value: str
) -> AnswerResult:
    return await submit_answer(
        learner.id,
        session.id,
        question.id,
        [value],
        settings=runtime.settings,
        broker=runtime.broker,
        meta=SYSTEM,
        runtime=runtime,
    )


async def completions(learner: User) -> list[Notification]:
    return await Notification.filter(user_id=learner.id, kind="session.completed")


async def test_answering_the_last_question_right_completes_the_session(runtime: Runtime) -> None:
    learner, session, questions = await running_session(runtime)

    await answer(runtime, learner, session, questions[0], "FLAG{0}")
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING
    await answer(runtime, learner, session, questions[1], "FLAG{1}")

    ended = await EnvironmentSession.get(id=session.id)
    assert (ended.state, ended.end_reason) == (S.TERMINATED, "completed")
    assert ended.ended_at is not None
    assert str(session.id) not in await runtime.driver.list_owned()
    [notification] = await completions(learner)
    assert notification.title == "Challenge completed"
    assert notification.data["session_id"] == str(session.id)
    assert notification.data["score"] == 20
    assert await AuditLog.filter(action="session.complete", target_id=str(session.id)).count() == 2


async def test_an_incomplete_session_stays_running(runtime: Runtime) -> None:
    learner, session, questions = await running_session(runtime)

    await answer(runtime, learner, session, questions[0], "FLAG{0}")
    await answer(runtime, learner, session, questions[1], "wrong")

    row = await EnvironmentSession.get(id=session.id)
    assert (row.state, row.end_reason) == (S.RUNNING, None)
    assert str(session.id) in await runtime.driver.list_owned()
    assert await completions(learner) == []


async def test_without_a_runtime_an_answer_completes_nothing(runtime: Runtime) -> None:
    """Callers without the engine (scripts, tests) record answers only."""
    learner, session, questions = await running_session(runtime, questions=1)

    await submit_answer(
        learner.id,
        session.id,
        questions[0].id,
        ["FLAG{0}"],
        settings=runtime.settings,
        broker=runtime.broker,
        meta=SYSTEM,
    )

    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


async def test_a_paused_session_completes_too(runtime: Runtime) -> None:
    from rangex_graphql.services.sessions import controls

    learner, session, questions = await running_session(runtime, questions=1)
    await controls.pause(runtime, Actor(learner.id), session.id, SYSTEM)

    await answer(runtime, learner, session, questions[0], "FLAG{0}")

    ended = await EnvironmentSession.get(id=session.id)
    assert (ended.state, ended.end_reason) == (S.TERMINATED, "completed")
    assert len(await completions(learner)) == 1


async def test_an_expired_session_answered_in_its_grace_period_stays_expired(
    runtime: Runtime,
) -> None:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=0, questions=1)
    session = await factories.session(learner, version, S.EXPIRED)
    await EnvironmentSession.filter(id=session.id).update(end_reason="expired")
    question = await Question.get(version_id=version.id)

    result = await answer(runtime, learner, session, question, "FLAG{0}")

    assert result.correct
    row = await EnvironmentSession.get(id=session.id)
    assert (row.state, row.end_reason) == (S.EXPIRED, "expired")
    assert await completions(learner) == []


async def test_two_last_answers_at_once_complete_the_session_once(runtime: Runtime) -> None:
    learner, session, questions = await running_session(runtime, questions=2)

    results = await asyncio.gather(
        answer(runtime, learner, session, questions[0], "FLAG{0}"),
        answer(runtime, learner, session, questions[1], "FLAG{1}"),
    )

    assert all(r.correct for r in results)
    ended = await EnvironmentSession.get(id=session.id)
    assert (ended.state, ended.end_reason) == (S.TERMINATED, "completed")
    assert len(await completions(learner)) == 1
    terminated = [
        a
        for a in await AuditLog.filter(action="session.complete", target_id=str(session.id))
        if a.data["state"] == "TERMINATED"
    ]
    assert len(terminated) == 1


async def test_an_event_session_completes_like_any_other(runtime: Runtime) -> None:
    from rangex_graphql.models import EventParticipant, EventRegistration

    event = await factories.event()
    version: ScenarioVersion = await factories.version(
        await factories.scenario(), machines=1, questions=1
    )
    await factories.event_entry(event, version)
    learner = await factories.user()
    registration = await EventRegistration.create(event=event, user=learner)
    await EventParticipant.create(event=event, registration=registration, user=learner)
    session = await start(
        runtime,
        Actor(learner.id),
        StartRequest(version.id, ResourceProfile.MICRO, 60, event.id),
        SYSTEM,
    )
    await settle(runtime)
    question = await Question.get(version_id=version.id)

    await answer(runtime, learner, session, question, "FLAG{0}")

    ended = await EnvironmentSession.get(id=session.id)
    assert (ended.state, ended.end_reason) == (S.TERMINATED, "completed")
    assert ended.event_id == event.id  # type: ignore[attr-defined]
    assert len(await completions(learner)) == 1
