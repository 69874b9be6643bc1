"""The process's Redis connections: one client (one connection pool) per runtime, made
here from the settings, and shared by the login throttle, the rate limits, the cost budget
and the persisted query store. Each of them keeps its own key prefix.

``limits``' storages are put on the same pool (``limits_storage``): ``limits`` builds a
redis-py client of its own around the pool it is given, which does not close the pool;
the runtime closes it once, after everyone using it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from limits.aio.storage import RedisStorage
from redis.asyncio import Redis

if TYPE_CHECKING:
    from .settings import Settings

# Connect and read timeout of one command: a stalled Redis answers nothing within this,
# and each user then does what it does when Redis is away (fail open or closed). The
# runtime's client takes RANGEX_REDIS_TIMEOUT_SECONDS (the same default).
REDIS_TIMEOUT_SECONDS = 1.0

_SCHEMES = ("redis://", "rediss://", "unix://")


def redis_client(url: str, timeout: float = REDIS_TIMEOUT_SECONDS) -> Redis:
    """A client with a connection pool of its own for a ``redis://``, ``rediss://`` or
    ``unix://`` URL."""
    if not url.startswith(_SCHEMES):
        raise ValueError(f"unsupported Redis URL {url!r}: use redis://, rediss://, unix://")
    return Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
    )


def build_redis(settings: Settings) -> Redis | None:
    """The runtime's Redis client, None when ``redis_url`` is not set (one process)."""
    if not settings.redis_url:
        return None
    return redis_client(settings.redis_url, settings.redis_timeout_seconds)


def limits_storage(client: Redis, key_prefix: str) -> RedisStorage:
    """``limits``' async Redis storage on ``client``'s connection pool; storage failures
    raise ``limits.errors.StorageError``."""
    # Typed as scalars in limits, but handed to redis-py's ``Redis(connection_pool=...)``.
    pool: dict[str, Any] = {"connection_pool": client.connection_pool}
    return RedisStorage(
        "async+redis://",
        implementation="redispy",
        key_prefix=key_prefix,
        wrap_exceptions=True,
        **pool,
    )
