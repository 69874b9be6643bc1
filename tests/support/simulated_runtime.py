"""A runtime on the simulated engine (no delays) and a memory broker, for lifecycle tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests.support.sessions import settle


@asynccontextmanager
async def simulated_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    built = build_runtime(
        settings, driver=SimulatedDriver(SimulatedDelays.none()), broker=MemoryBroker()
    )
    try:
        yield built
        await settle(built)
    finally:
        await built.aclose()
