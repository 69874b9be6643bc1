"""Cost budgets per minute: memory and Redis backends, whose budget, and RATE_LIMITED."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis

from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.limits import Charge, CostBudget, MemoryBudget, RedisBudget
from rangex_graphql.api.limits.cost import budget_key
from rangex_graphql.app import create_app
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings


class Clock:
    """A clock the test moves by hand; starts 10 s into a minute."""

    def __init__(self) -> None:
        self.now = 1_800_000_010.0

    def __call__(self) -> float:
        return self.now


async def spend_a_window(budget: CostBudget, clock: Clock) -> None:
    """The same story for every backend: 100 points a minute."""
    assert await budget.charge("user:a", 60) == Charge(True, 40)
    assert await budget.charge("user:a", 50) == Charge(False, 40, retry_after=50)
    assert await budget.charge("user:b", 100) == Charge(True, 0)  # budgets are per key
    assert await budget.charge("user:a", 40) == Charge(True, 0)
    clock.now += 49.5
    assert await budget.charge("user:a", 1) == Charge(False, 0, retry_after=1)
    clock.now += 0.5  # the next minute
    assert await budget.charge("user:a", 50) == Charge(True, 50)


async def test_memory_budget_refuses_over_the_budget_and_recovers_next_minute() -> None:
    clock = Clock()
    await spend_a_window(MemoryBudget(100, clock=clock), clock)


async def test_memory_budget_keeps_only_the_current_window_and_at_most_max_keys() -> None:
    clock = Clock()
    budget = MemoryBudget(100, clock=clock, max_keys=3)
    for key in "abcde":
        await budget.charge(key, 1)
    assert len(budget) == 3
    clock.now += 60
    await budget.charge("f", 1)
    assert len(budget) == 1


@pytest.fixture
async def redis_budgets(redis_url: str) -> AsyncIterator[tuple[RedisBudget, RedisBudget, Clock]]:
    """Two budgets on their own connections, as two replicas would have; one clock."""
    clock = Clock()
    prefix = f"rangex-test:cost-budget:{uuid.uuid4().hex}:"
    first = RedisBudget(aioredis.Redis.from_url(redis_url), 100, clock=clock, key_prefix=prefix)
    second = RedisBudget(aioredis.Redis.from_url(redis_url), 100, clock=clock, key_prefix=prefix)
    yield first, second, clock
    keys = [key async for key in first.client.scan_iter(match=f"{prefix}*")]
    if keys:
        await first.client.delete(*keys)
    await first.aclose()
    await second.aclose()


async def test_redis_budget_refuses_over_the_budget_and_recovers_next_minute(
    redis_budgets: tuple[RedisBudget, RedisBudget, Clock],
) -> None:
    budget, _, clock = redis_budgets
    await spend_a_window(budget, clock)


async def test_redis_budget_is_shared_by_replicas(
    redis_budgets: tuple[RedisBudget, RedisBudget, Clock],
) -> None:
    first, second, _clock = redis_budgets
    assert await first.charge("ip:203.0.113.7", 70) == Charge(True, 30)
    assert await second.charge("ip:203.0.113.7", 40) == Charge(False, 30, retry_after=50)
    assert await second.charge("ip:203.0.113.7", 30) == Charge(True, 0)
    assert (await first.charge("ip:203.0.113.7", 1)).allowed is False
    (key,) = [key async for key in first.client.scan_iter(match=f"{first.key_prefix}*")]
    assert 0 < await first.client.ttl(key) <= 120  # counters expire on their own


async def test_redis_budget_lets_operations_through_when_redis_fails(
    caplog: pytest.LogCaptureFixture,
) -> None:
    budget = RedisBudget.from_url("redis://127.0.0.1:1/0", 100)
    try:
        with caplog.at_level(logging.WARNING, logger="rangex_graphql.api.limits.budget"):
            assert await budget.charge("user:a", 1_000) == Charge(True, None)
            assert await budget.charge("user:a", 1_000) == Charge(True, None)
    finally:
        await budget.aclose()
    assert len(caplog.records) == 1  # once per window, not once per request


def test_the_budget_is_the_viewers_else_the_client_addresss(settings: Settings) -> None:
    viewer = Viewer(id=uuid.UUID(int=7), role=UserRole.USER)
    signed_in = Context(settings=settings, viewer=viewer, client_ip="203.0.113.7")
    assert budget_key(signed_in) == f"user:{viewer.id}"
    assert budget_key(Context(settings=settings, viewer=None, client_ip="203.0.113.7")) == (
        "ip:203.0.113.7"
    )
    v6 = Context(settings=settings, viewer=None, client_ip="2001:db8:1:2:3:4:5:6")
    assert budget_key(v6) == "ip:2001:db8:1:2::/64"
    mapped = Context(settings=settings, viewer=None, client_ip="::ffff:192.0.2.1")
    assert budget_key(mapped) == "ip:192.0.2.1"


# --- over HTTP -----------------------------------------------------------------------------

CHEAP = "{ __schema { queryType { name } } }"  # costs 1 and reads no table


async def post(app: Any, document: str, client_ip: str = "198.51.100.1") -> dict[str, Any]:
    transport = httpx.ASGITransport(app=app, client=(client_ip, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.post("/graphql", json={"query": document})
    body: dict[str, Any] = response.json()
    return body


async def test_a_spent_budget_refuses_with_retry_after_until_the_next_minute(
    settings: Settings,
) -> None:
    clock = Clock()
    app = create_app(settings)
    app.state.runtime.cost_budget = MemoryBudget(2, clock=clock)

    first = await post(app, CHEAP)
    assert first["extensions"]["cost"] == {"requested": 1, "limit": 50_000, "remaining": 1}
    await post(app, CHEAP)
    refused = await post(app, CHEAP)
    assert "data" not in refused
    (error,) = refused["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 50}
    assert refused["extensions"]["cost"]["remaining"] == 0

    other_client = await post(app, CHEAP, client_ip="198.51.100.2")
    assert "errors" not in other_client

    clock.now += 50
    recovered = await post(app, CHEAP)
    assert "errors" not in recovered
    assert recovered["extensions"]["cost"]["remaining"] == 1


async def test_create_app_gives_every_app_a_budget_from_the_settings(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"redis_url": None}))
    assert isinstance(app.state.runtime.cost_budget, MemoryBudget)
    assert app.state.runtime.cost_budget.per_window == settings.cost_budget_per_minute
    no_budget = create_app(settings.model_copy(update={"cost_budget_per_minute": 0}))
    assert no_budget.state.runtime.cost_budget is None
    body = await post(no_budget, CHEAP)
    assert body["extensions"]["cost"] == {"requested": 1, "limit": 50_000}


async def test_refusals_get_telling_status_codes_under_graphql_response_json(
    settings: Settings,
) -> None:
    app = create_app(settings)
    app.state.runtime.cost_budget = MemoryBudget(1, clock=Clock())
    transport = httpx.ASGITransport(app=app, client=("198.51.100.9", 40000))
    headers = {"accept": "application/graphql-response+json"}
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        first = await client.post("/graphql", json={"query": CHEAP}, headers=headers)
        refused = await client.post("/graphql", json={"query": CHEAP}, headers=headers)
        legacy = await client.post("/graphql", json={"query": CHEAP})
    assert first.status_code == 200
    assert refused.status_code == 429
    assert legacy.status_code == 200  # application/json keeps the legacy 200
