"""Authorization is checked again at every event and every ``subscribe``: a suspended
user, an expired or revoked token, stop receiving and are disconnected with 4403; an
access token's expiry closes even an idle connection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.subscriptions import access
from rangex_graphql.models import ApiToken, User
from rangex_graphql.models.enums import UserStatus
from rangex_graphql.services import api_tokens
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.services.audit import RequestMeta
from rangex_graphql.settings import Settings
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.api.subscriptions.test_session_updated import SESSION_UPDATED


async def watch(client: Client, session_id: object) -> None:
    gid = to_global_id("EnvironmentSession", str(session_id))
    await client.subscribe("1", SESSION_UPDATED, {"id": gid})
    assert (await client.receive())["type"] == "next"


async def test_a_suspended_user_is_disconnected_at_the_next_event(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await watch(client, session.id)
        await User.filter(id=owner.id).update(status=UserStatus.SUSPENDED)
        await changed(server.runtime, session)
        assert await client.closed() == (4403, "Forbidden")


async def test_a_signed_out_token_is_disconnected_at_the_next_event(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await watch(client, session.id)
        await User.filter(id=owner.id).update(token_generation=owner.token_generation + 1)
        await changed(server.runtime, session)
        assert (await client.closed())[0] == 4403


async def test_an_expired_token_is_disconnected_at_the_next_event(
    settings: Settings, live: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await watch(client, session.id)
        later = access.now_seconds() + settings.access_token_minutes * 60 + 1
        monkeypatch.setattr(access, "now_seconds", lambda: later)
        await changed(server.runtime, session)
        assert (await client.closed())[0] == 4403


async def test_a_revoked_api_token_is_disconnected_at_the_next_event(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    created = await api_tokens.create(settings, owner, "dash", [ApiScope.READ], 1, RequestMeta())
    async with Client.open(server.url, created.token) as client:
        await watch(client, session.id)
        await changed(server.runtime, session)
        assert (await client.receive())["type"] == "next"
        await ApiToken.filter(id=created.row.id).update(revoked_at=datetime.now(UTC))
        await changed(server.runtime, session)
        assert (await client.closed())[0] == 4403


async def test_only_the_withdrawn_viewer_is_cut_off(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    created = await api_tokens.create(settings, owner, "dash", [ApiScope.READ], 1, RequestMeta())
    async with (
        Client.open(server.url, token_for(settings, owner)) as person,
        Client.open(server.url, created.token) as integration,
    ):
        await watch(person, session.id)
        await watch(integration, session.id)
        await ApiToken.filter(id=created.row.id).update(revoked_at=datetime.now(UTC))
        await changed(server.runtime, session)
        assert (await integration.closed())[0] == 4403
        assert (await person.receive())["type"] == "next"


async def test_a_suspended_user_cannot_subscribe_again_on_the_open_socket(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, session = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await watch(client, session.id)
        await User.filter(id=owner.id).update(status=UserStatus.SUSPENDED)
        gid = to_global_id("EnvironmentSession", str(session.id))
        await client.subscribe("2", SESSION_UPDATED, {"id": gid})
        assert await client.closed() == (4403, "Forbidden")


async def test_a_signed_out_token_cannot_query_over_the_open_socket(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, _ = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("1", "query { viewer { username } }")
        answer = await client.receive()
        assert answer["payload"]["data"]["viewer"]["username"] == owner.username
        assert (await client.receive())["type"] == "complete"
        await User.filter(id=owner.id).update(token_generation=owner.token_generation + 1)
        await client.subscribe("2", "query { viewer { username } }")
        assert await client.closed() == (4403, "Forbidden")


async def test_an_idle_connection_is_closed_when_its_access_token_expires(
    settings: Settings, live: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = await live()
    owner, _ = await learner_with_session()
    token = token_for(settings, owner)
    # As if the token had 0.3 s left: no event, no message from the client, yet closed.
    expires = access.now_seconds() + settings.access_token_minutes * 60
    monkeypatch.setattr(access, "now_seconds", lambda: expires - 0.3)
    async with Client.open(server.url, init=False) as client:
        assert (await client.init(token))["type"] == "connection_ack"
        assert await client.closed() == (4403, "Forbidden")
