from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader
from tortoise.expressions import Q, Subquery

from ...models import Event, EventParticipant, EventRegistration, EventScenario, TeamMember
from ...models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    ScoringMode,
    Visibility,
)
from ...security.secret_box import read_sealed
from ...services.authoring.access import Actor
from ...services.events.leaderboard import BoardEvent
from ...services.events.organisers import organises
from ...services.events.schedule import status_at
from ..context import Info
from ..loader_shapes import many_by_key, one_by_id, required
from ..nested_pagination import NestedConnectionLoader, NestedKey, NestedPage
from ..node import (
    USER_TYPES,
    Computed,
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
from ..request_loader import RequestLoader
from ..scenario.types import ScenarioVersionNode, versions_by_id
from ..team.types import TeamNode, teams_by_id
from . import leaderboard as board


def viewer_organises(info: Info, created_by_id: UUID | None) -> bool:
    """Whether the viewer organises an event created by ``created_by_id``."""
    viewer = info.context.viewer
    return viewer is not None and organises(Actor(viewer.id, viewer.is_admin), created_by_id)


def _status_now(row: Mapping[str, Any]) -> EventStatus:
    return status_at(row, datetime.now(UTC))  # the schedule's job may not have run yet


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
            "registration_opens_at",
            "registration_closes_at",
            "freeze_at",
            "visibility",
            "registration_mode",
            "participation_mode",
            "team_size_limit",
            "max_participants",
            "scoring_mode",
            "dynamic_minimum_percent",
            "dynamic_decay",
            "first_blood_percent",
            "second_blood_percent",
            "third_blood_percent",
            "created_at",
            "created_by_id",
            "invite_code_sealed",
            "deleted_at",
        ),
        "participant_count": "registered_count",
    },
    computed={"status": Computed(("status", "starts_at", "ends_at", "freeze_at"), _status_now)},
    relations=(
        to_many("scenarios", "EventScenario", "event_id"),
        to_many("registrations", "EventRegistration", "event_id"),
        to_one("created_by", "User", "created_by_id"),
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
    registration_opens_at: datetime | None = strawberry.field(
        description="When registration opens (UTC); null: as soon as it is published."
    )
    registration_closes_at: datetime | None = strawberry.field(
        description="When registration closes (UTC); null: at the event's end."
    )
    freeze_at: datetime | None = strawberry.field(
        description="When the public board freezes (UTC), between start and end; null: "
        "never. From then on participants and the public see the scores as at this time."
    )
    status: EventStatus = strawberry.field(
        description="Where it is in its schedule, as of now; DRAFT events are seen by "
        "their organisers only."
    )
    visibility: Visibility = strawberry.field(
        description="Who sees it: PUBLIC everyone; UNLISTED anyone with its slug or ID, "
        "not listed in `events`; PRIVATE its organisers and participants."
    )
    registration_mode: RegistrationMode = strawberry.field(
        description="How users get into it: open, approved by organizers, or by invitation."
    )
    participation_mode: ParticipationMode = strawberry.field(
        description="Whether users compete alone or in teams."
    )
    team_size_limit: int = strawberry.field(
        description="TEAM events: the most members a registered team may have (1-10)."
    )
    max_participants: int = strawberry.field(
        description="The most approved registrations (users or teams); 0: unlimited."
    )
    participant_count: int = strawberry.field(
        description="Approved registrations (users or teams) so far."
    )
    scoring_mode: ScoringMode = strawberry.field(
        description="STATIC: a question is worth its points; DYNAMIC: its worth falls as "
        "more participants solve it."
    )
    dynamic_minimum_percent: int = strawberry.field(
        description="DYNAMIC scoring: the least a question is worth, in percent of its points."
    )
    dynamic_decay: int = strawberry.field(
        description="DYNAMIC scoring: the number of solves at which a question reaches its minimum."
    )
    first_blood_percent: int = strawberry.field(
        description="The bonus of a question's first solver, in percent of its points."
    )
    second_blood_percent: int = strawberry.field(
        description="The bonus of a question's second solver, in percent of its points."
    )
    third_blood_percent: int = strawberry.field(
        description="The bonus of a question's third solver, in percent of its points."
    )
    created_at: datetime = strawberry.field(description="When the event was created (UTC).")
    pk: strawberry.Private[UUID]
    created_by_id: strawberry.Private[UUID | None]
    invite_code_sealed: strawberry.Private[str | None]
    deleted_at: strawberry.Private[datetime | None]

    @strawberry.field(
        description="The code an INVITE_CODE event's registration takes: shown to its "
        "organisers only, null for everyone else and for other registration modes."
    )
    def invite_code(self, info: Info) -> str | None:
        if not viewer_organises(info, self.created_by_id):
            return None
        return read_sealed(info.context.settings, self.invite_code_sealed)

    @strawberry.field(
        description="Who created it (an organiser with the admins); null when that user is gone.",
        graphql_type=node_type("UserNode", USER_TYPES) | None,
    )
    async def created_by(self, info: Info) -> RowNode | None:
        if self.created_by_id is None:
            return None
        user: RowNode | None = await info.context.loader(nodes_by_id("User")).load(
            self.created_by_id
        )
        return user

    @strawberry.field(description="The scenario versions of the event, in order.")
    async def scenarios(self, info: Info) -> list[EventScenarioNode]:
        return await info.context.loader(event_scenarios_by_event).load(self.pk)

    @strawberry.field(
        description="The viewer's own registration: theirs, or their team's; a REJECTED one "
        "too, while they are in no other. Null for anonymous viewers and when there is none."
    )
    async def viewer_registration(self, info: Info) -> EventRegistrationNode | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return await info.context.loader(viewer_registrations).load((viewer.id, self.pk))

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

    def board_event(self) -> BoardEvent:
        return BoardEvent(
            id=self.pk,
            status=self.status,
            freeze_at=self.freeze_at,
            scoring_mode=self.scoring_mode,
            minimum_percent=self.dynamic_minimum_percent,
            decay=self.dynamic_decay,
            created_by_id=self.created_by_id,
        )

    @strawberry.field(
        description="The board: approved participants ranked by score, then by who reached "
        "it first (competition ranks: 1, 1, 3). While FROZEN, it shows the scores as at "
        "the freeze time, plus the viewer's own live entry (`viewerEntry`)."
    )
    async def leaderboard(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        truth: board.Truth = False,
    ) -> board.EventLeaderboard:
        return await board.leaderboard(info, self.board_event(), first, after, truth)

    @strawberry.field(
        description="The top participants' cumulative score over time, as the board shows "
        "it (so, while frozen, up to the freeze time)."
    )
    async def score_timeline(
        self,
        info: Info,
        top: Annotated[
            int,
            strawberry.argument(
                description=f"How many participants from the top: 1 to {board.MAX_TIMELINE_TOP}."
            ),
        ] = 10,
    ) -> board.ScoreTimeline:
        return await board.score_timeline(info, self.board_event(), top)

    @strawberry.field(
        description="The solve feed, newest first: who solved which question when, with "
        "bloods. While frozen, the solves before the freeze only (organisers see all)."
    )
    async def solves(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[board.EventSolveNode]:
        return await board.event_solves(info, self.board_event(), first, after)


@row_node(
    EventScenario,
    columns=same("event_id", "version_id", "points", "position", "category"),
    relations=(
        to_one("event", "Event", "event_id"),
        to_one("version", "ScenarioVersion", "version_id"),
    ),
)
@strawberry.type(
    name="EventScenario",
    description="A challenge of an event: a scenario version, pinned (later publications "
    "of the scenario do not change it).",
)
class EventScenarioNode(RowNode, Node):
    points: int = strawberry.field(
        description="What solving this scenario is worth in the event's scoring."
    )
    position: int = strawberry.field(
        description="Its place in the event's list, from 0: `Event.scenarios` is in this order."
    )
    category: str = strawberry.field(
        description="Its category on the event's board (web, crypto…); may be empty."
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
    columns={
        **same("event_id", "user_id", "team_id", "status", "reviewed_at"),
        "registered_at": "created_at",
    },
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
    reviewed_at: datetime | None = strawberry.field(
        description="When an organiser approved or rejected it (UTC); null when it was "
        "approved at registration (OPEN and INVITE_CODE events) or awaits review."
    )
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


def viewer_registrations() -> DataLoader[tuple[UUID, UUID], EventRegistrationNode | None]:
    """(user, event) → the registration the user is in (directly or through a team), else
    a REJECTED one of theirs or their team's: one statement per user and batch."""

    async def load(keys: list[tuple[UUID, UUID]]) -> list[EventRegistrationNode | None]:
        found: dict[tuple[UUID, UUID], EventRegistrationNode] = {}
        for user_id in {user for user, _ in keys}:
            events = [event for user, event in keys if user == user_id]
            rows = (
                await EventRegistration.filter(
                    Q(
                        id__in=Subquery(
                            EventParticipant.filter(user_id=user_id).values("registration_id")
                        )
                    )
                    | Q(user_id=user_id)
                    | Q(team_id__in=Subquery(TeamMember.filter(user_id=user_id).values("team_id"))),
                    event_id__in=events,
                )
                .order_by("created_at", "id")
                .values(*EventRegistrationNode.columns())
            )
            for row in rows:
                key = (user_id, row["event_id"])
                held = found.get(key)
                if held is None or held.status is RegistrationStatus.REJECTED:
                    found[key] = EventRegistrationNode.from_row(row)
        return [found.get(key) for key in keys]

    return RequestLoader(load_fn=load)
