"""Fixtures shared by the API tests over real sockets (HTTP, WebSocket, a browser)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests.api.subscriptions.client import LiveServer, serve


@pytest.fixture
async def live(settings: Settings, db: None) -> AsyncIterator[Callable[..., Any]]:
    """``await live(**setting_overrides)``: the app served on a free port."""
    runtimes: list[Runtime] = []
    servers: list[Any] = []

    async def start(**overrides: Any) -> LiveServer:
        runtime = build_runtime(
            settings.model_copy(update=overrides),
            driver=SimulatedDriver(SimulatedDelays.none()),
            broker=MemoryBroker(),
        )
        runtimes.append(runtime)
        context = serve(runtime)
        servers.append(context)
        return await context.__aenter__()

    yield start
    for context in reversed(servers):
        await context.__aexit__(None, None, None)
    for runtime in runtimes:
        await runtime.aclose()
