"""An organiser's decision on a PENDING registration of an APPROVAL event.

APPROVE takes a place (the same conditional UPDATE as an open registration, so a full
event refuses it); REJECT keeps the registration, REJECTED, and removes its participants:
its users may join another registration, but the rejected user or team may not register
again. The applicant (the user, or the team's captain) is notified either way.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import EventParticipant, EventRegistration, Notification, Team, TeamMember
from ...models.enums import EventStatus, RegistrationStatus, TeamRole
from ...runtime import Runtime
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError
from ..notifications import announce, notify
from .organisers import organises
from .registration import event_for, now, take_place
from .registration_errors import RegistrationCode
from .schedule import status_at
from .solve_messages import publish_board_changed

R = RegistrationCode
FIELD = "input.registrationId"
REASON_MAX_LENGTH = 2_000


class Decision(StrEnum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"


def _not_found() -> DomainError:
    return DomainError(R.REGISTRATION_NOT_FOUND, "no such registration", FIELD)


async def _applicant(registration: EventRegistration) -> tuple[UUID | None, str]:
    """Who hears of the decision (the user, or the team's captain) and what was entered."""
    user_id: UUID | None = registration.user_id  # type: ignore[attr-defined]
    team_id: UUID | None = registration.team_id  # type: ignore[attr-defined]
    if team_id is None:
        return user_id, "your registration"
    captain = await TeamMember.filter(team_id=team_id, role=TeamRole.CAPTAIN).values_list(
        "user_id", flat=True
    )
    name = await Team.filter(id=team_id).values_list("name", flat=True)
    entered = f"the registration of {name[0]}" if name else "your team's registration"
    return (UUID(str(captain[0])) if captain else None), entered


async def review(
    runtime: Runtime,
    actor: Actor,
    registration_id: UUID,
    decision: Decision,
    reason: str | None,
    meta: RequestMeta,
) -> EventRegistration:
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > REASON_MAX_LENGTH:
        raise DomainError(
            R.REASON_TOO_LONG, f"a reason is at most {REASON_MAX_LENGTH} characters", "input.reason"
        )
    found = await EventRegistration.get_or_none(id=registration_id)
    if found is None:
        raise _not_found()
    event = await event_for(actor, found.event_id, FIELD)  # type: ignore[attr-defined]
    if not organises(actor, event.created_by_id):  # type: ignore[attr-defined]
        raise DomainError(
            R.NOT_ORGANISER, "only the event's organisers review registrations", FIELD
        )
    if status_at(event, now()) is EventStatus.FINISHED:
        raise DomainError(R.EVENT_FINISHED, "the event is over: its registrations are final", FIELD)
    to = (
        RegistrationStatus.APPROVED if decision is Decision.APPROVE else RegistrationStatus.REJECTED
    )
    recipient, entered = await _applicant(found)

    async def decide() -> Notification | None:
        at = now()
        moved = await EventRegistration.filter(
            id=registration_id, status=RegistrationStatus.PENDING
        ).update(status=to, reviewed_by_id=actor.id, reviewed_at=at, updated_at=at)
        if moved != 1:
            raise DomainError(R.NOT_PENDING, "the registration has been reviewed already", FIELD)
        if to is RegistrationStatus.APPROVED and not await take_place(event.id):
            raise DomainError(R.EVENT_FULL, "the event is full", FIELD)
        if to is RegistrationStatus.REJECTED:
            await EventParticipant.filter(registration_id=registration_id).delete()
        await audit(
            "event.registration_review",
            meta,
            actor_id=actor.id,
            target_type="EventRegistration",
            target_id=registration_id,
            event_id=str(event.id),
            decision=decision.value,
            reason=reason,
        )
        if recipient is None:
            return None
        verdict = "approved" if to is RegistrationStatus.APPROVED else "rejected"
        return await notify(
            recipient,
            f"event.registration_{verdict}",
            f"{entered[0].upper()}{entered[1:]} for {event.title} was {verdict}",
            reason or "",
            broker=None,  # announced after the commit
            event_id=event.id,
            event_slug=event.slug,
            registration_id=registration_id,
        )

    told = await retrying_transaction(decide)
    if told is not None:
        await announce(told.id, told.user_id, runtime.broker)
    if to is RegistrationStatus.APPROVED:
        await publish_board_changed(runtime.broker, event.id, "registered")
    return await EventRegistration.get(id=registration_id)
