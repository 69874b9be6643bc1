"""What the API writes for values JSON has no plain form of, over HTTP and over WebSocket
(graphql-transport-ws and the legacy graphql-ws, both on the view's ``encode_json``).

A tiny schema of our own behind the real view: a ``JSON`` scalar passes the resolver's value
through as it is, which is how a ``Decimal``, a ``datetime`` or a NaN reaches the encoder.
"""

from __future__ import annotations

import asyncio
import enum
import json
import math
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
import pytest
import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.scalars import JSON

from rangex_graphql.api.http.view import graphql_routes
from rangex_graphql.settings import Settings
from tests.api.http.test_subscriptions import WebSocketSession


class Colour(enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


WHEN = datetime(2026, 12, 7, 6, 0, 0, 123456, tzinfo=UTC)
SOME_ID = UUID("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9")
BIG = 2**70  # beyond 64 bits

# name: (the resolver's value, what the client must read)
VALUES: dict[str, tuple[Any, Any]] = {
    "non_ascii": ("héllo — 日本 🛡", "héllo — 日本 🛡"),
    "decimal": (Decimal("12.50"), "12.50"),
    "datetime": (WHEN, "2026-12-07T06:00:00.123456+00:00"),
    "uuid": (SOME_ID, "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"),
    "enum": ([Colour.RED, Level.HIGH], ["red", 3]),
    "big_int": ([BIG, -BIG], [BIG, -BIG]),
    "nan": ([math.nan, math.inf, -math.inf, 1.5], [None, None, None, 1.5]),
    # All at once: the big int sends the whole document down the standard library's path.
    "mixed": (
        {"big": BIG, "nan": math.nan, "when": WHEN, "price": Decimal("1.10"), "c": Colour.RED},
        {"big": BIG, "nan": None, "when": "2026-12-07T06:00:00.123456+00:00", "price": "1.10"}
        | {"c": "red"},
    ),
    "lone_surrogate": ({"text": "a\ud800b"}, {"text": "a\ud800b"}),
}


@strawberry.type
class Query:
    @strawberry.field
    def value(self, name: str) -> JSON:
        value: JSON = VALUES[name][0]
        return value

    @strawberry.field
    def text(self, value: str) -> str:
        """Echoes a string: a lone surrogate a client sent as an escape comes back."""
        return value.replace("?", "\ud800")


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def value(self, name: str) -> AsyncIterator[JSON]:
        yield VALUES[name][0]
        await asyncio.sleep(0)


schema = strawberry.Schema(query=Query, subscription=Subscription)


async def plain_context(request: Request | WebSocket) -> dict[str, object]:
    return {"request": request}


def app(**settings: Any) -> Starlette:
    configured = Settings(migrate_on_start=False, graphiql=False, **settings)
    return Starlette(routes=graphql_routes(schema, plain_context, configured))


def strict_json(text: str | bytes) -> Any:
    """JSON as a browser reads it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


VALUE_QUERY = "query($n: String!) { value(name: $n) }"


@pytest.mark.parametrize("name", list(VALUES))
async def test_http_answers_every_value_as_json(client: httpx.AsyncClient, name: str) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "query($n: String!) { value(name: $n) }", "variables": {"n": name}},
    )
    assert response.status_code == 200, response.text
    assert strict_json(response.content) == {"data": {"value": VALUES[name][1]}}


async def test_http_writes_non_ascii_as_utf8(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": '{ value(name: "non_ascii") }'})
    assert "日本".encode() in response.content


async def test_http_writes_a_lone_surrogate_as_an_escape(client: httpx.AsyncClient) -> None:
    # The client's JSON escape "\ud800" decodes to a lone surrogate; it comes back escaped.
    body = '{"query": "query($v: String!) { text(value: $v) }", "variables": {"v": "x\\ud800?"}}'
    response = await client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.content.isascii()
    assert b'"x\\ud800\\ud800"' in response.content
    assert strict_json(response.content) == {"data": {"text": "x\ud800\ud800"}}


async def _first_payload(session: WebSocketSession, protocol: str, name: str) -> Any:
    accepted = await session.receive()
    assert accepted["type"] == "websocket.accept", accepted
    await session.send_json({"type": "connection_init"})
    assert (await session.receive_json())["type"] == "connection_ack"
    start = "subscribe" if protocol == "graphql-transport-ws" else "start"
    query = "subscription($n: String!) { value(name: $n) }"
    await session.send_json(
        {"id": "1", "type": start, "payload": {"query": query, "variables": {"n": name}}}
    )
    while True:
        message = await session.receive()
        assert message["type"] == "websocket.send", message
        assert message.get("text") is not None, "frames are text"
        decoded = strict_json(message["text"])
        if decoded["type"] != "ka":  # the legacy protocol's keep-alive
            await session.close()
            return decoded


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
@pytest.mark.parametrize("name", list(VALUES))
async def test_websocket_sends_every_value_as_json(protocol: str, name: str) -> None:
    session = WebSocketSession(app(ws_legacy_protocol=True), [protocol])
    message = await _first_payload(session, protocol, name)
    assert message["type"] == ("next" if protocol == "graphql-transport-ws" else "data"), message
    assert message["payload"] == {"data": {"value": VALUES[name][1]}}
