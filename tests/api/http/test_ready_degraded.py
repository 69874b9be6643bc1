"""Readiness with the broker away: degraded, still ready (issue 13, item 6).

Queries and mutations work without Redis; taking every replica out of the balancer at
once for a Redis blip would turn a loss of live updates into a full outage.
"""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from rangex_graphql.api.http.health import DATABASE, broker_check, health_routes
from rangex_graphql.broker import MemoryBroker

from .conftest import client_for


class BrokerAway(MemoryBroker):
    async def ping(self) -> None:
        raise ConnectionError("Error 111 connecting to 10.0.0.7:6379. Connection refused.")


@pytest.mark.usefixtures("orm")
async def test_a_broker_that_does_not_answer_degrades_the_replica_which_stays_ready() -> None:
    app = Starlette(routes=health_routes([DATABASE, broker_check(BrokerAway())]))
    async with client_for(app) as client:
        response: httpx.Response = await client.get("/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["failed"] == []
    assert body["degraded"] == ["broker"]
    assert body["checks"]["broker"] == {"status": "failed", "error": "ConnectionError"}
    assert body["checks"]["database"]["status"] == "ok"


@pytest.mark.usefixtures("orm")
async def test_a_broker_that_answers_leaves_nothing_degraded() -> None:
    app = Starlette(routes=health_routes([DATABASE, broker_check(MemoryBroker())]))
    async with client_for(app) as client:
        body = (await client.get("/ready")).json()
    assert (body["status"], body["failed"], body["degraded"]) == ("ok", [], [])
