"""Entering events: eventRegister, eventUnregister, eventRegistrationReview."""

from __future__ import annotations

from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry

from ...models.enums import UserRole
from ...services.api_tokens import ApiScope
from ...services.events import registration, registration_review
from ...services.events.registration_errors import RegistrationCode
from ...services.events.registration_review import REASON_MAX_LENGTH, Decision
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from .mutations import event_id_of
from .queries import resolve_event_node, resolve_registration_node
from .types import EventNode, EventRegistrationNode


@strawberry.enum(description="Why a registration, its withdrawal or its review was refused.")
class EventRegistrationErrorCode(Enum):
    EVENT_NOT_FOUND = strawberry.enum_value(
        "EVENT_NOT_FOUND",
        description="No such event, or one the viewer may not see: a draft, or a PRIVATE "
        "event they are not in (registering for one takes its invite code).",
    )
    TEAM_NOT_FOUND = strawberry.enum_value("TEAM_NOT_FOUND", description="No such team.")
    REGISTRATION_NOT_FOUND = strawberry.enum_value(
        "REGISTRATION_NOT_FOUND", description="No such registration."
    )
    REGISTRATION_CLOSED = strawberry.enum_value(
        "REGISTRATION_CLOSED",
        description="Outside the registration window (from the opening time, or the "
        "publication, until the closing time, or the event's end), or the event is a draft "
        "or over.",
    )
    EVENT_FINISHED = strawberry.enum_value(
        "EVENT_FINISHED", description="The event is over: its registrations are final."
    )
    TEAM_REQUIRED = strawberry.enum_value(
        "TEAM_REQUIRED", description="A TEAM event: register a team, as its captain."
    )
    TEAM_NOT_ALLOWED = strawberry.enum_value(
        "TEAM_NOT_ALLOWED", description="A SOLO event: register without a team."
    )
    NOT_CAPTAIN = strawberry.enum_value(
        "NOT_CAPTAIN", description="Only the team's captain registers it or withdraws it."
    )
    TEAM_TOO_LARGE = strawberry.enum_value(
        "TEAM_TOO_LARGE", description="The team has more members than the event's team size limit."
    )
    INVITE_CODE_WRONG = strawberry.enum_value(
        "INVITE_CODE_WRONG", description="An INVITE_CODE event: the code is missing or wrong."
    )
    EVENT_FULL = strawberry.enum_value(
        "EVENT_FULL", description="Every place (`maxParticipants`) is taken."
    )
    ALREADY_REGISTERED = strawberry.enum_value(
        "ALREADY_REGISTERED",
        description="The user, or a member of the team, is in a registration of this event "
        "already (alone or through a team).",
    )
    REGISTRATION_REJECTED = strawberry.enum_value(
        "REGISTRATION_REJECTED",
        description="The organisers rejected this user's or team's registration; it cannot "
        "be made again.",
    )
    NOT_REGISTERED = strawberry.enum_value(
        "NOT_REGISTERED", description="The viewer is in no registration of this event."
    )
    NOT_ORGANISER = strawberry.enum_value(
        "NOT_ORGANISER", description="Only the event's organisers (its creator, admins) review."
    )
    NOT_PENDING = strawberry.enum_value(
        "NOT_PENDING", description="The registration is not awaiting review (any more)."
    )
    REASON_TOO_LONG = strawberry.enum_value(
        "REASON_TOO_LONG", description=f"A reason is at most {REASON_MAX_LENGTH} characters."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class EventRegistrationError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: EventRegistrationErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.enum(description="An organiser's decision on a PENDING registration.")
class RegistrationDecision(Enum):
    APPROVE = strawberry.enum_value(
        Decision.APPROVE.value, description="Let it take part: it takes a place, if one is left."
    )
    REJECT = strawberry.enum_value(
        Decision.REJECT.value,
        description="Refuse it: its users are free to enter another registration, but the "
        "user or team may not register again.",
    )


@strawberry.input(description="What to register for, and as whom.")
class EventRegisterInput:
    event_id: strawberry.ID = strawberry.field(description="The Event, open for registration.")
    team_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="TEAM events: the Team to enter, which the viewer captains (every member "
        "is entered); null for SOLO events.",
    )
    invite_code: str | None = strawberry.field(
        default=None,
        description="INVITE_CODE events: the code the organisers handed out (the only way "
        "into a PRIVATE event).",
    )


@strawberry.input(description="The event to withdraw from.")
class EventUnregisterInput:
    event_id: strawberry.ID = strawberry.field(
        description="The Event whose registration (the viewer's own, or their team's, as its "
        "captain) to withdraw."
    )


@strawberry.input(description="An organiser's decision on a PENDING registration.")
class EventRegistrationReviewInput:
    registration_id: strawberry.ID = strawberry.field(description="The PENDING EventRegistration.")
    decision: RegistrationDecision = strawberry.field(description="Approve or reject.")
    reason: str | None = strawberry.field(
        default=None, description="Why, for the applicant: the body of their notification."
    )


async def _registration(
    root: EventRegisterPayload | EventRegistrationReviewPayload, info: Info
) -> EventRegistrationNode | None:
    if root.registration_id is None:
        return None
    found = await resolve_registration_node(info, root.registration_id)
    return found if isinstance(found, EventRegistrationNode) else None


async def _event(
    root: EventRegisterPayload | EventUnregisterPayload, info: Info
) -> EventNode | None:
    if root.event_id is None:
        return None
    found = await resolve_event_node(info, root.event_id)
    return found if isinstance(found, EventNode) else None


@strawberry.type(description="What eventRegister did.")
class EventRegisterPayload:
    registration: EventRegistrationNode | None = strawberry.field(
        resolver=_registration,
        description=result("The new registration: APPROVED, or PENDING in APPROVAL events"),
    )
    event: EventNode | None = strawberry.field(
        resolver=_event, description="The event, its places counted afresh."
    )
    errors: list[EventRegistrationError] = strawberry.field(
        default_factory=list, description=ERRORS
    )
    registration_id: strawberry.Private[UUID | None] = None
    event_id: strawberry.Private[UUID | None] = None


@strawberry.type(description="What eventUnregister did.")
class EventUnregisterPayload:
    event: EventNode | None = strawberry.field(
        resolver=_event, description=result("The event, without the withdrawn registration")
    )
    errors: list[EventRegistrationError] = strawberry.field(
        default_factory=list, description=ERRORS
    )
    event_id: strawberry.Private[UUID | None] = None


@strawberry.type(description="What eventRegistrationReview did.")
class EventRegistrationReviewPayload:
    registration: EventRegistrationNode | None = strawberry.field(
        resolver=_registration, description=result("The registration, APPROVED or REJECTED")
    )
    errors: list[EventRegistrationError] = strawberry.field(
        default_factory=list, description=ERRORS
    )
    registration_id: strawberry.Private[UUID | None] = None


def _optional_id(value: strawberry.ID | None, type_name: str, field: str) -> UUID | None:
    return None if value is None else expect_global_id(value, type_name, field)


@strawberry.type
class EventRegistrationMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Register for an event while its registration is open: alone (SOLO "
        "events) or your team, as its captain (TEAM events). OPEN and INVITE_CODE events "
        "approve at once and take a place; APPROVAL events wait for an organiser's review.",
    )
    @mutation_payload(EventRegisterPayload, RegistrationCode)
    async def event_register(
        self,
        info: Info,
        input: Annotated[
            EventRegisterInput,
            strawberry.argument(description="The event, the team and the invite code."),
        ],
    ) -> EventRegisterPayload:
        request = registration.RegisterRequest(
            event_id=event_id_of(input.event_id),
            team_id=_optional_id(input.team_id, "Team", "input.teamId"),
            invite_code=input.invite_code,
        )
        entered = await registration.register(
            info.context.services, actor(info), request, info.context.meta
        )
        return EventRegisterPayload(registration_id=entered.id, event_id=request.event_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Withdraw your registration (or your team's, as its captain) before the "
        "event is over: its place is freed, its solves leave the board and its running "
        "event sessions are terminated.",
    )
    @mutation_payload(EventUnregisterPayload, RegistrationCode)
    async def event_unregister(
        self,
        info: Info,
        input: Annotated[
            EventUnregisterInput, strawberry.argument(description="The event to leave.")
        ],
    ) -> EventUnregisterPayload:
        event_id = event_id_of(input.event_id)
        await registration.unregister(
            info.context.services, actor(info), event_id, info.context.meta
        )
        return EventUnregisterPayload(event_id=event_id)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Approve or reject a PENDING registration of an APPROVAL event "
        "(organisers: the event's creator and admins); the applicant is notified.",
    )
    @mutation_payload(EventRegistrationReviewPayload, RegistrationCode)
    async def event_registration_review(
        self,
        info: Info,
        input: Annotated[
            EventRegistrationReviewInput,
            strawberry.argument(description="The registration, the decision and why."),
        ],
    ) -> EventRegistrationReviewPayload:
        registration_id = expect_global_id(
            input.registration_id, "EventRegistration", "input.registrationId"
        )
        await registration_review.review(
            info.context.services,
            actor(info),
            registration_id,
            Decision[input.decision.name],
            input.reason,
            info.context.meta,
        )
        return EventRegistrationReviewPayload(registration_id=registration_id)
