"""sessionUpdated completes once the session reaches a final state (TERMINATED, EXPIRED,
FAILED): the final value, then ``complete``, so that clients stop waiting."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from websockets.asyncio.client import connect

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.settings import Settings
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.api.subscriptions.test_connection import legacy_message, legacy_watch
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED


async def end(server: Any, session: EnvironmentSession, state: SessionState) -> None:
    await EnvironmentSession.filter(id=session.id).update(state=state)
    await session.refresh_from_db()
    await changed(server.runtime, session, "terminate")


def state_of(message: dict[str, Any]) -> str:
    state: str = message["payload"]["data"]["sessionUpdated"]["state"]
    return state


@pytest.mark.parametrize("shared", [True, False])
@pytest.mark.parametrize("final", [SessionState.TERMINATED, SessionState.EXPIRED])
async def test_the_final_state_is_sent_then_the_subscription_completes(
    settings: Settings, live: Callable[..., Any], final: SessionState, shared: bool
) -> None:
    server = await live(subscription_shared_execution=shared)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    token = token_for(settings, owner)
    async with Client.open(server.url, token) as one, Client.open(server.url, token) as two:
        for client in (one, two):
            await client.subscribe("s", SESSION_UPDATED, {"id": gid})
            assert state_of(await client.receive()) == "RUNNING"
        await end(server, session, final)
        for client in (one, two):
            last = await client.receive()
            assert (last["id"], last["type"], state_of(last)) == ("s", "next", final.value)
            assert await client.receive() == {"id": "s", "type": "complete"}
            # The connection stays up, and the operation ID is free again.
            await client.send({"type": "ping"})
            assert await client.receive() == {"type": "pong"}
    assert server.subscriptions.hub.groups == {}


async def test_subscribing_to_an_ended_session_gets_its_value_then_complete(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    await EnvironmentSession.filter(id=session.id).update(state=SessionState.FAILED)
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("s", SESSION_UPDATED, {"id": gid})
        assert state_of(await client.receive()) == "FAILED"
        assert await client.receive() == {"id": "s", "type": "complete"}
        await client.subscribe("s", SESSION_UPDATED, {"id": gid})  # the ID is free again
        assert state_of(await client.receive()) == "FAILED"
        assert await client.receive() == {"id": "s", "type": "complete"}
    assert server.subscriptions.hub.groups == {}


async def test_a_pause_does_not_complete(settings: Settings, live: Callable[..., Any]) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("s", SESSION_UPDATED, {"id": gid})
        await client.receive()
        await end(server, session, SessionState.PAUSED)
        assert state_of(await client.receive()) == "PAUSED"
        await end(server, session, SessionState.TERMINATED)
        assert state_of(await client.receive()) == "TERMINATED"
        assert await client.receive() == {"id": "s", "type": "complete"}


async def test_the_legacy_protocol_completes_at_the_final_state(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_legacy_protocol=True)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with connect(server.url, subprotocols=["graphql-ws"]) as socket:  # type: ignore[list-item]
        await legacy_watch(socket, token_for(settings, owner), gid)
        assert state_of(await legacy_message(socket)) == "RUNNING"
        await end(server, session, SessionState.TERMINATED)
        assert state_of(await legacy_message(socket)) == "TERMINATED"
        assert await legacy_message(socket) == {"type": "complete", "id": "1"}
        # Already ended: the current value, then complete.
        payload = {"query": SESSION_UPDATED, "variables": {"id": gid}}
        await socket.send(json.dumps({"id": "2", "type": "start", "payload": payload}))
        assert state_of(await legacy_message(socket)) == "TERMINATED"
        assert await legacy_message(socket) == {"type": "complete", "id": "2"}
