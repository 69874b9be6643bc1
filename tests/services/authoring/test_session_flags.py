"""Per-session flags in authoring: the rules on ``sessionFlagEnv``, and the document."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from rangex_graphql.models import Question, QuestionAnswerKey
from rangex_graphql.models.enums import MachineRole, QuestionKind, UserRole, VersionStatus
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring import documents, questions
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.question_rules import question_errors
from rangex_graphql.services.authoring.spec import QuestionSpec, VersionSpec
from rangex_graphql.services.authoring.validation import validate_version
from rangex_graphql.services.authoring.yaml_document import dump, parse
from rangex_graphql.services.errors import DomainErrors
from tests import factories
from tests.services.authoring.test_yaml_document import EXAMPLE

PER_SESSION = QuestionSpec(
    prompt="Read the flag from the web server.",
    kind=QuestionKind.FLAG,
    points=20,
    session_flag_env="WEB_FLAG",
)


def codes(question: QuestionSpec) -> list[tuple[str, str | None]]:
    return [(e.code, e.field) for e in question_errors(question)]


def example() -> VersionSpec:
    """The pinned example document, its first question made per-session."""
    spec = parse(EXAMPLE)
    spec.questions[0] = dataclasses.replace(
        spec.questions[0], expected_answers=[], session_flag_env="WEB_FLAG"
    )
    return spec


def version_codes(spec: VersionSpec) -> list[tuple[str, str | None]]:
    return [(e.code, e.field) for e in validate_version(spec)]


# --- one question -------------------------------------------------------------------------


def test_a_flag_question_with_a_session_flag_needs_no_expected_answers() -> None:
    assert codes(PER_SESSION) == []
    assert codes(dataclasses.replace(PER_SESSION, session_flag_env=None)) == [
        ("REQUIRED", "expectedAnswers")
    ]


def test_expected_answers_next_to_a_session_flag_are_refused() -> None:
    given = dataclasses.replace(PER_SESSION, expected_answers=["FLAG{static}"])
    assert codes(given) == [("INVALID", "expectedAnswers")]


def test_only_flag_questions_have_a_session_flag() -> None:
    short = dataclasses.replace(
        PER_SESSION, kind=QuestionKind.SHORT_ANSWER, expected_answers=["admin"]
    )
    assert codes(short) == [("INVALID", "sessionFlagEnv")]
    # The expected answers are then the kind's usual rule, not the flag's.
    assert codes(dataclasses.replace(short, expected_answers=[])) == [
        ("INVALID", "sessionFlagEnv"),
        ("REQUIRED", "expectedAnswers"),
    ]


@pytest.mark.parametrize(
    "name",
    ["web_flag", "1FLAG", "WEB-FLAG", "WEB FLAG", "", "F" * 65, "RANGEX_LEARNER_PASSWORD"],
)
def test_the_variable_name_is_checked(name: str) -> None:
    spec = dataclasses.replace(PER_SESSION, session_flag_env=name)
    assert [(e.code, e.field) for e in question_errors(spec, "questions.3")] == [
        ("INVALID", "questions.3.sessionFlagEnv")
    ]


@pytest.mark.parametrize("name", ["_F", "F" * 64, "RANGEX_FLAG", "FLAG_2"])
def test_good_variable_names(name: str) -> None:
    assert codes(dataclasses.replace(PER_SESSION, session_flag_env=name)) == []


# --- the version --------------------------------------------------------------------------


def test_a_valid_version_with_a_session_flag() -> None:
    assert version_codes(example()) == []


def test_two_questions_cannot_share_a_variable() -> None:
    spec = example()
    spec.questions.append(dataclasses.replace(PER_SESSION, prompt="And the second one?"))
    assert version_codes(spec) == [("DUPLICATE", "questions.2.sessionFlagEnv")]


def test_a_session_flag_needs_a_machine_besides_the_attacker() -> None:
    spec = example()
    spec.machines = [m for m in spec.machines if m.role is MachineRole.ATTACKER]
    assert version_codes(spec) == [
        ("TARGET_REQUIRED", "machines"),
        ("TARGET_REQUIRED", "questions.0.sessionFlagEnv"),
    ]


def test_a_machine_may_not_set_the_flag_variable_itself() -> None:
    spec = example()
    spec.machines[1].environment["WEB_FLAG"] = "FLAG{static}"
    assert version_codes(spec) == [("DUPLICATE", "questions.0.sessionFlagEnv")]
    # The attacker never receives the flag: its own variable of that name is harmless.
    spec.machines[1].environment.clear()
    spec.machines[0].environment["WEB_FLAG"] = "decoy"
    assert version_codes(spec) == []


# --- the document -------------------------------------------------------------------------


def test_the_document_carries_the_variable_with_and_without_answers() -> None:
    spec = example()
    for include_answers in (True, False):
        text = dump(spec, include_answers=include_answers)
        assert "    sessionFlagEnv: WEB_FLAG\n" in text
        assert text.count("sessionFlagEnv") == 1  # absent from the question without one
        assert parse(text).questions[0].session_flag_env == "WEB_FLAG"
    assert parse(dump(spec, include_answers=True)) == spec


def test_a_null_variable_reads_as_none_and_a_number_is_refused() -> None:
    text = dump(example(), include_answers=True)
    assert parse(text.replace("WEB_FLAG", "null")).questions[0].session_flag_env is None
    with pytest.raises(DomainErrors) as caught:
        parse(text.replace("WEB_FLAG", "42"))
    assert [(e.code, e.field) for e in caught.value.errors] == [
        ("INVALID", "questions.0.sessionFlagEnv")
    ]


async def test_import_and_export_keep_the_variable(db: None) -> None:
    creator = await factories.user(UserRole.CREATOR)
    text = dump(example(), include_answers=True)

    version = await documents.import_document(text, creator.id)
    rows = (
        await Question.filter(version_id=version.id).order_by("position").values("session_flag_env")
    )
    assert [row["session_flag_env"] for row in rows] == ["WEB_FLAG", None]
    first = await Question.get(version_id=version.id, position=0)
    assert (await QuestionAnswerKey.get(question_id=first.id)).expected == []
    assert await documents.export_document(version.id, include_answers=True) == text


async def test_an_import_that_breaks_a_flag_rule_writes_nothing(db: None) -> None:
    creator = await factories.user(UserRole.CREATOR)
    spec = example()
    spec.questions[1] = dataclasses.replace(
        spec.questions[1], session_flag_env="RANGEX_LEARNER_USERNAME"
    )
    with pytest.raises(DomainErrors) as caught:
        await documents.import_document(dump(spec, include_answers=True), creator.id)
    assert [(e.code, e.field) for e in caught.value.errors] == [
        ("INVALID", "questions.1.sessionFlagEnv")
    ]
    assert await Question.all().count() == 0


async def test_two_questions_added_at_once_cannot_take_one_variable(db: None) -> None:
    """The version's row lock serializes the two adds: the second sees the first's name
    (on MariaDB the two transactions really overlap)."""
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(
        await factories.scenario(author), VersionStatus.DRAFT, questions=0
    )
    new = questions.NewQuestion(
        prompt="Which flag?", kind=QuestionKind.FLAG, points=5, session_flag_env="WEB_FLAG"
    )
    results = await asyncio.gather(
        *(questions.add_question(Actor(author.id), version.id, new, SYSTEM) for _ in range(2)),
        return_exceptions=True,
    )
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(refused) == 1, results
    assert isinstance(refused[0], DomainErrors), refused
    assert [(e.code, e.field) for e in refused[0].errors] == [("DUPLICATE", "sessionFlagEnv")]
    assert await Question.filter(version_id=version.id, session_flag_env="WEB_FLAG").count() == 1
