"""The scenario document's reader under hostile input: every problem a ``YAML_SYNTAX`` (or
count) error with a position, never another exception."""

from __future__ import annotations

import random

import pytest

from rangex_graphql.services.authoring import yaml_document, yaml_loader
from rangex_graphql.services.authoring.machine_rules import MAX_MACHINES
from rangex_graphql.services.authoring.question_rules import MAX_QUESTIONS
from rangex_graphql.services.errors import DomainErrors
from tests.services.authoring.test_yaml_document import EXAMPLE, with_line


def errors_of(text: str) -> list[tuple[str, str | None, str]]:
    with pytest.raises(DomainErrors) as raised:
        yaml_document.parse(text)
    return [(e.code, e.field, e.message) for e in raised.value.errors]


@pytest.mark.parametrize(
    ("character", "where"),
    [("\u0007", "line 2, column 20"), ("\x00", "line 2, column 20"), ("\ud800", "line 2")],
)
def test_a_character_yaml_refuses_is_a_syntax_error_with_its_position(
    character: str, where: str
) -> None:
    text = f"rangex: 1\nscenario: {{title: a{character}b}}\n"
    [(code, field, message)] = errors_of(text)
    assert (code, field) == ("YAML_SYNTAX", None)
    assert message.startswith(where), message
    assert f"U+{ord(character):04X}" in message


def test_a_refused_character_at_the_start_is_a_syntax_error_too() -> None:
    # PyYAML checks the first characters while the loader is being made.
    [(code, _, message)] = errors_of("\u0007rangex: 1\n")
    assert (code, message[:18]) == ("YAML_SYNTAX", "line 1, column 1: ")


@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_deep_nesting_is_a_syntax_error_not_a_recursion_error(opening: str) -> None:
    block = "".join("  " * i + "-\n" for i in range(500))  # indentation: fewer levels
    text = block if opening == "- " else opening * 100_000
    [(code, field, message)] = errors_of(text)
    assert (code, field) == ("YAML_SYNTAX", None)
    assert f"nested more than {yaml_loader.MAX_NESTING} levels deep" in message
    assert message.startswith("line ")


def test_nesting_within_the_limit_still_reads() -> None:
    text = with_line(EXAMPLE, "  category: web\n", "  category: " + "[" * 10 + "]" * 10 + "\n")
    [(code, field, _)] = errors_of(text)
    assert (code, field) == ("INVALID", "scenario.category")  # the shape, not the syntax


def test_too_many_questions_and_machines_are_refused_before_reading_them() -> None:
    questions = "".join(
        f"  - prompt: Question {i}?\n    kind: FLAG\n    points: 1\n"
        for i in range(MAX_QUESTIONS + 1)
    )
    machines = "".join(f"  - name: m{i}\n" for i in range(MAX_MACHINES + 1))
    text = f"rangex: 1\nscenario: {{}}\nmachines:\n{machines}questions:\n{questions}"
    assert errors_of(text) == [
        ("TOO_MANY", "machines", f"at most {MAX_MACHINES} machines"),
        ("TOO_MANY", "questions", f"at most {MAX_QUESTIONS} questions"),
    ]


@pytest.mark.parametrize(
    ("value", "where", "fragment"),
    [
        ("2024-13-45", "line 2, column 4", "not a valid timestamp (month must be in 1..12)"),
        ("2024-02-30 10:00:00", "line 2, column 4", "not a valid timestamp"),
        ("!!float abc", "line 2, column 4", "not a valid float"),
        ("!!int abc", "line 2, column 4", "not a valid int"),
        ("!!timestamp abc", "line 2, column 4", "not a valid timestamp"),
        ('"\\ud800"', "line 2, column 4", "lone UTF-16 surrogate or a NUL character"),
        ('"a\\0"', "line 2, column 4", "lone UTF-16 surrogate or a NUL character"),
        ('"\\UFFFFFFFF"', "line 2, column ", "unreadable"),
    ],
)
def test_a_value_yaml_cannot_make_is_a_syntax_error_at_the_value(
    value: str, where: str, fragment: str
) -> None:
    [(code, field, message)] = errors_of(f"rangex: 1\nx: {value}\n")
    assert (code, field) == ("YAML_SYNTAX", None)
    assert message.startswith(where), message
    assert fragment in message


def test_random_yaml_soup_never_raises_anything_but_domain_errors() -> None:
    rng = random.Random(20261207)
    pieces = [
        "rangex: 1\n", "x: ", "- ", "[", "]", "{", "}", ": ", ", ", "? ", "!!int ", "!!float ",
        "!!timestamp ", "!!binary ", "&a ", "*a ", '"\\x', '"\\U0010FFFF', '"\\UFFFFFFFF"', "'",
        '"', "\n", "  ", "2024-02-30", "0x", "1e999", ".nan", "~", "#", "|", ">", "%YAML 1.1\n",
        "---\n", "...\n", "\t", "\u0007", "é", "\ud800",
    ]  # fmt: skip
    messages: list[str] = []
    for _ in range(2_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        try:
            yaml_document.parse(text)
        except DomainErrors as exc:
            messages += [error.message for error in exc.errors]
    assert all(messages)


def test_a_huge_list_or_mapping_is_refused_while_it_is_read() -> None:
    items = "".join(f"- {i}\n" for i in range(yaml_loader.MAX_LIST_ITEMS + 10))
    [(code, _, message)] = errors_of(items)
    assert code == "YAML_SYNTAX"
    line = yaml_loader.MAX_LIST_ITEMS + 1
    assert (
        message == f"line {line}, column 3: a list of more than {yaml_loader.MAX_LIST_ITEMS} items"
    )
    keys = "".join(f"k{i}: v\n" for i in range(yaml_loader.MAX_NODES))
    [(code, _, message)] = errors_of(keys)
    assert code == "YAML_SYNTAX"
    assert f"more than {yaml_loader.MAX_NODES} values" in message
