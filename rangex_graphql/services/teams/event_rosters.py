"""Keeping a registered team's event participants in step with its members.

A team registered (PENDING or APPROVED) for an event that is RUNNING or FROZEN is locked:
no member joins or leaves until the event is over. For events not yet running, each new
member is entered as an EventParticipant of the team's registration (refused when the
member is already in that event, or when the team would outgrow the event's team size
limit), and a member who leaves is taken out again. Finished events keep their rosters.
Everything here runs inside the caller's transaction, after it has locked the team row.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from ...db.transactions import savepoint
from ...models import Event, EventParticipant, EventRegistration
from ...models.enums import EventStatus, RegistrationStatus
from ..authoring.access import fk
from ..errors import DomainError
from .errors import TeamCode

LIVE = (EventStatus.RUNNING, EventStatus.FROZEN)
NOT_STARTED = (EventStatus.DRAFT, EventStatus.PUBLISHED)
HOLDING = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED)


@dataclass(frozen=True, slots=True)
class Entry:
    """A registration of the team, with what the rules read of its event."""

    registration_id: UUID
    event_id: UUID
    title: str
    team_size_limit: int


async def _registrations(team_id: UUID, statuses: tuple[EventStatus, ...]) -> list[Entry]:
    """The team's holding registrations for events in ``statuses``. The registrations are
    read with a locking read (InnoDB: the latest committed rows, not the transaction's
    snapshot, and a concurrent registration of the team waits for this transaction)."""
    held = await (
        EventRegistration.filter(team_id=team_id, status__in=HOLDING)
        .select_for_update()
        .only("id", "event_id")
    )
    if not held:
        return []
    events = {
        row["id"]: row
        for row in await Event.filter(
            id__in=[fk(r, "event_id") for r in held], status__in=statuses, deleted_at__isnull=True
        ).values("id", "title", "team_size_limit")
    }
    return [
        Entry(r.id, fk(r, "event_id"), str(event["title"]), int(event["team_size_limit"]))
        for r in held
        if (event := events.get(fk(r, "event_id"))) is not None
    ]


async def refuse_if_locked(team_id: UUID, field: str | None = "input.teamId") -> None:
    """TEAM_LOCKED while the team is registered for a RUNNING or FROZEN event."""
    live = await _registrations(team_id, LIVE)
    if live:
        raise DomainError(
            TeamCode.TEAM_LOCKED,
            f"the team plays in {live[0].title} now; its members change after it",
            field,
        )


async def enter_member(team_id: UUID, user_id: UUID, member_count: int, field: str) -> None:
    """Enter a new member (the team now ``member_count`` strong) in each registration of
    the team for an event not yet running."""
    for entry in await _registrations(team_id, NOT_STARTED):
        limit = entry.team_size_limit
        if member_count > limit:
            raise DomainError(
                TeamCode.TEAM_TOO_LARGE_FOR_EVENT,
                f"the team is registered for {entry.title}, which takes teams of at most {limit}",
                field,
            )
        try:
            async with savepoint():  # a savepoint: the caller's transaction decides
                await EventParticipant.create(
                    event_id=entry.event_id,
                    registration_id=entry.registration_id,
                    user_id=user_id,
                )
        except IntegrityError:
            raise DomainError(
                TeamCode.MEMBER_IN_EVENT,
                f"already in {entry.title}, for which the team is registered",
                field,
            ) from None


async def withdraw_member(team_id: UUID, user_id: UUID) -> int:
    """Take a leaving member out of the team's registrations for events not yet running;
    how many participant rows went."""
    registrations = [e.registration_id for e in await _registrations(team_id, NOT_STARTED)]
    if not registrations:
        return 0
    return await EventParticipant.filter(
        registration_id__in=registrations, user_id=user_id
    ).delete()


async def release_places(team_id: UUID) -> None:
    """Before a team is deleted: its approved registrations for events not yet finished
    give their places back (the cascade removes the rows, not the counters)."""
    approved = await EventRegistration.filter(
        team_id=team_id,
        status=RegistrationStatus.APPROVED,
        event__status__in=(*NOT_STARTED, *LIVE),
    ).values_list("event_id", flat=True)
    for event_id in approved:
        await Event.filter(id=event_id, registered_count__gt=0).update(
            registered_count=F("registered_count") - 1
        )
