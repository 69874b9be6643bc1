"""The rules of a version's content (issue 15): one case per rule, each the only problem."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import uuid4

import pytest

from rangex_graphql.models.enums import HintMode, ScenarioType, VersionScoringMode
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.spec import VersionSpec
from rangex_graphql.services.authoring.validation import (
    content_errors,
    submit_errors,
    validate_version,
)
from rangex_graphql.services.authoring.versions import VersionChanges, change_errors
from tests.services.authoring.test_yaml_document import example_spec

CREATOR = Actor(uuid4())
ADMIN = Actor(uuid4(), is_admin=True)


def content(**changes: Any) -> VersionSpec:
    return replace(example_spec(), **changes)


def test_the_example_content_passes_every_rule_and_may_be_submitted() -> None:
    spec = example_spec()
    assert spec.mission.startswith("Log in as **admin**")
    assert spec.scenario_type is ScenarioType.CHALLENGE
    assert spec.scoring_mode is VersionScoringMode.PER_QUESTION
    assert spec.hint_mode is HintMode.ENABLED
    assert content_errors(spec) == []
    assert submit_errors(spec) == []


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"short_description": "x" * 401}, "INVALID", "shortDescription"),
        ({"estimated_minutes": 4}, "INVALID", "estimatedMinutes"),
        ({"estimated_minutes": 481}, "INVALID", "estimatedMinutes"),
        ({"estimated_minutes": True}, "INVALID", "estimatedMinutes"),
        ({"scenario_type": "CTF"}, "INVALID", "scenarioType"),
        ({"mission": "m" * 20_001}, "INVALID", "mission"),
        ({"solution": "s" * 50_001}, "INVALID", "solution"),
        ({"code_of_ethics": "c" * 10_001}, "INVALID", "codeOfEthics"),
        ({"learning_outcomes": ["ok"] * 11}, "TOO_MANY", "learningOutcomes"),
        ({"learning_outcomes": ["ok", "  "]}, "INVALID", "learningOutcomes.1"),
        ({"learning_outcomes": ["o" * 201]}, "INVALID", "learningOutcomes.0"),
        ({"scoring_mode": "SOME"}, "INVALID", "scoringMode"),
        ({"hint_mode": "ALWAYS"}, "INVALID", "hintMode"),
        ({"validation_mode": "LATER"}, "INVALID", "validationMode"),
    ],
)
def test_each_content_rule(changes: dict[str, Any], code: str, field: str) -> None:
    spec = content(**changes)
    assert [(e.code, e.field) for e in validate_version(spec)] == [(code, field)]


def test_the_limits_themselves_are_allowed() -> None:
    spec = content(
        short_description="x" * 400,
        estimated_minutes=5,
        mission="m" * 20_000,
        learning_outcomes=["o" * 200] * 10,
    )
    assert validate_version(spec) == []
    assert validate_version(content(estimated_minutes=480)) == []


def test_submit_needs_a_mission_and_a_solution_but_validation_does_not() -> None:
    spec = content(mission="  \n", solution="")
    assert validate_version(spec) == []  # a document of format 1 still imports
    assert [(e.code, e.field) for e in submit_errors(spec)] == [
        ("REQUIRED", "mission"),
        ("REQUIRED", "solution"),
    ]


def test_changes_are_checked_at_their_input_field() -> None:
    changes = VersionChanges(
        short_description="x" * 401,
        estimated_minutes=0,
        mission="m" * 20_001,
        learning_outcomes=[""],
    )
    assert [(e.code, e.field) for e in change_errors(ADMIN, changes)] == [
        ("INVALID", "estimatedMinutes"),
        ("INVALID", "shortDescription"),
        ("INVALID", "mission"),
        ("INVALID", "learningOutcomes.0"),
    ]
    assert change_errors(ADMIN, VersionChanges(mission=" " + "m" * 20_000 + "\n")) == []


def test_only_admins_set_the_featured_flag() -> None:
    for featured in (True, False):
        refused = change_errors(CREATOR, VersionChanges(featured=featured))
        assert [(e.code, e.field) for e in refused] == [("ADMIN_ONLY", "featured")]
        assert change_errors(ADMIN, VersionChanges(featured=featured)) == []
