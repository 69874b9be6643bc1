"""What every subscription feed is: it opens once per subscriber (authorize, name the
broker topics, say who may share an execution with whom) and loads the field's value at
each event. The feeds themselves live in ``feeds.py`` and ``event_feeds.py``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ...broker.protocol import Message
from ..context import Context, Viewer
from ..errors import Unauthenticated


@dataclass(frozen=True, slots=True)
class Opened:
    topics: tuple[str, ...]
    audience: tuple[str, ...]  # who may share an execution: one viewer, or every admin
    subject: UUID | None = None


def viewer_audience(viewer: Viewer) -> tuple[str, ...]:
    scopes = ",".join(sorted(s.value for s in viewer.scopes)) if viewer.scopes else "-"
    return ("viewer", str(viewer.id), viewer.role.value, scopes)


ADMINS = ("admins",)


def signed_in(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise Unauthenticated("sign in (send a token in connection_init) to subscribe")
    return viewer


class Feed:
    field_name = ""
    emits_on_subscribe = False  # send the current value when a subscriber joins
    resyncs_on_missed = False  # after a gap, send the current value at once
    min_interval = 0.0  # seconds between two results at least

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        raise NotImplementedError

    def wants(self, message: Message) -> bool:
        return message.get("type") == "session"

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        raise NotImplementedError

    def is_final(self, value: object) -> bool:
        """Whether ``value`` is the last this subscription will ever send."""
        return False


class SnapshotFeed(Feed):
    """A feed whose value is a whole snapshot (a board, the platform's activity): sent
    when a subscriber joins and at once after a gap, then at most every ``min_interval``
    seconds, however many events arrive."""

    emits_on_subscribe = True
    resyncs_on_missed = True

    def __init__(self, min_interval: float = 1.0) -> None:
        self.min_interval = min_interval
