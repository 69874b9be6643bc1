from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import EventStatus, ParticipationMode, RegistrationMode, RegistrationStatus
from ..context import Info
from ..ids import to_global_id
from ..loader_shapes import required
from ..node import Node
from ..pagination import After, Before, Connection, First, Last

if TYPE_CHECKING:
    from ..scenario.types import ScenarioVersionNode
    from ..team.types import TeamNode
    from ..user.types import UserNode


EVENT_COLUMNS = (
    "id",
    "title",
    "slug",
    "description",
    "starts_at",
    "ends_at",
    "status",
    "registration_mode",
    "participation_mode",
    "created_at",
)
EVENT_SCENARIO_COLUMNS = ("id", "event_id", "version_id", "points", "position")
REGISTRATION_COLUMNS = ("id", "event_id", "user_id", "team_id", "status", "created_at")


@strawberry.type(name="Event", description="A timed competition over scenario versions.")
class EventNode(Node):
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

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EventNode:
        return cls(
            id=strawberry.ID(to_global_id("Event", row["id"])),
            pk=row["id"],
            title=row["title"],
            slug=row["slug"],
            description=row["description"],
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            status=row["status"],
            registration_mode=row["registration_mode"],
            participation_mode=row["participation_mode"],
            created_at=row["created_at"],
        )

    @strawberry.field(description="The scenario versions of the event, in order.")
    async def scenarios(self, info: Info) -> list[EventScenarioNode]:
        return await info.context.loaders.event_scenarios_by_event.load(self.pk)

    @strawberry.field(description="Registrations, oldest first.")
    async def registrations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[EventRegistrationNode]:
        from .queries import registrations_of_event

        return await registrations_of_event(info, self.pk, first, after, last, before)


@strawberry.type(name="EventScenario", description="A scenario version played in an event.")
class EventScenarioNode(Node):
    points: int = strawberry.field(
        description="What solving this scenario is worth in the event's scoring."
    )
    position: int = strawberry.field(
        description="Its place in the event's list, from 0: `Event.scenarios` is in this order."
    )
    event_id: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EventScenarioNode:
        return cls(
            id=strawberry.ID(to_global_id("EventScenario", row["id"])),
            event_id=row["event_id"],
            version_id=row["version_id"],
            points=row["points"],
            position=row["position"],
        )

    @strawberry.field(description="The event it is played in.")
    async def event(self, info: Info) -> EventNode:
        return await required(info.context.loaders.events_by_id, self.event_id)

    @strawberry.field(description="The scenario version played.")
    async def version(
        self, info: Info
    ) -> Annotated[ScenarioVersionNode, strawberry.lazy("..scenario.types")]:
        return await required(info.context.loaders.versions_by_id, self.version_id)


@strawberry.type(name="EventRegistration", description="A user or a team entered in an event.")
class EventRegistrationNode(Node):
    status: RegistrationStatus = strawberry.field(
        description="Whether it awaits approval, takes part, or was withdrawn."
    )
    registered_at: datetime = strawberry.field(description="When it registered (UTC).")
    event_id: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID | None]
    team_id: strawberry.Private[UUID | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EventRegistrationNode:
        return cls(
            id=strawberry.ID(to_global_id("EventRegistration", row["id"])),
            event_id=row["event_id"],
            user_id=row["user_id"],
            team_id=row["team_id"],
            status=row["status"],
            registered_at=row["created_at"],
        )

    @strawberry.field(description="The event entered.")
    async def event(self, info: Info) -> EventNode:
        return await required(info.context.loaders.events_by_id, self.event_id)

    @strawberry.field(description="The registered user, for an individual registration.")
    async def user(self, info: Info) -> Annotated[UserNode, strawberry.lazy("..user.types")] | None:
        return await info.context.loaders.users_by_id.load(self.user_id) if self.user_id else None

    @strawberry.field(description="The registered team, for a team registration.")
    async def team(self, info: Info) -> Annotated[TeamNode, strawberry.lazy("..team.types")] | None:
        return await info.context.loaders.teams_by_id.load(self.team_id) if self.team_id else None
