"""Scenario documents of format 2 (the version content) and of format 1, still read."""

from __future__ import annotations

import pytest

from rangex_graphql.models import ScenarioVersion
from rangex_graphql.models.enums import (
    HintMode,
    ScenarioType,
    UserRole,
    ValidationMode,
    VersionScoringMode,
)
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring import documents, workflow
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.yaml_document import dump, parse
from rangex_graphql.services.errors import DomainErrors
from tests import factories
from tests.services.authoring.test_yaml_document import EXAMPLE, problems, with_line
from tests.support.images import approve_images

# A document as servers before the version content wrote it (exposed ports, no content).
FORMAT_1 = """\
rangex: 1
scenario:
  slug: old-lab
  title: An old lab
  description: Written before the version content existed.
  difficulty: BEGINNER
  category: web
changelog: Old.
timeLimitMinutes: 60
resourceProfile: SMALL
machines:
  - name: attacker
    role: ATTACKER
    imageRef: rangex/kali:2024.1
    cpu: 0.5
    memoryMib: 1024
    exposedPorts:
      - 22
  - name: web
    role: TARGET
    imageRef: rangex/dvwa:1.10
    cpu: 0.25
    memoryMib: 512
    exposedPorts:
      - 80
questions:
  - prompt: What is the flag?
    kind: FLAG
    points: 10
    expectedAnswers:
      - FLAG{old}
"""


def test_format_2_reads_every_content_key() -> None:
    spec = parse(EXAMPLE)
    assert spec.short_description == "Bypass a login form with SQL injection."
    assert spec.estimated_minutes == 45
    assert spec.scenario_type is ScenarioType.CHALLENGE
    assert spec.mission == "Log in as **admin** without the password.\nThen read the flag.\n"
    assert spec.solution.startswith("Enter `' OR 1=1 --`")
    assert spec.learning_outcomes == [
        "Spot an injectable login form",
        "Bypass authentication with a tautology",
    ]
    assert spec.code_of_ethics == "Attack only the machines of your session."
    assert spec.featured is False
    assert spec.scoring_mode is VersionScoringMode.PER_QUESTION
    assert spec.hint_mode is HintMode.ENABLED
    assert spec.validation_mode is ValidationMode.INSTANT


def test_the_solution_is_written_only_with_the_answers() -> None:
    spec = parse(EXAMPLE)
    public = dump(spec, include_answers=False)
    assert "solution" not in public
    assert "OR 1=1" not in public
    assert "mission: |" in public
    assert "rangex: 2\n" in public


def test_format_1_is_read_with_the_content_defaults() -> None:
    spec = parse(FORMAT_1)
    assert spec.mission == ""
    assert spec.solution == ""
    assert spec.estimated_minutes == 60
    assert spec.scenario_type is ScenarioType.CHALLENGE
    assert spec.scoring_mode is VersionScoringMode.ALL_OR_NOTHING
    assert spec.hint_mode is HintMode.DISABLED
    assert [e.port for e in spec.machines[0].entrypoints] == [22]
    # Written back, it is a document of the current format.
    assert dump(spec, include_answers=True).count("rangex: 2\n") == 1


def test_format_1_does_not_know_the_content_keys() -> None:
    text = with_line(FORMAT_1, "changelog: Old.\n", "changelog: Old.\nmission: Go.\n")
    assert [field for field, _ in problems(text)] == ["mission"]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("estimatedMinutes: 45\n", "estimatedMinutes: soon\n", "estimatedMinutes"),
        ("scenarioType: CHALLENGE\n", "scenarioType: CTF\n", "scenarioType"),
        ("featured: false\n", "featured: 'no'\n", "featured"),
        ("hintMode: ENABLED\n", "hintMode: ON\n", "hintMode"),
        ("codeOfEthics: Attack", "codeOfEthics: [Attack]\nx: ", "codeOfEthics"),
    ],
)
def test_malformed_content_keys_are_reported_at_their_path(old: str, new: str, field: str) -> None:
    assert field in [found for found, _ in problems(with_line(EXAMPLE, old, new))]


@pytest.mark.usefixtures("db")
async def test_a_format_1_document_imports_and_needs_content_to_be_submitted() -> None:
    creator = await factories.user(UserRole.CREATOR)
    await approve_images("rangex/kali:2024.1", "rangex/dvwa:1.10")
    version = await documents.import_document(FORMAT_1, creator.id)
    assert version.mission == ""
    with pytest.raises(DomainErrors) as caught:
        await workflow.submit(Actor(creator.id), version.id, SYSTEM)
    assert [(e.code, e.field) for e in caught.value.errors] == [
        ("REQUIRED", "mission"),
        ("REQUIRED", "solution"),
    ]


@pytest.mark.usefixtures("db")
async def test_format_2_round_trips_through_the_database() -> None:
    admin = await factories.user(UserRole.ADMIN)
    await approve_images("rangex/kali:2024.1", "rangex/dvwa:1.10")
    featured = with_line(EXAMPLE, "featured: false\n", "featured: true\n")
    version = await documents.import_document(featured, admin.id)
    stored = await ScenarioVersion.get(id=version.id)
    assert stored.featured
    assert stored.learning_outcomes == parse(EXAMPLE).learning_outcomes
    assert await documents.export_document(version.id, include_answers=True) == featured
    await workflow.submit(Actor(admin.id, is_admin=True), version.id, SYSTEM)


@pytest.mark.usefixtures("db")
async def test_only_an_admin_imports_a_featured_version() -> None:
    creator = await factories.user(UserRole.CREATOR)
    featured = with_line(EXAMPLE, "featured: false\n", "featured: true\n")
    with pytest.raises(DomainErrors) as caught:
        await documents.import_document(featured, creator.id)
    assert [(e.code, e.field) for e in caught.value.errors] == [("FORBIDDEN", "featured")]
    assert not await ScenarioVersion.all().exists()
    admin = await factories.user(UserRole.ADMIN)
    with pytest.raises(DomainErrors):
        await documents.import_document(featured, admin.id, as_admin=False)
