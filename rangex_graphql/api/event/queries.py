from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader
from tortoise.expressions import Q, Subquery

from ...models import Event, EventParticipant
from ...models.enums import EventStatus, Visibility
from ..context import Info
from ..node import Node, visible_through_parent
from ..pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    OrderDirection,
    PageRequest,
    SortKey,
    paginate,
)
from ..request_loader import RequestLoader
from ..viewer import Viewer
from .loaders import event_scenarios_by_id, registrations_by_id
from .types import (
    EventNode,
    EventRegistrationNode,
    EventScenarioNode,
    events_by_id,
    viewer_organises,
)


@strawberry.input(description="Narrow the event list.")
class EventFilter:
    status: list[EventStatus] | None = strawberry.field(
        default=None, description="In one of these statuses."
    )
    search: str | None = strawberry.field(default=None, description="Text in the title.")


@strawberry.enum(description="What to sort events by.")
class EventOrderField(Enum):
    STARTS_AT = strawberry.enum_value("starts_at", description="Start time.")
    CREATED_AT = strawberry.enum_value("created_at", description="Creation time.")
    TITLE = strawberry.enum_value("title", description="Title, alphabetically.")


EVENT_SORT_KEYS = {
    EventOrderField.STARTS_AT: SortKey("starts_at", datetime),
    EventOrderField.CREATED_AT: SortKey("created_at", datetime),
    EventOrderField.TITLE: SortKey("title", str),
}


@strawberry.input(description="Sort order of events (soonest start first by default).")
class EventOrder:
    field: EventOrderField = strawberry.field(
        default=EventOrderField.STARTS_AT, description="What to sort by; the ID breaks ties."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.ASC, description="Which way; earliest first by default."
    )


# Who sees an event: nobody once deleted; its organisers (admins, its creator) always;
# others not while DRAFT, and a PRIVATE one only when they take part in it. UNLISTED events
# are seen by anyone who has their slug or ID but are not listed.


def participations() -> DataLoader[tuple[UUID, UUID], bool]:
    """Whether a user (second) takes part in an event (first): one statement per batch."""

    async def load(keys: list[tuple[UUID, UUID]]) -> list[bool]:
        rows = await EventParticipant.filter(
            event_id__in={e for e, _ in keys}, user_id__in={u for _, u in keys}
        ).values_list("event_id", "user_id")
        found = {(str(e), str(u)) for e, u in rows}
        return [(str(e), str(u)) in found for e, u in keys]

    return RequestLoader(load_fn=load)


async def event_if_visible(info: Info, event: EventNode | None) -> EventNode | None:
    if event is None or event.deleted_at is not None:
        return None
    if viewer_organises(info, event.created_by_id):
        return event
    if event.status is EventStatus.DRAFT:
        return None
    if event.visibility is Visibility.PRIVATE:
        viewer = info.context.viewer
        if viewer is None or not await info.context.loader(participations).load(
            (event.pk, viewer.id)
        ):
            return None
    return event


def listed_events(viewer: Viewer | None) -> Q:
    """The events ``events`` lists to ``viewer``, as one condition (one statement)."""
    live = Q(deleted_at__isnull=True)
    if viewer is not None and viewer.is_admin:
        return live
    published = Q(status__not=EventStatus.DRAFT)
    public = published & Q(visibility=Visibility.PUBLIC)
    if viewer is None:
        return live & public
    entered = Subquery(EventParticipant.filter(user_id=viewer.id).values("event_id"))
    private_entered = published & Q(visibility=Visibility.PRIVATE) & Q(id__in=entered)
    return live & (public | Q(created_by_id=viewer.id) | private_entered)


async def resolve_event_node(info: Info, pk: UUID) -> Node | None:
    return await event_if_visible(info, await info.context.loader(events_by_id).load(pk))


async def resolve_event_scenario_node(info: Info, pk: UUID) -> Node | None:
    entry: EventScenarioNode | None = await info.context.loader(event_scenarios_by_id).load(pk)
    return await visible_through_parent(
        info, entry, lambda found: found.event_id, resolve_event_node
    )


async def resolve_registration_node(info: Info, pk: UUID) -> Node | None:
    entry: EventRegistrationNode | None = await info.context.loader(registrations_by_id).load(pk)
    return await visible_through_parent(
        info, entry, lambda found: found.event_id, resolve_event_node
    )


@strawberry.type
class EventQuery:
    @strawberry.field(
        description="Competitions: the PUBLIC ones, the PRIVATE ones you take part in, and "
        "those you organise (drafts and UNLISTED ones included; admins see all). Deleted "
        "events are never listed."
    )
    async def events(
        self,
        info: Info,
        filter: Annotated[
            EventFilter | None,
            strawberry.argument(description="Only events that meet every condition given."),
        ] = None,
        order_by: Annotated[
            EventOrder | None,
            strawberry.argument(description="Sort order; soonest start first when absent."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[EventNode]:
        order_by = order_by or EventOrder()
        key = EVENT_SORT_KEYS[order_by.field]
        settings = info.context.settings
        page = PageRequest.parse(
            key,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=settings,
        )
        queryset = Event.filter(listed_events(info.context.viewer))
        if filter is not None:
            if filter.status:
                queryset = queryset.filter(status__in=filter.status)
            if filter.search:
                queryset = queryset.filter(title__icontains=filter.search.strip())
        return await paginate(
            queryset,
            page,
            key,
            descending=order_by.direction is OrderDirection.DESC,
            columns=EventNode.columns(),
            to_node=EventNode.from_row,
        )

    @strawberry.field(description="An event by its slug; null when absent or not visible.")
    async def event(
        self,
        info: Info,
        slug: Annotated[str, strawberry.argument(description="The event's `slug`.")],
    ) -> EventNode | None:
        rows = await Event.filter(slug=slug).values(*EventNode.columns())
        return await event_if_visible(info, EventNode.from_row(rows[0]) if rows else None)
