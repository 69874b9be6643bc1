"""Introspection: one ``__schema``/``__type`` per operation, answered from a cache."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import get_introspection_query
from strawberry import Schema

from rangex_graphql.api.context import Context
from rangex_graphql.api.limits import IntrospectionCache
from rangex_graphql.api.limits.introspection import MAX_INTROSPECTION_FIELDS
from rangex_graphql.api.schema import build_schema
from rangex_graphql.settings import Settings

INTROSPECTION_QUERY = get_introspection_query(descriptions=True)
SCHEMA_FIELD = "__schema { types { name fields { name } } }"


async def execute(
    settings: Settings, document: str, schema: Schema | None = None, **variables: object
) -> dict[str, Any]:
    schema = schema or SCHEMA
    result = await schema.execute(
        document,
        variable_values=variables or None,
        context_value=Context(settings=settings, viewer=None),
    )
    errors = [error.formatted for error in result.errors or []]
    return {"data": result.data, "errors": errors}


SCHEMA = build_schema()


def cache_of(schema: Schema) -> IntrospectionCache:
    factories = schema.extensions
    caches = [
        cell.cell_contents
        for factory in factories
        for cell in getattr(factory, "__closure__", None) or ()
        if isinstance(cell.cell_contents, IntrospectionCache)
    ]
    assert len(caches) == 1
    return caches[0]


@pytest.mark.parametrize(
    "document",
    [
        "{ " + " ".join(f"s{i}: {SCHEMA_FIELD}" for i in range(30)) + " }",
        '{ a: __schema { queryType { name } } b: __type(name: "Query") { name } }',
        "{ ...A ...B } fragment A on Query { a: __schema { queryType { name } } } "
        "fragment B on Query { b: __schema { queryType { name } } }",
    ],
    ids=["30 aliases", "schema and type", "through fragments"],
)
async def test_more_than_one_introspection_field_is_refused(
    settings: Settings, document: str
) -> None:
    result = await execute(settings, document)
    assert result["data"] is None
    [error] = result["errors"]
    assert error["extensions"]["code"] == "TOO_MANY_INTROSPECTION_FIELDS"
    assert f"the limit is {MAX_INTROSPECTION_FIELDS}" in error["message"]


async def test_one_introspection_field_with_typename_is_fine(settings: Settings) -> None:
    result = await execute(settings, '{ __typename __type(name: "Query") { name } }')
    assert result == {"data": {"__typename": "Query", "__type": {"name": "Query"}}, "errors": []}


async def test_the_introspection_query_is_answered_from_the_cache(settings: Settings) -> None:
    schema = build_schema()
    cache = cache_of(schema)
    first = await execute(settings, INTROSPECTION_QUERY, schema)
    assert first["errors"] == []
    assert len(cache) == 1
    cached = next(iter(cache._data.values()))
    cached["__schema"]["marker"] = "from the cache"
    second = await execute(settings, INTROSPECTION_QUERY, schema)
    assert second["data"]["__schema"]["marker"] == "from the cache"
    del cached["__schema"]["marker"]
    assert second == first


@pytest.mark.usefixtures("db")
async def test_operations_that_read_data_are_never_cached(settings: Settings) -> None:
    cache = cache_of(SCHEMA)
    before = len(cache)
    await execute(settings, '{ __type(name: "Query") { name } scenarios { totalCount } }')
    await execute(settings, "query($n: String!) { __type(name: $n) { name } }", n="User")
    assert len(cache) == before + 1  # the second only: its key holds its variables
    other = await execute(settings, "query($n: String!) { __type(name: $n) { name } }", n="Event")
    assert other["data"] == {"__type": {"name": "Event"}}


async def test_without_introspection_nothing_is_answered(settings: Settings) -> None:
    closed = build_schema(introspection=False)
    result = await closed.execute(
        INTROSPECTION_QUERY, context_value=Context(settings=settings, viewer=None)
    )
    assert result.data is None
    assert result.errors
