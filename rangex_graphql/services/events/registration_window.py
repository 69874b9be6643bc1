"""When an event takes registrations: published (not a draft, not finished, not deleted),
from ``registration_opens_at`` (null: from publication) until ``registration_closes_at``
(null: the event's end)."""

from __future__ import annotations

from datetime import datetime

from ...models import Event
from ...models.enums import EventStatus
from .schedule import status_at

TAKING_REGISTRATIONS = frozenset({EventStatus.PUBLISHED, EventStatus.RUNNING, EventStatus.FROZEN})


def registration_closes_at(event: Event) -> datetime:
    return event.registration_closes_at or event.ends_at


def registration_open(event: Event, now: datetime) -> bool:
    if event.deleted_at is not None or status_at(event, now) not in TAKING_REGISTRATIONS:
        return False
    opens = event.registration_opens_at
    return (opens is None or opens <= now) and now < registration_closes_at(event)
