"""Hints in the scenario document: read with paths, created, written back."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Hint, Question
from rangex_graphql.models.enums import HintUnlockCondition, VersionStatus
from rangex_graphql.services.authoring.errors import RuleCode
from rangex_graphql.services.hints.document import create_hints, hints_for_document, read_hints
from tests import factories


def test_no_section_means_no_hints() -> None:
    assert read_hints(None, 2) == ([], [])


def test_problems_carry_their_paths() -> None:
    raw = [
        {"title": "Ok", "body": "b", "question": 1},
        {"title": "", "body": "b", "question": 2, "colour": "red"},
        "not a mapping",
    ]
    hints, errors = read_hints(raw, 2)
    assert [h.question for h in hints] == [1]
    assert {(e.field, e.code) for e in errors} == {
        ("hints.1.colour", RuleCode.INVALID),
        ("hints.1.title", RuleCode.REQUIRED),
        ("hints.1.question", RuleCode.INVALID),
        ("hints.2", RuleCode.INVALID),
    }


@pytest.mark.usefixtures("db")
async def test_created_hints_are_written_back_the_same() -> None:
    version = await factories.version(await factories.scenario(), VersionStatus.DRAFT, questions=2)
    raw = [
        {
            "title": "Second question",
            "body": "Look at the cookie.",
            "unlockCondition": "AFTER_WRONG_ATTEMPTS",
            "unlockThreshold": 3,
            "penaltyPoints": 4,
            "question": 1,
        },
        {"title": "Whole version", "body": "Enumerate.", "unlockThreshold": 5},
    ]
    hints, errors = read_hints(raw, 2)
    assert errors == []
    questions = await Question.filter(version=version).order_by("position")
    await create_hints(version.id, hints, [q.id for q in questions])
    second = await Hint.get(title="Second question")
    assert second.question_id == questions[1].id  # type: ignore[attr-defined]
    assert second.unlock_condition is HintUnlockCondition.AFTER_WRONG_ATTEMPTS
    written = await hints_for_document(version.id)
    assert written == [
        {
            "title": "Whole version",
            "body": "Enumerate.",
            "unlockCondition": "AFTER_MINUTES",
            "unlockThreshold": 5,
            "penaltyPoints": 0,
        },
        raw[0],
    ]
