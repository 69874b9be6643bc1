"""Refused subscriptions get an error for their ID; the connection and its other
subscriptions stay up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import uuid4

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED

UNKNOWN_SESSION = to_global_id("EnvironmentSession", uuid4())


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        (SESSION_UPDATED, {"id": UNKNOWN_SESSION}, "NOT_FOUND"),
        (SESSION_UPDATED, {"id": "not-an-id!"}, "BAD_USER_INPUT"),
        (SESSION_UPDATED, {"id": to_global_id("User", uuid4())}, "BAD_USER_INPUT"),
        (SESSION_UPDATED, {}, "BAD_USER_INPUT"),
        ("subscription { sessionUpdated(id: ", None, "GRAPHQL_PARSE_FAILED"),
        ('subscription { sessionUpdated(id: "x") { nope } }', None, "GRAPHQL_VALIDATION_FAILED"),
        (
            "subscription { mySessions { id } notifications { id } }",
            None,
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            "subscription A { mySessions { id } } subscription B { mySessions { id } }",
            None,
            "OPERATION_RESOLUTION_FAILURE",
        ),
        ("subscription { platformActivity { activeSessions } }", None, "FORBIDDEN"),
    ],
)
async def test_a_refused_subscription_leaves_the_others_running(
    settings: Settings,
    live: Callable[..., Any],
    query: str,
    variables: dict[str, Any] | None,
    code: str,
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("good", SESSION_UPDATED, {"id": gid})
        assert (await client.receive())["id"] == "good"
        await client.subscribe("bad", query, variables)
        refused = await client.receive()
        assert (refused["id"], refused["type"]) == ("bad", "error"), refused
        assert refused["payload"][0]["extensions"]["code"] == code, refused
        await changed(server.runtime, session)
        assert (await client.receive())["id"] == "good"
        # The refused ID is free again.
        await client.subscribe("bad", SESSION_UPDATED, {"id": gid})
        assert (await client.receive())["id"] == "bad"


async def test_anonymous_connections_may_not_subscribe(live: Callable[..., Any]) -> None:
    server = await live()
    _, session = await learner_with_session()
    async with Client.open(server.url) as client:
        await client.subscribe(
            "1", SESSION_UPDATED, {"id": to_global_id("EnvironmentSession", session.id)}
        )
        refused = await client.receive()
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_more_subscriptions_than_allowed_are_refused_one_by_one(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_max_subscriptions=2)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    async with Client.open(server.url, token_for(settings, owner)) as client:
        for id in ("1", "2"):
            await client.subscribe(id, SESSION_UPDATED, {"id": gid})
            assert (await client.receive())["id"] == id
        await client.subscribe("3", SESSION_UPDATED, {"id": gid})
        refused = await client.receive()
        assert refused["id"] == "3"
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "TOO_MANY_SUBSCRIPTIONS"
        await changed(server.runtime, session)
        assert {(await client.receive())["id"] for _ in range(2)} == {"1", "2"}
        # Completing one makes room for another.
        await client.send({"id": "1", "type": "complete"})
        await client.subscribe("3", SESSION_UPDATED, {"id": gid})
        assert (await client.receive())["id"] == "3"


async def test_an_admin_is_not_found_a_session_that_does_not_exist(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    admin = await factories.user(UserRole.ADMIN)
    async with Client.open(server.url, token_for(settings, admin)) as client:
        await client.subscribe("1", SESSION_UPDATED, {"id": UNKNOWN_SESSION})
        refused = await client.receive()
        assert refused["payload"][0]["extensions"]["code"] == "NOT_FOUND"
        assert refused["payload"][0]["extensions"]["field"] == "id"
