"""Reaching the Redis server tests run against."""

from __future__ import annotations

import redis
from redis.exceptions import RedisError


def redis_reachable(url: str) -> str | None:
    """None when Redis at ``url`` answers PING, else what went wrong."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        try:
            client.ping()
        finally:
            client.close()
    except (RedisError, OSError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None
