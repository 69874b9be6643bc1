"""Signing out (tokenRevoke) and a refresh-token reuse end the session's access tokens at
once, on HTTP and on open WebSockets, on every replica (memory broker and Redis)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from rangex_graphql.app import create_app
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.api.account.conftest import PASSWORD, gql, person
from tests.api.http.test_subscriptions import WebSocketSession

LOGIN = """mutation($l: String!, $p: String!) { tokenCreate(input: {login: $l, password: $p}) {
  tokens { accessToken refreshToken } errors { code } } }"""
REVOKE = "mutation($t: String!) { tokenRevoke(input: {refreshToken: $t}) { ok } }"
REFRESH = """mutation($t: String!) { tokenRefresh(input: {refreshToken: $t}) {
  tokens { accessToken refreshToken } errors { code } } }"""
VIEWER = "{ viewer { username } }"
# An open WebSocket of a signed-out session must close within this (the bound).
CLOSE_WITHIN_SECONDS = 1.0


def client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def sign_in(http: httpx.AsyncClient, login: str) -> dict[str, str]:
    body = (await gql(http, LOGIN, l=login, p=PASSWORD)).json()
    tokens: dict[str, str] = body["data"]["tokenCreate"]["tokens"]
    return tokens


async def mutate(http: httpx.AsyncClient, document: str, **variables: Any) -> dict[str, Any]:
    body: dict[str, Any] = (await gql(http, document, **variables)).json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


async def open_socket(app: Starlette, access_token: str) -> WebSocketSession:
    session = WebSocketSession(app, ["graphql-transport-ws"])
    assert (await session.receive())["type"] == "websocket.accept"
    payload = {"Authorization": f"Bearer {access_token}"}
    await session.send_json({"type": "connection_init", "payload": payload})
    assert await session.receive_json() == {"type": "connection_ack"}
    return session


async def closed_code(session: WebSocketSession) -> int:
    message = await asyncio.wait_for(session.outbox.get(), CLOSE_WITHIN_SECONDS)
    assert message["type"] == "websocket.close", message
    code: int = message["code"]
    return code


async def test_sign_out_ends_the_access_token_on_http_and_closes_its_websocket(
    settings: Settings, db: None
) -> None:
    await person(username="oli")
    app = create_app(settings)
    async with client(app) as http:
        signed_out, other = await sign_in(http, "oli"), await sign_in(http, "oli")
        socket = await open_socket(app, signed_out["accessToken"])
        assert (await gql(http, VIEWER, signed_out["accessToken"])).status_code == 200

        await mutate(http, REVOKE, t=signed_out["refreshToken"])

        assert await closed_code(socket) == 4403
        assert (await gql(http, VIEWER, signed_out["accessToken"])).status_code == 401
        assert (await gql(http, VIEWER, other["accessToken"])).status_code == 200  # another login
        refused = WebSocketSession(app, ["graphql-transport-ws"])
        assert (await refused.receive())["type"] == "websocket.accept"
        payload = {"Authorization": f"Bearer {signed_out['accessToken']}"}
        await refused.send_json({"type": "connection_init", "payload": payload})
        assert await closed_code(refused) == 4403


async def test_a_reused_refresh_token_ends_the_access_tokens_of_its_login(
    settings: Settings, db: None
) -> None:
    await person(username="pam")
    app = create_app(settings)
    async with client(app) as http:
        first = await sign_in(http, "pam")
        rotated = (await mutate(http, REFRESH, t=first["refreshToken"]))["tokenRefresh"]["tokens"]
        socket = await open_socket(app, rotated["accessToken"])

        reused = await mutate(http, REFRESH, t=first["refreshToken"])
        assert reused["tokenRefresh"]["errors"] == [{"code": "TOKEN_REUSED"}]

        assert await closed_code(socket) == 4403
        for token in (first["accessToken"], rotated["accessToken"]):
            assert (await gql(http, VIEWER, token)).status_code == 401


async def test_a_replica_started_after_the_sign_out_reads_it_from_the_database(
    settings: Settings, db: None
) -> None:
    await person(username="quin")
    first, later = create_app(settings), create_app(settings)
    runtime: Runtime = later.state.runtime
    async with client(first) as http, client(later) as http_later:
        tokens = await sign_in(http, "quin")
        await mutate(http, REVOKE, t=tokens["refreshToken"])
        async with listening(runtime):
            assert (await gql(http_later, VIEWER, tokens["accessToken"])).status_code == 401


@contextlib.asynccontextmanager
async def listening(*runtimes: Runtime) -> AsyncIterator[None]:
    tasks = [asyncio.create_task(r.revocations.listen()) for r in runtimes]
    try:
        for runtime in runtimes:
            await asyncio.wait_for(runtime.revocations.listening.wait(), 5)
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for runtime in runtimes:
            await runtime.broker.aclose()


@pytest.fixture
def redis_settings(settings: Settings, redis_url: str) -> Settings:
    return settings.model_copy(update={"redis_url": redis_url})


async def test_sign_out_on_one_replica_is_refused_on_another_through_redis(
    redis_settings: Settings, db: None
) -> None:
    await person(username="rae")
    one, two = create_app(redis_settings), create_app(redis_settings)
    async with (
        client(one) as http_one,
        client(two) as http_two,
        listening(one.state.runtime, two.state.runtime),
    ):
        tokens = await sign_in(http_one, "rae")
        assert (await gql(http_two, VIEWER, tokens["accessToken"])).status_code == 200
        socket = await open_socket(two, tokens["accessToken"])

        await mutate(http_one, REVOKE, t=tokens["refreshToken"])

        assert await closed_code(socket) == 4403  # on the other replica, at once
        assert (await gql(http_two, VIEWER, tokens["accessToken"])).status_code == 401


async def test_a_listener_that_missed_messages_reads_the_table_again(
    settings: Settings, db: None
) -> None:
    from rangex_graphql.broker.memory import MemoryBroker
    from rangex_graphql.models import RefreshToken
    from rangex_graphql.services.revocations import REVOCATION_TOPIC

    user = await person(username="sol")
    app = create_app(settings)
    runtime: Runtime = app.state.runtime
    assert isinstance(runtime.broker, MemoryBroker)
    async with client(app) as http, listening(runtime):
        tokens = await sign_in(http, "sol")
        family = (await RefreshToken.get(user_id=user.id)).family_id
        noticed = asyncio.Event()
        runtime.revocations.revoked.watch(family, noticed.set)
        # Revoked by another replica whose message never arrived (Redis was away).
        await RefreshToken.filter(family_id=family).update(revoked_at=datetime.now(UTC))
        runtime.broker.report_missed(REVOCATION_TOPIC, 1)

        await asyncio.wait_for(noticed.wait(), CLOSE_WITHIN_SECONDS)
        assert (await gql(http, VIEWER, tokens["accessToken"])).status_code == 401
