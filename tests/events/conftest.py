"""The events tests' runtime: the simulated engine and a broker that records what it
publishes (``support.recording_runtime``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.events.support import recording_runtime


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with recording_runtime(settings) as built:
        yield built
