"""Answering a session's questions: correctness per kind, attempts, grace, scores, races."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.broker import MemoryBroker, topic_for_session
from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Question,
    QuestionAnswerKey,
    ScenarioVersion,
    SessionAnswer,
    User,
)
from rangex_graphql.models.enums import QuestionKind, SessionState, UserRole
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions.answers import AnswerResult
from rangex_graphql.services.sessions.flags import issue_session_flags
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.sessions import submit

pytestmark = pytest.mark.usefixtures("db")

K = QuestionKind
S = SessionState


async def add_question(
    version: ScenarioVersion,
    kind: QuestionKind,
    expected: list[str],
    *,
    choices: tuple[str, ...] = (),
    points: int = 10,
    max_attempts: int = 15,
    case_sensitive: bool = False,
    session_flag_env: str | None = None,
    regex: bool = False,
) -> Question:
    question = await Question.create(
        version=version,
        prompt=f"A {kind.value} question?",
        kind=kind,
        points=points,
        max_attempts=max_attempts,
        choices=list(choices),
        session_flag_env=session_flag_env,
    )
    await QuestionAnswerKey.create(
        question=question, expected=expected, case_sensitive=case_sensitive, regex=regex
    )
    return question


async def learner_session(
    state: SessionState = S.RUNNING, **fields: Any
) -> tuple[User, ScenarioVersion, EnvironmentSession]:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0)
    session = await factories.session(owner, version, state)
    if fields:
        await EnvironmentSession.filter(id=session.id).update(**fields)
    return owner, version, session


async def refused(
    settings: Settings,
    who: User,
    session: EnvironmentSession,
    question: Question,
    *answer: str,
) -> DomainError:
    with pytest.raises(DomainError) as caught:
        await submit(settings, who, session, question, *answer)
    return caught.value


# --- correctness per kind -----------------------------------------------------------------

CASES: list[tuple[QuestionKind, dict[str, Any], list[list[str]], list[list[str]]]] = [
    (
        K.SINGLE_CHOICE,
        {"expected": ["22"], "choices": ("21", "22", "23")},
        [["22"], [" 22 "]],
        [["21"]],
    ),
    (
        K.TRUE_FALSE,
        {"expected": ["False"], "choices": ("True", "False")},
        [["False"]],
        [["True"]],
    ),
    (
        K.MULTIPLE_CHOICE,
        {"expected": ["Telnet", "FTP"], "choices": ("Telnet", "FTP", "SSH")},
        [["FTP", "Telnet"], ["Telnet", "FTP"]],
        [["Telnet"], ["Telnet", "FTP", "SSH"], ["SSH"]],
    ),
    (
        K.SHORT_ANSWER,
        {"expected": ["X-Content-Type-Options", "nosniff"]},
        [["x-content-type-options"], ["  NOSNIFF "]],
        [["X-Frame-Options"], ["no sniff"]],
    ),
    (
        K.FLAG,
        {"expected": ["FLAG{static}"]},
        [["FLAG{static}"], ["FLAG{static}\n"]],
        [["flag{static}"], ["FLAG{other}"]],
    ),
    (
        K.MATCHING,
        {"expected": ["22=SSH", "443=HTTPS"], "choices": ("SSH", "HTTPS", "VNC")},
        [["443=HTTPS", "22=SSH"], [" 22 = SSH", "443=HTTPS"]],
        [["22=HTTPS", "443=SSH"], ["22=SSH"], ["22=SSH", "443=VNC"]],
    ),
    (
        K.ORDERING,
        {"expected": ["recon", "exploit", "persist"], "choices": ("exploit", "persist", "recon")},
        [["recon", "exploit", "persist"], [" recon", "exploit ", "persist"]],
        [["exploit", "recon", "persist"], ["persist", "exploit", "recon"]],
    ),
    (
        K.SHORT_ANSWER,
        {"expected": [r"10\.0\.0\.\d{1,3}", "localhost"], "regex": True},
        [["10.0.0.7"], [" 10.0.0.254 "], ["LOCALHOST"]],
        [["10.0.0.1234"], ["x10.0.0.7"], ["10.0.0.7 and more"], ["10a0b0c7"]],
    ),
]


@pytest.mark.parametrize(
    ("kind", "key", "right", "wrong"),
    CASES,
    ids=[c[0].value + ("-regex" if c[1].get("regex") else "") for c in CASES],
)
async def test_each_kind_is_checked_by_its_rule(
    settings: Settings,
    kind: QuestionKind,
    key: dict[str, Any],
    right: list[list[str]],
    wrong: list[list[str]],
) -> None:
    for answer in right:
        owner, version, session = await learner_session()
        question = await add_question(version, kind, **key)
        result = await submit(settings, owner, session, question, *answer)
        assert (result.correct, result.points_awarded) == (True, 10), answer
    for answer in wrong:
        owner, version, session = await learner_session()
        question = await add_question(version, kind, **key)
        result = await submit(settings, owner, session, question, *answer)
        assert (result.correct, result.points_awarded) == (False, 0), answer


async def test_a_case_sensitive_short_answer_wants_the_exact_case(settings: Settings) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, K.SHORT_ANSWER, ["-sV"], case_sensitive=True)

    assert not (await submit(settings, owner, session, question, "-sv")).correct
    assert (await submit(settings, owner, session, question, "-sV")).correct


MALFORMED: list[tuple[QuestionKind, tuple[str, ...], list[str]]] = [
    (K.SINGLE_CHOICE, ("a", "b"), ["a", "b"]),
    (K.SINGLE_CHOICE, ("a", "b"), ["c"]),
    (K.SHORT_ANSWER, (), []),
    (K.SHORT_ANSWER, (), ["   "]),
    (K.MULTIPLE_CHOICE, ("a", "b"), ["a", "a"]),
    (K.MATCHING, ("x", "y"), ["1"]),
    (K.MATCHING, ("x", "y"), ["1=x", "1=y"]),
    (K.MATCHING, ("x", "y"), ["1=z"]),
    (K.FLAG, (), ["a", "b"]),
    (K.ORDERING, ("a", "b", "c"), ["a", "b"]),
    (K.ORDERING, ("a", "b"), ["a", "z"]),
    (K.ORDERING, ("a", "b"), ["a", "a"]),
    (K.ORDERING, ("a", "b"), ["b", "a", "c"]),
]


@pytest.mark.parametrize(("kind", "choices", "answer"), MALFORMED)
async def test_a_malformed_answer_is_refused_without_using_an_attempt(
    settings: Settings, kind: QuestionKind, choices: tuple[str, ...], answer: list[str]
) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, kind, ["a"], choices=choices)

    error = await refused(settings, owner, session, question, *answer)

    assert (error.code, error.field) == ("INVALID_ANSWER", "input.answer")
    assert await SessionAnswer.filter(session_id=session.id).count() == 0


async def test_an_answer_takes_10000_characters_and_no_more(settings: Settings) -> None:
    owner, version, session = await learner_session()
    longest = "x" * 10_000
    question = await add_question(version, K.SHORT_ANSWER, [longest])
    items = await add_question(version, K.ORDERING, ["a", "b"], choices=("b", "a"))

    error = await refused(settings, owner, session, items, "a", longest + "y")
    assert (error.code, error.field) == ("INVALID_ANSWER", "input.answer.1")
    assert "10,000" in error.message
    assert await SessionAnswer.filter(session_id=session.id).count() == 0
    assert (await submit(settings, owner, session, question, longest)).correct


# --- who and when -------------------------------------------------------------------------


async def test_only_the_owner_answers_not_even_an_admin(settings: Settings) -> None:
    _owner, version, session = await learner_session()
    question = await add_question(version, K.SHORT_ANSWER, ["yes"])

    for other in (await factories.user(), await factories.user(UserRole.ADMIN)):
        error = await refused(settings, other, session, question, "yes")
        assert (error.code, error.field) == ("SESSION_NOT_FOUND", "input.session")
    assert await SessionAnswer.filter(session_id=session.id).count() == 0
    assert (await EnvironmentSession.get(id=session.id)).score == 0


async def test_a_question_of_another_version_is_not_in_the_session(settings: Settings) -> None:
    owner, _, session = await learner_session()
    other_version = await factories.version(await factories.scenario(), questions=0)
    foreign = await add_question(other_version, K.SHORT_ANSWER, ["yes"])

    error = await refused(settings, owner, session, foreign, "yes")

    assert (error.code, error.field) == ("QUESTION_NOT_IN_SESSION", "input.question")


@pytest.mark.parametrize(
    "state", [S.REQUESTED, S.PROVISIONING, S.TERMINATING, S.TERMINATED, S.FAILED]
)
async def test_a_session_not_running_takes_no_answer(
    settings: Settings, state: SessionState
) -> None:
    owner, version, session = await learner_session(state, ended_at=datetime.now(UTC))
    question = await add_question(version, K.SHORT_ANSWER, ["yes"])

    error = await refused(settings, owner, session, question, "yes")

    assert (error.code, error.field) == ("SESSION_NOT_ACTIVE", "input.session")
    assert await SessionAnswer.filter(session_id=session.id).count() == 0
    assert (await User.get(id=owner.id)).total_score == 0


async def test_a_paused_session_takes_answers(settings: Settings) -> None:
    owner, version, session = await learner_session(S.PAUSED)
    question = await add_question(version, K.SHORT_ANSWER, ["yes"])

    assert (await submit(settings, owner, session, question, "yes")).correct


async def test_an_expired_session_takes_answers_during_the_grace_only(settings: Settings) -> None:
    grace = timedelta(minutes=settings.answer_grace_minutes)
    now = datetime.now(UTC)
    owner, version, recent = await learner_session(S.EXPIRED, ended_at=now - grace / 2)
    question = await add_question(version, K.SHORT_ANSWER, ["yes"])
    assert (await submit(settings, owner, recent, question, "yes")).correct

    late = await factories.session(owner, version, S.EXPIRED)
    await EnvironmentSession.filter(id=late.id).update(ended_at=now - grace - timedelta(seconds=5))
    error = await refused(settings, owner, late, question, "yes")
    assert (error.code, error.field) == ("GRACE_PERIOD_OVER", "input.session")

    no_grace = settings.model_copy(update={"answer_grace_minutes": 0})
    error = await refused(no_grace, owner, recent, question, "yes")
    assert error.code == "GRACE_PERIOD_OVER"


# --- attempts and scores ------------------------------------------------------------------


async def test_attempts_are_limited_per_question(settings: Settings) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, K.SHORT_ANSWER, ["yes"], max_attempts=2)

    first = await submit(settings, owner, session, question, "no")
    assert (first.attempts_used, first.attempts_left) == (1, 1)
    second = await submit(settings, owner, session, question, "nope")
    assert (second.attempts_used, second.attempts_left) == (2, 0)
    error = await refused(settings, owner, session, question, "yes")
    assert (error.code, error.field) == ("NO_ATTEMPTS_LEFT", "input.question")
    row = await SessionAnswer.get(session_id=session.id, question_id=question.id)
    assert (row.attempts, row.correct, row.points_awarded) == (2, False, 0)


async def test_a_right_answer_scores_the_session_and_the_user_once(settings: Settings) -> None:
    owner, version, session = await learner_session()
    one = await add_question(version, K.SHORT_ANSWER, ["yes"], points=30)
    two = await add_question(version, K.SINGLE_CHOICE, ["b"], choices=("a", "b"), points=12)
    other_session = await factories.session(owner, version)

    assert (await submit(settings, owner, session, one, "no")).session_score == 0
    result = await submit(settings, owner, session, one, "YES")
    assert (result.correct, result.points_awarded, result.attempts_used) == (True, 30, 2)
    assert result.session_score == 30
    assert (await submit(settings, owner, session, two, "b")).session_score == 42
    assert (await submit(settings, owner, other_session, one, "yes")).session_score == 30

    error = await refused(settings, owner, session, one, "yes")
    assert (error.code, error.field) == ("ALREADY_ANSWERED", "input.question")
    assert (await EnvironmentSession.get(id=session.id)).score == 42
    # The best session of the version (42), not every session's points (72).
    assert (await User.get(id=owner.id)).total_score == 42
    row = await SessionAnswer.get(session_id=session.id, question_id=one.id)
    assert (row.attempts, row.correct, row.points_awarded) == (2, True, 30)
    assert row.answered_at is not None


@pytest.mark.parametrize("tried_before", [False, True])
async def test_concurrent_right_answers_award_the_points_once(
    settings: Settings, tried_before: bool
) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, K.SHORT_ANSWER, ["yes"], points=25)
    if tried_before:  # the answer row exists: the races are on its lock_version
        await submit(settings, owner, session, question, "no")

    outcomes = await asyncio.gather(
        *(submit(settings, owner, session, question, "yes") for _ in range(20)),
        return_exceptions=True,
    )

    won = [o for o in outcomes if isinstance(o, AnswerResult)]
    lost = [o for o in outcomes if not isinstance(o, AnswerResult)]
    assert len(won) == 1
    assert won[0].points_awarded == 25
    assert {o.code for o in lost if isinstance(o, DomainError)} == {"ALREADY_ANSWERED"}
    assert len(lost) == 19
    assert (await EnvironmentSession.get(id=session.id)).score == 25
    assert (await User.get(id=owner.id)).total_score == 25
    row = await SessionAnswer.get(session_id=session.id, question_id=question.id)
    assert (row.attempts, row.points_awarded) == (1 + tried_before, 25)


async def test_concurrent_wrong_answers_use_exactly_the_attempts_there_are(
    settings: Settings,
) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, K.SHORT_ANSWER, ["yes"], max_attempts=3)

    outcomes = await asyncio.gather(
        *(submit(settings, owner, session, question, f"no {i}") for i in range(10)),
        return_exceptions=True,
    )

    counted = sorted(o.attempts_used for o in outcomes if isinstance(o, AnswerResult))
    assert counted == [1, 2, 3]
    refusals = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(refusals) == 7
    assert {e.code for e in refusals} == {"NO_ATTEMPTS_LEFT"}
    row = await SessionAnswer.get(session_id=session.id, question_id=question.id)
    assert row.attempts == 3


# --- per-session flags --------------------------------------------------------------------


async def test_a_session_flag_is_accepted_only_in_its_own_session(settings: Settings) -> None:
    owner, version, mine = await learner_session()
    question = await add_question(
        version, K.FLAG, ["unused"], points=50, session_flag_env="TARGET_FLAG"
    )
    friend = await factories.user()
    theirs = await factories.session(friend, version)
    my_flag = (await issue_session_flags(mine.id, version.id, settings))["TARGET_FLAG"]
    their_flag = (await issue_session_flags(theirs.id, version.id, settings))["TARGET_FLAG"]

    forged = "RANGEX{" + "0" * 32 + "}"  # the shape of a flag, without the server's tag
    for wrong in (their_flag, "unused", forged):
        assert not (await submit(settings, owner, mine, question, wrong)).correct
    result = await submit(settings, owner, mine, question, my_flag)
    assert (result.correct, result.points_awarded, result.attempts_used) == (True, 50, 4)

    foreign = await AuditLog.filter(action="session.flag_foreign").values()
    assert len(foreign) == 1  # the other session's flag; not a guess, not a forged flag
    entry = foreign[0]
    assert (entry["actor_id"], entry["target_id"]) == (owner.id, str(mine.id))
    assert entry["data"]["source_session_id"] == str(theirs.id)
    assert entry["data"]["source_user_id"] == str(friend.id)
    assert my_flag not in str(entry)
    assert their_flag not in str(entry)
    stored = await SessionAnswer.get(session_id=mine.id, question_id=question.id)
    assert stored.last_answer is None  # a submitted flag is not kept in the clear


async def test_a_session_flag_question_without_a_flag_accepts_nothing(
    settings: Settings,
) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, K.FLAG, ["FLAG{x}"], session_flag_env="F")

    assert not (await submit(settings, owner, session, question, "FLAG{x}")).correct


# --- audit and events ---------------------------------------------------------------------


async def test_a_submission_is_audited_and_published_without_the_answer(
    settings: Settings,
) -> None:
    owner, version, session = await learner_session()
    question = await add_question(version, K.SHORT_ANSWER, ["s3cret-answer"])
    broker = MemoryBroker()
    subscription = await broker.subscribe([topic_for_session(session.id)])

    await submit(settings, owner, session, question, "s3cret-answer", broker=broker)

    message = await asyncio.wait_for(anext(aiter(subscription)), 1)
    assert message["type"] == "session"
    assert message["action"] == "answer"
    assert (message["sessionId"], message["userId"]) == (str(session.id), str(owner.id))
    assert message["state"] == "RUNNING"
    entry = await AuditLog.get(action="session.answer")
    assert entry.data["correct"] is True
    assert entry.data["points"] == 10
    assert "s3cret" not in str(entry.data)
    assert "s3cret" not in str(message)


async def test_a_refused_submission_publishes_nothing(settings: Settings) -> None:
    owner, version, session = await learner_session(S.TERMINATED)
    question = await add_question(version, K.SHORT_ANSWER, ["yes"])
    broker = MemoryBroker()
    subscription = await broker.subscribe([topic_for_session(session.id)])

    with pytest.raises(DomainError):
        await submit(settings, owner, session, question, "yes", broker=broker)

    await subscription.aclose()
    assert [m async for m in subscription] == []
    assert not await AuditLog.filter(action="session.answer").exists()
