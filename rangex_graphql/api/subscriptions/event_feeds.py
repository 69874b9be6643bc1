"""The live board and solve feed of an event: ``eventLeaderboard`` and ``eventSolves``.

Both listen to the event's topic (``services/events/solve_messages.py``). A document that
selects only viewer-neutral types (``operation.VIEWER_NEUTRAL_TYPES``: the board's entries
and names, a solve's time and blood) is executed once per event for everyone who sees the
same view of the board: the public (frozen while the event is) or its organisers (the live
truth). 2,000 subscribers of one board then cost one read per change, at most one a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast
from uuid import UUID

from ...broker.protocol import Message, topic_for_event
from ...services.events.leaderboard import BoardEvent, board_events, read_board
from ...services.events.solve_feed import solve_row
from ...services.events.solve_messages import BOARD_CHANGED, SOLVE
from ...settings import Settings
from ..context import Context, Info, Viewer
from ..errors import BadUserInput, NotFound
from ..event.leaderboard import (
    EventSolveNode,
    is_organiser,
    require_truth_allowed,
    solve_cutoff,
    update_of,
)
from ..event.queries import resolve_event_node
from ..ids import expect_global_id
from .feed_base import Feed, Opened, SnapshotFeed, viewer_audience

MAX_BOARD_TOP = 100
PUBLIC = "public"
ORGANISERS = "organisers"


async def visible_event(viewer: Viewer | None, global_id: object) -> BoardEvent:
    """The event ``global_id`` names if ``viewer`` may see it (the rule of
    ``event(slug:)`` and ``node(id:)``); NOT_FOUND otherwise."""
    pk = expect_global_id(str(global_id), "Event", "eventId")
    # The visibility rule reads no setting: a context for its loaders only.
    context = Context(settings=Settings.model_construct(), viewer=viewer)
    if await resolve_event_node(cast(Info, SimpleNamespace(context=context)), pk) is None:
        raise NotFound("no event with this ID is visible to you", field="eventId")
    found = (await board_events([pk])).get(pk)
    if found is None:
        raise NotFound("no event with this ID is visible to you", field="eventId")
    return found


def audience(viewer: Viewer | None, view: str, neutral: bool) -> tuple[str, ...]:
    """Who may share an execution: everyone with the same view, for a neutral document;
    otherwise one viewer (all anonymous visitors alike)."""
    if neutral:
        return ("event", view)
    return (*(viewer_audience(viewer) if viewer is not None else ("anonymous",)), view)


class EventLeaderboardFeed(SnapshotFeed):
    field_name = "eventLeaderboard"

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        top = int(arguments.get("top", 10))
        if not 1 <= top <= MAX_BOARD_TOP:
            raise BadUserInput(f"top must be between 1 and {MAX_BOARD_TOP}, got {top}", field="top")
        event = await visible_event(viewer, arguments["eventId"])
        truth = bool(arguments.get("truth", False))
        if truth:
            require_truth_allowed(viewer, event)
        view = ORGANISERS if truth else PUBLIC
        return Opened(
            topics=(topic_for_event(event.id),),
            audience=(*audience(viewer, view, neutral), str(top)),
            subject=event.id,
        )

    def wants(self, message: Message) -> bool:
        return message.get("type") in (SOLVE, BOARD_CHANGED)

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        assert opened.subject is not None
        event = (await board_events([opened.subject])).get(opened.subject)
        if event is None:
            return None
        truth = opened.audience[-2] == ORGANISERS  # (..., view, top)
        cutoff = None if truth else event.public_cutoff
        if cutoff is not None and _solved_after(message, cutoff):
            return None  # the frozen board does not move
        top = int(opened.audience[-1])
        return update_of(await read_board(event, truth=truth, first=top))


def _solved_after(message: Message | None, cutoff: datetime) -> bool:
    if message is None or message.get("type") != SOLVE:
        return False
    try:
        solved_at = datetime.fromisoformat(str(message.get("at")))
    except ValueError:
        return False
    return (solved_at if solved_at.tzinfo else solved_at.replace(tzinfo=UTC)) >= cutoff


class EventSolvesFeed(Feed):
    field_name = "eventSolves"

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        event = await visible_event(viewer, arguments["eventId"])
        view = ORGANISERS if is_organiser(viewer, event) else PUBLIC
        return Opened(
            topics=(topic_for_event(event.id),),
            audience=audience(viewer, view, neutral),
            subject=event.id,
        )

    def wants(self, message: Message) -> bool:
        return message.get("type") == SOLVE

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        assert opened.subject is not None
        if message is None:
            return None
        try:
            solve_id = UUID(str(message.get("solveId")))
        except ValueError:
            return None
        row = await solve_row(solve_id, opened.subject, EventSolveNode.columns())
        if row is None:
            return None
        if opened.audience[-1] != ORGANISERS:  # (..., view)
            event = (await board_events([opened.subject])).get(opened.subject)
            cutoff = solve_cutoff(None, event) if event is not None else None
            if event is None or (cutoff is not None and row["solved_at"] >= cutoff):
                return None
        return EventSolveNode.from_row(row)
