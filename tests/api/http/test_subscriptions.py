"""Subscriptions over WebSocket: graphql-transport-ws on, the legacy graphql-ws off."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.types import Message


class WebSocketSession:
    """Drives an ASGI WebSocket connection by hand (no test client needed)."""

    def __init__(self, app: Starlette, subprotocols: list[str]) -> None:
        self.inbox: asyncio.Queue[Message] = asyncio.Queue()
        self.outbox: asyncio.Queue[Message] = asyncio.Queue()
        scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "scheme": "ws",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"testserver")],
            "subprotocols": subprotocols,
            "client": ("127.0.0.1", 1234),
            "server": ("testserver", 80),
            "state": {},
        }
        self.task = asyncio.create_task(app(scope, self.inbox.get, self.outbox.put))
        self.inbox.put_nowait({"type": "websocket.connect"})

    async def receive(self) -> Message:
        return await asyncio.wait_for(self.outbox.get(), timeout=5)

    async def send_json(self, payload: dict[str, Any]) -> None:
        await self.inbox.put({"type": "websocket.receive", "text": json.dumps(payload)})

    async def receive_json(self) -> dict[str, Any]:
        message = await self.receive()
        assert message["type"] == "websocket.send", message
        assert message.get("text") is not None, "frames are text, not binary"
        result: dict[str, Any] = json.loads(message["text"])
        return result

    async def close(self) -> None:
        await self.inbox.put({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(self.task, timeout=5)


async def test_subscription_over_graphql_transport_ws(app_for: Callable[..., Starlette]) -> None:
    session = WebSocketSession(app_for(graphiql=False), ["graphql-transport-ws"])
    accepted = await session.receive()
    assert (
        accepted
        == {
            "type": "websocket.accept",
            "subprotocol": "graphql-transport-ws",
            "headers": [],
        }
        or accepted.get("subprotocol") == "graphql-transport-ws"
    )
    await session.send_json({"type": "connection_init"})
    assert await session.receive_json() == {"type": "connection_ack"}
    await session.send_json(
        {"id": "1", "type": "subscribe", "payload": {"query": "subscription { count(to: 2) }"}}
    )
    assert await session.receive_json() == {
        "id": "1",
        "type": "next",
        "payload": {"data": {"count": 1}},
    }
    assert (await session.receive_json())["payload"] == {"data": {"count": 2}}
    assert await session.receive_json() == {"id": "1", "type": "complete"}
    await session.close()


async def test_legacy_graphql_ws_protocol_is_refused(app_for: Callable[..., Starlette]) -> None:
    session = WebSocketSession(app_for(graphiql=False), ["graphql-ws"])
    accepted = await session.receive()
    assert accepted["type"] == "websocket.accept"
    assert accepted.get("subprotocol") is None
    closed = await session.receive()
    assert closed["type"] == "websocket.close"
    assert closed["code"] == 4406
    await asyncio.wait_for(session.task, timeout=5)
