"""The Redis broker against the local Redis: across brokers (as across replicas), a
dropped pub/sub connection, failed publishes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from uuid import uuid4

import pytest
import redis.asyncio as aioredis
from pydantic import ValidationError

from rangex_graphql.broker.factory import build_broker
from rangex_graphql.broker.protocol import MISSED, Message, Subscription
from rangex_graphql.broker.redis import RedisBroker
from rangex_graphql.settings import Settings


@pytest.fixture
async def brokers(redis_url: str) -> AsyncIterator[tuple[RedisBroker, RedisBroker]]:
    # A prefix per test: channels are server-wide, whatever the database number.
    prefix = f"test:{uuid4().hex[:8]}:"
    first = RedisBroker(redis_url, channel_prefix=prefix, reconnect_delays=(0.3,))
    second = RedisBroker(redis_url, channel_prefix=prefix, reconnect_delays=(0.3,))
    yield first, second
    await first.aclose()
    await second.aclose()


async def next_message(subscription: Subscription) -> Message:
    iterator = aiter(subscription)
    return await asyncio.wait_for(anext(iterator), timeout=5)


async def test_a_message_published_on_one_broker_reaches_the_other(
    brokers: tuple[RedisBroker, RedisBroker],
) -> None:
    receiver, sender = brokers
    subscription = await receiver.subscribe(["session:a", "user:b"])
    await sender.publish("session:a", {"type": "session", "n": 1})
    await sender.publish("other", {"type": "session", "n": 2})
    await sender.publish("user:b", {"type": "session", "n": 3})
    assert await next_message(subscription) == {"type": "session", "n": 1}
    assert await next_message(subscription) == {"type": "session", "n": 3}
    assert subscription.missed == 0
    await subscription.aclose()


async def test_closing_the_last_subscriber_unsubscribes_the_channel(
    brokers: tuple[RedisBroker, RedisBroker], redis_url: str
) -> None:
    receiver, _ = brokers
    first = await receiver.subscribe(["session:x"])
    second = await receiver.subscribe(["session:x"])
    channel = receiver._channel("session:x")
    client = aioredis.Redis.from_url(redis_url)
    try:
        assert (await client.pubsub_numsub(channel))[0][1] == 1  # one connection per process
        await first.aclose()
        assert (await client.pubsub_numsub(channel))[0][1] == 1
        await second.aclose()
        for _ in range(50):
            if (await client.pubsub_numsub(channel))[0][1] == 0:
                break
            await asyncio.sleep(0.02)
        assert (await client.pubsub_numsub(channel))[0][1] == 0
    finally:
        await client.aclose()


async def test_a_dropped_connection_resumes_and_reports_what_went_past(
    brokers: tuple[RedisBroker, RedisBroker], redis_url: str
) -> None:
    receiver, sender = brokers
    subscription = await receiver.subscribe(["session:drop"])
    await sender.publish("session:drop", {"n": 1})
    assert await next_message(subscription) == {"n": 1}
    client = aioredis.Redis.from_url(redis_url)
    try:
        await client.client_kill_filter(_type="pubsub")
    finally:
        await client.aclose()
    # The receiver is away for its reconnect delay; these go past it.
    await sender.publish("session:drop", {"n": 2})
    await sender.publish("session:drop", {"n": 3})
    gap: dict[str, Any] = await next_message(subscription)
    # How many cannot be known after a lost connection (tests/broker/test_redis_faults.py).
    assert gap == {"type": MISSED, "count": None}
    assert subscription.unknown_gaps == 1
    assert receiver.reconnects >= 1
    await sender.publish("session:drop", {"n": 4})
    assert await next_message(subscription) == {"n": 4}
    await subscription.aclose()


async def test_a_failed_publish_is_reported_as_missed_here_and_elsewhere(
    brokers: tuple[RedisBroker, RedisBroker],
) -> None:
    receiver, sender = brokers
    remote = await receiver.subscribe(["session:lost"])
    local = await sender.subscribe(["session:lost"])

    async def refuse(*args: object, **kwargs: object) -> None:
        raise ConnectionError("Redis is away")

    script = sender._publish_script
    sender._publish_script = refuse  # type: ignore[assignment]
    await sender.publish("session:lost", {"n": 1})  # does not raise
    assert await next_message(local) == {"type": MISSED, "count": 1}
    sender._publish_script = script
    await sender.publish("session:lost", {"n": 2})
    assert await next_message(remote) == {"type": MISSED, "count": 1}
    assert await next_message(remote) == {"n": 2}
    assert remote.missed == 1
    await remote.aclose()
    await local.aclose()


async def test_the_settings_choose_the_reconnect_delays(settings: Settings, redis_url: str) -> None:
    chosen = settings.model_copy(
        update={"redis_url": redis_url, "broker_reconnect_seconds": [1.5, 3.0]}
    )
    broker = build_broker(chosen)
    assert isinstance(broker, RedisBroker)
    assert broker.reconnect_delays == (1.5, 3.0)
    await broker.aclose()
    for bad in ([], [0.0], [-1.0]):
        with pytest.raises(ValidationError):
            Settings(broker_reconnect_seconds=bad)
