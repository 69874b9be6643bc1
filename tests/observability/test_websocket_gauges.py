"""Open WebSockets and subscriptions: gauges that go up and down with them, over a real
socket to the app served by uvicorn."""

from __future__ import annotations

import asyncio

import httpx

from tests import factories
from tests.api.subscriptions.client import Client, LiveServer
from tests.api.subscriptions.conftest import token_for
from tests.observability.conftest import BEARER, Scrape

CONNECTIONS = "rangex_graphql_websocket_connections"
SUBSCRIPTIONS = "rangex_graphql_subscriptions_active"


async def scrape(url: str) -> Scrape:
    http_url = url.replace("ws://", "http://").removesuffix("/graphql")
    async with httpx.AsyncClient(base_url=http_url) as client:
        response = await client.get("/metrics", headers=BEARER)
    assert response.status_code == 200
    return Scrape.parse(response.text)


async def settled(url: str, name: str, expected: float) -> None:
    """Until the gauge reads ``expected`` (the server sees a close a moment after the client)."""
    for _ in range(200):
        if (await scrape(url)).value(name) == expected:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{name} never read {expected}")


async def test_connections_and_subscriptions_go_up_and_down(live_metrics: LiveServer) -> None:
    server = live_metrics
    user = await factories.user()
    token = token_for(server.runtime.settings, user)
    assert (await scrape(server.url)).value(CONNECTIONS) == 0
    async with Client.open(server.url, token) as first:
        async with Client.open(server.url, token):
            await settled(server.url, CONNECTIONS, 2)
        await settled(server.url, CONNECTIONS, 1)
        await first.subscribe("1", "subscription { mySessions { id state } }")
        await first.subscribe("2", "subscription { notifications { id } }")
        await settled(server.url, SUBSCRIPTIONS, 2)
        await first.send({"id": "1", "type": "complete"})
        await settled(server.url, SUBSCRIPTIONS, 1)
    await settled(server.url, CONNECTIONS, 0)
    await settled(server.url, SUBSCRIPTIONS, 0)
