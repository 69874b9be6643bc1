"""``api/validation_cache``: a document is validated once per schema and rules, found again
by its identity (the parse cache hands out one document per query text), never hashed."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import DocumentNode, parse, specified_rules
from strawberry.schema.schema import validate_document

from rangex_graphql.api import validation_cache
from rangex_graphql.api.schema import schema
from rangex_graphql.api.validation_cache import DocumentValidationCache
from rangex_graphql.settings import Settings
from tests.api.graphql import run

RULES = tuple(specified_rules)


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[DocumentNode]:
    """The documents validated for real, in order."""
    seen: list[DocumentNode] = []
    real = validate_document

    def counting(*args: Any) -> Any:
        seen.append(args[1])
        return real(*args)

    monkeypatch.setattr(f"{validation_cache.__name__}.validate_document", counting)
    return seen


async def test_a_query_sent_again_is_not_validated_nor_hashed_again(
    settings: Settings, validations: list[DocumentNode], monkeypatch: pytest.MonkeyPatch
) -> None:
    query = "query CacheProbe { __typename }"
    assert await run(settings, query) == ({"__typename": "Query"}, [])
    assert len(validations) == 1

    def no_hashing(self: object) -> int:
        raise AssertionError("the whole document was hashed")

    monkeypatch.setattr(DocumentNode, "__hash__", no_hashing)
    assert await run(settings, query) == ({"__typename": "Query"}, [])
    assert len(validations) == 1


async def test_an_invalid_query_gives_the_same_errors_from_the_cache(
    settings: Settings, validations: list[DocumentNode]
) -> None:
    query = "query CacheProbeInvalid { nope }"
    first = await run(settings, query)
    again = await run(settings, query)
    assert first == again
    assert first[0] is None
    assert "Cannot query field 'nope'" in first[1][0]["message"]
    assert len(validations) == 1


async def test_other_limits_are_other_rules_and_validated_apart(
    settings: Settings, db: None, validations: list[DocumentNode]
) -> None:
    query = "query CacheProbeDeep { scenarios(first: 1) { nodes { id } } }"  # 2 levels
    shallow = settings.model_copy(update={"max_query_depth": 1})
    assert await run(settings, query) == ({"scenarios": {"nodes": []}}, [])
    _, refused = await run(shallow, query)
    assert [e["extensions"]["code"] for e in refused] == ["QUERY_TOO_DEEP"]
    assert len(validations) == 2


def test_an_equal_document_parsed_anew_is_validated_again() -> None:
    cache = DocumentValidationCache(maxsize=8)
    first, second = parse("{ __typename }"), parse("{ __typename }")
    assert cache.validate(schema._schema, first, RULES) == []
    assert cache.validate(schema._schema, second, RULES) == []
    assert len(cache) == 2


def test_the_cache_is_bounded_and_drops_the_least_recently_used(
    validations: list[DocumentNode],
) -> None:
    cache = DocumentValidationCache(maxsize=2)
    a, b, c = (parse(f"query Q{n} {{ __typename }}") for n in range(3))
    for document in (a, b, a, c):  # a used again: b is the oldest when c arrives
        cache.validate(schema._schema, document, RULES)
    assert len(cache) == 2
    assert validations == [a, b, c]
    cache.validate(schema._schema, a, RULES)
    assert validations == [a, b, c]
    cache.validate(schema._schema, b, RULES)
    assert validations == [a, b, c, b]
