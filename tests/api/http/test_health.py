"""Liveness without I/O; readiness from named checks, the database first."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from starlette.applications import Starlette

from rangex_graphql.api.http.health import DATABASE, ReadinessCheck, health_routes

from .conftest import client_for


async def ok() -> None:
    return None


async def refused() -> None:
    raise ConnectionRefusedError("broker at 10.0.0.7:6379 refused the connection")


async def hangs() -> None:
    await asyncio.sleep(60)


def app_with(*checks: ReadinessCheck) -> Starlette:
    return Starlette(routes=health_routes(list(checks)))


async def get(app: Starlette, path: str) -> httpx.Response:
    async with client_for(app) as client:
        return await client.get(path)


async def test_health_is_ok_without_touching_any_dependency() -> None:
    response = await get(app_with(ReadinessCheck("broker", refused)), "/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.usefixtures("orm")
async def test_ready_when_the_database_answers() -> None:
    response = await get(app_with(DATABASE), "/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert body["checks"]["database"]["status"] == "ok"


@pytest.mark.usefixtures("orm")
async def test_not_ready_names_the_failed_check() -> None:
    response = await get(app_with(DATABASE, ReadinessCheck("broker", refused)), "/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["broker"]
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["broker"] == {"status": "failed", "error": "ConnectionRefusedError"}
    assert "10.0.0.7" not in response.text, "error messages stay in the log"


async def test_a_hanging_check_times_out() -> None:
    app = app_with(ReadinessCheck("orchestrator", hangs, timeout=0.05))
    response = await get(app, "/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["orchestrator"]["error"] == "timed out after 0.05s"


async def test_database_check_fails_when_the_database_does_not_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class DeadConnection:
        async def execute_query(self, query: str) -> None:
            raise OSError("connection lost")

    monkeypatch.setattr(
        "rangex_graphql.api.http.health.connections.get", lambda alias: DeadConnection()
    )
    response = await get(app_with(DATABASE, ReadinessCheck("broker", ok)), "/ready")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]
