"""Publish/subscribe between the services and live subscribers.

``memory`` serves one process; the Redis backend (several replicas) implements the same
:class:`Broker` protocol.
"""

from .memory import MemoryBroker
from .protocol import (
    PLATFORM_TOPIC,
    Broker,
    Message,
    Subscription,
    topic_for_event,
    topic_for_session,
    topic_for_user,
)

__all__ = [
    "PLATFORM_TOPIC",
    "Broker",
    "MemoryBroker",
    "Message",
    "Subscription",
    "topic_for_event",
    "topic_for_session",
    "topic_for_user",
]
