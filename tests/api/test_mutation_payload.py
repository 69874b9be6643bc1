"""``mutation_payload``: every mutation's failures as its payload's typed errors, codes
mapped by value from the services' enums, and a fresh view of the data after a success."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import strawberry
from mypy import api as mypy_api
from strawberry.dataloader import DataLoader
from strawberry.types.base import StrawberryObjectDefinition

from rangex_graphql.api.context import Context, Info
from rangex_graphql.api.payload import DECLARED, mutation_payload
from rangex_graphql.api.schema import schema as api_schema
from rangex_graphql.services.errors import DomainError, DomainErrors, ErrorCode
from rangex_graphql.settings import Settings


class PetCode(ErrorCode):
    TAKEN = "TAKEN"
    TOO_LONG = "TOO_LONG"


class VetCode(ErrorCode):
    CLOSED = "CLOSED"


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


async def _names(keys: list[int]) -> list[str]:
    return [str(key) for key in keys]


def names_by_id() -> DataLoader[int, str]:
    return DataLoader(load_fn=_names)


# The loader each call of the resolver used, to compare with the one after it.
LOADERS_SEEN: list[DataLoader[int, str]] = []


@strawberry.type
class Mutation:
    @strawberry.mutation
    @mutation_payload(PetPayload, PetCode)
    async def pet_name(self, info: Info, name: str) -> PetPayload:
        loader = info.context.loader(names_by_id)
        LOADERS_SEEN.append(loader)
        await loader.load(1)
        if name == "taken":
            raise DomainError(PetCode.TAKEN, "that name is taken", "pet_name")
        if name == "both":
            raise DomainErrors(
                [
                    DomainError(PetCode.TAKEN, "taken", "pet_name"),
                    DomainError(PetCode.TOO_LONG, "long", None),
                ]
            )
        return PetPayload(name=name.title())


@strawberry.type
class Query:
    ok: bool = True


pet_schema = strawberry.Schema(query=Query, mutation=Mutation)
NAME = "mutation ($name: String!) { petName(name: $name) { name errors { field code message } } }"


async def name_pet(context: Context, name: str) -> dict[str, Any]:
    result = await pet_schema.execute(NAME, variable_values={"name": name}, context_value=context)
    assert result.errors is None
    assert result.data is not None
    payload: dict[str, Any] = result.data["petName"]
    return payload


@pytest.fixture
def context(settings: Settings) -> Context:
    LOADERS_SEEN.clear()
    return Context(settings=settings, viewer=None)


async def test_a_service_code_maps_by_value_onto_the_payload_enum(context: Context) -> None:
    assert await name_pet(context, "taken") == {
        "name": None,
        "errors": [{"field": "petName", "code": "TAKEN", "message": "that name is taken"}],
    }
    both = await name_pet(context, "both")
    assert [(e["field"], e["code"]) for e in both["errors"]] == [
        ("petName", "TAKEN"),
        (None, "TOO_LONG"),
    ]


async def test_a_success_resets_the_requests_loaders(context: Context) -> None:
    assert (await name_pet(context, "rex"))["name"] == "Rex"
    assert context.loader(names_by_id) is not LOADERS_SEEN[0]


async def test_a_failure_keeps_the_requests_loaders(context: Context) -> None:
    await name_pet(context, "taken")
    assert context.loader(names_by_id) is LOADERS_SEEN[0]


def test_a_payload_lacking_a_code_its_services_may_raise_is_refused() -> None:
    with pytest.raises(TypeError, match="CLOSED"):
        mutation_payload(PetPayload, PetCode, VetCode)


def test_a_mutation_must_name_the_codes_it_may_raise() -> None:
    with pytest.raises(TypeError, match="codes"):
        mutation_payload(PetPayload)


def test_every_mutation_declares_codes_its_payload_enum_holds() -> None:
    mutation = api_schema.get_type_by_name("Mutation")
    assert isinstance(mutation, StrawberryObjectDefinition)
    fields = mutation.fields
    assert len(fields) > 30
    for field in fields:
        assert field.base_resolver is not None
        resolver: Any = field.base_resolver.wrapped_func
        declared = DECLARED.get(resolver)
        assert declared is not None, f"{field.name} is not wrapped in mutation_payload"
        assert declared.payload is field.type, field.name
        assert declared.errors.missing(declared.raises) == set(), field.name


def test_a_misspelt_or_bare_string_code_is_a_type_error(tmp_path: Path) -> None:
    module = tmp_path / "misspelt.py"
    module.write_text(
        "from rangex_graphql.services.account_errors import AccountCode\n"
        "from rangex_graphql.services.errors import DomainError\n"
        'DomainError(AccountCode.INVALDI, "a typo")\n'
        'DomainError("INVALID", "a bare string")\n'
    )
    report, _, status = mypy_api.run(
        ["--strict", "--follow-imports=silent", f"--cache-dir={tmp_path / 'cache'}", str(module)]
    )
    assert status == 1
    assert 'has no attribute "INVALDI"' in report
    assert 'incompatible type "str"; expected "ErrorCode"' in report
