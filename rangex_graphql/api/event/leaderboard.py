"""An event's board, its score timeline and its solve feed, as GraphQL types.

``Event.leaderboard``, ``Event.scoreTimeline`` and ``Event.solves`` (``types.py``)
delegate here; so do the ``eventLeaderboard`` and ``eventSolves`` subscriptions. The
types reached back (User, Question, EventScenario, EventRegistration) are reached by
name (``api/node.py``), never imported: ``types.py`` imports this module.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import EventQuestion, User
from ...services.authoring.access import Actor
from ...services.events.leaderboard import (
    Board,
    BoardEvent,
    Position,
    Standing,
    board_events,
    live_standing,
    read_board,
    registration_of,
)
from ...services.events.organisers import organises
from ...services.events.solve_feed import solves_of
from ...services.events.timeline import MAX_TIMELINE_TOP, timelines
from ..context import Context, Info
from ..errors import BadUserInput, Forbidden
from ..node import SCENARIO_TYPES, USER_TYPES, RowNode, node_type, nodes_by_id
from ..pagination import (
    Connection,
    Edge,
    PageInfo,
    PageRequest,
    SortKey,
    decode_cursor,
    encode_cursor,
    page_size,
    paginate,
)
from ..request_loader import RequestLoader
from ..team.types import TeamNode, teams_by_id
from ..viewer import Viewer

EVENT_TYPES = "rangex_graphql.api.event.types"
HIDDEN_NAME = "Hidden participant"
# The argument of the board's query and subscription that asks for the live board.
Truth = Annotated[
    bool,
    strawberry.argument(
        description="The live board even while frozen: organisers only (FORBIDDEN "
        "for everyone else)."
    ),
]

# A value, not an alias: the union is named for GraphQL and resolved when the schema builds.
Participant: Any = Annotated[
    node_type("UserNode", USER_TYPES) | TeamNode,
    strawberry.union(
        "LeaderboardParticipant",
        description="Who competes: a user (solo events) or a team (team events).",
    ),
]

# --- who a registration is, and whether their profile may be shown ----------------------


def user_profiles_by_id() -> DataLoader[UUID, tuple[str, bool] | None]:
    """(display name, profile hidden) of users."""

    async def load(keys: list[UUID]) -> list[tuple[str, bool] | None]:
        rows = await User.filter(id__in=keys).values("id", "display_name", "profile_hidden")
        found = {row["id"]: (row["display_name"], row["profile_hidden"]) for row in rows}
        return [found.get(key) for key in keys]

    return RequestLoader(load)


def shows_user(context: Context, user_id: UUID, hidden: bool) -> bool:
    """A hidden profile shows to its owner and admins; to others, anonymised."""
    return not hidden or context.is_self_or_admin(user_id)


async def participant_of(
    info: Info, user_id: UUID | None, team_id: UUID | None
) -> RowNode | TeamNode | None:
    if team_id is not None:
        return await info.context.loader(teams_by_id).load(team_id)
    if user_id is None:
        return None
    profile = await info.context.loader(user_profiles_by_id).load(user_id)
    if profile is None or not shows_user(info.context, user_id, profile[1]):
        return None
    user: RowNode | None = await info.context.loader(nodes_by_id("User")).load(user_id)
    return user


async def name_of(info: Info, user_id: UUID | None, team_id: UUID | None) -> str:
    """The participant's shown name, the same for every viewer (a hidden profile's is
    ``HIDDEN_NAME``), so that live dashboards can share one execution."""
    if team_id is not None:
        team = await info.context.loader(teams_by_id).load(team_id)
        return team.name if team is not None else ""
    if user_id is None:
        return ""
    profile = await info.context.loader(user_profiles_by_id).load(user_id)
    if profile is None:
        return ""
    return HIDDEN_NAME if profile[1] else profile[0]


# --- the board ----------------------------------------------------------------------------


@strawberry.type(description="A participant's place on an event's board.")
class LeaderboardEntry:
    rank: int = strawberry.field(
        description="Competition rank from 1: equal score and equal last solve time share "
        "a rank, and the next rank skips (1, 1, 3)."
    )
    score: int = strawberry.field(
        description="Points: each solved question's value (its current value under DYNAMIC "
        "scoring) plus the blood bonuses."
    )
    solves: int = strawberry.field(description="How many questions it solved.")
    last_solve_at: datetime | None = strawberry.field(
        description="When it reached its score (its last solve, UTC); null without a solve."
    )
    live: bool = strawberry.field(
        description="True when the entry shows live scores; false when it shows them as at "
        "the freeze."
    )
    user_id: strawberry.Private[UUID | None]
    team_id: strawberry.Private[UUID | None]

    @strawberry.field(
        description="The user or team; null for a user who hides their profile (shown to "
        "themselves and admins only).",
        graphql_type=Participant | None,
    )
    async def participant(self, info: Info) -> Any:
        return await participant_of(info, self.user_id, self.team_id)

    @strawberry.field(
        description=f"The participant's name as the board shows it ('{HIDDEN_NAME}' for "
        "a hidden profile)."
    )
    async def display_name(self, info: Info) -> str:
        return await name_of(info, self.user_id, self.team_id)


def entry_of(standing: Standing, live: bool) -> LeaderboardEntry:
    return LeaderboardEntry(
        rank=standing.rank,
        score=standing.score,
        solves=standing.solves,
        last_solve_at=standing.last_solve_at,
        live=live,
        user_id=standing.user_id,
        team_id=standing.team_id,
    )


BOARD_KEY = SortKey("score", int, then=(("unsolved", int), ("time", str)))


def encode_position(position: Position) -> str:
    return encode_cursor(
        (position.score, position.unsolved, position.time), position.registration_id
    )


def decode_position(cursor: str) -> Position:
    (score, unsolved, time), registration_id = decode_cursor(cursor, BOARD_KEY, "after")
    return Position(score, unsolved, time, registration_id)


@strawberry.type(
    description="An event's board: a page of its participants, best first. While the "
    "event is frozen, everyone but its organisers sees the scores as at the freeze time."
)
class EventLeaderboard:
    frozen: bool = strawberry.field(
        description="True when the entries show the scores as at the freeze time."
    )
    as_of: datetime = strawberry.field(
        description="The time the scores are as at: the freeze time, or now (UTC)."
    )
    edges: list[Edge[LeaderboardEntry]] = strawberry.field(
        description="The entries of this page with their cursors, best first."
    )
    page_info: PageInfo = strawberry.field(
        description="Cursors of the page's ends and whether more entries follow."
    )
    event: strawberry.Private[BoardEvent]

    @strawberry.field(
        description="The viewer's own entry, live (marked `live`) even while the board is "
        "frozen; null when the viewer takes no part (or their registration awaits approval)."
    )
    async def viewer_entry(self, info: Info) -> LeaderboardEntry | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        registration_id = await registration_of(self.event.id, viewer.id)
        if registration_id is None:
            return None
        standing = await live_standing(self.event, registration_id)
        return entry_of(standing, live=True) if standing is not None else None


def board_events_by_id() -> DataLoader[UUID, BoardEvent | None]:
    async def load(keys: list[UUID]) -> list[BoardEvent | None]:
        found = await board_events(keys)
        return [found.get(key) for key in keys]

    return RequestLoader(load)


def actor_of(viewer: Viewer | None) -> Actor | None:
    return Actor(id=viewer.id, is_admin=viewer.is_admin) if viewer is not None else None


def is_organiser(viewer: Viewer | None, event: BoardEvent) -> bool:
    return organises(actor_of(viewer), event.created_by_id)


def require_truth_allowed(viewer: Viewer | None, event: BoardEvent) -> None:
    if not is_organiser(viewer, event):
        raise Forbidden("the live board of a frozen event is for its organisers (truth: true)")


async def leaderboard(
    info: Info, event: BoardEvent, first: int | None, after: str | None, truth: bool
) -> EventLeaderboard:
    limit, _ = page_size(first, None, info.context.settings)
    position = decode_position(after) if after else None
    if truth:
        require_truth_allowed(info.context.viewer, event)
    board = await read_board(event, truth=truth, first=limit, after=position)
    edges = [
        Edge(encode=encode_position, position=(s.position,), node=entry_of(s, not board.frozen))
        for s in board.standings
    ]
    return EventLeaderboard(
        frozen=board.frozen,
        as_of=board.as_of,
        edges=edges,
        page_info=PageInfo(
            has_next_page=board.has_next,
            has_previous_page=position is not None,
            start_cursor=edges[0].cursor_at() if edges else None,
            end_cursor=edges[-1].cursor_at() if edges else None,
        ),
        event=event,
    )


# --- the board over time -----------------------------------------------------------------


@strawberry.type(description="A participant's score after one of their solves.")
class ScorePoint:
    at: datetime = strawberry.field(description="When the solve was made (UTC).")
    score: int = strawberry.field(description="The participant's score right after it.")


@strawberry.type(description="One participant's cumulative score over time.")
class ScoreLine:
    entry: LeaderboardEntry = strawberry.field(description="Their place on the board.")
    points: list[ScorePoint] = strawberry.field(
        description="Their score after each of their solves, oldest first; the last equals "
        "`entry.score`."
    )


@strawberry.type(
    description="The top participants' cumulative scores over time, with the values of the "
    "board (so, while frozen, as at the freeze): what a dashboard plots."
)
class ScoreTimeline:
    frozen: bool = strawberry.field(description="True when it stops at the freeze time.")
    as_of: datetime = strawberry.field(description="The freeze time, or now (UTC).")
    lines: list[ScoreLine] = strawberry.field(description="One line per participant, best first.")


async def score_timeline(info: Info, event: BoardEvent, top: int) -> ScoreTimeline:
    if not 1 <= top <= MAX_TIMELINE_TOP:
        raise BadUserInput(f"top must be between 1 and {MAX_TIMELINE_TOP}, got {top}", field="top")
    board = await read_board(event, truth=False, first=top)
    lines = [
        ScoreLine(
            entry=entry_of(line.standing, not board.frozen),
            points=[ScorePoint(at=p.at, score=p.score) for p in line.points],
        )
        for line in await timelines(board)
    ]
    return ScoreTimeline(frozen=board.frozen, as_of=board.as_of, lines=lines)


# --- the solve feed ----------------------------------------------------------------------


def event_question_challenges() -> DataLoader[tuple[UUID, UUID], UUID | None]:
    """The challenge (EventScenario) of an event's question."""

    async def load(keys: list[tuple[UUID, UUID]]) -> list[UUID | None]:
        rows = await EventQuestion.filter(
            event_id__in={e for e, _ in keys}, question_id__in={q for _, q in keys}
        ).values("event_id", "question_id", "challenge_id")
        found = {(row["event_id"], row["question_id"]): row["challenge_id"] for row in rows}
        return [found.get(key) for key in keys]

    return RequestLoader(load)


@strawberry.type(name="EventSolve", description="A question solved in an event.")
class EventSolveNode:
    solved_at: datetime = strawberry.field(description="When it was solved (UTC).")
    blood: int = strawberry.field(
        description="1, 2 or 3 for the first three solvers of the question (first, second, "
        "third blood, by commit order); 0 after."
    )
    bonus_points: int = strawberry.field(
        description="The blood bonus it earned, fixed at solve time (0 without blood)."
    )
    pk: strawberry.Private[UUID]
    event_id: strawberry.Private[UUID]
    registration_id: strawberry.Private[UUID]
    question_id: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID | None]

    @staticmethod
    def columns() -> tuple[str, ...]:
        return (
            "id",
            "event_id",
            "registration_id",
            "question_id",
            "user_id",
            "solved_at",
            "blood",
            "bonus_points",
        )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EventSolveNode:
        return cls(
            pk=row["id"],
            event_id=row["event_id"],
            registration_id=row["registration_id"],
            question_id=row["question_id"],
            user_id=row["user_id"],
            solved_at=row["solved_at"],
            blood=row["blood"],
            bonus_points=row["bonus_points"],
        )

    @strawberry.field(
        description="The user who solved it (a team member in team events); null for a "
        "hidden profile or a deleted user.",
        graphql_type=node_type("UserNode", USER_TYPES) | None,
    )
    async def solver(self, info: Info) -> Any:
        return await participant_of(info, self.user_id, None) if self.user_id else None

    async def _registration(self, info: Info) -> Any:
        return await info.context.loader(nodes_by_id("EventRegistration")).load(
            self.registration_id
        )

    @strawberry.field(
        description="The participant credited: the solver, or their team.",
        graphql_type=Participant | None,
    )
    async def participant(self, info: Info) -> Any:
        registration = await self._registration(info)
        if registration is None:
            return None
        return await participant_of(info, registration.user_id, registration.team_id)

    @strawberry.field(description="The credited participant's name as the board shows it.")
    async def participant_name(self, info: Info) -> str:
        registration = await self._registration(info)
        if registration is None:
            return ""
        return await name_of(info, registration.user_id, registration.team_id)

    @strawberry.field(
        description="The question solved (its answers are never shown here).",
        graphql_type=node_type("QuestionNode", SCENARIO_TYPES) | None,
    )
    async def question(self, info: Info) -> Any:
        return await info.context.loader(nodes_by_id("Question")).load(self.question_id)

    @strawberry.field(
        description="The event's challenge the question belongs to.",
        graphql_type=node_type("EventScenarioNode", EVENT_TYPES) | None,
    )
    async def challenge(self, info: Info) -> Any:
        challenge_id = await info.context.loader(event_question_challenges).load(
            (self.event_id, self.question_id)
        )
        if challenge_id is None:
            return None
        return await info.context.loader(nodes_by_id("EventScenario")).load(challenge_id)


SOLVE_KEY = SortKey("solved_at", datetime)


def solve_cutoff(viewer: Viewer | None, event: BoardEvent) -> datetime | None:
    """The freeze time the viewer's feed stops at, if any: organisers see every solve."""
    if is_organiser(viewer, event):
        return None
    return event.public_cutoff


async def event_solves(
    info: Info, event: BoardEvent, first: int | None, after: str | None
) -> Connection[EventSolveNode]:
    page = PageRequest.parse(
        SOLVE_KEY, first=first, after=after, last=None, before=None, settings=info.context.settings
    )
    cutoff = solve_cutoff(info.context.viewer, event)
    return await paginate(
        solves_of(event.id, cutoff),
        page,
        SOLVE_KEY,
        descending=True,
        columns=EventSolveNode.columns(),
        to_node=EventSolveNode.from_row,
    )


# --- what the subscriptions send ----------------------------------------------------------


@strawberry.type(
    description="The top of an event's board, as `eventLeaderboard` sends it at each change."
)
class EventLeaderboardUpdate:
    frozen: bool = strawberry.field(
        description="True when the entries show the scores as at the freeze time."
    )
    as_of: datetime = strawberry.field(
        description="The time the scores are as at: the freeze time, or now (UTC)."
    )
    entries: list[LeaderboardEntry] = strawberry.field(description="The top entries, best first.")


def update_of(board: Board) -> EventLeaderboardUpdate:
    return EventLeaderboardUpdate(
        frozen=board.frozen,
        as_of=board.as_of,
        entries=[entry_of(s, not board.frozen) for s in board.standings],
    )
