"""The ``SessionEvent`` every change of a session publishes to the broker."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ...broker import PLATFORM_TOPIC, Broker, Message, topic_for_session, topic_for_user
from ...models import EnvironmentSession
from ...models.enums import SessionState


def session_event(
    session: EnvironmentSession,
    action: str,
    previous_state: SessionState | None = None,
    reason: str | None = None,
) -> Message:
    return {
        "type": "session",
        "sessionId": str(session.id),
        "userId": str(session.user_id),  # type: ignore[attr-defined]
        "state": session.state.value,
        "previousState": previous_state.value if previous_state else None,
        "action": action,
        "at": datetime.now(UTC).isoformat(),
        "reason": reason,
    }


async def publish_session_event(
    broker: Broker,
    session: EnvironmentSession,
    action: str,
    previous_state: SessionState | None = None,
    reason: str | None = None,
) -> Message:
    """Tell the session's, its owner's and the platform's subscribers; after the commit."""
    message = session_event(session, action, previous_state, reason)
    await publish_to_session_topics(broker, message)
    return message


async def publish_to_session_topics(broker: Broker, message: dict[str, Any]) -> None:
    for topic in (
        topic_for_session(message["sessionId"]),
        topic_for_user(message["userId"]),
        PLATFORM_TOPIC,
    ):
        await broker.publish(topic, message)
