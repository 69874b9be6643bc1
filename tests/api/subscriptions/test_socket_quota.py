"""WebSockets per user (``ws_max_connections_per_user``) and the largest message
(``ws_max_message_bytes``), on the app served by uvicorn."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AsyncExitStack
from typing import Any

from rangex_graphql.api.subscriptions.socket_quota import PROCESS_SOCKETS, SocketQuota
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import token_for


async def test_a_user_past_the_quota_is_closed_with_4429(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_max_connections_per_user=2)
    learner, other = await factories.user(), await factories.user()
    async with AsyncExitStack() as stack:
        for _ in range(2):
            await stack.enter_async_context(Client.open(server.url, token_for(settings, learner)))
        async with Client.open(server.url, init=False) as third:
            await third.send(
                {"type": "connection_init", "payload": {"token": token_for(settings, learner)}}
            )
            assert await third.closed() == (4429, "Too many connections")
        async with Client.open(server.url, init=False) as someone_else:
            assert await someone_else.init(token_for(settings, other)) == {"type": "connection_ack"}


async def test_a_closed_socket_gives_its_place_back(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(ws_max_connections_per_user=1)
    learner = await factories.user()
    token = token_for(settings, learner)
    for _ in range(3):
        async with Client.open(server.url, init=False) as client:
            assert await client.init(token) == {"type": "connection_ack"}
            await client.send({"type": "ping"})
            assert await client.receive() == {"type": "pong"}
    assert PROCESS_SOCKETS.open_for(f"user:{learner.id}") == 0


async def test_anonymous_sockets_count_per_client_address(live: Callable[..., Any]) -> None:
    server = await live(ws_max_connections_per_user=1)
    async with Client.open(server.url, init=False) as first:
        assert await first.init(None) == {"type": "connection_ack"}
        async with Client.open(server.url, init=False) as second:
            await second.send({"type": "connection_init"})
            assert (await second.closed())[0] == 4429


async def test_a_message_past_the_limit_closes_with_1009(
    settings: Settings, live: Callable[..., Any]
) -> None:
    # The test server runs uvicorn with its default 16 MiB: the app's own check closes it.
    server = await live(ws_max_message_bytes=1024)
    async with Client.open(server.url, token_for(settings, await factories.user())) as client:
        await client.send({"type": "ping", "payload": {"pad": "x" * 2000}})
        assert await client.closed() == (1009, "Message too big")


def test_the_quota_counts_each_holder_apart() -> None:
    quota = SocketQuota()
    assert quota.take("user:a", 2)
    assert quota.take("user:a", 2)
    assert not quota.take("user:a", 2)
    assert quota.take("user:b", 2)
    quota.give_back("user:a")
    assert quota.open_for("user:a") == 1
    assert quota.take("user:a", 2)
