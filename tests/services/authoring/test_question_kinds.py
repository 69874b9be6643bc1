"""The authoring rules of ORDERING questions and of regular-expression short answers."""

from __future__ import annotations

import asyncio
import time

import pytest

from rangex_graphql.models.enums import QuestionKind
from rangex_graphql.services.authoring.question_rules import question_errors
from rangex_graphql.services.authoring.spec import QuestionSpec
from rangex_graphql.services.authoring.yaml_document import dump, parse
from rangex_graphql.services.sessions import regex_match
from rangex_graphql.services.sessions.regex_match import PatternProblem, check_pattern
from tests.services.authoring.test_yaml_document import EXAMPLE

K = QuestionKind


def problems(spec: QuestionSpec) -> list[tuple[str, str | None]]:
    return [(str(e.code), e.field) for e in question_errors(spec, "questions.0")]


def ordering(choices: list[str], expected: list[str]) -> QuestionSpec:
    return QuestionSpec("Order them", K.ORDERING, 10, choices=choices, expected_answers=expected)


def short(*patterns: str, regex: bool = True, kind: QuestionKind = K.SHORT_ANSWER) -> QuestionSpec:
    return QuestionSpec("Which?", kind, 10, expected_answers=list(patterns), regex=regex)


# --- ORDERING ------------------------------------------------------------------------------


def test_an_ordering_question_lists_every_item_once_in_the_key() -> None:
    assert problems(ordering(["b", "c", "a"], ["a", "b", "c"])) == []
    assert problems(ordering(["b", "c", "a"], ["a", "b"])) == [
        ("REQUIRED", "questions.0.expectedAnswers")
    ]
    assert problems(ordering(["b", "c", "a"], ["a", "b", "b", "c"])) == [
        ("DUPLICATE", "questions.0.expectedAnswers.2")
    ]
    assert problems(ordering(["b", "a"], ["a", "z", "b"])) == [
        ("INVALID", "questions.0.expectedAnswers.1")
    ]


@pytest.mark.parametrize(
    ("choices", "expected", "found"),
    [
        (["a"], ["a"], [("REQUIRED", "questions.0.choices")]),
        ([str(i) for i in range(51)], ["0"], [("TOO_MANY", "questions.0.choices")]),
        (["b", "a", "b"], ["a", "b"], [("DUPLICATE", "questions.0.choices.2")]),
        (["b", " ", "a"], ["a", "b"], [("INVALID", "questions.0.choices.1")]),
        # Learners see the items as listed: listed in the right order gives the answer away.
        (["a", "b"], ["a", "b"], [("INVALID", "questions.0.choices")]),
    ],
)
def test_an_ordering_question_has_2_to_50_distinct_items_out_of_order(
    choices: list[str], expected: list[str], found: list[tuple[str, str]]
) -> None:
    assert problems(ordering(choices, expected)) == found


# --- regular expressions ---------------------------------------------------------------------


def test_a_regex_key_is_for_short_answers_only() -> None:
    assert problems(short(r"FLAG\{.*\}", kind=K.FLAG)) == [("INVALID", "questions.0.regex")]
    assert problems(short(r"\d+")) == []


def test_a_pattern_that_does_not_compile_is_refused_at_its_path() -> None:
    assert problems(short(r"ok\d+", "[unclosed", "(a")) == [
        ("REGEX_INVALID", "questions.0.expectedAnswers.1"),
        ("REGEX_INVALID", "questions.0.expectedAnswers.2"),
    ]
    # Not a pattern without the flag: a plain answer with brackets is fine.
    assert problems(short("[unclosed", regex=False)) == []


def test_catastrophic_backtracking_is_refused() -> None:
    assert problems(short(r"(a+)+$", r"ok")) == [
        ("REGEX_TOO_SLOW", "questions.0.expectedAnswers.0")
    ]
    for pattern in (r"(x+x+)+y", r"(\w+\s?)+$", r"(.*,){12}x", r"((ab)+)+$"):
        refused = check_pattern(pattern, case_sensitive=False)
        assert refused is not None, pattern
        assert refused.problem is PatternProblem.TOO_SLOW, pattern


def test_repeats_that_expand_too_far_are_refused_before_compiling() -> None:
    # Compiled, the first would exhaust the memory and the second take a second.
    for pattern in (r"(ab|cd){4294967294}", r"(a{1000}){1000}", r"x{20000}"):
        started = time.monotonic()
        refused = check_pattern(pattern, case_sensitive=True)
        assert refused is not None, pattern
        assert refused.problem is PatternProblem.TOO_SLOW, pattern
        assert "expand" in refused.message
        assert time.monotonic() - started < 0.5  # a sanity bound, far above the check
    assert check_pattern(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", True) is None


def test_at_most_ten_patterns() -> None:
    assert problems(short(*[f"p{i}" for i in range(11)])) == [
        ("TOO_MANY", "questions.0.expectedAnswers")
    ]


def test_probes_use_the_patterns_own_characters() -> None:
    found = regex_match.probes(r"(?:q,z)+")
    assert any(p.startswith(",,,") for p in found)
    assert any(p.startswith("qqq") for p in found)
    assert all(len(p) <= regex_match.PROBE_LENGTH for p in found)


async def test_a_hostile_answer_is_cut_off_at_the_budget() -> None:
    # Passes the probes (none is made of "ab" pairs through a class), not "abab…!".
    assert check_pattern(r"((a[b])+)+$", case_sensitive=True) is None
    outcome = await asyncio.wait_for(
        regex_match.match_any(
            [r"((a[b])+)+$"], "ab" * 4000 + "!", case_sensitive=True, budget_seconds=0.02
        ),
        timeout=30,
    )
    assert outcome is regex_match.MatchOutcome.TIMED_OUT
    assert (
        await regex_match.match_any(
            [r"((a[b])+)+$"], "abab", case_sensitive=True, budget_seconds=0.02
        )
        is regex_match.MatchOutcome.MATCHED
    )


# --- the document --------------------------------------------------------------------------


def test_the_document_carries_the_regex_flag_only_when_set() -> None:
    spec = parse(EXAMPLE)
    assert dump(spec, include_answers=True) == EXAMPLE  # no "regex: false" lines
    spec.questions[0] = short(r"10\.0\.0\.\d+")
    text = dump(spec, include_answers=True)
    assert "regex: true" in text
    assert parse(text).questions[0].regex is True
    assert "regex" not in dump(spec, include_answers=False)
