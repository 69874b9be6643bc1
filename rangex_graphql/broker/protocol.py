"""The broker's contract: topics, JSON messages, and bounded subscriptions.

A message is a JSON-able dict. Publishing never blocks on subscribers: each subscription
has a bounded queue, and a subscriber that falls behind loses the oldest messages and
learns how many through :attr:`Subscription.missed` instead of growing without bound.

When a backend knows messages went past a subscriber (a publish failed, say), the
subscriber also receives ``{"type": "missed", "count": n}`` (see :data:`MISSED`), so it
can re-read the current state at once rather than wait for the next message. When it
cannot know how many (the Redis connection dropped and came back: publishes elsewhere may
have failed, Redis may have restarted and lost its counters), ``count`` is ``None``:
unknown, possibly many.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any, Protocol
from uuid import UUID

Message = dict[str, Any]

PLATFORM_TOPIC = "platform"

MISSED = "missed"
"""``type`` of the message a subscriber gets when messages were lost on the way."""

QUEUE_FULL = "queue_full"
"""A subscriber fell behind: its queue dropped the oldest message."""
TRANSPORT = "transport"
"""A message lost between replicas: a failed publish, a gap in a topic's sequence."""


class BrokerObserver(Protocol):
    """What the broker tells the metrics (``observability/broker_flow.py``)."""

    def arrived_after(self, seconds: float) -> None:
        """A message from another replica arrived ``seconds`` after it was published."""
        ...

    def dropped(self, count: int, reason: str) -> None:
        """``count`` messages did not reach a subscriber, for ``reason`` (:data:`QUEUE_FULL`,
        :data:`TRANSPORT`), counted once per subscriber."""
        ...


def topic_for_session(session_id: UUID | str) -> str:
    return f"session:{session_id}"


def topic_for_user(user_id: UUID | str) -> str:
    return f"user:{user_id}"


def topic_for_event(event_id: UUID | str) -> str:
    return f"event:{event_id}"


class Subscription(Protocol):
    """Messages of some topics, from the moment of subscribing on."""

    @property
    def missed(self) -> int:
        """Messages dropped for this subscriber so far, as far as they were counted."""
        ...

    @property
    def unknown_gaps(self) -> int:
        """Times messages may have gone past uncounted (a lost broker connection)."""
        ...

    def __aiter__(self) -> AsyncIterator[Message]: ...

    async def aclose(self) -> None: ...


class Broker(Protocol):
    async def publish(self, topic: str, message: Message) -> None:
        """Deliver ``message`` to every current subscriber of ``topic``, on every replica."""
        ...

    async def subscribe(self, topics: Iterable[str], *, queue_size: int = 100) -> Subscription:
        """Start receiving the topics' messages; close the subscription when done."""
        ...

    async def ping(self) -> None:
        """Return when the broker can deliver across replicas; raise otherwise."""
        ...

    async def aclose(self) -> None: ...
