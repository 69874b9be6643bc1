"""Hint tests: a runtime, and the database built from the models until hints are
migrated (``schema_fixture``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.hints.schema_fixture import MIGRATED, orm_from_models
from tests.support.simulated_runtime import simulated_runtime

if not MIGRATED:

    @pytest.fixture(scope="session")
    async def orm(settings: Settings) -> AsyncIterator[None]:
        async for _ in orm_from_models(settings):
            yield


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        yield built
