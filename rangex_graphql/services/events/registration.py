"""Registering for an event and leaving it: ``register`` and ``unregister``.

A registration names a user (SOLO events) or a team (TEAM events, registered by its
captain) and enters each user it stands for as an ``EventParticipant``; that table's
unique (event, user) is what keeps a user in at most one registration of an event,
whatever the race. An approved registration takes a place with a conditional UPDATE of
``event.registered_count`` in the same transaction, so the event never overfills; an
APPROVAL event's registration waits PENDING without a place (``registration_review.py``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from ...db.transactions import retrying_transaction
from ...models import (
    EnvironmentSession,
    Event,
    EventParticipant,
    EventQuestion,
    EventRegistration,
    EventSolve,
    Team,
    TeamMember,
)
from ...models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    SessionState,
    TeamRole,
    Visibility,
)
from ...runtime import Runtime
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, fk
from ..errors import DomainError
from ..sessions.teardown import ENDABLE_STATES, tear_down
from .invite_codes import code_matches
from .organisers import organises
from .registration_errors import RegistrationCode
from .registration_window import registration_closes_at, registration_open
from .schedule import status_at
from .solve_messages import publish_board_changed

R = RegistrationCode
EVENT_FIELD = "input.eventId"
TEAM_FIELD = "input.teamId"
CODE_FIELD = "input.inviteCode"


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class RegisterRequest:
    event_id: UUID
    team_id: UUID | None = None
    invite_code: str | None = None


async def event_for(actor: Actor, event_id: UUID, field: str = EVENT_FIELD) -> Event:
    """The event, if the actor may see it: not deleted, and a draft only to organisers."""
    event = await Event.get_or_none(id=event_id, deleted_at__isnull=True)
    if event is None or (
        event.status is EventStatus.DRAFT and not organises(actor, event.created_by_id)  # type: ignore[attr-defined]
    ):
        raise _not_found(field)
    return event


def _not_found(field: str = EVENT_FIELD) -> DomainError:
    return DomainError(R.EVENT_NOT_FOUND, "no such event", field)


async def hidden_from(actor: Actor, event: Event) -> bool:
    """A PRIVATE event is invisible to all but its organisers and participants."""
    return (
        event.visibility is Visibility.PRIVATE
        and not organises(actor, event.created_by_id)  # type: ignore[attr-defined]
        and not await EventParticipant.exists(event_id=event.id, user_id=actor.id)
    )


async def take_place(event_id: UUID) -> bool:
    """One more approved registration, unless the event is full (0 places = unlimited)."""
    taken = await (
        Event.filter(id=event_id)
        .filter(Q(max_participants=0) | Q(registered_count__lt=F("max_participants")))
        .update(registered_count=F("registered_count") + 1)
    )
    return taken == 1


async def give_place_back(event_id: UUID) -> None:
    await Event.filter(id=event_id, registered_count__gt=0).update(
        registered_count=F("registered_count") - 1
    )


def _full() -> DomainError:
    return DomainError(R.EVENT_FULL, "the event is full", EVENT_FIELD)


async def _captained_team(actor: Actor, event: Event, team_id: UUID | None) -> UUID | None:
    """The team entered (TEAM events), which the actor must captain; None for SOLO."""
    if event.participation_mode is ParticipationMode.SOLO:
        if team_id is not None:
            raise DomainError(
                R.TEAM_NOT_ALLOWED,
                "this event is played alone: register without a team",
                TEAM_FIELD,
            )
        return None
    if team_id is None:
        raise DomainError(R.TEAM_REQUIRED, "this event is played in teams: name yours", TEAM_FIELD)
    if not await Team.exists(id=team_id):
        raise DomainError(R.TEAM_NOT_FOUND, "no such team", TEAM_FIELD)
    if not await TeamMember.exists(team_id=team_id, user_id=actor.id, role=TeamRole.CAPTAIN):
        raise DomainError(R.NOT_CAPTAIN, "only the team's captain registers it", TEAM_FIELD)
    return team_id


def _invited(runtime: Runtime, event: Event, given: str | None) -> bool:
    return (
        event.registration_mode is RegistrationMode.INVITE_CODE
        and bool(given)
        and code_matches(runtime.settings, event.invite_code_sealed, given or "")
    )


async def _audit_wrong_code(
    actor: Actor, event: Event, given: str | None, meta: RequestMeta
) -> None:
    await audit(
        "event.invite_code_wrong",
        meta,
        actor_id=actor.id,
        target_type="Event",
        target_id=event.id,
        given=bool(given),
    )


async def _refuse_unseen(
    runtime: Runtime, actor: Actor, event: Event, given: str | None, meta: RequestMeta
) -> None:
    """An outsider reaches a PRIVATE event only through its invite code; otherwise they
    get an unknown event's answer, before any other rule could tell that it exists."""
    if _invited(runtime, event, given) or not await hidden_from(actor, event):
        return
    if event.registration_mode is RegistrationMode.INVITE_CODE:
        await _audit_wrong_code(actor, event, given, meta)
    raise _not_found()


async def _check_invite_code(
    runtime: Runtime, actor: Actor, event: Event, given: str | None, meta: RequestMeta
) -> None:
    if event.registration_mode is not RegistrationMode.INVITE_CODE:
        return
    if _invited(runtime, event, given):
        return
    await _audit_wrong_code(actor, event, given, meta)
    raise DomainError(R.INVITE_CODE_WRONG, "that is not the event's invite code", CODE_FIELD)


async def _refuse_rejected(event: Event, actor: Actor, team_id: UUID | None) -> None:
    entrant = Q(team_id=team_id) if team_id else Q(user_id=actor.id)
    if await EventRegistration.filter(
        entrant, event_id=event.id, status=RegistrationStatus.REJECTED
    ).exists():
        raise DomainError(
            R.REGISTRATION_REJECTED,
            "the organisers rejected this registration; it cannot be made again",
            TEAM_FIELD if team_id else EVENT_FIELD,
        )


def _already(team_id: UUID | None) -> DomainError:
    if team_id is None:
        return DomainError(R.ALREADY_REGISTERED, "you are registered already", EVENT_FIELD)
    return DomainError(
        R.ALREADY_REGISTERED,
        "the team, or one of its members, is registered already",
        TEAM_FIELD,
    )


async def _members(event: Event, team_id: UUID) -> list[UUID]:
    """The team's members, read under the team's row lock (membership changes take it
    too), and no more than the event allows."""
    await Team.filter(id=team_id).select_for_update().values_list("id", flat=True)
    members = [
        UUID(str(u))
        for u in await TeamMember.filter(team_id=team_id)
        .order_by("created_at", "id")
        .values_list("user_id", flat=True)
    ]
    if len(members) > event.team_size_limit:
        raise DomainError(
            R.TEAM_TOO_LARGE,
            f"the team has {len(members)} members; this event takes at most "
            f"{event.team_size_limit} per team",
            TEAM_FIELD,
        )
    return members


async def _enter(
    event: Event,
    actor: Actor,
    team_id: UUID | None,
    status: RegistrationStatus,
    users: Sequence[UUID],
) -> EventRegistration:
    """The registration and its participants; IntegrityError when anyone is in already."""
    registration = await EventRegistration.create(
        event_id=event.id,
        user_id=None if team_id else actor.id,
        team_id=team_id,
        status=status,
    )
    await EventParticipant.bulk_create(
        [
            EventParticipant(event_id=event.id, registration_id=registration.id, user_id=u)
            for u in users
        ]
    )
    return registration


async def register(
    runtime: Runtime, actor: Actor, request: RegisterRequest, meta: RequestMeta
) -> EventRegistration:
    """Enter the actor (SOLO) or the team they captain (TEAM) in the event."""
    at = now()
    event = await event_for(actor, request.event_id)
    await _refuse_unseen(runtime, actor, event, request.invite_code, meta)
    if not registration_open(event, at):
        raise DomainError(
            R.REGISTRATION_CLOSED,
            "registration is not open: it runs from the event's publication "
            f"(or its opening time) until {registration_closes_at(event).isoformat()}",
            EVENT_FIELD,
        )
    team_id = await _captained_team(actor, event, request.team_id)
    await _check_invite_code(runtime, actor, event, request.invite_code, meta)
    await _refuse_rejected(event, actor, team_id)
    approved = event.registration_mode is not RegistrationMode.APPROVAL
    if approved and 0 < event.max_participants <= event.registered_count:
        raise _full()
    status = RegistrationStatus.APPROVED if approved else RegistrationStatus.PENDING

    async def write() -> EventRegistration:
        # Locks in one order: the team's row (as membership changes take it), then the
        # event's (the place), then the inserts, which need no lock the place has not.
        users = await _members(event, team_id) if team_id else [actor.id]
        if approved and not await take_place(event.id):
            raise _full()
        try:
            registration = await _enter(event, actor, team_id, status, users)
        except IntegrityError:
            raise _already(team_id) from None
        await audit(
            "event.register",
            meta,
            actor_id=actor.id,
            target_type="EventRegistration",
            target_id=registration.id,
            event_id=str(event.id),
            team_id=str(team_id) if team_id else None,
            status=status.value,
        )
        return registration

    registration = await retrying_transaction(write)
    if approved:
        await publish_board_changed(runtime.broker, event.id, "registered")
    return registration


async def own_registration(actor: Actor, event: Event) -> EventRegistration:
    """The registration the actor is in (a REJECTED one has no participants left); a
    team's only for its captain."""
    entered = await EventParticipant.filter(event_id=event.id, user_id=actor.id).values_list(
        "registration_id", flat=True
    )
    registration = await EventRegistration.get_or_none(id=entered[0]) if entered else None
    if registration is None:
        raise DomainError(R.NOT_REGISTERED, "you are not registered for this event", EVENT_FIELD)
    team_id = registration.team_id  # type: ignore[attr-defined]
    if team_id is not None and not await TeamMember.exists(
        team_id=team_id, user_id=actor.id, role=TeamRole.CAPTAIN
    ):
        raise DomainError(
            R.NOT_CAPTAIN, "only the team's captain withdraws its registration", EVENT_FIELD
        )
    return registration


@dataclass(frozen=True, slots=True)
class Withdrawn:
    registration_id: UUID
    sessions: list[UUID]


async def _withdraw(
    event: Event, registration_id: UUID, actor: Actor, meta: RequestMeta
) -> Withdrawn:
    row = await EventRegistration.filter(id=registration_id).select_for_update().first()
    if row is None:  # withdrawn meanwhile
        raise DomainError(R.NOT_REGISTERED, "you are not registered for this event", EVENT_FIELD)
    solved = sorted(
        UUID(str(q))
        for q in await EventSolve.filter(registration_id=row.id).values_list(
            "question_id", flat=True
        )
    )
    sessions = [
        UUID(str(s))
        for s in await EnvironmentSession.filter(
            registration_id=row.id, state__in=list(ENDABLE_STATES)
        ).values_list("id", flat=True)
    ]
    if solved:
        await EventQuestion.filter(event_id=event.id, question_id__in=solved, solves__gt=0).update(
            solves=F("solves") - 1
        )
    await EventSolve.filter(registration_id=row.id).delete()
    await EventParticipant.filter(registration_id=row.id).delete()
    await EventRegistration.filter(id=row.id).delete()
    if row.status is RegistrationStatus.APPROVED:
        await give_place_back(event.id)
    await audit(
        "event.unregister",
        meta,
        actor_id=actor.id,
        target_type="EventRegistration",
        target_id=row.id,
        event_id=str(event.id),
        team_id=str(fk(row, "team_id")) if row.team_id else None,  # type: ignore[attr-defined]
        status=row.status.value,
        solves_removed=len(solved),
        sessions_ended=len(sessions),
    )
    return Withdrawn(row.id, sessions)


def _terminator(
    runtime: Runtime, session_id: UUID, actor: Actor, meta: RequestMeta
) -> Callable[[], Awaitable[None]]:
    async def terminate() -> None:
        await tear_down(
            runtime,
            session_id,
            final=SessionState.TERMINATED,
            action="terminate",
            end_reason="unregistered",
            actor_id=actor.id,
            meta=meta,
        )

    return terminate


async def unregister(runtime: Runtime, actor: Actor, event_id: UUID, meta: RequestMeta) -> Event:
    """Withdraw the actor's registration (or their team's, as its captain): its solves
    leave the board, its place frees, its running event sessions are terminated."""
    event = await event_for(actor, event_id)
    if await hidden_from(actor, event):
        raise _not_found()
    if status_at(event, now()) is EventStatus.FINISHED:
        raise DomainError(
            R.EVENT_FINISHED, "the event is over: its registrations are final", EVENT_FIELD
        )
    registration = await own_registration(actor, event)

    async def work() -> Withdrawn:
        return await _withdraw(event, registration.id, actor, meta)

    withdrawn = await retrying_transaction(work)
    for session_id in withdrawn.sessions:
        runtime.spawn(
            _terminator(runtime, session_id, actor, meta), name=f"unregister-{session_id}"
        )
    await publish_board_changed(runtime.broker, event.id, "unregistered")
    return event
