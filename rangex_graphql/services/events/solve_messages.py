"""The broker message a solve publishes on its event's topic (``topic_for_event``), after
the commit: the leaderboard and solve feeds listen to it."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ...broker import Broker, Message, topic_for_event

SOLVE = "solve"
# Registrations leaving, unregistering, a status change: the board must be read again.
BOARD_CHANGED = "board"


def solve_message(
    *,
    event_id: UUID,
    solve_id: UUID,
    registration_id: UUID,
    question_id: UUID,
    user_id: UUID | None,
    blood: int,
    solved_at: datetime,
) -> Message:
    return {
        "type": SOLVE,
        "eventId": str(event_id),
        "solveId": str(solve_id),
        "registrationId": str(registration_id),
        "questionId": str(question_id),
        "userId": str(user_id) if user_id else None,
        "blood": blood,
        "at": solved_at.isoformat(),
    }


async def publish_solve(broker: Broker, message: Message) -> None:
    await broker.publish(topic_for_event(message["eventId"]), message)


async def publish_board_changed(broker: Broker, event_id: UUID, reason: str) -> None:
    await broker.publish(
        topic_for_event(event_id),
        {"type": BOARD_CHANGED, "eventId": str(event_id), "reason": reason},
    )
