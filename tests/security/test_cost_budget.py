"""The cost budget's counters on ``limits`` storages: concurrent charges of one client."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from rangex_graphql.security.cost_budget import CostBudget, MemoryBudget, RedisBudget

NOW = 1_800_000_010.0


@pytest.fixture(params=["memory", "redis"])
async def budget(request: pytest.FixtureRequest) -> AsyncIterator[CostBudget]:
    """50 points a minute, in memory or on Redis (keys under a prefix of the test's)."""
    if request.param == "memory":
        yield MemoryBudget(50, clock=lambda: NOW)
        return
    redis_url: str = request.getfixturevalue("redis_url")
    prefix = f"rangex-test:cost-budget:{uuid.uuid4().hex}"
    client = aioredis.Redis.from_url(redis_url)
    yield RedisBudget(client, 50, clock=lambda: NOW, key_prefix=prefix, owns_client=False)
    keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def test_concurrent_charges_never_spend_more_than_the_budget(budget: CostBudget) -> None:
    charges = await asyncio.gather(*(budget.charge("user:a", 3) for _ in range(40)))
    allowed = [charge for charge in charges if charge.allowed]
    assert len(allowed) == 16  # 16 x 3 = 48; a 17th would pass 50
    assert sorted(charge.remaining or 0 for charge in allowed) == list(range(2, 50, 3))
    # Refused charges were taken back: what is left can still be spent.
    assert (await budget.charge("user:a", 2)).remaining == 0
