"""The inputs fuzzing found giving internal errors, each now a BAD_USER_INPUT (or an
answer) with the argument's path."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, cast

import pytest

from rangex_graphql.api.context import Context
from rangex_graphql.api.schema import schema
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run, viewer_of

pytestmark = pytest.mark.usefixtures("db")

SIGN_IN = """mutation($login: String!) {
  tokenCreate(input: {login: $login, password: "wrong password"}) {
    errors { field code } } }"""
RESET = """mutation($email: String!) {
  passwordResetRequest(input: {email: $email}) { __typename } }"""


def codes(errors: list[dict[str, Any]]) -> list[str]:
    return [error["extensions"]["code"] for error in errors]


def bad_input_at(errors: list[dict[str, Any]], field: str) -> None:
    assert codes(errors) == ["BAD_USER_INPUT"], errors
    assert errors[0]["extensions"]["field"] == field
    assert errors[0]["message"].startswith(f"{field}: ")


async def test_an_unknown_login_longer_than_the_e_mail_column_is_bad_input(
    settings: Settings,
) -> None:
    _, errors = await run(settings, SIGN_IN, {"login": "a" * 255})
    bad_input_at(errors, "input.login")
    assert "at most 254 characters" in errors[0]["message"]


@pytest.mark.parametrize("length", [31, 120, 254])
async def test_an_unknown_login_longer_than_a_username_is_a_failed_sign_in(
    settings: Settings, length: int
) -> None:
    data, errors = await run(settings, SIGN_IN, {"login": "a" * length})
    assert not errors
    assert data is not None
    assert data["tokenCreate"]["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_a_255_character_e_mail_for_a_password_reset_is_bad_input(
    settings: Settings,
) -> None:
    _, errors = await run(settings, RESET, {"email": "a" * 243 + "@example.org"})
    bad_input_at(errors, "input.email")


@pytest.mark.parametrize(
    ("document", "field", "length"),
    [
        ("{ scenarios(filter: {tag: $s}) { totalCount } }", "filter.tag", 41),
        ("{ scenarios(filter: {category: $s}) { totalCount } }", "filter.category", 65),
        ("{ team(slug: $s) { id } }", "slug", 101),
        ("{ event(slug: $s) { id } }", "slug", 181),
        ("{ auditLogs(filter: {action: $s}) { totalCount } }", "filter.action", 65),
        ("{ scenarios(filter: {search: $s}) { totalCount } }", "filter.search", 200_000),
    ],
)
async def test_a_string_longer_than_its_column_is_bad_input(
    settings: Settings, document: str, field: str, length: int
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    query = "query($s: String!) " + document
    _, errors = await run(settings, query, {"s": "%" * length}, as_user=admin)
    bad_input_at(errors, field)
    just_fits = {"s": "%" * (length - 1)}
    if length < 1_000:
        _, errors = await run(settings, query, just_fits, as_user=admin)
        assert errors == [], errors


async def test_the_same_limit_holds_for_inline_literals(settings: Settings) -> None:
    admin = await factories.user(UserRole.ADMIN)
    query = '{ team(slug: "%s") { id } }' % ("t" * 101)
    _, errors = await run(settings, query, as_user=admin)
    bad_input_at(errors, "slug")


async def test_a_lone_surrogate_is_bad_input_anonymous_sign_in_included(
    settings: Settings,
) -> None:
    _, errors = await run(settings, SIGN_IN, {"login": "alice\ud800"})
    assert codes(errors) == ["BAD_USER_INPUT"]
    assert "not valid Unicode" in errors[0]["message"]
    assert "\ud800" not in errors[0]["message"]


async def test_a_lone_surrogate_in_a_variable_of_any_type_is_bad_input(
    settings: Settings,
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    document = "query($x: DateTime) { auditLogs(filter: {since: $x}) { totalCount } }"
    _, errors = await run(settings, document, {"x": "2024\udfff"}, as_user=admin)
    bad_input_at(errors, "filter.since")


async def test_a_lone_surrogate_in_a_key_is_bad_input(settings: Settings) -> None:
    document = "mutation($in: TokenCreateInput!) { tokenCreate(input: $in) { __typename } }"
    variables = {"in": {"login": "a", "password": "b", "x\ud800": 1}}
    _, errors = await run(settings, document, variables)
    assert codes(errors) == ["BAD_USER_INPUT"]
    assert "not valid Unicode" in errors[0]["message"]


async def test_a_nul_character_is_bad_input(settings: Settings) -> None:
    _, errors = await run(settings, SIGN_IN, {"login": "alice\x00"})
    bad_input_at(errors, "input.login")
    assert "NUL" in errors[0]["message"]


async def test_an_escaped_lone_surrogate_in_a_literal_is_refused(settings: Settings) -> None:
    document = '{ team(slug: "\\ud800") { id } }'
    _, errors = await run(settings, document)
    assert errors
    assert "INTERNAL_SERVER_ERROR" not in str(errors)


async def test_subscription_arguments_are_checked_too(settings: Settings) -> None:
    viewer = await factories.user()
    document = "subscription($id: ID!) { sessionUpdated(id: $id) { __typename } }"
    context = Context(settings=settings, viewer=viewer_of(viewer))
    results = await schema.subscribe(
        document, variable_values={"id": "x" * 101}, context_value=context
    )
    first = await anext(results) if isinstance(results, AsyncIterator) else results
    errors = [cast("dict[str, Any]", error.formatted) for error in first.errors or []]
    bad_input_at(errors, "id")
    assert "at most 100 characters" in errors[0]["message"]
