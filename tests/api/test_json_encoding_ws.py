"""The subscription server's own graphql-transport-ws frames (``transport_ws.py``, shared
execution) over a real socket: non-ASCII as UTF-8, a lone surrogate as an escape, never a
crash. The client chooses the operation IDs, and JSON lets it send a lone surrogate in one
(``"\\ud800"``); every frame for that operation repeats the ID."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import connect

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.settings import Settings
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED

ODD_ID = "é-\ud800"


async def test_next_and_complete_frames_repeat_an_id_holding_a_lone_surrogate(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe(ODD_ID, SESSION_UPDATED, {"id": gid})
        first = await client.receive()
        assert (first["id"], first["type"]) == (ODD_ID, "next"), first
        assert first["payload"]["data"]["sessionUpdated"]["id"] == gid
        await changed(server.runtime, session)
        assert (await client.receive())["id"] == ODD_ID
        await client.send({"id": ODD_ID, "type": "complete"})
        # The connection is still up and answers.
        await client.send({"type": "ping"})
        assert (await client.receive())["type"] == "pong"


async def test_an_error_frame_repeats_an_id_holding_a_lone_surrogate(
    live: Callable[..., Any],
) -> None:
    server = await live()
    async with Client.open(server.url) as client:
        await client.subscribe(ODD_ID, "subscription { sessionUpdated(id: ")
        refused = await client.receive()
        assert (refused["id"], refused["type"]) == (ODD_ID, "error"), refused
        assert refused["payload"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_frames_are_utf8_text_and_escape_only_the_surrogate(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with connect(server.url, subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
        init = {"Authorization": f"Bearer {token_for(settings, owner)}"}
        await socket.send(json.dumps({"type": "connection_init", "payload": init}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        for id in ("é", ODD_ID):
            subscribe = {"query": SESSION_UPDATED, "variables": {"id": gid}}
            await socket.send(json.dumps({"id": id, "type": "subscribe", "payload": subscribe}))
        frames = [await socket.recv() for _ in range(2)]
        assert all(isinstance(frame, str) for frame in frames)
        plain, odd = sorted(frames, key=lambda frame: "ud800" in frame)
        assert str(plain).startswith('{"id":"é","type":"next"')
        assert str(odd).startswith('{"id":"\\u00e9-\\ud800","type":"next"')
