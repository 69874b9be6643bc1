"""A gap the broker cannot count (its Redis connection was lost): the subscriber gets the
current value at once, with ``extensions.missed: null`` (unknown, possibly many), rather
than a count that understates it (issue 13, item 8)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.broker import MemoryBroker, topic_for_session
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.settings import Settings
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import learner_with_session, token_for
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED


async def test_an_unknown_gap_resends_the_current_value_with_missed_null(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    broker = server.runtime.broker
    assert isinstance(broker, MemoryBroker)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("1", SESSION_UPDATED, {"id": gid})
        assert (await client.receive())["payload"]["data"]["sessionUpdated"]["state"] == "RUNNING"
        # Changed while the broker was away: no message about it ever arrives.
        await EnvironmentSession.filter(id=session.id).update(state=SessionState.PAUSED)
        broker.report_missed(topic_for_session(session.id), None)
        resent = await client.receive()
        assert resent["payload"]["data"]["sessionUpdated"]["state"] == "PAUSED"
        assert resent["payload"]["extensions"] == {"missed": None}

        broker.report_missed(topic_for_session(session.id), 2)
        counted = await client.receive()
        assert counted["payload"]["extensions"] == {"missed": 2}
