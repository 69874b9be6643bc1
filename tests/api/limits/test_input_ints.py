"""Every Int argument and input field of the schema, sent the extremes of GraphQL Int: a
clear error or an answer, never INTERNAL_SERVER_ERROR."""

from __future__ import annotations

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)

from rangex_graphql.api.limits.input_lengths import argument_coordinate, input_field_coordinate
from rangex_graphql.models import User
from rangex_graphql.settings import Settings
from tests.api.graphql import run
from tests.api.limits.test_input_strings import (
    GRAPHQL,
    Case,
    _carrier,
    internal_errors,
    world,
)

pytestmark = pytest.mark.usefixtures("db")
__all__ = ["world"]  # the fixture, shared


def int_inputs(schema: GraphQLSchema) -> list[tuple[str, str, GraphQLArgument | GraphQLInputField]]:
    found: list[tuple[str, str, GraphQLArgument | GraphQLInputField]] = []
    for type_name, named in schema.type_map.items():
        if type_name.startswith("__"):
            continue
        if isinstance(named, GraphQLObjectType):
            for field_name, field in named.fields.items():
                for name, argument in field.args.items():
                    if get_named_type(argument.type).name == "Int":
                        found.append(
                            (argument_coordinate(type_name, field_name, name), name, argument)
                        )
        elif isinstance(named, GraphQLInputObjectType):
            for name, input_field in named.fields.items():
                if get_named_type(input_field.type).name == "Int":
                    found.append((input_field_coordinate(type_name, name), name, input_field))
    return found


def cases() -> list[Case]:
    found: list[Case] = []
    for coordinate, name, _ in int_inputs(GRAPHQL):
        if coordinate.startswith("Subscription."):
            continue  # not a query: tests/api/subscriptions send them over a socket
        if "(" in coordinate:
            parent, rest = coordinate.split(".", 1)
            found.append((coordinate, parent, rest.split("(")[0], name, None))
            continue
        input_type = coordinate.split(".")[0]
        carrier = _carrier(input_type)
        assert carrier is not None, coordinate
        found.append((coordinate, *carrier, (input_type, name)))
    return found


CASES = cases()


def test_the_ints_are_found() -> None:
    names = {case[0] for case in CASES}
    assert {"QuestionAddInput.points", "SessionExtendInput.minutes", "Query.users(first:)"} <= names


@pytest.mark.parametrize("number", [2**31 - 1, -(2**31), 0], ids=["max", "min", "zero"])
async def test_no_int_input_gives_an_internal_error(
    settings: Settings, world: dict[str, str], number: int
) -> None:
    assert await internal_errors(settings, world, CASES, number) == []


QUESTION_ADD = """mutation($version: ID!, $points: Int!, $attempts: Int!) {
  questionAdd(input: {versionId: $version, prompt: "Which port?", kind: FLAG,
      points: $points, maxAttempts: $attempts, expectedAnswers: ["22"]}) {
    question { points } errors { field code } } }"""


@pytest.mark.parametrize(
    ("points", "attempts", "field"),
    [
        (2**31 - 1, 3, "points"),
        (1_001, 3, "points"),
        (0, 3, "points"),
        (10, 2**31 - 1, "maxAttempts"),
    ],
)
async def test_points_and_attempts_out_of_range_are_payload_errors(
    settings: Settings, world: dict[str, str], points: int, attempts: int, field: str
) -> None:
    admin = await User.get(id=world["viewer"])
    variables = {"version": world["versionId"], "points": points, "attempts": attempts}
    data, errors = await run(settings, QUESTION_ADD, variables, as_user=admin)
    assert errors == []
    assert data == {
        "questionAdd": {"question": None, "errors": [{"field": field, "code": "INVALID"}]}
    }
    variables.update(points=1_000, attempts=100)
    data, errors = await run(settings, QUESTION_ADD, variables, as_user=admin)
    assert errors == []
    assert data is not None
    assert data["questionAdd"] == {"question": {"points": 1_000}, "errors": []}
