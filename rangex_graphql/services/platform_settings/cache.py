"""Each replica's in-memory copy of the run-time settings.

Requests read :attr:`PlatformSettingsCache.current`, never the database. A change is
committed, taken into this replica's copy at once and announced on the broker with its
version; every replica's listener (:meth:`follow`) re-reads the record when a message names
a version other than its own, or when the broker says messages went past it. A fallback
loop (:meth:`refresh_periodically`) re-reads every ``platform_settings_refresh_seconds``
as well, so a replica that missed a message anyway converges within that interval. Until
the first read (or without a record) the values are the environment's defaults.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from tortoise.exceptions import IntegrityError

from ...broker import Broker
from ...broker.protocol import MISSED
from ...models import PlatformSettingsRecord
from ...models.platform_settings import RECORD_ID
from ...settings import Settings
from .values import PlatformValues, from_record, from_settings, record_fields

log = logging.getLogger(__name__)

SETTINGS_TOPIC = "platform:settings"
CHANGED = "changed"


async def ensure_record(settings: Settings) -> None:
    """Create the record from the environment's defaults unless it exists (a replica
    starting at the same moment may win: then its row stands)."""
    if await PlatformSettingsRecord.exists(id=RECORD_ID):
        return
    defaults = record_fields(from_settings(settings))
    defaults["version"] = 1
    with contextlib.suppress(IntegrityError):
        await PlatformSettingsRecord.create(id=RECORD_ID, **defaults)


class PlatformSettingsCache:
    def __init__(self, settings: Settings, broker: Broker) -> None:
        self._settings = settings
        self._broker = broker
        self._current = from_settings(settings)
        # Set once the listener is subscribed and has read the record.
        self.following = asyncio.Event()

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def current(self) -> PlatformValues:
        return self._current

    def accept(self, values: PlatformValues) -> None:
        """Take the values a change on this replica committed."""
        if values.version >= self._current.version:
            self._current = values

    async def load(self) -> None:
        """Create the record if it is missing, then read it (at start-up)."""
        await ensure_record(self._settings)
        await self.reload()

    async def reload(self) -> None:
        before = self._current
        record = await PlatformSettingsRecord.get_or_none(id=RECORD_ID)
        values = from_record(record) if record is not None else from_settings(self._settings)
        # A change accepted while this read was under way is newer than what it read.
        if self._current is before or values.version >= self._current.version:
            self._current = values

    async def announce(self, version: int) -> None:
        await self._broker.publish(SETTINGS_TOPIC, {"type": CHANGED, "version": version})

    async def follow(self) -> None:
        """Re-read on every other replica's change until cancelled (a background task)."""
        subscription = await self._broker.subscribe([SETTINGS_TOPIC], queue_size=100)
        try:
            await self._reload_logged()
            self.following.set()
            async for message in subscription:
                kind = message.get("type")
                if kind == MISSED or (
                    kind == CHANGED and message.get("version") != self._current.version
                ):
                    await self._reload_logged()
        finally:
            await subscription.aclose()

    async def refresh_periodically(self) -> None:
        """Re-read every refresh interval until cancelled: the fallback for lost messages."""
        while True:
            await asyncio.sleep(self._settings.platform_settings_refresh_seconds)
            await self._reload_logged()

    async def _reload_logged(self) -> None:
        try:
            await self.reload()
        except Exception:  # the database away: the next message or interval reads again
            log.exception("platform settings: reading the record failed")
