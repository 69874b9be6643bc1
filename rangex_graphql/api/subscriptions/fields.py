"""The root ``Subscription`` type.

Over graphql-transport-ws the connection (``transport_ws.py``) runs these fields through
shared execution and never calls the generators below; they serve Strawberry's own
transports (the legacy graphql-ws protocol when enabled, ``schema.subscribe``), one
execution per subscriber, with fresh loaders and the connection's credentials (its
token's user, generation and expiry) checked at each event.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Mapping
from typing import Annotated, Any

import strawberry

from ...broker.protocol import MISSED
from ..context import Context, Info
from ..errors import Unauthenticated
from ..event.leaderboard import EventLeaderboardUpdate, EventSolveNode, Truth
from ..notification.types import NotificationNode
from ..session.types import EnvironmentSessionNode
from ..testrun.types import VersionTestRunNode
from .access import Credentials, no_longer_allowed
from .activity import PlatformActivity
from .feeds import Feed, feeds_for


async def _values(
    info: Info, field_name: str, arguments: Mapping[str, Any]
) -> AsyncGenerator[Any, None]:
    context = info.context
    runtime = context.services
    feed: Feed = feeds_for(runtime.settings.platform_activity_interval_seconds)[field_name]
    opened = await feed.open(context.viewer, arguments, neutral=False)
    credentials = await _credentials(context)
    if feed.emits_on_subscribe:
        value = await feed.load(context, opened, None)
        if value is not None:
            yield value
            if feed.is_final(value):
                return
    subscription = await runtime.broker.subscribe(
        opened.topics, queue_size=runtime.settings.subscription_queue_size
    )
    try:
        async for message in subscription:
            is_gap = message.get("type") == MISSED
            if not (feed.wants(message) or (is_gap and feed.resyncs_on_missed)):
                continue
            if await no_longer_allowed([credentials]):
                raise Unauthenticated("your access was withdrawn; sign in again")
            context.reset_loaders()  # fresh rows at every event
            value = await feed.load(context, opened, None if is_gap else message)
            if value is not None:
                yield value
                if feed.is_final(value):
                    return
    finally:
        await subscription.aclose()


async def _credentials(context: Context) -> Credentials:
    """What to check again at each event: over a WebSocket, the token its connection_init
    signed in with (its generation and expiry too, as graphql-transport-ws does), which
    must still hold now; otherwise the viewer."""
    credentials = context.connection_credentials or Credentials(viewer=context.viewer)
    if await no_longer_allowed([credentials]):
        raise Unauthenticated("your access was withdrawn; sign in again")
    return credentials


@strawberry.type(
    description="Live updates over `WS /graphql` (graphql-transport-ws; the token goes in "
    "`connection_init`). Each event is read afresh and re-authorized: withdrawn access "
    "closes the connection (4403). A result that follows lost updates carries "
    "`extensions.missed`: how many were lost, or null when unknown (after the server lost "
    "its broker connection: possibly many), and the current value is sent again."
)
class Subscription:
    @strawberry.subscription(
        description="The session's state, machines, time left, cost and score, at every "
        "change; the current value first. Completes after the value showing a final state "
        "(TERMINATED, EXPIRED, FAILED). Its owner and admins only."
    )
    async def session_updated(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="An EnvironmentSession ID; unknown or hidden ones are NOT_FOUND."
            ),
        ],
    ) -> AsyncGenerator[EnvironmentSessionNode, None]:
        async for value in _values(info, "sessionUpdated", {"id": id}):
            yield value

    @strawberry.subscription(description="Any of the viewer's sessions, at each of its changes.")
    async def my_sessions(self, info: Info) -> AsyncGenerator[EnvironmentSessionNode, None]:
        async for value in _values(info, "mySessions", {}):
            yield value

    @strawberry.subscription(
        description="The viewer's new notifications: review decisions, a session about to "
        "expire, budget warnings (admins)."
    )
    async def notifications(self, info: Info) -> AsyncGenerator[NotificationNode, None]:
        async for value in _values(info, "notifications", {}):
            yield value

    @strawberry.subscription(
        description="Active sessions and users, sessions per state, spend against budget: "
        "the current value first, then on change, at most once a second. Admins only."
    )
    async def platform_activity(self, info: Info) -> AsyncGenerator[PlatformActivity, None]:
        async for value in _values(info, "platformActivity", {}):
            yield value

    @strawberry.subscription(
        description="The top of an event's board: the current value first, then at most "
        "once a second after a change (a solve, a registration leaving, a status change). "
        "While the event is frozen it stays as at the freeze, except for its organisers "
        "asking for the truth. Whoever sees the event may subscribe."
    )
    async def event_leaderboard(
        self,
        info: Info,
        event_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="An Event ID; unknown or hidden ones are NOT_FOUND."),
        ],
        top: Annotated[
            int, strawberry.argument(description="How many entries from the top: 1 to 100.")
        ] = 10,
        truth: Truth = False,
    ) -> AsyncGenerator[EventLeaderboardUpdate, None]:
        arguments = {"eventId": event_id, "top": top, "truth": truth}
        async for value in _values(info, "eventLeaderboard", arguments):
            yield value

    @strawberry.subscription(
        description="Each solve of an event as it happens, with its blood. While the event "
        "is frozen, only its organisers receive the solves made after the freeze."
    )
    async def event_solves(
        self,
        info: Info,
        event_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="An Event ID; unknown or hidden ones are NOT_FOUND."),
        ],
    ) -> AsyncGenerator[EventSolveNode, None]:
        async for value in _values(info, "eventSolves", {"eventId": event_id}):
            yield value

    @strawberry.subscription(
        description="A creator test run: its status and checks at every change, the "
        "current value first. Completes after the value showing its verdict (PASSED, "
        "FAILED, CANCELLED). The version's author and admins only."
    )
    async def test_run_updated(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="A VersionTestRun ID; unknown or hidden ones are NOT_FOUND."
            ),
        ],
    ) -> AsyncGenerator[VersionTestRunNode, None]:
        async for value in _values(info, "testRunUpdated", {"id": id}):
            yield value
