"""GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) on the tiny schema."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.websockets import WebSocket

from rangex_graphql.api.http.view import ContextGetter, RequestRefused, graphql_routes
from rangex_graphql.settings import Settings

from .conftest import client_for, tiny_schema

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def media_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


async def post(
    client: httpx.AsyncClient, body: Any, accept: str | None = GRAPHQL_RESPONSE
) -> httpx.Response:
    headers = {"accept": accept} if accept is not None else {}
    return await client.post("/graphql", json=body, headers=headers)


# --- success ----------------------------------------------------------------------------------


async def test_post_query_answers_200_in_the_accepted_type(client: httpx.AsyncClient) -> None:
    response = await post(
        client, {"query": "query($n: String!) { hello(name: $n) }", "variables": {"n": "range"}}
    )
    assert response.status_code == 200
    assert media_type(response) == GRAPHQL_RESPONSE
    assert response.json() == {"data": {"hello": "hello range"}}


async def test_get_query_executes(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql",
        params={"query": "query($n: String!) { hello(name: $n) }", "variables": '{"n": "get"}'},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "hello get"}}


async def test_mutation_over_post_executes(client: httpx.AsyncClient) -> None:
    response = await post(client, {"query": "mutation { bump(by: 2) }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"bump": 2}}


async def test_the_context_getter_builds_the_context(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={"query": '{ requestHeader(name: "x-range") }'},
        headers={"accept": GRAPHQL_RESPONSE, "x-range": "blue"},
    )
    assert response.json() == {"data": {"requestHeader": "blue"}}


async def test_resolver_error_is_200_with_data_and_a_code(client: httpx.AsyncClient) -> None:
    response = await post(client, {"query": "{ hello broken }"})
    assert response.status_code == 200
    body = response.json()
    assert "data" in body
    assert body["data"] is None  # non-null field error bubbles to the root: execution started
    assert codes(response) == ["INTERNAL_SERVER_ERROR"]
    assert body["errors"][0]["path"] == ["broken"]


# --- request errors under application/graphql-response+json: 4xx, no data ---------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ hello", "GRAPHQL_PARSE_FAILED"),
        ("{ unknownField }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ hello(name: 1) }", "GRAPHQL_VALIDATION_FAILED"),
        ("query($n: String!) { hello(name: $n) }", "BAD_USER_INPUT"),
    ],
    ids=["parse", "unknown-field", "argument-type", "missing-variable"],
)
async def test_request_error_is_400_without_data(
    client: httpx.AsyncClient, query: str, code: str
) -> None:
    response = await post(client, {"query": query})
    assert response.status_code == 400
    assert media_type(response) == GRAPHQL_RESPONSE
    body = response.json()
    assert "data" not in body
    assert codes(response) == [code]
    assert body["errors"][0]["message"]


async def test_unknown_operation_name_is_400(client: httpx.AsyncClient) -> None:
    response = await post(client, {"query": "query A { hello }", "operationName": "B"})
    assert response.status_code == 400
    assert codes(response) == ["OPERATION_RESOLUTION_FAILURE"]


async def test_subscription_over_http_is_refused(client: httpx.AsyncClient) -> None:
    response = await post(client, {"query": "subscription { count(to: 1) }"})
    assert response.status_code == 400
    assert codes(response) == ["OPERATION_NOT_SUPPORTED"]


# --- legacy application/json: request errors are 200, still without data ---------------------


@pytest.mark.parametrize("accept", [JSON, None, "*/*", "application/*"])
async def test_legacy_json_keeps_200_for_parse_errors(
    client: httpx.AsyncClient, accept: str | None
) -> None:
    response = await post(client, {"query": "{ hello"}, accept=accept)
    assert response.status_code == 200
    assert media_type(response) == JSON
    assert "data" not in response.json()
    assert codes(response) == ["GRAPHQL_PARSE_FAILED"]


async def test_legacy_json_keeps_200_for_validation_errors(client: httpx.AsyncClient) -> None:
    response = await post(client, {"query": "{ unknownField }"}, accept=JSON)
    assert response.status_code == 200
    assert codes(response) == ["GRAPHQL_VALIDATION_FAILED"]


# --- Accept negotiation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, {JSON};q=0.9", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, {JSON}", GRAPHQL_RESPONSE),  # what GraphiQL sends
        (f"{GRAPHQL_RESPONSE};q=0.5, {JSON}", JSON),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0", JSON),
        ("*/*", JSON),
    ],
)
async def test_accept_picks_the_response_type(
    client: httpx.AsyncClient, accept: str, expected: str
) -> None:
    response = await post(client, {"query": "{ hello }"}, accept=accept)
    assert response.status_code == 200
    assert media_type(response) == expected


@pytest.mark.parametrize("accept", ["text/plain", "application/xml", f"{JSON};q=0"])
async def test_unacceptable_accept_is_406(client: httpx.AsyncClient, accept: str) -> None:
    response = await post(client, {"query": "{ hello }"}, accept=accept)
    assert response.status_code == 406
    assert codes(response) == ["NOT_ACCEPTABLE"]


# --- methods and request bodies ------------------------------------------------------------------


async def test_mutation_over_get_is_405(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params={"query": "mutation { bump }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert codes(response) == ["METHOD_NOT_ALLOWED"]


async def test_mutation_over_get_is_405_for_legacy_clients_too(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "mutation { bump }"})
    assert response.status_code == 405


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_other_methods_are_405(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, "/graphql", json={"query": "{ hello }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/graphql", "application/jsonx", f"{JSON}; charset=latin-1"],
)
async def test_unsupported_media_type_is_415(
    client: httpx.AsyncClient, content_type: str | None
) -> None:
    headers = {"accept": GRAPHQL_RESPONSE}
    if content_type:
        headers["content-type"] = content_type
    response = await client.post(
        "/graphql", content=json.dumps({"query": "{ hello }"}), headers=headers
    )
    assert response.status_code == 415
    assert codes(response) == ["UNSUPPORTED_MEDIA_TYPE"]


async def test_json_with_utf8_charset_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        content=json.dumps({"query": "{ hello }"}),
        headers={"content-type": f"{JSON}; charset=UTF-8", "accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe\xfd", b"[" * 100_000, b""],
    ids=["syntax", "not-utf8", "too-deep", "empty"],
)
@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
async def test_malformed_json_is_400_with_a_message(
    client: httpx.AsyncClient, body: bytes, accept: str
) -> None:
    response = await client.post(
        "/graphql", content=body, headers={"content-type": JSON, "accept": accept}
    )
    assert response.status_code == 400
    assert media_type(response) == accept
    assert codes(response) == ["BAD_REQUEST"]
    assert "Malformed JSON" in response.json()["errors"][0]["message"]
    assert "Traceback" not in response.text


async def test_batched_requests_are_refused(client: httpx.AsyncClient) -> None:
    response = await post(client, [{"query": "{ hello }"}, {"query": "{ hello }"}])
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]
    assert "Batched requests are not supported" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"query": ""},
        {"query": 42},
        {"query": "{ hello }", "variables": [1]},
        {"query": "{ hello }", "variables": "{}"},
        {"query": "{ hello }", "operationName": 3},
        {"query": "{ hello }", "extensions": "x"},
        "{ hello }",
        7,
    ],
)
@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
async def test_invalid_request_parameters_are_400(
    client: httpx.AsyncClient, body: Any, accept: str
) -> None:
    response = await post(client, body, accept=accept)
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


async def test_get_without_query_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


async def test_get_with_malformed_variables_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql",
        params={"query": "query($n: String!) { hello(name: $n) }", "variables": "{n:"},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


# --- failures while building the context ------------------------------------------------------


def app_with_context(context_getter: ContextGetter) -> Starlette:
    return Starlette(
        routes=graphql_routes(
            tiny_schema, context_getter, Settings(migrate_on_start=False, graphiql=False)
        )
    )


async def test_context_getter_can_refuse_a_request() -> None:
    async def refuse(request: Request | WebSocket) -> None:
        raise RequestRefused(401, "The access token has expired", "UNAUTHENTICATED")

    async with client_for(app_with_context(refuse)) as client:
        response = await post(client, {"query": "{ hello }"})
    assert response.status_code == 401
    assert media_type(response) == GRAPHQL_RESPONSE
    assert codes(response) == ["UNAUTHENTICATED"]


async def test_unexpected_failure_is_a_json_500_without_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def crash(request: Request | WebSocket) -> None:
        raise RuntimeError("secret detail")

    async with client_for(app_with_context(crash)) as client:
        response = await post(client, {"query": "{ hello }"})
    assert response.status_code == 500
    assert codes(response) == ["INTERNAL_SERVER_ERROR"]
    assert "secret detail" not in response.text
    assert "Traceback" not in response.text
    assert "secret detail" in caplog.text
