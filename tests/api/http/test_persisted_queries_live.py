"""Persisted queries on the whole app served on a socket: over WebSocket (``subscribe``
carries the same extensions), and with the allow-list on."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from rangex_graphql.api.schema import schema
from rangex_graphql.models import PersistedQuery
from rangex_graphql.services.persisted_queries import Document, register_documents
from rangex_graphql.settings import PersistedQueriesMode
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.test_connection import legacy_message
from tests.api.subscriptions.test_legacy_protocol import legacy_socket, start

REGISTERED = "query Registered { __typename }"
UNREGISTERED = "query Unregistered { __typename }"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def payload(query: str | None, claimed: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256(claimed)}}
    }
    if query is not None:
        body["query"] = query
    return body


@pytest.fixture
async def registered(db: None) -> AsyncIterator[None]:
    await register_documents([Document(REGISTERED, "test")], schema._schema)
    yield
    await PersistedQuery.all().delete()


async def run_over_websocket(client: Client, id: str, body: dict[str, Any]) -> dict[str, Any]:
    await client.send({"id": id, "type": "subscribe", "payload": body})
    return await client.receive()


async def test_the_allow_list_holds_over_websocket(
    live: Callable[..., Any], registered: None
) -> None:
    server = await live(persisted_queries=PersistedQueriesMode.ONLY)
    async with Client.open(server.url) as client:
        ran = await run_over_websocket(client, "1", payload(None, REGISTERED))
        assert (ran["id"], ran["type"]) == ("1", "next")
        assert ran["payload"]["data"] == {"__typename": "Query"}
        assert (await client.receive())["type"] == "complete"

        for id, body in (
            ("2", {"query": UNREGISTERED}),
            ("3", payload(UNREGISTERED, UNREGISTERED)),
        ):
            refused = await run_over_websocket(client, id, body)
            assert (refused["id"], refused["type"]) == (id, "error")
            assert refused["payload"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_ALLOWED"


async def test_a_websocket_operation_whose_text_is_not_its_hash_is_refused(
    live: Callable[..., Any], db: None
) -> None:
    server = await live()
    async with Client.open(server.url) as client:
        refused = await run_over_websocket(client, "1", payload(UNREGISTERED, REGISTERED))
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
        ran = await run_over_websocket(client, "2", payload(UNREGISTERED, UNREGISTERED))
        assert ran["payload"]["data"] == {"__typename": "Query"}


async def test_the_allow_list_holds_over_http_on_the_app(
    live: Callable[..., Any], registered: None
) -> None:
    server = await live(persisted_queries=PersistedQueriesMode.ONLY)
    url = server.url.replace("ws://", "http://")
    async with httpx.AsyncClient() as client:
        ran = await client.post(url, json=payload(None, REGISTERED))
        assert ran.json()["data"] == {"__typename": "Query"}
        refused = await client.post(url, json={"query": "{ __schema { types { name } } }"})
        assert refused.status_code == 400
        assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_ALLOWED"


async def test_the_allow_list_holds_over_the_legacy_protocol(
    live: Callable[..., Any], registered: None
) -> None:
    server = await live(persisted_queries=PersistedQueriesMode.ONLY, ws_legacy_protocol=True)
    async with legacy_socket(server.url) as socket:
        await socket.send(
            json.dumps({"id": "1", "type": "start", "payload": payload(None, REGISTERED)})
        )
        ran = await legacy_message(socket)
        assert (ran["id"], ran["type"]) == ("1", "data")
        assert ran["payload"]["data"] == {"__typename": "Query"}
        assert (await legacy_message(socket))["type"] == "complete"
        await start(socket, "2", UNREGISTERED)
        refused = await legacy_message(socket)
        assert (refused["id"], refused["type"]) == ("2", "error")
        assert refused["payload"]["extensions"]["code"] == "PERSISTED_QUERY_NOT_ALLOWED"
