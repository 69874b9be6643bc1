"""The broker the settings ask for: Redis when ``RANGEX_REDIS_URL`` is set (several
replicas), else in process memory."""

from __future__ import annotations

from ..settings import Settings
from .memory import MemoryBroker
from .protocol import Broker


def build_broker(settings: Settings) -> Broker:
    if settings.redis_url:
        from .redis import RedisBroker

        return RedisBroker(
            settings.redis_url,
            reconnect_delays=settings.broker_reconnect_seconds,
            timeout=settings.redis_timeout_seconds,
        )
    return MemoryBroker()
