"""The legacy graphql-ws protocol (subscriptions-transport-ws, RANGEX_WS_LEGACY_PROTOCOL):
refusals answered with an ``error`` that has ``extensions.code``, queries and mutations run
once (``data``, then ``complete``), a request id per operation."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from tortoise.exceptions import DBConnectionError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.session import types as session_types
from rangex_graphql.api.subscriptions import legacy
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.conftest import learner_with_session, token_for
from tests.api.subscriptions.test_connection import legacy_message
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED


@asynccontextmanager
async def legacy_socket(url: str, token: str | None = None) -> AsyncIterator[ClientConnection]:
    async with connect(url, subprotocols=["graphql-ws"]) as socket:  # type: ignore[list-item]
        payload = {"token": token} if token else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        yield socket


async def start(socket: ClientConnection, id: str, query: str, **payload: Any) -> None:
    message = {"id": id, "type": "start", "payload": {"query": query, **payload}}
    await socket.send(json.dumps(message))


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("subscription { sessionUpdated(id: ", "GRAPHQL_PARSE_FAILED"),
        ("subscription { sessionUpdated(id: 1) { nope } }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ viewer { username } nope }", "GRAPHQL_VALIDATION_FAILED"),
    ],
)
async def test_a_refused_document_gets_an_error_with_its_code(
    settings: Settings,
    live: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
    query: str,
    code: str,
) -> None:
    server = await live(ws_legacy_protocol=True)
    user = await factories.user()
    async with legacy_socket(server.url, token_for(settings, user)) as socket:
        await start(socket, "bad", query)
        error = await legacy_message(socket)
        assert (error["type"], error["id"]) == ("error", "bad")
        assert error["payload"]["extensions"]["code"] == code
        # The connection still serves the next operation.
        await start(socket, "q", "{ viewer { username } }")
        assert (await legacy_message(socket))["type"] == "data"
    assert "never retrieved" not in caplog.text


async def test_a_query_gets_its_data_then_complete(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    user = await factories.user(username="legacy_reader")
    async with legacy_socket(server.url, token_for(settings, user)) as socket:
        await start(socket, "q", "query Me { viewer { username } }", operationName="Me")
        data = await legacy_message(socket)
        assert (data["type"], data["id"]) == ("data", "q")
        assert data["payload"]["data"] == {"viewer": {"username": "legacy_reader"}}
        assert "errors" not in data["payload"]
        assert await legacy_message(socket) == {"type": "complete", "id": "q"}


async def test_a_mutation_runs_once_then_completes(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    user = await factories.user()
    mutation = (
        'mutation { accountUpdate(input: {displayName: "Renamed"}) { user { displayName } } }'
    )
    async with legacy_socket(server.url, token_for(settings, user)) as socket:
        await start(socket, "m", mutation)
        data = await legacy_message(socket)
        assert data["type"] == "data", data
        assert data["payload"]["data"]["accountUpdate"]["user"]["displayName"] == "Renamed"
        assert await legacy_message(socket) == {"type": "complete", "id": "m"}


async def test_each_operation_has_a_request_id_of_its_own(
    settings: Settings, live: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = await live(ws_legacy_protocol=True)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)

    def broken(*args: object) -> None:
        raise RuntimeError("the clock stopped")

    monkeypatch.setattr(session_types, "time_left_seconds", broken)
    query = (
        "query Left($id: ID!) { node(id: $id) { ... on EnvironmentSession { timeLeftSeconds } } }"
    )
    request_ids = []
    async with legacy_socket(server.url, token_for(settings, owner)) as socket:
        for id in ("1", "2"):
            await start(socket, id, query, variables={"id": gid})
            data = await legacy_message(socket)
            (error,) = data["payload"]["errors"]
            assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
            request_ids.append(error["extensions"]["requestId"])
            assert await legacy_message(socket) == {"type": "complete", "id": id}
    assert len(set(request_ids)) == 2


async def test_a_subscription_still_streams(settings: Settings, live: Callable[..., Any]) -> None:
    server = await live(ws_legacy_protocol=True)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with legacy_socket(server.url, token_for(settings, owner)) as socket:
        await start(socket, "s", SESSION_UPDATED, variables={"id": gid})
        first = await legacy_message(socket)
        assert first["payload"]["data"]["sessionUpdated"]["id"] == gid
        assert await EnvironmentSession.filter(id=session.id).exists()


async def test_a_start_without_a_document_is_refused_with_a_code(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    async with legacy_socket(server.url) as socket:
        await socket.send(json.dumps({"id": "x", "type": "start", "payload": {"query": 5}}))
        error = await legacy_message(socket)
        assert (error["type"], error["id"]) == ("error", "x")
        assert error["payload"]["extensions"]["code"] == "BAD_REQUEST"


async def test_one_subscription_too_many_is_refused_with_a_code(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True, ws_max_subscriptions=1)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with legacy_socket(server.url, token_for(settings, owner)) as socket:
        await start(socket, "1", SESSION_UPDATED, variables={"id": gid})
        assert (await legacy_message(socket))["type"] == "data"
        await start(socket, "2", SESSION_UPDATED, variables={"id": gid})
        error = await legacy_message(socket)
        assert (error["type"], error["id"]) == ("error", "2")
        assert error["payload"]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"


async def test_a_message_that_is_not_an_object_closes_with_4400(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    async with legacy_socket(server.url) as socket:
        await socket.send("[1, 2]")
        with pytest.raises(ConnectionClosed) as closed:
            await legacy_message(socket)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4400


async def test_an_unavailable_database_is_told_as_such(
    settings: Settings, live: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = await live(ws_legacy_protocol=True)
    user = await factories.user()

    def database_away(*args: object, **kwargs: object) -> None:
        raise DBConnectionError("connection refused")

    monkeypatch.setattr(legacy, "prepare", database_away)
    async with legacy_socket(server.url, token_for(settings, user)) as socket:
        await start(socket, "q", "{ viewer { username } }")
        error = await legacy_message(socket)
    assert (error["type"], error["id"]) == ("error", "q")
    assert error["payload"]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
