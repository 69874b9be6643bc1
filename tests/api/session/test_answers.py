"""answerSubmit and EnvironmentSession.answers over GraphQL."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.schema import schema
from rangex_graphql.api.scopes import MUTATION_SCOPES
from rangex_graphql.api.session.answers import AnswerErrorCode
from rangex_graphql.broker import MemoryBroker, topic_for_user
from rangex_graphql.models import (
    EnvironmentSession,
    Question,
    QuestionAnswerKey,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import QuestionKind, SessionState, UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.services.sessions.flags import issue_session_flags
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

pytestmark = pytest.mark.usefixtures("db")

K = QuestionKind

SUBMIT = """
mutation($input: AnswerSubmitInput!) {
  answerSubmit(input: $input) {
    result { correct pointsAwarded attemptsUsed attemptsLeft sessionScore }
    errors { field code message }
  }
}
"""

ANSWERS = """
query($id: ID!) {
  node(id: $id) {
    ... on EnvironmentSession {
      score
      answers {
        question { id prompt }
        attempts attemptsLeft correct pointsAwarded answeredAt
      }
    }
  }
}
"""

SESSIONS_WITH_ANSWERS = """
query {
  viewer {
    totalScore
    sessions(first: 20) {
      nodes { score answers { question { prompt } attempts attemptsLeft correct } }
    }
  }
}
"""


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    built = build_runtime(
        settings, driver=SimulatedDriver(SimulatedDelays.none()), broker=MemoryBroker()
    )
    yield built
    await built.aclose()


async def question(
    version: ScenarioVersion,
    kind: QuestionKind,
    expected: list[str],
    *,
    choices: tuple[str, ...] = (),
    points: int = 10,
    max_attempts: int = 15,
    session_flag_env: str | None = None,
) -> Question:
    created = await Question.create(
        version=version,
        prompt=f"{kind.value} question",
        kind=kind,
        points=points,
        max_attempts=max_attempts,
        choices=list(choices),
        session_flag_env=session_flag_env,
        position=await Question.filter(version=version).count(),
    )
    await QuestionAnswerKey.create(question=created, expected=expected)
    return created


async def learner_with_session(
    state: SessionState = SessionState.RUNNING,
) -> tuple[User, ScenarioVersion, EnvironmentSession]:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0)
    return owner, version, await factories.session(owner, version, state)


def submit_input(session: Any, question_: Any, *answer: str) -> dict[str, Any]:
    return {
        "input": {
            "session": session if isinstance(session, str) else gid(session),
            "question": question_ if isinstance(question_, str) else gid(question_),
            "answer": list(answer),
        }
    }


def gid(row: EnvironmentSession | Question) -> str:
    name = "EnvironmentSession" if isinstance(row, EnvironmentSession) else "Question"
    return to_global_id(name, row.id)


async def submit(
    settings: Settings, runtime: Runtime, who: User, variables: dict[str, Any]
) -> dict[str, Any]:
    data = await data_of(settings, SUBMIT, variables, as_user=who, runtime=runtime)
    payload: dict[str, Any] = data["answerSubmit"]
    return payload


# --- answerSubmit -------------------------------------------------------------------------


async def test_a_right_answer_returns_the_result_and_scores(
    settings: Settings, runtime: Runtime
) -> None:
    owner, version, session = await learner_with_session()
    mc = await question(version, K.MULTIPLE_CHOICE, ["a", "c"], choices=("a", "b", "c"))

    wrong = await submit(settings, runtime, owner, submit_input(session, mc, "a"))
    right = await submit(settings, runtime, owner, submit_input(session, mc, "c", "a"))

    assert wrong == {
        "result": {
            "correct": False,
            "pointsAwarded": 0,
            "attemptsUsed": 1,
            "attemptsLeft": 14,
            "sessionScore": 0,
        },
        "errors": [],
    }
    assert right["result"] == {
        "correct": True,
        "pointsAwarded": 10,
        "attemptsUsed": 2,
        "attemptsLeft": 13,
        "sessionScore": 10,
    }
    assert (await User.get(id=owner.id)).total_score == 10


async def test_errors_carry_a_code_and_a_field_path(settings: Settings, runtime: Runtime) -> None:
    owner, version, session = await learner_with_session()
    q = await question(version, K.SINGLE_CHOICE, ["a"], choices=("a", "b"), max_attempts=1)
    _, other_version, someone_elses = await learner_with_session()
    foreign_q = await question(other_version, K.SHORT_ANSWER, ["x"])
    _, _, terminated = await learner_with_session(SessionState.TERMINATED)
    await EnvironmentSession.filter(id=terminated.id).update(user_id=owner.id)
    expired = await factories.session(owner, version, SessionState.EXPIRED)
    long_ago = datetime.now(UTC) - timedelta(minutes=settings.answer_grace_minutes + 1)
    await EnvironmentSession.filter(id=expired.id).update(ended_at=long_ago)

    cases = [
        (submit_input(someone_elses, foreign_q, "x"), "SESSION_NOT_FOUND", "input.session"),
        (submit_input("not-an-id", q, "a"), "SESSION_NOT_FOUND", "input.session"),
        (submit_input(gid(q), q, "a"), "SESSION_NOT_FOUND", "input.session"),
        (submit_input(session, foreign_q, "x"), "QUESTION_NOT_IN_SESSION", "input.question"),
        (submit_input(session, gid(session), "x"), "QUESTION_NOT_IN_SESSION", "input.question"),
        (submit_input(session, q, "z"), "INVALID_ANSWER", "input.answer"),
        (submit_input(session, q), "INVALID_ANSWER", "input.answer"),
        (submit_input(terminated, foreign_q, "x"), "QUESTION_NOT_IN_SESSION", "input.question"),
        (submit_input(expired, q, "a"), "GRACE_PERIOD_OVER", "input.session"),
    ]
    for variables, code, field in cases:
        payload = await submit(settings, runtime, owner, variables)
        assert payload["result"] is None
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], variables

    await submit(settings, runtime, owner, submit_input(session, q, "b"))
    payload = await submit(settings, runtime, owner, submit_input(session, q, "a"))
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("NO_ATTEMPTS_LEFT", "input.question")
    ]


async def test_a_terminated_session_takes_no_answer(settings: Settings, runtime: Runtime) -> None:
    owner, version, session = await learner_with_session(SessionState.TERMINATED)
    q = await question(version, K.SHORT_ANSWER, ["yes"])

    payload = await submit(settings, runtime, owner, submit_input(session, q, "yes"))

    assert [e["code"] for e in payload["errors"]] == ["SESSION_NOT_ACTIVE"]


async def test_answering_needs_a_signed_in_user_and_the_sessions_scope(
    settings: Settings, runtime: Runtime
) -> None:
    owner, version, session = await learner_with_session()
    q = await question(version, K.SHORT_ANSWER, ["yes"])
    variables = submit_input(session, q, "yes")

    data, errors = await run(settings, SUBMIT, variables, runtime=runtime)
    assert data is None
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]

    assert MUTATION_SCOPES["answerSubmit"] is ApiScope.SESSIONS
    for scopes, allowed in (({ApiScope.READ}, False), ({ApiScope.READ, ApiScope.SESSIONS}, True)):
        viewer = Viewer(id=owner.id, role=UserRole.USER, scopes=frozenset(scopes))
        context = Context(settings=settings, viewer=viewer, runtime=runtime)
        result = await schema.execute(SUBMIT, variable_values=variables, context_value=context)
        if allowed:
            assert result.errors is None
            assert result.data is not None
            assert result.data["answerSubmit"]["result"]["correct"] is True
        else:
            assert result.errors
            assert result.errors[0].extensions == {"code": "FORBIDDEN"}


async def test_a_submission_is_published_to_the_owner(settings: Settings, runtime: Runtime) -> None:
    owner, version, session = await learner_with_session()
    q = await question(version, K.SHORT_ANSWER, ["yes"])
    subscription = await runtime.broker.subscribe([topic_for_user(owner.id)])

    await submit(settings, runtime, owner, submit_input(session, q, "yes"))

    message = await asyncio.wait_for(anext(aiter(subscription)), 1)
    assert (message["action"], message["sessionId"], message["state"]) == (
        "answer",
        str(session.id),
        "RUNNING",
    )


async def test_expected_answers_and_flags_never_appear_in_a_response(
    settings: Settings, runtime: Runtime
) -> None:
    owner, version, session = await learner_with_session()
    static = await question(version, K.FLAG, ["FLAG{static-secret}"])
    per_session = await question(version, K.FLAG, ["unused"], session_flag_env="TARGET_FLAG")
    short = await question(version, K.SHORT_ANSWER, ["expected-secret"])
    flag = (await issue_session_flags(session.id, version.id, settings))["TARGET_FLAG"]

    responses = [
        await submit(settings, runtime, owner, submit_input(session, static, "nope")),
        await submit(settings, runtime, owner, submit_input(session, short, "nope")),
        await submit(settings, runtime, owner, submit_input(session, per_session, flag)),
        await submit(settings, runtime, owner, submit_input(session, per_session, flag)),
        await data_of(settings, ANSWERS, {"id": gid(session)}, as_user=owner, runtime=runtime),
    ]

    text = str(responses)
    for secret in ("FLAG{static-secret}", "expected-secret", flag, "unused"):
        assert secret not in text
    assert responses[3]["errors"][0]["code"] == "ALREADY_ANSWERED"
    assert "ALREADY_ANSWERED" in {c.name for c in AnswerErrorCode}


# --- EnvironmentSession.answers -----------------------------------------------------------


async def test_answers_list_every_question_with_the_learners_progress(
    settings: Settings, runtime: Runtime
) -> None:
    owner, version, session = await learner_with_session()
    first = await question(version, K.SHORT_ANSWER, ["yes"], points=5, max_attempts=3)
    second = await question(version, K.TRUE_FALSE, ["True"], choices=("True", "False"))
    untouched = await question(version, K.SHORT_ANSWER, ["later"], max_attempts=4)
    await submit(settings, runtime, owner, submit_input(session, first, "no"))
    await submit(settings, runtime, owner, submit_input(session, first, "yes"))
    await submit(settings, runtime, owner, submit_input(session, second, "False"))

    node = (await data_of(settings, ANSWERS, {"id": gid(session)}, as_user=owner))["node"]

    assert node["score"] == 5
    listed = [
        (a["question"]["id"], a["attempts"], a["attemptsLeft"], a["correct"], a["pointsAwarded"])
        for a in node["answers"]
    ]
    assert listed == [
        (gid(first), 2, 1, True, 5),
        (gid(second), 1, 14, False, 0),
        (gid(untouched), 0, 4, False, 0),
    ]
    assert node["answers"][0]["answeredAt"] is not None
    assert node["answers"][2]["answeredAt"] is None


async def test_answers_are_the_owners_and_admins_only(settings: Settings) -> None:
    _owner, version, session = await learner_with_session()
    await question(version, K.SHORT_ANSWER, ["yes"])

    variables = {"id": gid(session)}
    stranger = await data_of(settings, ANSWERS, variables, as_user=await factories.user())
    admin = await factories.user(UserRole.ADMIN)
    admin_view = await data_of(settings, ANSWERS, variables, as_user=admin)

    assert stranger["node"] is None
    assert len(admin_view["node"]["answers"]) == 1


async def _learners_with_answers(settings: Settings, runtime: Runtime, sessions: int) -> User:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0)
    questions = [await question(version, K.SHORT_ANSWER, ["yes"]) for _ in range(3)]
    for _ in range(sessions):
        session = await factories.session(owner, version)
        for q in questions[:2]:
            await submit(settings, runtime, owner, submit_input(session, q, "yes"))
    return owner


async def test_statements_for_session_answers_do_not_depend_on_row_counts(
    settings: Settings, runtime: Runtime, sql_counter: StatementCounter
) -> None:
    counts = []
    for sessions in (1, 6):
        owner = await _learners_with_answers(settings, runtime, sessions)
        sql_counter.reset()
        data = await data_of(settings, SESSIONS_WITH_ANSWERS, as_user=owner)
        counts.append(sql_counter.count)
        nodes = data["viewer"]["sessions"]["nodes"]
        assert len(nodes) == sessions
        assert all(len(n["answers"]) == 3 for n in nodes)
        assert data["viewer"]["totalScore"] == 20  # the best session of the version
    assert counts[0] == counts[1], counts


def test_every_code_the_answer_service_raises_is_in_the_schema(repo_root: Path) -> None:
    text = (repo_root / "rangex_graphql" / "services" / "sessions" / "answers.py").read_text()
    raised = set(re.findall(r"DomainError\(\s*\w+Code\.([A-Z_]+)", text))
    api = (repo_root / "rangex_graphql" / "api" / "session" / "answers.py").read_text()
    raised |= set(re.findall(r"AnswerCode\.([A-Z_]+), answers\.[A-Z_]+_FIELD", api))
    assert {"SESSION_NOT_FOUND", "NO_ATTEMPTS_LEFT", "QUESTION_NOT_IN_SESSION"} <= raised
    assert raised <= {c.name for c in AnswerErrorCode}


async def test_statements_for_a_submission_do_not_depend_on_row_counts(
    settings: Settings, runtime: Runtime, sql_counter: StatementCounter
) -> None:
    counts = []
    for sessions in (1, 6):
        owner = await _learners_with_answers(settings, runtime, sessions)
        session = await EnvironmentSession.filter(user_id=owner.id).first()
        assert session is not None
        version_id = session.version_id  # type: ignore[attr-defined]
        last = await Question.filter(version_id=version_id).order_by("-position").first()
        assert last is not None
        sql_counter.reset()
        payload = await submit(settings, runtime, owner, submit_input(session, last, "yes"))
        counts.append(sql_counter.count)
        assert payload["result"]["correct"] is True
    assert counts[0] == counts[1], counts
