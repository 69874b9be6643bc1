"""scenarioImport under hostile documents: payload errors with positions, parsed off the
event loop."""

from __future__ import annotations

import threading

import pytest

from rangex_graphql.models import Scenario
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.authoring import yaml_document, yaml_loader
from rangex_graphql.services.authoring.question_rules import MAX_QUESTIONS
from rangex_graphql.services.authoring.spec import VersionSpec
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.document.test_scenario_document import IMPORT
from tests.api.graphql import data_of
from tests.services.authoring.test_yaml_document import EXAMPLE, with_line

pytestmark = pytest.mark.usefixtures("db")


async def test_a_control_character_is_a_yaml_syntax_error_with_its_line(
    settings: Settings,
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    document = with_line(EXAMPLE, "  category: web\n", "  category: w\u0007eb\n")
    data = await data_of(settings, IMPORT, {"document": document}, as_user=creator)
    [error] = data["scenarioImport"]["errors"]
    assert (error["field"], error["code"]) == (None, "YAML_SYNTAX")
    assert error["message"].startswith("line 11, column 14: "), error["message"]
    assert await Scenario.all().count() == 0


async def test_deep_nesting_is_a_yaml_syntax_error(settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    data = await data_of(settings, IMPORT, {"document": "[" * 50_000}, as_user=creator)
    [error] = data["scenarioImport"]["errors"]
    assert error["code"] == "YAML_SYNTAX"
    assert "nested more than" in error["message"]


async def test_thousands_of_questions_are_too_many(settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    question = "  - prompt: Which port?\n    kind: TEXT\n    points: 1\n"
    head = EXAMPLE.split("questions:\n")[0] + "questions:\n"
    document = head + question * (MAX_QUESTIONS + 1)
    data = await data_of(settings, IMPORT, {"document": document}, as_user=creator)
    assert data["scenarioImport"]["errors"] == [
        {"field": "questions", "code": "TOO_MANY", "message": f"at most {MAX_QUESTIONS} questions"}
    ]
    # Thousands are refused while the list is read, at the item past the limit.
    document = head + question * 5_000
    data = await data_of(settings, IMPORT, {"document": document}, as_user=creator)
    [error] = data["scenarioImport"]["errors"]
    assert error["code"] == "YAML_SYNTAX"
    assert f"a list of more than {yaml_loader.MAX_LIST_ITEMS} items" in error["message"]


async def test_the_document_is_parsed_off_the_event_loop(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    parse = yaml_document.parse

    def recording_parse(text: str) -> VersionSpec:
        threads.append(threading.current_thread())
        return parse(text)

    monkeypatch.setattr(yaml_document, "parse", recording_parse)
    creator = await factories.user(UserRole.CREATOR)
    data = await data_of(settings, IMPORT, {"document": EXAMPLE}, as_user=creator)
    assert data["scenarioImport"]["errors"] == []
    assert threads
    assert threads[0] is not threading.main_thread()
