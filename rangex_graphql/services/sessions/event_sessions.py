"""The event checks of a session start, and an event session's deadline.

A session started with an event plays one of the event's challenges for a registration:

- the event exists (not deleted, no longer a draft): else EVENT_NOT_FOUND;
- the learner is entered by an APPROVED registration, alone or through their team (an
  ``EventParticipant`` row): else NOT_REGISTERED;
- the event runs: between ``starts_at`` and ``ends_at``, its status PUBLISHED (the
  schedule job has not moved it yet), RUNNING or FROZEN: else EVENT_NOT_RUNNING;
- the version is the one the event pinned (``EventScenario``): a newer version of the
  same scenario is not in the event, NOT_IN_EVENT;
- at most ``session_max_per_user_in_event`` active sessions of the learner in the event
  (EVENT_SESSION_LIMIT). Event sessions count against this limit only, not against
  ``session_max_per_user`` (as in the original); the platform and scenario caps count
  every session.

The session stores the event, the registration and the registration's team. Its deadline
never passes the event's end: ``expires_at`` is cut to ``ends_at`` wherever it is set
(first run, resume, extension), and the event end job ends what is left when the event
ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from ...models import EnvironmentSession, Event, EventParticipant, EventScenario, ScenarioVersion
from ...models.enums import EventStatus, RegistrationStatus
from ..authoring.access import Actor
from ..errors import DomainError
from .errors import SessionCode

EVENT_FIELD = "input.eventId"
VERSION_FIELD = "input.version"
#: Statuses in which an event takes sessions, between its start and its end.
PLAYABLE = frozenset({EventStatus.PUBLISHED, EventStatus.RUNNING, EventStatus.FROZEN})


@dataclass(frozen=True, slots=True)
class EventEntry:
    """What an event session stores: its event, registration and team."""

    event_id: UUID
    registration_id: UUID
    team_id: UUID | None
    ends_at: datetime


def event_running(
    status: EventStatus, starts_at: datetime, ends_at: datetime, now: datetime
) -> bool:
    """Whether the event takes sessions at ``now``: by its status and by its times, so that
    the gap between the schedule's passes changes nothing."""
    return status in PLAYABLE and starts_at <= now < ends_at


async def event_entry(
    actor: Actor, event_id: UUID, version_id: UUID, now: datetime
) -> tuple[EventEntry, ScenarioVersion | None]:
    """The entry of an event session of ``version_id``, and the version (None when it is
    not a challenge of the event: the caller tells NOT_IN_EVENT from "not found")."""
    event = await Event.get_or_none(id=event_id, deleted_at__isnull=True)
    if event is None or event.status is EventStatus.DRAFT:
        raise DomainError(SessionCode.EVENT_NOT_FOUND, "no such event", EVENT_FIELD)
    registration_id, team_id = await registration_of(actor.id, event_id)
    if not event_running(event.status, event.starts_at, event.ends_at, now):
        when = "has not started yet" if now < event.starts_at else "has ended"
        raise DomainError(SessionCode.EVENT_NOT_RUNNING, f"the event {when}", EVENT_FIELD)
    version = await _challenge_version(event_id, version_id)
    return EventEntry(event_id, registration_id, team_id, event.ends_at), version


def not_in_event() -> DomainError:
    return DomainError(
        SessionCode.NOT_IN_EVENT, "this version is not a challenge of the event", VERSION_FIELD
    )


async def registration_of(user_id: UUID, event_id: UUID) -> tuple[UUID, UUID | None]:
    """The user's approved registration in the event and its team; NOT_REGISTERED else."""
    rows = await EventParticipant.filter(
        event_id=event_id,
        user_id=user_id,
        registration__status=RegistrationStatus.APPROVED,
    ).values("registration_id", "registration__team_id")
    if not rows:
        raise DomainError(
            SessionCode.NOT_REGISTERED,
            "you are not registered for this event (or your registration is not approved)",
            EVENT_FIELD,
        )
    team = rows[0]["registration__team_id"]
    return UUID(str(rows[0]["registration_id"])), UUID(str(team)) if team else None


async def _challenge_version(event_id: UUID, version_id: UUID) -> ScenarioVersion | None:
    """The event's pinned version: it may be archived since (a newer one was published);
    it runs in the event all the same. None when the version is not in the event."""
    if not await EventScenario.exists(event_id=event_id, version_id=version_id):
        return None
    version = await ScenarioVersion.get_or_none(id=version_id).prefetch_related("scenario")
    if version is None or version.scenario.deleted_at is not None:
        raise DomainError(SessionCode.VERSION_NOT_FOUND, "no such scenario version", VERSION_FIELD)
    return version


async def check_event_limit(user_id: UUID, event_id: UUID, limit: int, active: list[str]) -> None:
    """EVENT_SESSION_LIMIT when the user holds ``limit`` active sessions in the event (called
    while the user's row is locked, as the other limits are)."""
    mine = await EnvironmentSession.filter(
        user_id=user_id, event_id=event_id, state__in=active
    ).count()
    if mine >= limit:
        raise DomainError(
            SessionCode.EVENT_SESSION_LIMIT,
            f"you already have {mine} active sessions in this event (at most {limit}); "
            "end one first",
            EVENT_FIELD,
        )


def cut_at(ends_at: datetime | None, deadline: datetime) -> datetime:
    """An event session's deadline: never past its event's end."""
    return deadline if ends_at is None or deadline <= ends_at else ends_at


async def event_end_of(event_id: UUID | None) -> datetime | None:
    """When the session's event ends; None outside events."""
    if event_id is None:
        return None
    found = await Event.filter(id=event_id).values_list("ends_at", flat=True)
    return found[0] if found else None  # type: ignore[return-value]


async def event_deadline(event_id: UUID | None, deadline: datetime) -> datetime:
    """``deadline``, cut to the end of the session's event if it has one."""
    return cut_at(await event_end_of(event_id), deadline)
