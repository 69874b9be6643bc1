"""The in-process broker: bounded queues that count what a slow subscriber lost."""

from __future__ import annotations

import asyncio

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.broker.protocol import MISSED


async def test_a_slow_subscriber_keeps_the_newest_and_counts_the_rest() -> None:
    broker = MemoryBroker()
    subscription = await broker.subscribe(["t"], queue_size=2)
    for n in range(5):
        await broker.publish("t", {"n": n})
    iterator = aiter(subscription)
    assert [await anext(iterator), await anext(iterator)] == [{"n": 3}, {"n": 4}]
    assert subscription.missed == 3
    await subscription.aclose()
    assert broker.subscriber_count("t") == 0


async def test_messages_lost_upstream_are_counted_and_announced() -> None:
    broker = MemoryBroker()
    subscription = await broker.subscribe(["t"])
    broker.report_missed("t", 4)
    message = await asyncio.wait_for(anext(aiter(subscription)), 1)
    assert message == {"type": MISSED, "count": 4}
    assert subscription.missed == 4
    await subscription.aclose()
