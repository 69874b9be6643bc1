"""A runtime whose platform settings were read from the record (as the app's start-up
does), on the simulated engine and a memory broker."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings

# Two `rangex-graphql serve` processes on one database and one Redis, for
# test_served_replicas.py (module-scoped: that module's servers are its own).
from tests.api.subscriptions.test_replicas import environment as environment
from tests.api.subscriptions.test_replicas import replicas as replicas
from tests.api.subscriptions.test_replicas import seed as seed
from tests.support.simulated_runtime import simulated_runtime


@pytest.fixture
async def runtime(settings: Settings, db: None) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        await built.platform.load()
        yield built
