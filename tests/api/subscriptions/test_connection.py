"""The graphql-transport-ws connection itself: handshake, close codes, keep-alive,
origins, and the legacy protocol when enabled."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import User
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED


async def test_the_handshake_names_the_protocol_and_acknowledges(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    user = await factories.user()
    async with Client.open(server.url, init=False) as client:
        assert client.socket.subprotocol == "graphql-transport-ws"
        assert await client.init(token_for(settings, user)) == {"type": "connection_ack"}


async def test_a_bad_token_is_refused_with_4403(live: Callable[..., Any]) -> None:
    server = await live()
    async with Client.open(server.url, init=False) as client:
        await client.send({"type": "connection_init", "payload": {"token": "forged"}})
        assert await client.closed() == (4403, "Forbidden")


async def test_no_connection_init_in_time_closes_with_4408(live: Callable[..., Any]) -> None:
    server = await live(ws_connection_init_timeout_seconds=0.2)
    async with Client.open(server.url, init=False) as client:
        assert (await client.closed())[0] == 4408


async def test_subscribing_before_the_acknowledgement_closes_with_4401(
    live: Callable[..., Any],
) -> None:
    server = await live()
    async with Client.open(server.url, init=False) as client:
        await client.subscribe("1", "subscription { mySessions { id } }")
        assert (await client.closed())[0] == 4401


async def test_a_second_connection_init_closes_with_4429(live: Callable[..., Any]) -> None:
    server = await live()
    async with Client.open(server.url) as client:
        await client.send({"type": "connection_init"})
        assert (await client.closed())[0] == 4429


async def test_an_id_in_use_closes_with_4409(settings: Settings, live: Callable[..., Any]) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("1", SESSION_UPDATED, {"id": gid})
        await client.receive()
        await client.subscribe("1", SESSION_UPDATED, {"id": gid})
        assert (await client.closed())[0] == 4409


@pytest.mark.parametrize(
    "frame", ["not json", json.dumps(["a list"]), json.dumps({"type": "shout"}), b"\x00binary"]
)
async def test_malformed_messages_close_with_4400(
    live: Callable[..., Any], frame: str | bytes
) -> None:
    server = await live()
    async with Client.open(server.url) as client:
        await client.socket.send(frame)
        assert (await client.closed())[0] == 4400


async def test_the_server_pings_an_idle_connection(live: Callable[..., Any]) -> None:
    server = await live(ws_keepalive_seconds=0.05)
    async with Client.open(server.url) as client:
        raw = await client.socket.recv()
        assert json.loads(raw) == {"type": "ping"}


async def test_origins_outside_the_allowed_list_are_refused(live: Callable[..., Any]) -> None:
    server = await live(ws_allowed_origins=["https://range.example"])
    with pytest.raises(InvalidStatus) as refused:
        async with connect(
            server.url,
            subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
            origin="https://evil.example",  # type: ignore[arg-type]
        ):
            pass
    assert refused.value.response.status_code == 403
    async with Client.open(server.url, origin="https://range.example") as client:
        await client.send({"type": "ping"})
        assert await client.receive() == {"type": "pong"}


async def test_the_legacy_protocol_is_refused_unless_enabled(live: Callable[..., Any]) -> None:
    server = await live()
    async with connect(server.url, subprotocols=["graphql-ws"]) as socket:  # type: ignore[list-item]
        assert socket.subprotocol is None
        with pytest.raises(ConnectionClosed) as closed:
            await socket.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4406


async def test_the_legacy_protocol_serves_subscriptions_when_enabled(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with connect(server.url, subprotocols=["graphql-ws"]) as socket:  # type: ignore[list-item]
        assert socket.subprotocol == "graphql-ws"
        await legacy_watch(socket, token_for(settings, owner), gid)
        message = await legacy_message(socket)
        assert message["type"] == "data", message
        assert message["payload"]["data"]["sessionUpdated"]["id"] == gid


async def test_a_query_over_the_socket_gets_one_result_then_complete(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    user = await factories.user(username="socketeer")
    async with Client.open(server.url, token_for(settings, user)) as client:
        await client.subscribe("q", "{ viewer { username } }")
        result = await client.receive()
        assert result["type"] == "next"
        assert result["payload"]["data"] == {"viewer": {"username": "socketeer"}}
        assert await client.receive() == {"id": "q", "type": "complete"}


async def test_the_legacy_protocol_stops_a_signed_out_token_at_the_next_event(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with connect(server.url, subprotocols=["graphql-ws"]) as socket:  # type: ignore[list-item]
        await legacy_watch(socket, token_for(settings, owner), gid)
        assert (await legacy_message(socket))["type"] == "data"

        await User.filter(id=owner.id).update(token_generation=owner.token_generation + 1)
        await changed(server.runtime, session)

        stopped = await legacy_message(socket)
        assert "withdrawn" in json.dumps(stopped), stopped
        assert "sessionUpdated" not in json.dumps(stopped.get("payload", {}).get("data") or {})


async def legacy_watch(socket: Any, token: str, session_gid: str) -> None:
    """Sign in over the legacy graphql-ws protocol and start watching the session."""
    await socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    payload = {"query": SESSION_UPDATED, "variables": {"id": session_gid}}
    await socket.send(json.dumps({"id": "1", "type": "start", "payload": payload}))


async def legacy_message(socket: Any) -> dict[str, Any]:
    """The next message that is not a keep-alive."""
    while True:
        message: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), 5))
        if message["type"] != "ka":
            return message
