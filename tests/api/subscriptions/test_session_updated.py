"""sessionUpdated over a real graphql-transport-ws connection."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState, UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for

SESSION_UPDATED = """
subscription Watch($id: ID!) {
  sessionUpdated(id: $id) { id state score machines { state address } }
}
"""


async def test_the_owner_gets_the_current_state_then_every_change(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("1", SESSION_UPDATED, {"id": gid})
        first = await client.receive()
        assert first == {
            "id": "1",
            "type": "next",
            "payload": {
                "data": {
                    "sessionUpdated": {
                        "id": gid,
                        "state": "RUNNING",
                        "score": 0,
                        "machines": [{"state": "PENDING", "address": "10.0.0.2"}],
                    }
                }
            },
        }
        await EnvironmentSession.filter(id=session.id).update(state=SessionState.PAUSED, score=7)
        await session.refresh_from_db()
        await changed(server.runtime, session)
        update = await client.receive()
        assert update["payload"]["data"]["sessionUpdated"]["state"] == "PAUSED"
        assert update["payload"]["data"]["sessionUpdated"]["score"] == 7
        await client.send({"id": "1", "type": "complete"})
        await client.send({"type": "ping"})
        assert await client.receive() == {"type": "pong"}


async def test_an_admin_may_watch_any_session(settings: Settings, live: Callable[..., Any]) -> None:
    server = await live()
    admin = await factories.user(UserRole.ADMIN)
    _, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, admin)) as client:
        await client.subscribe("a", SESSION_UPDATED, {"id": gid})
        assert (await client.receive())["payload"]["data"]["sessionUpdated"]["id"] == gid


async def test_another_users_session_is_refused_and_the_connection_stays_up(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    _, theirs = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe(
            "mine", SESSION_UPDATED, {"id": to_global_id("EnvironmentSession", session.id)}
        )
        assert (await client.receive())["id"] == "mine"
        await client.subscribe(
            "theirs", SESSION_UPDATED, {"id": to_global_id("EnvironmentSession", theirs.id)}
        )
        refused = await client.receive()
        assert refused["type"] == "error"
        assert refused["id"] == "theirs"
        assert refused["payload"][0]["extensions"]["code"] == "NOT_FOUND"
        # The first subscription still delivers.
        await changed(server.runtime, session)
        assert (await client.receive())["id"] == "mine"
