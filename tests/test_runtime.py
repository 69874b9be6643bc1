"""The runtime: the process's collaborators, and the one Redis pool they share."""

from __future__ import annotations

import asyncio
import hashlib
import uuid

import httpx
import pytest
import redis.asyncio as aioredis

from rangex_graphql import runtime as runtime_module
from rangex_graphql.app import create_app
from rangex_graphql.runtime import build_runtime
from rangex_graphql.security.throttle import LoginThrottle
from rangex_graphql.settings import Settings


async def connections_named(redis_url: str, name: str) -> int:
    client = aioredis.Redis.from_url(redis_url)
    try:
        return sum(1 for entry in await client.client_list() if entry.get("name") == name)
    finally:
        await client.aclose()


async def test_the_limiters_of_a_runtime_share_one_redis_connection(
    settings: Settings, redis_url: str
) -> None:
    """Throttle, rate limits and cost budget used one after the other: one connection,
    taken from the runtime's pool each time (redis-py names it from the URL)."""
    name = f"rangex-test-{uuid.uuid4().hex}"
    runtime = build_runtime(
        settings.model_copy(update={"redis_url": f"{redis_url}?client_name={name}"})
    )
    key = uuid.uuid4().hex
    client_ip = f"198.18.{uuid.uuid4().int % 256}.{uuid.uuid4().int % 256}"  # keys expire
    try:
        assert isinstance(runtime.login_guard, LoginThrottle)
        assert (await runtime.login_guard.check(f"{key}@example.com", client_ip)).allowed
        rule = runtime.rate_limits.rules.register_per_ip
        assert (await runtime.rate_limits.hit_client(rule, client_ip)).allowed
        assert runtime.cost_budget is not None
        assert (await runtime.cost_budget.charge(f"user:{key}", 1)).allowed
        assert await connections_named(redis_url, name) == 1
    finally:
        await runtime.aclose()
    assert await connections_named(redis_url, name) == 0  # closed with the runtime


async def test_an_apps_cost_budget_and_persisted_queries_share_the_runtimes_pool(
    settings: Settings, redis_url: str
) -> None:
    """One request charges the cost budget and stores its document (automatic persisted
    queries): both on the runtime's one connection."""
    name = f"rangex-test-{uuid.uuid4().hex}"
    app = create_app(settings.model_copy(update={"redis_url": f"{redis_url}?client_name={name}"}))
    document = f"{{ __typename }} # {name}"  # a document no other test stored
    digest = hashlib.sha256(document.encode()).hexdigest()
    body = {
        "query": document,
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}},
    }
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            answer = (await client.post("/graphql", json=body)).json()
        assert answer["data"] == {"__typename": "Query"}
        assert "remaining" in answer["extensions"]["cost"]  # the budget was charged
        stored = aioredis.Redis.from_url(redis_url)
        try:
            assert await stored.exists(f"rangex:persisted-query:{digest}") == 1
            await stored.delete(f"rangex:persisted-query:{digest}")
        finally:
            await stored.aclose()
        assert await connections_named(redis_url, name) == 1
    finally:
        await app.state.runtime.aclose()


def test_a_runtime_without_redis_url_has_no_redis(settings: Settings) -> None:
    runtime = build_runtime(settings.model_copy(update={"redis_url": None}))
    assert runtime.redis is None


async def test_closing_does_not_hang_on_a_task_that_ignores_its_cancellation(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A background task stuck in a call that swallows the cancellation (a database
    driver's, say) is left behind with an error in the log instead of hanging the close."""
    monkeypatch.setattr(runtime_module, "CLOSE_WAIT_SECONDS", 0.2)
    runtime = build_runtime(settings)
    released = asyncio.Event()

    async def stubborn() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await released.wait()  # ignores the cancellation until the test lets it go

    async def polite() -> None:
        await asyncio.sleep(3600)

    stuck = runtime.spawn(stubborn, "stubborn")
    ended = runtime.spawn(polite, "polite")
    await asyncio.sleep(0)
    async with asyncio.timeout(5):
        await runtime.aclose()
    assert ended.cancelled()
    assert not stuck.done()
    assert "background task stubborn did not stop" in caplog.text
    # Where it waits: down to the call that ignored the cancellation.
    assert "in stubborn" in caplog.text
    assert "in wait" in caplog.text  # asyncio.Event.wait, awaited by stubborn
    released.set()
    await stuck
