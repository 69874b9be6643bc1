"""hintUnlock in the service: conditions, the penalty once, scores that follow it."""

from __future__ import annotations

import asyncio
from uuid import UUID, uuid4

import pytest

from rangex_graphql.models import (
    EnvironmentSession,
    Hint,
    HintUnlock,
    Question,
    ScenarioVersion,
    SessionAnswer,
    User,
)
from rangex_graphql.models.enums import (
    HintMode,
    HintUnlockCondition,
    SessionState,
    UserRole,
    VersionStatus,
)
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.hints.errors import HintCode
from rangex_graphql.services.hints.unlock import unlock_hint
from tests import factories
from tests.hints.helpers import enable_hints, hint, started_minutes_ago, wrong_attempts

pytestmark = pytest.mark.usefixtures("db")


Setup = tuple[User, ScenarioVersion, EnvironmentSession, Hint]


async def _setup(
    condition: HintUnlockCondition = HintUnlockCondition.AFTER_MINUTES,
    threshold: int = 0,
    penalty: int = 5,
) -> Setup:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), VersionStatus.PUBLISHED)
    await enable_hints(version)
    session = await factories.session(learner, version)
    made = await hint(version, condition=condition, threshold=threshold, penalty=penalty)
    return learner, version, session, made


async def _score(session: EnvironmentSession) -> int:
    return int((await EnvironmentSession.get(id=session.id)).score)


async def _refused(code: HintCode, actor: UUID, session: UUID, hint_id: UUID) -> DomainError:
    with pytest.raises(DomainError) as caught:
        await unlock_hint(actor, session, hint_id, meta=SYSTEM)
    assert caught.value.code is code, caught.value.message
    return caught.value


async def test_an_open_hint_unlocks_and_deducts_its_penalty() -> None:
    learner, _, session, made = await _setup(penalty=7)
    result = await unlock_hint(learner.id, session.id, made.id, meta=SYSTEM)
    assert result.newly_unlocked
    assert result.penalty_points == 7
    assert result.session_score == -7 == await _score(session)
    row = await HintUnlock.get(session_id=session.id, hint_id=made.id)
    assert row.penalty_points == 7
    assert row.event_id is None  # type: ignore[attr-defined]


async def test_unlocking_again_deducts_nothing() -> None:
    learner, _, session, made = await _setup(penalty=7)
    await unlock_hint(learner.id, session.id, made.id, meta=SYSTEM)
    again = await unlock_hint(learner.id, session.id, made.id, meta=SYSTEM)
    assert not again.newly_unlocked
    assert again.session_score == -7
    assert await _score(session) == -7
    assert await HintUnlock.filter(session_id=session.id).count() == 1


async def test_twenty_concurrent_unlocks_deduct_once() -> None:
    learner, _, session, made = await _setup(penalty=9)
    results = await asyncio.gather(
        *(unlock_hint(learner.id, session.id, made.id, meta=SYSTEM) for _ in range(20))
    )
    assert sum(r.newly_unlocked for r in results) == 1
    assert await _score(session) == -9
    assert await HintUnlock.filter(session_id=session.id).count() == 1
    # The user's total follows: the best session of the version, here the only one.
    assert (await User.get(id=learner.id)).total_score == -9


async def test_a_minutes_hint_is_locked_until_its_time() -> None:
    learner, _, session, made = await _setup(
        condition=HintUnlockCondition.AFTER_MINUTES, threshold=10
    )
    await started_minutes_ago(session, 9)
    error = await _refused(HintCode.HINT_LOCKED, learner.id, session.id, made.id)
    assert error.field == "input.hint"
    assert "10 minutes" in error.message
    assert await _score(session) == 0
    await started_minutes_ago(session, 10)
    assert (await unlock_hint(learner.id, session.id, made.id, meta=SYSTEM)).newly_unlocked


async def test_a_question_hint_counts_its_question_wrong_attempts_only() -> None:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=2)
    await enable_hints(version)
    session = await factories.session(learner, version)
    first, second = await Question.filter(version=version).order_by("position")
    made = await hint(
        version, question=first, condition=HintUnlockCondition.AFTER_WRONG_ATTEMPTS, threshold=2
    )
    await wrong_attempts(session, second, 5)
    await wrong_attempts(session, first, 2, correct=True)  # one wrong, then right
    await _refused(HintCode.HINT_LOCKED, learner.id, session.id, made.id)
    await _record_attempts(session, first, 3, correct=True)
    assert (await unlock_hint(learner.id, session.id, made.id, meta=SYSTEM)).newly_unlocked


async def _record_attempts(
    session: EnvironmentSession, question: Question, attempts: int, *, correct: bool
) -> None:
    await SessionAnswer.filter(session_id=session.id, question_id=question.id).update(
        attempts=attempts, correct=correct
    )


async def test_a_version_hint_counts_wrong_attempts_across_the_session() -> None:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=2)
    await enable_hints(version)
    session = await factories.session(learner, version)
    first, second = await Question.filter(version=version).order_by("position")
    made = await hint(version, condition=HintUnlockCondition.AFTER_WRONG_ATTEMPTS, threshold=3)
    await wrong_attempts(session, first, 2)
    await _refused(HintCode.HINT_LOCKED, learner.id, session.id, made.id)
    await wrong_attempts(session, second, 1)
    assert (await unlock_hint(learner.id, session.id, made.id, meta=SYSTEM)).newly_unlocked


async def test_refusals() -> None:
    learner, version, session, made = await _setup()
    other = await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    await _refused(HintCode.SESSION_NOT_FOUND, other.id, session.id, made.id)
    await _refused(HintCode.SESSION_NOT_FOUND, admin.id, session.id, made.id)
    await _refused(HintCode.HINT_NOT_FOUND, learner.id, session.id, uuid4())
    elsewhere = await hint(await factories.version(await factories.scenario()))
    await _refused(HintCode.HINT_NOT_FOUND, learner.id, session.id, elsewhere.id)
    for state in (SessionState.PAUSED, SessionState.TERMINATED, SessionState.PROVISIONING):
        await EnvironmentSession.filter(id=session.id).update(state=state)
        error = await _refused(HintCode.SESSION_NOT_RUNNING, learner.id, session.id, made.id)
        assert error.field == "input.session"
    await EnvironmentSession.filter(id=session.id).update(state=SessionState.RUNNING)
    await ScenarioVersion.filter(id=version.id).update(hint_mode=HintMode.DISABLED)
    await _refused(HintCode.HINTS_DISABLED, learner.id, session.id, made.id)
    assert await HintUnlock.all().count() == 0
    assert await _score(session) == 0
