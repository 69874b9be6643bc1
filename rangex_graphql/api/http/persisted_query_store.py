"""Where automatic persisted queries are kept: GraphQL documents by their SHA-256 hash.

Two backends behind ``DocumentStore``:

- ``MemoryDocumentStore``: one process (the default). Least recently used first out, at
  most ``max_documents`` documents and ``max_bytes`` of them (UTF-8), so a flood of new
  documents cannot grow memory.
- ``RedisDocumentStore``: shared by every replica (``redis_url``), on the runtime's Redis
  pool (``redis_pool.py``) when the app has one. One key per document,
  expiring ``ttl_seconds`` after its last use. When Redis fails, a lookup misses and a
  store is skipped (logged): the client then sends the document again, which still runs.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from ...settings import Settings

log = logging.getLogger(__name__)

REDIS_KEY_PREFIX = "rangex:persisted-query:"
REDIS_TIMEOUT_SECONDS = 1.0


class DocumentStore(Protocol):
    async def get(self, sha256_hash: str) -> str | None: ...

    async def put(self, sha256_hash: str, document: str) -> None: ...

    async def aclose(self) -> None: ...


class MemoryDocumentStore:
    def __init__(self, max_documents: int, max_bytes: int) -> None:
        self.max_documents = max_documents
        self.max_bytes = max_bytes
        self._documents: OrderedDict[str, tuple[str, int]] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._documents)

    @property
    def size_bytes(self) -> int:
        return self._bytes

    async def get(self, sha256_hash: str) -> str | None:
        found = self._documents.get(sha256_hash)
        if found is None:
            return None
        self._documents.move_to_end(sha256_hash)
        return found[0]

    async def put(self, sha256_hash: str, document: str) -> None:
        size = len(sha256_hash) + len(document.encode("utf-8"))
        if size > self.max_bytes:
            return  # never kept: it would push every other document out
        self._discard(sha256_hash)
        self._documents[sha256_hash] = (document, size)
        self._bytes += size
        while len(self._documents) > self.max_documents or self._bytes > self.max_bytes:
            self._discard(next(iter(self._documents)))

    def _discard(self, sha256_hash: str) -> None:
        found = self._documents.pop(sha256_hash, None)
        if found is not None:
            self._bytes -= found[1]

    async def aclose(self) -> None:
        self._documents.clear()
        self._bytes = 0


class RedisDocumentStore:
    def __init__(
        self,
        client: aioredis.Redis,
        ttl_seconds: int,
        key_prefix: str = REDIS_KEY_PREFIX,
        *,
        owns_client: bool = True,
    ) -> None:
        self.client = client
        self.ttl_seconds = ttl_seconds
        self.key_prefix = key_prefix
        self.owns_client = owns_client

    @classmethod
    def from_url(
        cls, url: str, ttl_seconds: int, key_prefix: str = REDIS_KEY_PREFIX
    ) -> RedisDocumentStore:
        client = aioredis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        return cls(client, ttl_seconds, key_prefix)

    async def get(self, sha256_hash: str) -> str | None:
        try:
            # GETEX renews the expiry: a document in use stays.
            value = await self.client.getex(self.key_prefix + sha256_hash, ex=self.ttl_seconds)
        except (RedisError, OSError) as error:
            log.warning("persisted query lookup failed, Redis: %s", type(error).__name__)
            return None
        if value is None:
            return None
        return value.decode("utf-8") if isinstance(value, bytes) else str(value)

    async def put(self, sha256_hash: str, document: str) -> None:
        try:
            await self.client.set(self.key_prefix + sha256_hash, document, ex=self.ttl_seconds)
        except (RedisError, OSError) as error:
            log.warning("persisted query not stored, Redis: %s", type(error).__name__)

    async def aclose(self) -> None:
        """Closes the client unless it was lent (the runtime's, closed by the runtime)."""
        if self.owns_client:
            await self.client.aclose()


def build_document_store(
    settings: Settings, *, redis: aioredis.Redis | None = None
) -> DocumentStore:
    """Redis when ``redis_url`` is set (shared by the replicas): on ``redis`` (the
    runtime's pool) when given; else this process's memory."""
    if redis is not None:
        return RedisDocumentStore(redis, settings.persisted_queries_ttl_seconds, owns_client=False)
    if settings.redis_url:
        return RedisDocumentStore.from_url(
            settings.redis_url, settings.persisted_queries_ttl_seconds
        )
    return MemoryDocumentStore(
        settings.persisted_queries_cache_size, settings.persisted_queries_cache_bytes
    )
