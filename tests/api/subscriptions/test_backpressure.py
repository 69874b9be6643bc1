"""A consumer that stops reading: its queue stays bounded, the oldest results go, and the
next result it gets says how many it missed.

The transport here is the app's ASGI interface with a `send` that blocks on command: a
real socket's buffers would hide a stalled reader for megabytes.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import MutableMapping
from typing import Any

from starlette.applications import Starlette

from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.api.ids import to_global_id
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import build_runtime
from rangex_graphql.settings import Settings
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED


class StallingSocket:
    def __init__(self, app: Starlette) -> None:
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.sent: list[MutableMapping[str, Any]] = []
        self.flowing = asyncio.Event()
        self.flowing.set()
        scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "scheme": "ws",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"testserver")],
            "subprotocols": ["graphql-transport-ws"],
            "client": ("127.0.0.1", 1234),
            "server": ("testserver", 80),
            "state": {},
        }
        self.task = asyncio.create_task(app(scope, self.inbox.get, self.send))
        self.inbox.put_nowait({"type": "websocket.connect"})

    async def send(self, message: MutableMapping[str, Any]) -> None:
        await self.flowing.wait()
        self.sent.append(message)

    async def push(self, payload: dict[str, Any]) -> None:
        await self.inbox.put({"type": "websocket.receive", "text": json.dumps(payload)})

    async def frames(self, count: int) -> list[dict[str, Any]]:
        for _ in range(500):
            texts = [m["text"] for m in self.sent if m.get("type") == "websocket.send"]
            if len(texts) >= count:
                return [json.loads(t) for t in texts]
            await asyncio.sleep(0.01)
        raise AssertionError(f"expected {count} frames, got {self.sent}")


async def test_a_stalled_consumer_loses_the_oldest_and_is_told_how_many(
    settings: Settings, db: None
) -> None:
    runtime = build_runtime(
        settings.model_copy(update={"subscription_queue_size": 3}),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
    )
    app = Starlette(routes=http_routes(runtime.settings, runtime))
    hub = next(
        r.app.websocket_server.hub  # type: ignore[attr-defined]
        for r in app.routes
        if getattr(getattr(r, "app", None), "websocket_server", None)
    )
    owner, session = await learner_with_session()
    socket = StallingSocket(app)
    await socket.push({"type": "connection_init", "payload": {"token": token_for(settings, owner)}})
    gid = to_global_id("EnvironmentSession", session.id)
    await socket.push(
        {
            "id": "1",
            "type": "subscribe",
            "payload": {"query": SESSION_UPDATED, "variables": {"id": gid}},
        }
    )
    await socket.frames(2)  # ack and the current state
    socket.flowing.clear()

    async def event(score: int) -> None:
        before = hub.executions
        await EnvironmentSession.filter(id=session.id).update(score=score)
        await changed(runtime, session)
        for _ in range(1000):
            if hub.executions > before:
                break
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.01)  # the writer takes what it can

    for score in range(1, 10):
        await event(score)
    socket.flowing.set()
    frames = (await socket.frames(2 + 4))[2:]
    scores = [f["payload"]["data"]["sessionUpdated"]["score"] for f in frames]
    # 1 was on its way when the consumer stalled; 2-6 were dropped; 7-9 were kept.
    assert scores == [1, 7, 8, 9]
    assert [f["payload"].get("extensions") for f in frames] == [None, {"missed": 5}, None, None]
    await socket.inbox.put({"type": "websocket.disconnect", "code": 1000})
    await asyncio.wait_for(socket.task, 5)
    await runtime.aclose()
