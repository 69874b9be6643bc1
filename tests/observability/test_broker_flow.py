"""The broker's lag and drops in /metrics: messages through Redis carry their publish
time, read back as a lag on the receiving replica; a subscriber that falls behind or a
message lost between replicas is counted by reason."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import uuid4

import pytest
import redis.asyncio as aioredis
from prometheus_client import CollectorRegistry, generate_latest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.broker.protocol import MISSED, Message, Subscription
from rangex_graphql.broker.redis import PUBLISHED_AT, RedisBroker
from rangex_graphql.observability.broker_flow import BrokerMetrics

from .conftest import Scrape


def scrape(registry: CollectorRegistry) -> Scrape:
    return Scrape.parse(generate_latest(registry).decode())


@pytest.fixture
async def replicas(redis_url: str) -> AsyncIterator[tuple[RedisBroker, RedisBroker, str]]:
    prefix = f"test:{uuid4().hex[:8]}:"
    first = RedisBroker(redis_url, channel_prefix=prefix, reconnect_delays=(0.3,))
    second = RedisBroker(redis_url, channel_prefix=prefix, reconnect_delays=(0.3,))
    yield first, second, prefix
    await first.aclose()
    await second.aclose()


async def next_message(subscription: Subscription) -> Message:
    return await asyncio.wait_for(anext(aiter(subscription)), timeout=5)


async def test_a_message_through_redis_is_timed_and_delivered_without_its_stamp(
    replicas: tuple[RedisBroker, RedisBroker, str],
) -> None:
    receiver, sender, _ = replicas
    registry = CollectorRegistry()
    receiver.set_observer(BrokerMetrics(registry))
    subscription = await receiver.subscribe(["session:lag"])
    await sender.publish("session:lag", {"type": "session", "n": 1})
    assert await next_message(subscription) == {"type": "session", "n": 1}
    found = scrape(registry)
    assert found.value("rangex_graphql_broker_lag_seconds_count") == 1
    assert 0 <= found.value("rangex_graphql_broker_lag_seconds_sum") < 5
    await subscription.aclose()


async def test_a_late_message_lands_in_a_late_bucket(
    replicas: tuple[RedisBroker, RedisBroker, str], redis_url: str
) -> None:
    """A message stamped 3 s ago (a replica whose publish waited): the lag says so."""
    receiver, _, prefix = replicas
    registry = CollectorRegistry()
    receiver.set_observer(BrokerMetrics(registry))
    subscription = await receiver.subscribe(["session:late"])
    client = aioredis.Redis.from_url(redis_url)
    try:
        import time

        body = json.dumps({"n": 1, PUBLISHED_AT: time.time() - 3})
        await client.publish(f"{prefix}session:late", f"1 {body}")
    finally:
        await client.aclose()
    assert await next_message(subscription) == {"n": 1}
    found = scrape(registry)
    assert found.value("rangex_graphql_broker_lag_seconds_bucket", le="2.5") == 0
    assert found.value("rangex_graphql_broker_lag_seconds_bucket", le="5.0") == 1
    await subscription.aclose()


async def test_a_message_from_an_older_replica_is_delivered_untimed(
    replicas: tuple[RedisBroker, RedisBroker, str], redis_url: str
) -> None:
    """A replica of the version before the stamp (rolling upgrade) publishes plain JSON."""
    receiver, _, prefix = replicas
    registry = CollectorRegistry()
    receiver.set_observer(BrokerMetrics(registry))
    subscription = await receiver.subscribe(["session:old"])
    client = aioredis.Redis.from_url(redis_url)
    try:
        await client.publish(f"{prefix}session:old", '1 {"n":7}')
    finally:
        await client.aclose()
    assert await next_message(subscription) == {"n": 7}
    assert scrape(registry).value("rangex_graphql_broker_lag_seconds_count") == 0
    await subscription.aclose()


async def test_a_message_lost_between_replicas_is_counted_as_transport(
    replicas: tuple[RedisBroker, RedisBroker, str],
) -> None:
    receiver, sender, _ = replicas
    registry = CollectorRegistry()
    receiver.set_observer(BrokerMetrics(registry))
    subscription = await receiver.subscribe(["session:gap"])

    async def refuse(*args: object, **kwargs: object) -> None:
        raise ConnectionError("Redis is away")

    script = sender._publish_script
    sender._publish_script = refuse  # type: ignore[assignment]
    await sender.publish("session:gap", {"n": 1})
    sender._publish_script = script
    await sender.publish("session:gap", {"n": 2})
    assert await next_message(subscription) == {"type": MISSED, "count": 1}
    assert await next_message(subscription) == {"n": 2}
    found = scrape(registry)
    assert found.value("rangex_graphql_broker_dropped_messages_total", reason="transport") == 1
    assert found.value("rangex_graphql_broker_dropped_messages_total", reason="queue_full") == 0
    await subscription.aclose()


async def test_a_subscriber_that_falls_behind_is_counted_as_queue_full() -> None:
    broker = MemoryBroker()
    registry = CollectorRegistry()
    broker.set_observer(BrokerMetrics(registry))
    slow = await broker.subscribe(["user:u"], queue_size=2)
    keeping_up = await broker.subscribe(["user:u"], queue_size=10)
    for n in range(5):
        await broker.publish("user:u", {"n": n})
    assert slow.missed == 3
    assert keeping_up.missed == 0
    found = scrape(registry)
    assert found.value("rangex_graphql_broker_dropped_messages_total", reason="queue_full") == 3
    await slow.aclose()
    await keeping_up.aclose()


async def test_the_apps_broker_reports_to_its_metrics(metrics_app: Callable[..., Any]) -> None:
    app = await metrics_app()
    broker = app.runtime.broker
    assert isinstance(broker, MemoryBroker)
    subscription = await broker.subscribe(["user:v"], queue_size=1)
    await broker.publish("user:v", {"n": 1})
    await broker.publish("user:v", {"n": 2})
    found = await app.scrape()
    assert found.value("rangex_graphql_broker_dropped_messages_total", reason="queue_full") == 1
    assert "rangex_graphql_broker_lag_seconds_count" in found.samples
    await subscription.aclose()
