"""The Redis broker when Redis stalls or goes away (issue 13, items 5 and 8), through a
proxy the tests cut or black-hole (``tests/support/fault_proxy.py``).

- A stalled Redis fails a publish within the broker's timeout (counted as missed) instead
  of holding the mutation that published for as long as the stall lasts.
- A pub/sub connection that went silent is given up and re-established.
- After a lost connection the gap is reported as unknown (``count: None``), never as a
  count that understates it: Redis may have restarted and lost its sequence numbers, and
  the other replicas' failed publishes may never be reported.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse
from uuid import uuid4

import pytest
import redis.asyncio as aioredis

from rangex_graphql.broker.protocol import MISSED, Message, Subscription
from rangex_graphql.broker.redis import RedisBroker
from tests.support.fault_proxy import FaultProxy, fault_proxy

TIMEOUT = 0.3
# Far above what the broker needs with its timeouts; only a hang reaches it.
HANG = 10.0


@pytest.fixture
async def proxy(redis_url: str) -> AsyncIterator[FaultProxy]:
    async with fault_proxy(urlparse(redis_url).port or 6379) as proxy:
        yield proxy


def through(proxy: FaultProxy, redis_url: str) -> str:
    return urlparse(redis_url)._replace(netloc=proxy.url_netloc).geturl()


@pytest.fixture
async def brokers(
    proxy: FaultProxy, redis_url: str
) -> AsyncIterator[tuple[RedisBroker, RedisBroker]]:
    """The broker under test (through the proxy) and another replica's (direct)."""
    prefix = f"test:{uuid4().hex[:8]}:"
    faulty = RedisBroker(
        through(proxy, redis_url),
        channel_prefix=prefix,
        reconnect_delays=(0.1,),
        timeout=TIMEOUT,
    )
    healthy = RedisBroker(redis_url, channel_prefix=prefix, reconnect_delays=(0.1,))
    yield faulty, healthy
    await faulty.aclose()
    await healthy.aclose()


async def next_message(subscription: Subscription) -> Message:
    return await asyncio.wait_for(anext(aiter(subscription)), timeout=HANG)


async def test_a_stalled_redis_fails_publishes_fast_and_counts_them_missed(
    brokers: tuple[RedisBroker, RedisBroker], proxy: FaultProxy
) -> None:
    broker, _ = brokers
    local = await broker.subscribe(["session:stall"])
    await broker.publish("session:stall", {"n": 1})
    assert await next_message(local) == {"n": 1}
    script = broker._publish_script
    calls = 0

    async def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return await script(*args, **kwargs)

    broker._publish_script = counted  # type: ignore[assignment]
    proxy.blackhole()

    async def pause_session() -> None:  # one transition, published on three topics
        for topic in ("session:stall", "user:stall", "platform"):
            await broker.publish(topic, {"n": 2})

    await asyncio.wait_for(pause_session(), HANG)
    assert calls == 1, "after a timeout the next publishes do not wait for Redis again"
    assert local.missed == 1
    assert await next_message(local) == {"type": MISSED, "count": 1}


async def test_a_silent_pubsub_connection_is_replaced_and_the_gap_reported(
    brokers: tuple[RedisBroker, RedisBroker], proxy: FaultProxy
) -> None:
    receiver, sender = brokers
    subscription = await receiver.subscribe(["session:silent"])
    await sender.publish("session:silent", {"n": 1})
    assert await next_message(subscription) == {"n": 1}
    proxy.blackhole()
    await sender.publish("session:silent", {"n": 2})  # goes past: held in the black hole
    for _ in range(int(HANG / 0.05)):  # the reader gives the silent connection up
        if receiver.reconnects or not receiver._connected.is_set():
            break
        await asyncio.sleep(0.05)
    await proxy.heal()
    assert await next_message(subscription) == {"type": MISSED, "count": None}
    assert receiver.reconnects >= 1
    assert subscription.unknown_gaps == 1
    await sender.publish("session:silent", {"n": 3})
    assert await next_message(subscription) == {"n": 3}


async def test_after_a_lost_connection_the_gap_is_unknown_not_understated(
    brokers: tuple[RedisBroker, RedisBroker], proxy: FaultProxy, redis_url: str
) -> None:
    receiver, sender = brokers
    subscription = await receiver.subscribe(["session:restart"])
    for n in range(25):
        await sender.publish("session:restart", {"n": n})
    for n in range(25):
        assert await next_message(subscription) == {"n": n}
    await proxy.cut()
    # Redis restarts without persistence: its sequence numbers start again from nothing.
    admin = aioredis.Redis.from_url(redis_url)
    try:
        await admin.delete(sender._sequence_key("session:restart"))
    finally:
        await admin.aclose()
    for n in range(3):
        await sender.publish("session:restart", {"n": 100 + n})
    await proxy.heal()
    assert await next_message(subscription) == {"type": MISSED, "count": None}
    assert subscription.unknown_gaps == 1
    assert subscription.missed == 0, "no count is made up"
    await sender.publish("session:restart", {"n": 200})
    assert await next_message(subscription) == {"n": 200}
