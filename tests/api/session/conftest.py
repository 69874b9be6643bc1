"""A runtime on the simulated engine (no delays) and a memory broker, for lifecycle tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.support.simulated_runtime import simulated_runtime


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        yield built
