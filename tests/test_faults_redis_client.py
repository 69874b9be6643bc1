"""The runtime's shared Redis client (login throttle, rate limits, cost budget, persisted
queries) gives up on a stalled Redis after ``RANGEX_REDIS_TIMEOUT_SECONDS`` (issue 13,
item 5), with an error requests turn into SERVICE_UNAVAILABLE where they fail closed."""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

import pytest
from redis.exceptions import TimeoutError as RedisTimeoutError

from rangex_graphql.api.unavailable import is_outage
from rangex_graphql.redis_pool import build_redis
from rangex_graphql.settings import Settings
from tests.support.fault_proxy import fault_proxy

HANG = 10.0  # far above the timeout below; only a hang reaches it


async def test_the_shared_client_gives_up_on_a_stalled_redis_after_the_setting(
    redis_url: str,
) -> None:
    async with fault_proxy(urlparse(redis_url).port or 6379) as proxy:
        through = urlparse(redis_url)._replace(netloc=proxy.url_netloc).geturl()
        client = build_redis(Settings(redis_url=through, redis_timeout_seconds=0.25))
        assert client is not None
        try:
            kwargs = client.connection_pool.connection_kwargs
            assert (kwargs["socket_timeout"], kwargs["socket_connect_timeout"]) == (0.25, 0.25)
            assert await client.ping()
            proxy.blackhole()
            with pytest.raises(RedisTimeoutError) as failed:
                await asyncio.wait_for(client.ping(), HANG)
            assert is_outage(failed.value)
        finally:
            await client.aclose()
