"""The one way a mutation runs: ``failures_into`` turns a service's expected failures into
the payload's typed errors, and ``from_input`` builds the service's spec from the input."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

import pytest
import strawberry

from rangex_graphql.api.authoring.mutations.common import from_input
from rangex_graphql.api.errors import BadUserInput
from rangex_graphql.api.payload import failures_into, payload_errors
from rangex_graphql.services.errors import DomainError, DomainErrors, ErrorCode


class PetCode(ErrorCode):
    """What the pet service raises; mapped by value onto ``PetErrorCode``."""

    TAKEN = "TAKEN"
    TOO_LONG = "TOO_LONG"


@strawberry.enum
class PetErrorCode(Enum):
    TAKEN = "TAKEN"
    TOO_LONG = "TOO_LONG"


@strawberry.type
class PetError:
    field: str | None
    code: PetErrorCode
    message: str


@strawberry.type
class PetPayload:
    name: str | None = None
    errors: list[PetError] = strawberry.field(default_factory=list)


def pet_errors(failure: DomainError | DomainErrors) -> list[PetError]:
    return payload_errors(
        failure, PetErrorCode, lambda f, c, m: PetError(field=f, code=c, message=m)
    )


@strawberry.input
class PetNameInput:
    name: str


async def name_pet(name: str) -> str:
    if name == "taken":
        raise DomainError(PetCode.TAKEN, "that name is taken", "pet_name")
    if name == "both":
        raise DomainErrors(
            [
                DomainError(PetCode.TAKEN, "taken", "pet_name"),
                DomainError(PetCode.TOO_LONG, "long", None),
            ]
        )
    if name == "bad-id":
        raise BadUserInput("not a pet ID", field="petId")
    return name.title()


@strawberry.type
class Mutation:
    @strawberry.mutation
    @failures_into(PetPayload, pet_errors)
    async def pet_name(self, info: strawberry.Info, input: PetNameInput) -> PetPayload:
        return PetPayload(name=await name_pet(input.name))


@strawberry.type
class Query:
    ok: bool = True


schema = strawberry.Schema(query=Query, mutation=Mutation)
NAME = """mutation ($name: String!) {
  petName(input: {name: $name}) { name errors { field code message } }
}"""


async def name(value: str) -> Any:
    return await schema.execute(NAME, variable_values={"name": value})


def test_the_wrapped_resolver_keeps_its_arguments_and_payload_type() -> None:
    sdl = schema.as_str()
    assert "petName(input: PetNameInput!): PetPayload!" in sdl


async def test_success_is_the_resolvers_own_payload() -> None:
    result = await name("rex")
    assert result.errors is None
    assert result.data == {"petName": {"name": "Rex", "errors": []}}


async def test_a_domain_error_is_a_payload_error_with_code_and_camel_case_field() -> None:
    result = await name("taken")
    assert result.errors is None
    assert result.data == {
        "petName": {
            "name": None,
            "errors": [{"field": "petName", "code": "TAKEN", "message": "that name is taken"}],
        }
    }


async def test_every_error_of_a_domain_errors_comes_back_in_order() -> None:
    result = await name("both")
    errors = result.data["petName"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("petName", "TAKEN"), (None, "TOO_LONG")]


async def test_other_errors_stay_top_level_errors() -> None:
    result = await name("bad-id")
    assert result.data is None
    assert [e.extensions for e in result.errors or []] == [
        {"code": "BAD_USER_INPUT", "field": "petId"}
    ]


@dataclass(frozen=True)
class PetSpec:
    name: str
    legs: int = 4
    tag: str | None = None


@dataclass
class PetInput:
    pet_id: str
    name: str
    legs: int
    tag: list[str]


def test_from_input_takes_each_spec_field_from_the_input_or_from_given() -> None:
    spec = from_input(PetSpec, PetInput("p1", "Rex", 3, ["a", "b"]), tag="a,b")
    assert spec == PetSpec(name="Rex", legs=3, tag="a,b")


def test_from_input_refuses_a_spec_field_the_input_lacks() -> None:
    @dataclass
    class Short:
        name: str

    with pytest.raises(AttributeError, match="legs"):
        from_input(PetSpec, Short("Rex"))


def test_from_input_refuses_a_given_name_the_spec_lacks() -> None:
    with pytest.raises(TypeError, match="colour"):
        from_input(PetSpec, PetInput("p1", "Rex", 3, []), tag=None, colour="red")
