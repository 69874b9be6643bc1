"""Revoked sign-in sessions shared by every replica, without a database read per request.

Revoking a session (sign-out, refresh-token reuse, sign-out everywhere, a suspension)
adds its ``sid`` to this process's set at once and publishes it on the broker; each
replica's listener adds what the others publish. When a listener starts, or learns that
messages went past it (the Redis connection dropped: a ``missed`` message), it reads the
revocations still relevant from the refresh-token table. An entry is kept for as long as
an access token issued before the revocation could live.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from uuid import UUID

from ..broker import Broker
from ..broker.protocol import MISSED
from ..models import RefreshToken
from ..security.revocation import RevokedSessions
from ..settings import Settings

log = logging.getLogger(__name__)

REVOCATION_TOPIC = "auth:revocations"
REVOKED = "revoked"
# Replicas' clocks differ a little: keep entries this much longer than a token lives.
CLOCK_SLACK_SECONDS = 60


class SessionRevocations:
    def __init__(self, settings: Settings, broker: Broker) -> None:
        self.revoked = RevokedSessions()
        self._broker = broker
        self._keep_seconds = settings.access_token_minutes * 60 + CLOCK_SLACK_SECONDS
        # Set once the listener receives the others' revocations and has read the table.
        self.listening = asyncio.Event()

    def is_revoked(self, sid: UUID | None) -> bool:
        return sid is not None and sid in self.revoked

    async def revoke(self, sids: Iterable[UUID]) -> None:
        """End the sessions' access tokens here now, and on the other replicas."""
        sids = list(dict.fromkeys(sids))
        if not sids:
            return
        until = time.time() + self._keep_seconds
        for sid in sids:
            self.revoked.add(sid, until)
        message = {"type": REVOKED, "sids": [str(sid) for sid in sids], "until": until}
        await self._broker.publish(REVOCATION_TOPIC, message)

    async def load(self) -> None:
        """Add the revocations recorded in the database whose tokens may still be alive."""
        since = datetime.now(UTC) - timedelta(seconds=self._keep_seconds)
        rows = await RefreshToken.filter(revoked_at__gte=since).values_list(
            "family_id", "revoked_at"
        )
        for family_id, revoked_at in rows:
            self.revoked.add(UUID(str(family_id)), revoked_at.timestamp() + self._keep_seconds)

    async def listen(self) -> None:
        """Follow the other replicas' revocations until cancelled (a background task)."""
        subscription = await self._broker.subscribe([REVOCATION_TOPIC], queue_size=1000)
        try:
            await self._load_logged()
            self.listening.set()
            async for message in subscription:
                if message.get("type") == MISSED:
                    await self._load_logged()
                elif message.get("type") == REVOKED:
                    self._receive(message)
        finally:
            await subscription.aclose()

    async def _load_logged(self) -> None:
        try:
            await self.load()
        except Exception:  # the database away: the next gap or restart reads again
            log.exception("revocations: reading the signed-out sessions failed")

    def _receive(self, message: dict[str, object]) -> None:
        try:
            until = float(str(message["until"]))
            sids = [UUID(str(sid)) for sid in message["sids"]]  # type: ignore[attr-defined]
        except (KeyError, TypeError, ValueError):
            log.warning("revocations: malformed message ignored: %r", message)
            return
        for sid in sids:
            self.revoked.add(sid, until)
