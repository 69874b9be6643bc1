"""Hints in the scenario document: a format 2 section after the questions, written back
the same after a trip through the database, copied with the version, refused in format 1."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Hint
from rangex_graphql.models.enums import HintUnlockCondition, UserRole
from rangex_graphql.services.authoring import documents
from rangex_graphql.services.authoring.yaml_document import parse
from tests import factories
from tests.services.authoring.test_yaml_document import EXAMPLE, problems
from tests.services.authoring.test_yaml_document_formats import FORMAT_1

HINTS = """\
hints:
  - title: Where to start
    body: Enumerate the services first.
    unlockCondition: AFTER_MINUTES
    unlockThreshold: 10
    penaltyPoints: 0
  - title: The login form
    body: Try a quote in the user name.
    unlockCondition: AFTER_WRONG_ATTEMPTS
    unlockThreshold: 3
    penaltyPoints: 5
    question: 0
"""


def test_the_section_is_read_with_its_questions() -> None:
    spec = parse(EXAMPLE + HINTS)
    assert [(h.spec.title, h.question) for h in spec.hints] == [
        ("Where to start", None),
        ("The login form", 0),
    ]
    assert spec.hints[1].spec.unlock_condition == HintUnlockCondition.AFTER_WRONG_ATTEMPTS


def test_a_hint_of_a_question_the_document_lacks_is_refused_at_its_path() -> None:
    text = EXAMPLE + HINTS.replace("question: 0", "question: 40")
    assert [field for field, _ in problems(text)] == ["hints.1.question"]


def test_format_1_has_no_hints() -> None:
    assert [field for field, _ in problems(FORMAT_1 + HINTS)] == ["hints"]


@pytest.mark.usefixtures("db")
async def test_hints_round_trip_through_the_database() -> None:
    creator = await factories.user(UserRole.CREATOR)
    version = await documents.import_document(EXAMPLE + HINTS, creator.id)
    stored = await Hint.filter(version_id=version.id).order_by("question_id", "position")
    assert sorted((h.title, h.penalty_points) for h in stored) == [
        ("The login form", 5),
        ("Where to start", 0),
    ]
    exported = await documents.export_document(version.id, include_answers=True)
    assert exported.endswith(HINTS)
    assert exported == EXAMPLE + HINTS
