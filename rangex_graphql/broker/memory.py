"""In-process broker: the embedded default, for one server process."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable

from .protocol import MISSED, QUEUE_FULL, TRANSPORT, BrokerObserver, Message


class MemorySubscription:
    def __init__(self, broker: MemoryBroker, topics: frozenset[str], queue_size: int) -> None:
        self._broker = broker
        self.topics = topics
        self._queue: asyncio.Queue[Message | None] = asyncio.Queue(maxsize=max(1, queue_size))
        self._missed = 0
        self._unknown_gaps = 0
        self._closed = False

    @property
    def missed(self) -> int:
        return self._missed

    @property
    def unknown_gaps(self) -> int:
        return self._unknown_gaps

    def deliver(self, message: Message | None) -> None:
        if self._closed and message is not None:
            return
        while True:
            try:
                self._queue.put_nowait(message)
                return
            except asyncio.QueueFull:
                # Drop the oldest: a slow consumer sees the latest state and a count.
                self._queue.get_nowait()
                self._missed += 1
                if (observer := self._broker.observer) is not None:
                    observer.dropped(1, QUEUE_FULL)

    def record_missed(self, count: int | None) -> None:
        """Messages lost before reaching this broker: count them (None: how many is not
        known) and say so in the stream."""
        if self._closed or count == 0 or (count is not None and count < 0):
            return
        if count is None:
            self._unknown_gaps += 1
        else:
            self._missed += count
            if (observer := self._broker.observer) is not None:
                observer.dropped(count, TRANSPORT)
        self.deliver({"type": MISSED, "count": count})

    async def __aiter__(self) -> AsyncIterator[Message]:
        while True:
            message = await self._queue.get()
            if message is None:
                return
            yield message

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            self._broker._forget(self)
            self.deliver(None)


class MemoryBroker:
    def __init__(self) -> None:
        self._subscribers: dict[str, set[MemorySubscription]] = defaultdict(set)
        self.observer: BrokerObserver | None = None

    def set_observer(self, observer: BrokerObserver | None) -> None:
        self.observer = observer

    async def publish(self, topic: str, message: Message) -> None:
        self.deliver(topic, message)

    def deliver(self, topic: str, message: Message) -> None:
        for subscription in tuple(self._subscribers.get(topic, ())):
            subscription.deliver(message)

    def report_missed(self, topic: str, count: int | None) -> None:
        for subscription in tuple(self._subscribers.get(topic, ())):
            subscription.record_missed(count)

    async def subscribe(
        self, topics: Iterable[str], *, queue_size: int = 100
    ) -> MemorySubscription:
        subscription = MemorySubscription(self, frozenset(topics), queue_size)
        for topic in subscription.topics:
            self._subscribers[topic].add(subscription)
        return subscription

    def subscriber_count(self, topic: str) -> int:
        return len(self._subscribers.get(topic, ()))

    def _forget(self, subscription: MemorySubscription) -> None:
        for topic in subscription.topics:
            subscribers = self._subscribers.get(topic)
            if subscribers is not None:
                subscribers.discard(subscription)
                if not subscribers:
                    del self._subscribers[topic]

    async def ping(self) -> None:
        return None

    async def aclose(self) -> None:
        for subscription in {s for subs in self._subscribers.values() for s in subs}:
            await subscription.aclose()
