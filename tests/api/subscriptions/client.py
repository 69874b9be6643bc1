"""A graphql-transport-ws client on the `websockets` package, and the app served by
uvicorn on a free port of this test process (its event loop, its database)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.api.subscriptions.server import SubscriptionServer
from rangex_graphql.runtime import Runtime

TIMEOUT = 5.0


@dataclass
class LiveServer:
    url: str
    runtime: Runtime
    app: Starlette

    @property
    def subscriptions(self) -> SubscriptionServer:
        for route in self.app.routes:
            server = getattr(getattr(route, "app", None), "websocket_server", None)
            if isinstance(server, SubscriptionServer):
                return server
        raise AssertionError("no subscription server among the routes")


@asynccontextmanager
async def serve(runtime: Runtime) -> AsyncIterator[LiveServer]:
    app = Starlette(routes=http_routes(runtime.settings, runtime))
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):  # uvicorn offers no event for "listening"
        if server.started:
            break
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield LiveServer(f"ws://127.0.0.1:{port}/graphql", runtime, app)
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, TIMEOUT)


class Client:
    """One graphql-transport-ws connection."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket

    @classmethod
    @asynccontextmanager
    async def open(
        cls, url: str, token: str | None = None, *, init: bool = True, **options: Any
    ) -> AsyncIterator[Client]:
        async with connect(url, subprotocols=["graphql-transport-ws"], **options) as socket:  # type: ignore[list-item]
            client = cls(socket)
            if init:
                await client.init(token)
            yield client

    async def init(self, token: str | None) -> dict[str, Any]:
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await self.send({"type": "connection_init", "payload": payload})
        return await self.receive()

    async def send(self, message: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(message))

    async def receive(self) -> dict[str, Any]:
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), TIMEOUT)
            assert isinstance(raw, str), "frames are text"
            message: dict[str, Any] = json.loads(raw)
            if message.get("type") != "ping":
                return message
            await self.send({"type": "pong"})

    async def subscribe(self, id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        payload: dict[str, Any] = {"query": query}
        if variables is not None:
            payload["variables"] = variables
        await self.send({"id": id, "type": "subscribe", "payload": payload})

    async def closed(self) -> tuple[int, str]:
        """Wait for the server to close; (code, reason)."""
        try:
            while True:
                await asyncio.wait_for(self.socket.recv(), TIMEOUT)
        except ConnectionClosed as closed:
            received = closed.rcvd
        assert received is not None
        return received.code, received.reason
