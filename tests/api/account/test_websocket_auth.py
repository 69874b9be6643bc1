"""WebSocket auth: the token travels in connection_init; a bad one closes the socket."""

from __future__ import annotations

from typing import Any

from rangex_graphql.app import create_app
from rangex_graphql.settings import Settings
from tests.api.account.conftest import Api, login, person
from tests.api.http.test_subscriptions import WebSocketSession


async def _connect(settings: Settings, payload: dict[str, Any]) -> WebSocketSession:
    session = WebSocketSession(create_app(settings), ["graphql-transport-ws"])
    accepted = await session.receive()
    assert accepted["type"] == "websocket.accept"
    await session.send_json({"type": "connection_init", "payload": payload})
    return session


async def _viewer_over(session: WebSocketSession) -> Any:
    await session.send_json(
        {"id": "1", "type": "subscribe", "payload": {"query": "{ viewer { username } }"}}
    )
    message = await session.receive_json()
    assert message["type"] == "next", message
    return message["payload"]["data"]["viewer"]


async def test_connection_init_token_sets_the_viewer(api: Api, settings: Settings) -> None:
    await person(username="wsuser")
    token = (await login(api, "wsuser"))["tokens"]["accessToken"]
    session = await _connect(settings, {"Authorization": f"Bearer {token}"})
    assert (await session.receive_json())["type"] == "connection_ack"
    assert await _viewer_over(session) == {"username": "wsuser"}
    await session.close()


async def test_anonymous_connection_has_no_viewer(api: Api, settings: Settings) -> None:
    session = await _connect(settings, {})
    assert (await session.receive_json())["type"] == "connection_ack"
    assert await _viewer_over(session) is None
    await session.close()


async def test_invalid_token_closes_the_connection(api: Api, settings: Settings) -> None:
    for payload in ({"Authorization": "Bearer nonsense"}, {"token": "rgx_revoked-or-unknown"}):
        session = await _connect(settings, payload)
        closed = await session.receive()
        assert closed["type"] == "websocket.close"
        assert closed["code"] == 4403
