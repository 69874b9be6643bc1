"""Every string argument and input field of the schema, sent long strings and a lone
surrogate: a clear error or an answer, never INTERNAL_SERVER_ERROR."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
    is_leaf_type,
)

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.limits.input_lengths import (
    DECLARED_MAX_LENGTHS,
    max_length,
    string_inputs,
)
from rangex_graphql.api.schema import schema
from rangex_graphql.models import Machine, Question, User
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run

pytestmark = pytest.mark.usefixtures("db")

GRAPHQL = schema._schema
ROOTS = ("Query", "Mutation")
PLACEHOLDERS: dict[str, Any] = {
    "String": "x",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "DateTime": "2024-01-01T00:00:00+00:00",
    "Decimal": "1.5",
    "Date": "2024-01-01",
}
Case = tuple[str, str, str, str, tuple[str, str] | None]
VALUES = {"300": "%" * 300, "5000": "a" * 5_000, "surrogate": "ok\ud800"}


def placeholder(
    type_: GraphQLInputType,
    target: tuple[str, str] | None,
    text: object,
    ids: dict[str, str],
    name: str = "",
) -> Any:
    """A value of ``type_``: required fields filled in, ``target`` (input type, field) set
    to ``text`` wherever it occurs; an ID is ``ids[name]`` (an object of the world)."""
    if isinstance(type_, GraphQLNonNull):
        return placeholder(type_.of_type, target, text, ids, name)
    if isinstance(type_, GraphQLList):
        return [placeholder(type_.of_type, target, text, ids, name)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLScalarType):
        if type_.name == "ID":
            return ids.get(name, ids["scenarioId"])
        return PLACEHOLDERS.get(type_.name, "x")
    assert isinstance(type_, GraphQLInputObjectType)
    value: dict[str, Any] = {}
    for name, field in type_.fields.items():
        if target == (type_.name, name):
            value[name] = [text] if _is_list(field.type) else text
        elif _holds(field.type, target) or (
            isinstance(field.type, GraphQLNonNull) and field.default_value is not None
        ):
            value[name] = placeholder(field.type, target, text, ids, name)
    return value


def _is_list(type_: GraphQLInputType) -> bool:
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    return isinstance(inner, GraphQLList)


def _holds(type_: GraphQLInputType, target: tuple[str, str] | None, depth: int = 0) -> bool:
    """Whether ``type_`` is required, or contains the target input type."""
    if isinstance(type_, GraphQLNonNull):
        return True
    named = get_named_type(type_)
    if target is None or not isinstance(named, GraphQLInputObjectType) or depth > 4:
        return False
    return named.name == target[0] or any(
        _holds(f.type, target, depth + 1) for f in named.fields.values()
    )


def operation_for(
    parent: str, field_name: str, field: GraphQLField, target: tuple[str, str] | None
) -> tuple[str, list[tuple[str, GraphQLArgument]]]:
    """A document calling ``parent.field_name`` with every argument as a variable."""
    arguments = list(field.args.items())
    definitions = ", ".join(f"${name}: {argument.type}" for name, argument in arguments)
    call = ", ".join(f"{name}: ${name}" for name, _ in arguments)
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    body = f"{field_name}({call}){selection}"
    if parent in ROOTS:
        kind = "mutation" if parent == "Mutation" else "query"
        return f"{kind}({definitions}) {{ {body} }}", arguments
    node = "$node: ID!" + (f", {definitions}" if definitions else "")
    return f"query({node}) {{ node(id: $node) {{ ... on {parent} {{ {body} }} }} }}", arguments


def cases() -> list[Case]:
    """(coordinate, parent type, field, argument, target input field) per string input:
    an argument is sent itself; an input field inside the first argument that holds it."""
    found: list[Case] = []
    for coordinate, name, _ in string_inputs(GRAPHQL):
        if coordinate.startswith("Subscription."):
            continue
        if "(" in coordinate:
            parent, rest = coordinate.split(".", 1)
            found.append((coordinate, parent, rest.split("(")[0], name, None))
            continue
        input_type = coordinate.split(".")[0]
        carrier = _carrier(input_type)
        if carrier is not None:
            found.append((coordinate, *carrier, (input_type, name)))
    return found


def object_field(parent: str, name: str) -> GraphQLField:
    named = GRAPHQL.type_map[parent]
    assert isinstance(named, GraphQLObjectType)
    field: GraphQLField = named.fields[name]
    return field


def _carrier(input_type: str) -> tuple[str, str, str] | None:
    for parent in (*ROOTS, *sorted(GRAPHQL.type_map)):
        named = GRAPHQL.type_map[parent]
        if not isinstance(named, GraphQLObjectType) or parent.startswith("__"):
            continue
        for field_name, field in named.fields.items():
            for argument_name, argument in field.args.items():
                if _holds_type(argument.type, input_type):
                    return parent, field_name, argument_name
    return None


def _holds_type(type_: GraphQLInputType, name: str, depth: int = 0) -> bool:
    named = get_named_type(type_)
    if not isinstance(named, GraphQLInputObjectType) or depth > 4:
        return False
    return named.name == name or any(
        _holds_type(f.type, name, depth + 1) for f in named.fields.values()
    )


CASES = cases()


def test_every_string_input_has_a_case() -> None:
    covered = {case[0] for case in CASES}
    every = {c for c, _, _ in string_inputs(GRAPHQL) if not c.startswith("Subscription.")}
    assert covered == every
    assert len(every) > 60


@pytest.fixture
async def world() -> dict[str, str]:
    """An admin viewer, an object of each type with arguments below it (by type name),
    and the IDs an input's ID fields take (by field name)."""
    admin = await factories.user(UserRole.ADMIN)
    scenario = await factories.scenario(admin)
    draft = await factories.version(scenario, VersionStatus.DRAFT)
    published = await factories.version(await factories.scenario(admin))
    session = await factories.session(admin, published)
    event = await factories.event()
    question = await Question.filter(version=draft).first()
    machine = await Machine.filter(version=draft).first()
    assert question is not None
    assert machine is not None
    return {
        "viewer": str(admin.id),
        "User": to_global_id("User", admin.id),
        "Scenario": to_global_id("Scenario", scenario.id),
        "Event": to_global_id("Event", event.id),
        "ScenarioVersion": to_global_id("ScenarioVersion", draft.id),
        "scenarioId": to_global_id("Scenario", scenario.id),
        "versionId": to_global_id("ScenarioVersion", draft.id),
        "copyFrom": to_global_id("ScenarioVersion", draft.id),
        "questionId": to_global_id("Question", question.id),
        "machineId": to_global_id("Machine", machine.id),
        "sessionId": to_global_id("EnvironmentSession", session.id),
        "session": to_global_id("EnvironmentSession", session.id),
        "question": to_global_id("Question", question.id),
        "userId": to_global_id("User", admin.id),
        "id": to_global_id("EnvironmentSession", session.id),
    }


async def internal_errors(
    settings: Settings, world: dict[str, str], cases: list[Case], value: str | int
) -> list[tuple[str, str]]:
    """Sends ``value`` to each case's input as an admin; the cases that answered an
    internal error (or an error without a code), with the start of its message."""
    admin = await User.get(id=world["viewer"])
    failures = []
    for coordinate, parent, field_name, argument_name, target in cases:
        field = object_field(parent, field_name)
        document, arguments = operation_for(parent, field_name, field, target)
        variables: dict[str, Any] = {"node": world.get(parent)} if parent not in ROOTS else {}
        for name, argument in arguments:
            if name == argument_name and target is None:
                variables[name] = [value] if _is_list(argument.type) else value
            elif name == argument_name or isinstance(argument.type, GraphQLNonNull):
                variables[name] = placeholder(argument.type, target, value, world, name)
        _, errors = await run(settings, document, variables, as_user=admin)
        codes = {error.get("extensions", {}).get("code") for error in errors}
        if "INTERNAL_SERVER_ERROR" in codes or None in codes:
            failures.append((coordinate, errors[0]["message"][:160]))
    return failures


@pytest.mark.parametrize("text", list(VALUES.values()), ids=list(VALUES))
async def test_no_string_input_gives_an_internal_error(
    settings: Settings, world: dict[str, str], text: str
) -> None:
    assert await internal_errors(settings, world, CASES, text) == []


def _input_field(coordinate: str) -> GraphQLArgument | GraphQLInputField:
    return next(d for c, _, d in string_inputs(GRAPHQL) if c == coordinate)


@pytest.mark.parametrize(
    "coordinate", ["TokenCreateInput.login", "Query.team(slug:)", "ScenarioFilter.tag"]
)
def test_limits_are_told_in_the_schema(coordinate: str) -> None:
    description = _input_field(coordinate).description or ""
    assert "At most" in description
    assert "characters" in description


def test_every_string_input_has_a_declared_limit() -> None:
    """A new String argument or input field must be declared in ``input_lengths``."""
    undeclared = [
        coordinate
        for coordinate, name, definition in string_inputs(GRAPHQL)
        if max_length(coordinate, get_named_type(definition.type).name, name) is None
    ]
    assert undeclared == []
    assert all(
        (_input_field(c).description or "").count("characters")
        for c in DECLARED_MAX_LENGTHS
        if not c.startswith("Query.__type")
    )
