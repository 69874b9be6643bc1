"""The app with metrics on, and reading what /metrics answers with prometheus-client's
own parser (what Prometheus reads, read the way a scraper would)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from starlette.applications import Starlette

from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests.api.subscriptions.client import LiveServer, serve

TOKEN = "metrics-token-for-tests-only-0123456789"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class Scrape:
    """One /metrics answer: every sample, by metric sample name."""

    samples: dict[str, list[tuple[dict[str, str], float]]]

    @classmethod
    def parse(cls, text: str) -> Scrape:
        samples: dict[str, list[tuple[dict[str, str], float]]] = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                samples.setdefault(sample.name, []).append((dict(sample.labels), sample.value))
        return cls(samples)

    def value(self, name: str, **labels: str) -> float:
        """The sample's value; 0 when there is none (a counter never incremented)."""
        for found, value in self.samples.get(name, []):
            if found == labels:
                return value
        return 0.0

    def label_values(self, name: str, label: str) -> set[str]:
        return {found[label] for found, _ in self.samples.get(name, []) if label in found}


@dataclass
class MetricsApp:
    client: httpx.AsyncClient
    runtime: Runtime
    settings: Settings

    async def scrape(self) -> Scrape:
        response = await self.client.get("/metrics", headers=BEARER)
        assert response.status_code == 200, response.text
        return Scrape.parse(response.text)

    async def graphql(
        self, query: str, operation_name: str | None = None, **extra: Any
    ) -> httpx.Response:
        body: dict[str, Any] = {"query": query, **extra}
        if operation_name is not None:
            body["operationName"] = operation_name
        return await self.client.post(
            "/graphql", json=body, headers={"accept": "application/graphql-response+json"}
        )


@pytest.fixture
async def metrics_app(settings: Settings, db: None) -> AsyncIterator[Callable[..., Any]]:
    """``await metrics_app(**setting_overrides)``: the app's routes with metrics on (the
    test token), on the simulated engine, with an httpx client."""
    opened: list[tuple[httpx.AsyncClient, Runtime]] = []

    async def build(**overrides: Any) -> MetricsApp:
        configured = settings.model_copy(
            update={"metrics_token": SecretStr(TOKEN), "graphiql": False, **overrides}
        )
        runtime = build_runtime(
            configured, driver=SimulatedDriver(SimulatedDelays.none()), broker=MemoryBroker()
        )
        app = Starlette(routes=http_routes(configured, runtime))
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )
        opened.append((client, runtime))
        return MetricsApp(client, runtime, configured)

    yield build
    for client, runtime in opened:
        await client.aclose()
        await runtime.aclose()


@pytest.fixture
async def live_metrics(settings: Settings, db: None) -> AsyncIterator[LiveServer]:
    """The app with metrics on (the test token), served by uvicorn on a free port."""
    runtime = build_runtime(
        settings.model_copy(update={"metrics_token": SecretStr(TOKEN)}),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
    )
    try:
        async with serve(runtime) as server:
            yield server
    finally:
        await runtime.aclose()
