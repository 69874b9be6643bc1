"""API-token scopes of the authoring mutations, and error codes the schema can express."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rangex_graphql.api.authoring.mutations import AUTHORING_SCOPES, AuthoringMutation
from rangex_graphql.api.authoring.types import AuthoringErrorCode
from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.schema import schema
from rangex_graphql.api.scopes import MUTATION_SCOPES
from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.settings import Settings
from tests.api.authoring.conftest import SCENARIO, document

SERVICES = Path(__file__).parents[3] / "rangex_graphql" / "services" / "authoring"
OWN_SERVICES = [
    "access.py",
    "scenarios.py",
    "versions.py",
    "machines.py",
    "questions.py",
    "workflow.py",
    "featuring.py",
    "validation.py",
    "machine_rules.py",
    "question_rules.py",
]


def test_every_authoring_mutation_has_a_scope() -> None:
    fields = {f.name for f in AuthoringMutation.__strawberry_definition__.fields}  # type: ignore[attr-defined]
    names = {schema.config.name_converter.apply_naming_config(f) for f in fields}
    assert names == set(AUTHORING_SCOPES)
    for name, scope in AUTHORING_SCOPES.items():
        assert MUTATION_SCOPES[name] is scope
    admin_only = {n for n, s in AUTHORING_SCOPES.items() if s is ApiScope.ADMIN}
    assert admin_only == {
        "versionReview",
        "versionArchive",
        "versionRevertToDraft",
        "versionUnpublish",
        "versionFeature",
    }


@pytest.mark.parametrize(
    ("scopes", "role", "code"),
    [
        ({ApiScope.READ}, UserRole.CREATOR, "FORBIDDEN"),  # lacks AUTHORING
        ({ApiScope.AUTHORING}, UserRole.CREATOR, None),
        ({ApiScope.AUTHORING}, UserRole.USER, "FORBIDDEN"),  # a learner's role
    ],
)
async def test_api_tokens_need_the_authoring_scope(
    settings: Settings, creator: User, scopes: set[ApiScope], role: UserRole, code: str | None
) -> None:
    viewer = Viewer(id=creator.id, role=role, scopes=frozenset(scopes))
    result = await schema.execute(
        document("scenarioCreate"),
        variable_values={"input": SCENARIO},
        context_value=Context(settings=settings, viewer=viewer),
    )
    if code is None:
        assert result.errors is None
        assert result.data is not None
        assert result.data["scenarioCreate"]["errors"] == []
    else:
        assert result.errors is not None
        assert result.errors[0].extensions == {"code": code}


def test_every_code_the_services_raise_is_in_the_schema() -> None:
    raised: set[str] = set()
    for name in OWN_SERVICES:
        text = (SERVICES / name).read_text()
        raised |= set(re.findall(r"DomainError\(\s*\w+Code\.([A-Z_]+)", text))
    assert raised
    assert raised <= {c.name for c in AuthoringErrorCode}
