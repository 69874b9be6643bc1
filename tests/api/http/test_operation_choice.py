"""Which operation a request runs: `operationName` (GraphQL-over-HTTP audit 6C01/6C02) and
documents with several operations (GraphQL spec, GetOperation)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from rangex_graphql.api.http.operation_choice import has_several_operations

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
TWO_OPERATIONS = 'query A { hello } query B { hello(name: "b") }'


async def post(client: httpx.AsyncClient, body: Any, accept: str) -> httpx.Response:
    return await client.post("/graphql", json=body, headers={"accept": accept})


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


@pytest.mark.parametrize("operation_name", [0, False, 1.5, [], {}])
@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
async def test_an_operation_name_that_is_no_string_is_400(
    client: httpx.AsyncClient, operation_name: object, accept: str
) -> None:
    response = await post(client, {"query": "{ hello }", "operationName": operation_name}, accept)
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]
    assert "data" not in response.json()


@pytest.mark.parametrize("operation_name", [None, ""])
async def test_a_null_or_empty_operation_name_runs_the_only_operation(
    client: httpx.AsyncClient, operation_name: str | None
) -> None:
    body = {"query": "query A { hello }", "operationName": operation_name}
    response = await post(client, body, GRAPHQL_RESPONSE)
    assert response.json() == {"data": {"hello": "hello world"}}


@pytest.mark.parametrize(("accept", "status"), [(GRAPHQL_RESPONSE, 400), (JSON, 200)])
async def test_several_operations_without_a_name_are_a_request_error(
    client: httpx.AsyncClient, accept: str, status: int
) -> None:
    response = await post(client, {"query": TWO_OPERATIONS}, accept)
    assert response.status_code == status
    assert "data" not in response.json()
    assert codes(response) == ["OPERATION_RESOLUTION_FAILURE"]


async def test_several_operations_with_a_name_run_that_one(client: httpx.AsyncClient) -> None:
    body = {"query": TWO_OPERATIONS, "operationName": "B"}
    response = await post(client, body, GRAPHQL_RESPONSE)
    assert response.json() == {"data": {"hello": "hello b"}}


async def test_a_mutation_beside_a_query_does_not_run_unnamed(client: httpx.AsyncClient) -> None:
    response = await post(
        client, {"query": "mutation M { bump } query Q { hello }"}, GRAPHQL_RESPONSE
    )
    assert "data" not in response.json()
    assert codes(response) == ["OPERATION_RESOLUTION_FAILURE"]


async def test_several_operations_over_get_are_a_request_error(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params={"query": TWO_OPERATIONS}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    assert codes(response) == ["OPERATION_RESOLUTION_FAILURE"]


@pytest.mark.parametrize(
    ("document", "several"),
    [
        ("{ hello }", False),
        ("query query { hello }", False),  # an operation named `query`
        ("query A { hello } fragment F on Query { hello }", False),
        ('query A { hello(name: "query mutation") }', False),
        (TWO_OPERATIONS, True),
        ("query A { hello } mutation B { bump }", True),
        ("query A { hello } query B {", False),  # a syntax error: the executor reports it
    ],
)
def test_has_several_operations(document: str, several: bool) -> None:
    assert has_several_operations(document, max_tokens=2000) is several


def test_a_document_past_the_token_limit_is_left_to_the_executor() -> None:
    assert has_several_operations(TWO_OPERATIONS, max_tokens=5) is False
