"""eventCreate, eventUpdate, eventDelete, eventPublish, eventChallengeSet and
eventInviteCodeRotate: organising events.

Creators and admins call them (API tokens: the AUTHORING scope); a creator acts on the
events they created, an admin on any. Someone else's event is NOT_FOUND.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import UserRole
from ...services.api_tokens import ApiScope
from ...services.events import challenges, lifecycle
from ...services.events.errors import EventCode
from ...services.events.lifecycle import SETTINGS, EventSpec
from ..context import Info
from ..ids import expect_global_id
from ..payload import actor, mutation_payload
from ..permissions import Allow
from .inputs import (
    EventChallengeSetInput,
    EventCreateInput,
    EventInput,
    EventUpdateInput,
)
from .payloads import EventDeletePayload, EventPayload
from .types import EventNode

EVENT_FIELD = "input.eventId"
OneEvent = Annotated[EventInput, strawberry.argument(description="The event.")]


async def payload_of(event_id: UUID) -> EventPayload:
    return EventPayload(event=await EventNode.read(event_id))


def event_id_of(global_id: str) -> UUID:
    return expect_global_id(global_id, "Event", EVENT_FIELD)


def given(input: EventUpdateInput) -> dict[str, Any]:
    """The settings the input gives (an explicit null included), by service name."""
    return {
        name: value for name in SETTINGS if (value := getattr(input, name)) is not strawberry.UNSET
    }


@strawberry.type
class EventMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Create an event you organise (CREATOR or ADMIN), as a DRAFT only "
        "organisers see. Its slug comes from the title, made unique with a suffix, and never "
        "changes. Choose its challenges with eventChallengeSet, then eventPublish it.",
    )
    @mutation_payload(EventPayload, EventCode)
    async def event_create(
        self,
        info: Info,
        input: Annotated[
            EventCreateInput, strawberry.argument(description="The new event's settings.")
        ],
    ) -> EventPayload:
        spec = EventSpec(**{name: getattr(input, name) for name in SETTINGS})
        event = await lifecycle.create_event(
            actor(info), spec, info.context.settings, info.context.meta
        )
        return await payload_of(event.id)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change an event's settings: only the fields given change, and the "
        "result must keep every rule of eventCreate.",
    )
    @mutation_payload(EventPayload, EventCode)
    async def event_update(
        self,
        info: Info,
        input: Annotated[
            EventUpdateInput,
            strawberry.argument(description="The event and the settings to change."),
        ],
    ) -> EventPayload:
        event_id = event_id_of(input.event_id)
        await lifecycle.update_event(
            actor(info), event_id, given(input), info.context.settings, info.context.meta
        )
        return await payload_of(event_id)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Delete an event (soft: it disappears from every read, its slug stays "
        "taken). Refused while it is RUNNING or FROZEN.",
    )
    @mutation_payload(EventDeletePayload, EventCode)
    async def event_delete(self, info: Info, input: OneEvent) -> EventDeletePayload:
        event_id = event_id_of(input.event_id)
        await lifecycle.delete_event(actor(info), event_id, info.context.meta)
        return EventDeletePayload(deleted_event_id=EventNode.global_id_of(event_id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="DRAFT → PUBLISHED: the event becomes visible (per its visibility) and "
        "open to registration (per its mode and window). It needs at least one challenge. "
        "From then on the clock moves it: RUNNING at its start, FROZEN at its freeze time, "
        "FINISHED at its end.",
    )
    @mutation_payload(EventPayload, EventCode)
    async def event_publish(self, info: Info, input: OneEvent) -> EventPayload:
        event_id = event_id_of(input.event_id)
        await lifecycle.publish_event(
            actor(info), event_id, info.context.meta, broker=info.context.services.broker
        )
        return await payload_of(event_id)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Set an event's challenges, replacing the list it had: PUBLISHED "
        "scenario versions in order, each with a category. Each version is pinned: later "
        "publications of its scenario do not change the event. Only while DRAFT or PUBLISHED.",
    )
    @mutation_payload(EventPayload, EventCode)
    async def event_challenge_set(
        self,
        info: Info,
        input: Annotated[
            EventChallengeSetInput,
            strawberry.argument(description="The event and its challenges, in order."),
        ],
    ) -> EventPayload:
        event_id = event_id_of(input.event_id)
        choices = [
            challenges.ChallengeChoice(
                expect_global_id(
                    choice.version_id, "ScenarioVersion", f"input.challenges.{i}.versionId"
                ),
                choice.category,
            )
            for i, choice in enumerate(input.challenges)
        ]
        await challenges.set_challenges(actor(info), event_id, choices, info.context.meta)
        return await payload_of(event_id)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="A new invite code for an INVITE_CODE event (read it in "
        "`Event.inviteCode`); the old code stops working.",
    )
    @mutation_payload(EventPayload, EventCode)
    async def event_invite_code_rotate(self, info: Info, input: OneEvent) -> EventPayload:
        event_id = event_id_of(input.event_id)
        await lifecycle.rotate_invite_code(
            actor(info), event_id, info.context.settings, info.context.meta
        )
        return await payload_of(event_id)
