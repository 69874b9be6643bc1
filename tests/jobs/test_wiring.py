"""The app's wiring of the session machinery: /ready asks the orchestrator too."""

from __future__ import annotations

import httpx
import pytest

from rangex_graphql.app import create_app
from rangex_graphql.orchestrator import EngineUnavailable
from rangex_graphql.settings import Settings

pytestmark = pytest.mark.usefixtures("db")


async def ready(settings: Settings, *, engine_down: bool) -> httpx.Response:
    app = create_app(settings)
    if engine_down:

        async def refuse() -> None:
            raise EngineUnavailable("ping: connection refused by unix:///var/run/docker.sock")

        app.state.runtime.driver.ping = refuse
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/ready")
    await app.state.runtime.aclose()
    return response


async def test_ready_checks_the_orchestrator(settings: Settings) -> None:
    response = await ready(settings, engine_down=False)
    assert response.status_code == 200
    assert response.json()["checks"]["orchestrator"]["status"] == "ok"


async def test_not_ready_when_the_engine_does_not_answer(settings: Settings) -> None:
    response = await ready(settings, engine_down=True)
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["orchestrator"]
    # The error's type only: the message may name hosts and sockets.
    assert body["checks"]["orchestrator"] == {"status": "failed", "error": "EngineUnavailable"}
    assert body["checks"]["database"]["status"] == "ok"


async def test_ready_checks_the_broker_replicas_share(settings: Settings, redis_url: str) -> None:
    up = create_app(settings.model_copy(update={"redis_url": redis_url}))
    # Nothing listens on port 1: the replicas could not hear each other. Queries and
    # mutations still work, so the replica stays in the balancer, marked degraded.
    down = create_app(settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}))
    for app, broker, overall in ((up, "ok", "ok"), (down, "failed", "degraded")):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await client.get("/ready")
        await app.state.runtime.aclose()
        assert response.status_code == 200
        assert response.json()["checks"]["broker"]["status"] == broker
        assert response.json()["status"] == overall
