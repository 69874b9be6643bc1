"""answerSubmit for ORDERING and regular-expression questions, long answers, and the
scoring modes, over GraphQL; authoring those questions through questionAdd."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, Question, QuestionAnswerKey, User
from rangex_graphql.models.enums import QuestionKind, UserRole, VersionScoringMode
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.authoring.conftest import Authoring, ready_version
from tests.api.graphql import data_of, run

pytestmark = pytest.mark.usefixtures("db")

K = QuestionKind
SUBMIT = """
mutation($input: AnswerSubmitInput!) {
  answerSubmit(input: $input) {
    result { correct pointsAwarded attemptsUsed sessionScore timedOut }
    errors { field code message }
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
    version: Any, kind: QuestionKind, expected: list[str], choices: tuple[str, ...] = (), **key: Any
) -> Question:
    created = await Question.create(
        version=version,
        prompt=f"{kind.value} question",
        kind=kind,
        points=10,
        choices=list(choices),
        position=await Question.filter(version=version).count(),
    )
    await QuestionAnswerKey.create(question=created, expected=expected, **key)
    return created


def variables(session: EnvironmentSession, asked: Question, *answer: str) -> dict[str, Any]:
    return {
        "input": {
            "session": to_global_id("EnvironmentSession", session.id),
            "question": to_global_id("Question", asked.id),
            "answer": list(answer),
        }
    }


async def submit(
    settings: Settings, runtime: Runtime, who: User, given: dict[str, Any]
) -> dict[str, Any]:
    data = await data_of(settings, SUBMIT, given, as_user=who, runtime=runtime)
    payload: dict[str, Any] = data["answerSubmit"]
    return payload


async def test_ordering_and_regex_answers(settings: Settings, runtime: Runtime) -> None:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0)
    session = await factories.session(owner, version)
    steps = await question(version, K.ORDERING, ["a", "b", "c"], choices=("c", "a", "b"))
    address = await question(version, K.SHORT_ANSWER, [r"10\.0\.0\.\d{1,3}"], regex=True)
    hostile = await question(version, K.SHORT_ANSWER, [r"((a[b])+)+$"], regex=True)

    wrong = await submit(settings, runtime, owner, variables(session, steps, "c", "a", "b"))
    right = await submit(settings, runtime, owner, variables(session, steps, "a", "b", "c"))
    matched = await submit(settings, runtime, owner, variables(session, address, "10.0.0.42"))
    cut_off = await asyncio.wait_for(
        submit(settings, runtime, owner, variables(session, hostile, "ab" * 4000 + "!")),
        timeout=30,
    )

    assert wrong["result"]["correct"] is False
    assert right["result"] == {
        "correct": True,
        "pointsAwarded": 10,
        "attemptsUsed": 2,
        "sessionScore": 10,
        "timedOut": False,
    }
    assert matched["result"]["correct"] is True
    assert cut_off["errors"] == []
    assert cut_off["result"] == {
        "correct": False,
        "pointsAwarded": 0,
        "attemptsUsed": 1,
        "sessionScore": 20,
        "timedOut": True,
    }


async def test_an_answer_over_10000_characters_is_a_payload_error(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), questions=0)
    session = await factories.session(owner, version)
    essay = await question(version, K.SHORT_ANSWER, ["x" * 10_000])

    accepted = await submit(settings, runtime, owner, variables(session, essay, "x" * 10_000))
    assert accepted["result"]["correct"] is True
    too_long = await submit(settings, runtime, owner, variables(session, essay, "y" * 10_001))
    assert too_long["result"] is None
    assert [(e["code"], e["field"]) for e in too_long["errors"]] == [
        ("INVALID_ANSWER", "input.answer.0")
    ]
    # Far beyond: refused before the resolver runs, like any over-long string input.
    _, errors = await run(
        settings, SUBMIT, variables(session, essay, "z" * 20_001), as_user=owner, runtime=runtime
    )
    assert errors
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_all_or_nothing_results_tell_what_each_answer_added(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    version = await factories.version(
        await factories.scenario(), questions=0, scoring_mode=VersionScoringMode.ALL_OR_NOTHING
    )
    session = await factories.session(owner, version)
    first = await question(version, K.SHORT_ANSWER, ["one"])
    second = await question(version, K.SHORT_ANSWER, ["two"])

    early = await submit(settings, runtime, owner, variables(session, first, "one"))
    last = await submit(settings, runtime, owner, variables(session, second, "two"))

    assert (early["result"]["pointsAwarded"], early["result"]["sessionScore"]) == (0, 0)
    assert (last["result"]["pointsAwarded"], last["result"]["sessionScore"]) == (20, 20)


# --- authoring ------------------------------------------------------------------------------


async def test_question_add_takes_ordering_and_regex_questions(settings: Settings) -> None:
    authoring = Authoring(settings)
    creator = await factories.user(UserRole.CREATOR)
    _, version_id = await ready_version(authoring, creator)
    data, errors = await run(
        settings,
        "query($id: ID!) { node(id: $id) { ... on ScenarioVersion { scoringMode } } }",
        {"id": version_id},
        as_user=creator,
    )
    assert not errors
    assert data is not None
    assert data["node"]["scoringMode"] == "ALL_OR_NOTHING"  # the default for new versions

    ordering = await authoring.ok(
        "questionAdd",
        creator,
        versionId=version_id,
        prompt="Order the kill chain",
        kind="ORDERING",
        points=10,
        choices=["exploit", "recon"],
        expectedAnswers=["recon", "exploit"],
    )
    assert ordering["question"]["kind"] == "ORDERING"
    assert await authoring.refused(
        "questionAdd",
        creator,
        versionId=version_id,
        prompt="Order",
        kind="ORDERING",
        points=10,
        choices=["exploit", "recon"],
        expectedAnswers=["recon"],
    ) == [("REQUIRED", "expectedAnswers")]

    regex = {"versionId": version_id, "prompt": "IP?", "kind": "SHORT_ANSWER", "points": 5}
    added = await authoring.ok(
        "questionAdd", creator, **regex, regex=True, expectedAnswers=[r"\d+"]
    )
    assert await QuestionAnswerKey.filter(regex=True).count() == 1
    assert await authoring.refused(
        "questionAdd", creator, **regex, regex=True, expectedAnswers=["ok", "(a+)+$", "[x"]
    ) == [("REGEX_TOO_SLOW", "expectedAnswers.1"), ("REGEX_INVALID", "expectedAnswers.2")]
    assert await authoring.refused(
        "questionUpdate", creator, questionId=added["question"]["id"], kind="FLAG"
    ) == [("INVALID", "regex")]
    await authoring.ok("questionUpdate", creator, questionId=added["question"]["id"], regex=False)
    assert await QuestionAnswerKey.filter(regex=True).count() == 0
