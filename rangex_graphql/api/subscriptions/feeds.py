"""What each subscription field listens to and what it reads at each event.

A feed opens once per subscriber (authorize, name the broker topics, say who may share
an execution with whom) and loads the field's value at each event, with the fresh
loaders of that event's context.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any
from uuid import UUID

from ...broker.protocol import MISSED, PLATFORM_TOPIC, Message, topic_for_session, topic_for_user
from ...models import EnvironmentSession, Notification
from ...services.sessions.transitions import FINAL_STATES
from ..context import Context, Viewer
from ..errors import Forbidden, NotFound
from ..ids import expect_global_id
from ..notification.types import NotificationNode
from ..session.types import EnvironmentSessionNode, sessions_by_id
from ..testrun.feed import TestRunUpdated
from .activity import platform_activity
from .event_feeds import EventLeaderboardFeed, EventSolvesFeed
from .feed_base import ADMINS, Feed, Opened, SnapshotFeed, signed_in, viewer_audience

# The base of every feed lives in feed_base.py (event_feeds.py builds on it too); the
# rest of the package keeps importing it from here.
__all__ = ["ADMINS", "Feed", "Opened", "feeds_for", "signed_in", "viewer_audience"]

# A notification is published when written, possibly before its transaction commits:
# the reader waits this long, in steps, for the row to appear (never for a rollback).
NOTIFICATION_COMMIT_WAITS = (0.0, 0.02, 0.1, 0.5, 1.5)


class SessionUpdated(Feed):
    field_name = "sessionUpdated"
    emits_on_subscribe = True
    resyncs_on_missed = True

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        viewer = signed_in(viewer)
        pk = expect_global_id(str(arguments["id"]), "EnvironmentSession")
        owners = await EnvironmentSession.filter(id=pk).values_list("user_id", flat=True)
        if not owners or not (viewer.is_admin or owners[0] == viewer.id):
            raise NotFound("no session with this ID is visible to you", field="id")
        audience = ADMINS if viewer.is_admin and neutral else viewer_audience(viewer)
        return Opened(topics=(topic_for_session(pk),), audience=audience, subject=pk)

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        assert opened.subject is not None
        return await context.loader(sessions_by_id).load(opened.subject)

    def is_final(self, value: object) -> bool:
        # A session in a final state never changes again: the subscription completes.
        return isinstance(value, EnvironmentSessionNode) and value.state in FINAL_STATES


class MySessions(Feed):
    field_name = "mySessions"

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        viewer = signed_in(viewer)
        return Opened(topics=(topic_for_user(viewer.id),), audience=viewer_audience(viewer))

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        if message is None or context.viewer is None:
            return None
        session = await context.loader(sessions_by_id).load(_uuid(message.get("sessionId")))
        if session is None or session.user_id != context.viewer.id or session.is_test:
            return None  # test runs stream on testRunUpdated
        return session


class Notifications(Feed):
    field_name = "notifications"

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        viewer = signed_in(viewer)
        return Opened(topics=(topic_for_user(viewer.id),), audience=viewer_audience(viewer))

    def wants(self, message: Message) -> bool:
        return message.get("type") == "notification"

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        if message is None or context.viewer is None:
            return None
        pk = _uuid(message.get("notificationId"))
        for delay in NOTIFICATION_COMMIT_WAITS:
            await asyncio.sleep(delay)
            rows = await Notification.filter(id=pk, user_id=context.viewer.id).values(
                *NotificationNode.columns()
            )
            if rows:
                return NotificationNode.from_row(rows[0])
        return None


class PlatformActivityFeed(SnapshotFeed):
    field_name = "platformActivity"

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        viewer = signed_in(viewer)
        if not viewer.is_admin:
            raise Forbidden("platformActivity is for admins")
        return Opened(topics=(PLATFORM_TOPIC,), audience=ADMINS)

    def wants(self, message: Message) -> bool:
        return message.get("type") != MISSED

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        return await platform_activity(context.settings)


def _uuid(value: object) -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        return UUID(int=0)


def feeds_for(platform_interval: float) -> dict[str, Feed]:
    feeds: list[Feed] = [
        SessionUpdated(),
        MySessions(),
        Notifications(),
        PlatformActivityFeed(platform_interval),
        EventLeaderboardFeed(),
        EventSolvesFeed(),
        TestRunUpdated(),
    ]
    return {feed.field_name: feed for feed in feeds}
