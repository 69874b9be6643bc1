"""sessionPause while Redis is black-holed (issue 13, item 5): the mutation answers within
the Redis timeout, its events counted as missed, instead of hanging for as long as the
stall lasts. Redis through a proxy (``tests/support/fault_proxy.py``), SQLite as usual."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from urllib.parse import urlparse

import pytest

from rangex_graphql.broker.factory import build_broker
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.api.session.test_session_api import control, start_running
from tests.support.fault_proxy import FaultProxy, fault_proxy
from tests.support.sessions import settle

pytestmark = pytest.mark.usefixtures("db")
HANG = 10.0  # far above the Redis timeout below; only a hang reaches it


@pytest.fixture
async def proxy(redis_url: str) -> AsyncIterator[FaultProxy]:
    async with fault_proxy(urlparse(redis_url).port or 6379) as proxy:
        yield proxy


@pytest.fixture
async def redis_runtime(
    settings: Settings, proxy: FaultProxy, redis_url: str
) -> AsyncIterator[Runtime]:
    through = urlparse(redis_url)._replace(netloc=proxy.url_netloc).geturl()
    # The broker only: the login throttle and the budgets are not on this path.
    chosen = settings.model_copy(update={"redis_url": through, "redis_timeout_seconds": 0.3})
    runtime = build_runtime(
        settings,
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=build_broker(chosen),
    )
    try:
        yield runtime
        await settle(runtime)
    finally:
        await runtime.aclose()


async def test_session_pause_answers_while_redis_is_black_holed(
    settings: Settings, redis_runtime: Runtime, proxy: FaultProxy
) -> None:
    user = await factories.user()
    started = await start_running(settings, redis_runtime, user)
    proxy.blackhole()
    paused = await asyncio.wait_for(
        data_of(
            settings,
            control("sessionPause"),
            {"input": {"sessionId": started["id"]}},
            as_user=user,
            runtime=redis_runtime,
        ),
        HANG,
    )
    assert paused["sessionPause"]["errors"] == []
    assert paused["sessionPause"]["session"]["state"] == "PAUSED"
