"""scenarioExport and scenarioImport: content as code over GraphQL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.document.types import ScenarioImportErrorCode
from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.schema import schema
from rangex_graphql.api.scopes import MUTATION_SCOPES
from rangex_graphql.models import AuditLog, Scenario, ScenarioVersion
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.services.authoring.test_yaml_document import ANSWERS, EXAMPLE, with_line

pytestmark = pytest.mark.usefixtures("db")

EXPORT = """query($id: ID!, $answers: Boolean!) {
  scenarioExport(versionId: $id, includeAnswers: $answers) }"""
IMPORT = """mutation($document: String!) {
  scenarioImport(input: {document: $document}) {
    version { id number status scenario { slug author { username } } }
    errors { field code message } } }"""
SERVICES = Path(__file__).parents[3] / "rangex_graphql" / "services" / "authoring"


async def test_a_creator_imports_then_exports_the_same_document(settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR, username="alice")
    data = await data_of(settings, IMPORT, {"document": EXAMPLE}, as_user=creator)
    payload = data["scenarioImport"]
    assert payload["errors"] == []
    version = payload["version"]
    assert (version["number"], version["status"]) == (1, "DRAFT")
    assert version["scenario"] == {"slug": "sql-injection-101", "author": {"username": "alice"}}

    exported = await data_of(
        settings, EXPORT, {"id": version["id"], "answers": True}, as_user=creator
    )
    assert exported["scenarioExport"] == EXAMPLE
    public = await data_of(
        settings, EXPORT, {"id": version["id"], "answers": False}, as_user=creator
    )
    for answer in ANSWERS:
        assert answer not in public["scenarioExport"]
    assert await AuditLog.filter(action="scenario_version.export_answers").count() == 1

    again = await data_of(settings, IMPORT, {"document": EXAMPLE}, as_user=creator)
    assert again["scenarioImport"]["version"]["number"] == 2


async def test_problems_come_back_as_payload_errors_with_paths(settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    document = with_line(EXAMPLE, "    role: TARGET\n", "    role: hacker\n")
    data = await data_of(settings, IMPORT, {"document": document}, as_user=creator)
    assert data["scenarioImport"] == {
        "version": None,
        "errors": [
            {
                "field": "machines.1.role",
                "code": "INVALID",
                "message": 'unknown value "hacker" (one of ATTACKER, TARGET, INTERNAL, SERVICE)',
            }
        ],
    }
    syntax = await data_of(settings, IMPORT, {"document": "rangex: [1\n"}, as_user=creator)
    [error] = syntax["scenarioImport"]["errors"]
    assert (error["field"], error["code"]) == (None, "YAML_SYNTAX")
    assert await Scenario.all().count() == 0


async def test_another_creators_slug_is_not_found(settings: Settings) -> None:
    await factories.scenario(slug="sql-injection-101")
    stranger = await factories.user(UserRole.CREATOR)
    data = await data_of(settings, IMPORT, {"document": EXAMPLE}, as_user=stranger)
    [error] = data["scenarioImport"]["errors"]
    assert (error["field"], error["code"]) == ("scenario.slug", "NOT_FOUND")
    assert await ScenarioVersion.all().count() == 0


async def test_only_the_author_and_admins_export(settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), VersionStatus.PUBLISHED)
    variables = {"id": to_global_id("ScenarioVersion", version.id), "answers": True}
    for reader in (author, await factories.user(UserRole.ADMIN)):
        seen = await data_of(settings, EXPORT, variables, as_user=reader)
        assert "FLAG{0}" in seen["scenarioExport"]
    for other in (await factories.user(), await factories.user(UserRole.CREATOR)):
        seen = await data_of(settings, EXPORT, {**variables, "answers": False}, as_user=other)
        assert seen["scenarioExport"] is None
    data, errors = await run(settings, EXPORT, variables)
    assert data == {"scenarioExport": None}
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_learners_cannot_import(settings: Settings) -> None:
    learner = await factories.user()
    data, errors = await run(settings, IMPORT, {"document": EXAMPLE}, as_user=learner)
    assert data is None
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_an_admins_token_without_the_admin_scope_imports_only_into_its_own(
    settings: Settings,
) -> None:
    await factories.scenario(slug="sql-injection-101")
    admin = await factories.user(UserRole.ADMIN)
    assert MUTATION_SCOPES["scenarioImport"] is ApiScope.AUTHORING
    viewer = Viewer(id=admin.id, role=UserRole.ADMIN, scopes=frozenset({ApiScope.AUTHORING}))
    result = await schema.execute(
        IMPORT,
        variable_values={"document": EXAMPLE},
        context_value=Context(settings=settings, viewer=viewer),
    )
    assert result.errors is None
    assert result.data is not None
    [error] = result.data["scenarioImport"]["errors"]
    assert error["code"] == "NOT_FOUND"


def test_every_code_an_import_can_raise_is_in_the_schema() -> None:
    raised: set[str] = set()
    for name in (
        "yaml_document.py",
        "yaml_loader.py",
        "documents.py",
        "validation.py",
        "machine_rules.py",
        "question_rules.py",
        "scenarios.py",
    ):
        text = (SERVICES / name).read_text()
        raised |= set(re.findall(r"DomainError\(\s*\w+Code\.([A-Z_]+)", text))
    assert {"YAML_SYNTAX", "UNKNOWN_FIELD", "CONFLICT", "PORT_NOT_ALLOWED"} <= raised
    assert raised <= {c.name for c in ScenarioImportErrorCode}
