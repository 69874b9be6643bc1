from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import Event, EventRegistration, EventScenario
from ...models.enums import EventStatus, ParticipationMode, RegistrationMode, RegistrationStatus
from ..context import Info
from ..loader_shapes import many_by_key, one_by_id, required
from ..nested_pagination import NestedConnectionLoader, NestedKey, NestedPage
from ..node import (
    USER_TYPES,
    Node,
    RowNode,
    node_type,
    nodes_by_id,
    row_node,
    same,
    to_many,
    to_one,
)
from ..pagination import After, Before, Connection, First, Last
from ..scenario.types import ScenarioVersionNode, versions_by_id
from ..team.types import TeamNode, teams_by_id


@row_node(
    Event,
    columns={
        "pk": "id",
        **same(
            "title",
            "slug",
            "description",
            "starts_at",
            "ends_at",
            "status",
            "registration_mode",
            "participation_mode",
            "created_at",
        ),
    },
    relations=(
        to_many("scenarios", "EventScenario", "event_id"),
        to_many("registrations", "EventRegistration", "event_id"),
    ),
)
@strawberry.type(name="Event", description="A timed competition over scenario versions.")
class EventNode(RowNode, Node):
    title: str = strawberry.field(description="Its name, as announced.")
    slug: str = strawberry.field(
        description="Its unique URL name; `event(slug:)` finds the event by it."
    )
    description: str = strawberry.field(
        description="What the event is about: audience, rules, prizes."
    )
    starts_at: datetime = strawberry.field(description="When play starts (UTC).")
    ends_at: datetime = strawberry.field(description="When play ends and scores are final (UTC).")
    status: EventStatus = strawberry.field(
        description="Where it is in its schedule; DRAFT events are seen by creators and "
        "admins only."
    )
    registration_mode: RegistrationMode = strawberry.field(
        description="How users get into it: open, approved by organizers, or by invitation."
    )
    participation_mode: ParticipationMode = strawberry.field(
        description="Whether users compete alone or in teams."
    )
    created_at: datetime = strawberry.field(description="When the event was created (UTC).")
    pk: strawberry.Private[UUID]

    @strawberry.field(description="The scenario versions of the event, in order.")
    async def scenarios(self, info: Info) -> list[EventScenarioNode]:
        return await info.context.loader(event_scenarios_by_event).load(self.pk)

    @strawberry.field(description="Registrations, oldest first.")
    async def registrations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[EventRegistrationNode]:
        page = NestedPage.parse(
            first=first, after=after, last=last, before=before, settings=info.context.settings
        )
        return await info.context.loader(registration_pages_by_event).load(NestedKey(self.pk, page))


@row_node(
    EventScenario,
    columns=same("event_id", "version_id", "points", "position"),
    relations=(
        to_one("event", "Event", "event_id"),
        to_one("version", "ScenarioVersion", "version_id"),
    ),
)
@strawberry.type(name="EventScenario", description="A scenario version played in an event.")
class EventScenarioNode(RowNode, Node):
    points: int = strawberry.field(
        description="What solving this scenario is worth in the event's scoring."
    )
    position: int = strawberry.field(
        description="Its place in the event's list, from 0: `Event.scenarios` is in this order."
    )
    event_id: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]

    @strawberry.field(description="The event it is played in.")
    async def event(self, info: Info) -> EventNode:
        return await required(info.context.loader(events_by_id), self.event_id)

    @strawberry.field(description="The scenario version played.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loader(versions_by_id), self.version_id)


@row_node(
    EventRegistration,
    columns={**same("event_id", "user_id", "team_id", "status"), "registered_at": "created_at"},
    relations=(
        to_one("event", "Event", "event_id"),
        to_one("user", "User", "user_id"),
        to_one("team", "Team", "team_id"),
    ),
)
@strawberry.type(name="EventRegistration", description="A user or a team entered in an event.")
class EventRegistrationNode(RowNode, Node):
    status: RegistrationStatus = strawberry.field(
        description="Whether it awaits approval, takes part, or was withdrawn."
    )
    registered_at: datetime = strawberry.field(description="When it registered (UTC).")
    event_id: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID | None]
    team_id: strawberry.Private[UUID | None]

    @strawberry.field(description="The event entered.")
    async def event(self, info: Info) -> EventNode:
        return await required(info.context.loader(events_by_id), self.event_id)

    @strawberry.field(
        description="The registered user, for an individual registration.",
        graphql_type=node_type("UserNode", USER_TYPES) | None,
    )
    async def user(self, info: Info) -> RowNode | None:
        if self.user_id is None:
            return None
        user: RowNode | None = await info.context.loader(nodes_by_id("User")).load(self.user_id)
        return user

    @strawberry.field(description="The registered team, for a team registration.")
    async def team(self, info: Info) -> TeamNode | None:
        return await info.context.loader(teams_by_id).load(self.team_id) if self.team_id else None


# --- loaders these types read, made per request by Context.loader -------------------------

REGISTRATION_PAGES = NestedConnectionLoader(
    EventRegistration,
    "event_id",
    "created_at ASC, id ASC",
    EventRegistrationNode.columns(),
    EventRegistrationNode.from_row,
)


def events_by_id() -> DataLoader[UUID, EventNode | None]:
    return one_by_id(Event, EventNode.columns(), EventNode.from_row)


def event_scenarios_by_event() -> DataLoader[UUID, list[EventScenarioNode]]:
    return many_by_key(
        EventScenario, "event_id", EventScenarioNode.columns(), EventScenarioNode.from_row
    )


def registration_pages_by_event() -> DataLoader[NestedKey, Connection[EventRegistrationNode]]:
    return REGISTRATION_PAGES.loader()
