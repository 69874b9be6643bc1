"""A memory broker that keeps every message published, with its topic."""

from __future__ import annotations

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.broker.protocol import Message


class RecordingBroker(MemoryBroker):
    def __init__(self) -> None:
        super().__init__()
        self.published: list[tuple[str, Message]] = []

    async def publish(self, topic: str, message: Message) -> None:
        self.published.append((topic, message))
        await super().publish(topic, message)

    def on(self, topic: str) -> list[Message]:
        return [message for t, message in self.published if t == topic]

    def session_events(self, topic: str = "platform") -> list[Message]:
        return [m for m in self.on(topic) if m.get("type") == "session"]
