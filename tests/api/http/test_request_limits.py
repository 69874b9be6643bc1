"""Request size and reading time (api/http/request_limits.py), on the tiny schema's app."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.types import Message

from .conftest import client_for

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
CHUNK = 65_536
LIMIT = 1_048_576


@dataclass
class Exchange:
    """One HTTP request driven through the app with a body source of our own."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    bytes_delivered: int = 0

    def json(self) -> Any:
        return json.loads(self.body)

    def codes(self) -> list[str]:
        return [error["extensions"]["code"] for error in self.json()["errors"]]


async def exchange(
    app: Starlette,
    chunks: Any,
    *,
    headers: dict[str, str] | None = None,
    accept: str = GRAPHQL_RESPONSE,
) -> Exchange:
    """POST /graphql; ``chunks`` is an async iterator of body pieces, the last one ending it."""
    result = Exchange()
    raw_headers = [(b"content-type", b"application/json"), (b"accept", accept.encode())]
    raw_headers += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": raw_headers,
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    iterator = aiter(chunks)

    async def receive() -> Message:
        try:
            piece: bytes = await anext(iterator)
        except StopAsyncIteration:
            return {"type": "http.request", "body": b"", "more_body": False}
        result.bytes_delivered += len(piece)
        return {"type": "http.request", "body": piece, "more_body": True}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            result.status = message["status"]
            result.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            result.body += message.get("body", b"")

    await asyncio.wait_for(app(scope, receive, send), 10)
    return result


async def endless_body(chunk: int = CHUNK, total: int = 100 * LIMIT) -> Any:
    """100 MiB of a JSON string, a chunk at a time."""
    yield b'{"query": "{ hello }", "variables": {"pad": "'
    for _ in range(total // chunk):
        yield b"x" * chunk


# --- body size ---------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON])
async def test_a_body_past_the_limit_stops_being_read_and_is_413(
    app_for: Callable[..., Starlette], accept: str
) -> None:
    app = app_for(graphiql=False)

    result = await exchange(app, endless_body(), accept=accept)

    assert result.status == 413
    assert result.codes() == ["PAYLOAD_TOO_LARGE"]
    assert "data" not in result.json()
    assert result.headers["content-type"].startswith(accept)
    assert result.headers["connection"] == "close"
    assert result.bytes_delivered <= LIMIT + CHUNK


async def test_a_declared_length_past_the_limit_is_413_before_any_read(
    app_for: Callable[..., Starlette],
) -> None:
    app = app_for(graphiql=False, http_max_body_bytes=4096)

    result = await exchange(app, endless_body(), headers={"content-length": str(100 * LIMIT)})

    assert result.status == 413
    assert result.codes() == ["PAYLOAD_TOO_LARGE"]
    assert result.bytes_delivered == 0


async def test_a_body_within_the_limit_is_served(app_for: Callable[..., Starlette]) -> None:
    app = app_for(graphiql=False, http_max_body_bytes=4096)
    body = json.dumps({"query": "{ hello }", "variables": {"pad": "x" * 3000}}).encode()

    async def pieces() -> Any:
        yield body[:1000]
        yield body[1000:]

    result = await exchange(app, pieces())

    assert result.status == 200
    assert result.json() == {"data": {"hello": "hello world"}}


# --- body time ---------------------------------------------------------------------------------


async def test_a_body_trickling_past_the_timeout_is_408(app_for: Callable[..., Starlette]) -> None:
    app = app_for(graphiql=False, http_body_timeout_seconds=0.3)

    async def trickle() -> Any:
        while True:  # a byte at a time, never ending
            yield b" "
            await asyncio.sleep(0.02)

    result = await exchange(app, trickle())

    assert result.status == 408
    assert result.codes() == ["REQUEST_TIMEOUT"]
    assert result.headers["connection"] == "close"


# --- document, variables, URL --------------------------------------------------------------------


async def post(client: httpx.AsyncClient, body: Any) -> httpx.Response:
    return await client.post("/graphql", json=body, headers={"accept": GRAPHQL_RESPONSE})


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


async def test_a_document_past_its_byte_limit_is_413(app_for: Callable[..., Starlette]) -> None:
    # Whitespace is no token: only a byte limit stops it.
    async with client_for(app_for(graphiql=False, max_query_bytes=1024)) as client:
        refused = await post(client, {"query": "{ hello }" + " " * 1024})
        served = await post(client, {"query": "{ hello }" + " " * 1000})

    assert refused.status_code == 413
    assert codes(refused) == ["QUERY_TOO_LARGE"]
    assert "data" not in refused.json()
    assert served.json() == {"data": {"hello": "hello world"}}


async def test_a_document_is_measured_in_utf8_bytes(app_for: Callable[..., Starlette]) -> None:
    async with client_for(app_for(graphiql=False, max_query_bytes=1024)) as client:
        response = await post(client, {"query": "{ hello } # " + "é" * 600})
    assert codes(response) == ["QUERY_TOO_LARGE"]


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_variables_past_their_byte_limit_are_413(
    app_for: Callable[..., Starlette], method: str
) -> None:
    query = "query($n: String!) { hello(name: $n) }"
    async with client_for(app_for(graphiql=False, max_variables_bytes=1024)) as client:
        for name, expected in (("x" * 2000, 413), ("x" * 900, 200)):
            variables = {"n": name}
            if method == "GET":
                params = {"query": query, "variables": json.dumps(variables)}
                response = await client.get(
                    "/graphql", params=params, headers={"accept": GRAPHQL_RESPONSE}
                )
            else:
                response = await post(client, {"query": query, "variables": variables})
            assert response.status_code == expected
            if expected == 413:
                assert codes(response) == ["VARIABLES_TOO_LARGE"]


async def test_a_get_query_string_past_the_head_limit_is_414(
    app_for: Callable[..., Starlette],
) -> None:
    async with client_for(app_for(graphiql=False, http_max_head_bytes=4096)) as client:
        response = await client.get(
            "/graphql",
            params={"query": "{ hello }" + " " * 5000},
            headers={"accept": GRAPHQL_RESPONSE},
        )
    assert response.status_code == 414
    assert codes(response) == ["URI_TOO_LONG"]
