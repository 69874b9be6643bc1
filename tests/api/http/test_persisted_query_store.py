"""The stores of automatic persisted queries: bounded memory, and Redis."""

from __future__ import annotations

import logging
import socket

import pytest

from rangex_graphql.api.http.persisted_query_store import (
    MemoryDocumentStore,
    RedisDocumentStore,
    build_document_store,
)
from rangex_graphql.settings import Settings


async def test_memory_keeps_at_most_its_count_least_recently_used_out_first() -> None:
    store = MemoryDocumentStore(max_documents=2, max_bytes=10_000)
    await store.put("a", "{ a }")
    await store.put("b", "{ b }")
    assert await store.get("a") == "{ a }"  # now "b" is the least recently used
    await store.put("c", "{ c }")
    assert await store.get("b") is None
    assert await store.get("a") == "{ a }"
    assert await store.get("c") == "{ c }"
    assert len(store) == 2


async def test_memory_keeps_at_most_its_bytes() -> None:
    store = MemoryDocumentStore(max_documents=100, max_bytes=30)
    await store.put("a", "x" * 10)  # 11 bytes with its key
    await store.put("b", "é" * 5)  # 11 bytes: UTF-8 is counted
    await store.put("c", "y" * 10)  # 33 > 30: "a" goes
    assert await store.get("a") is None
    assert await store.get("b") == "é" * 5
    assert store.size_bytes == 22


async def test_memory_never_keeps_a_document_larger_than_all_it_may_hold() -> None:
    store = MemoryDocumentStore(max_documents=100, max_bytes=30)
    await store.put("a", "{ a }")
    await store.put("huge", "z" * 100)
    assert await store.get("huge") is None
    assert await store.get("a") == "{ a }"


async def test_memory_replacing_a_document_counts_it_once() -> None:
    store = MemoryDocumentStore(max_documents=10, max_bytes=1000)
    await store.put("a", "{ a }")
    await store.put("a", "{ a }")
    assert len(store) == 1
    assert store.size_bytes == len("a") + len("{ a }")


def test_redis_is_used_when_configured() -> None:
    store = build_document_store(Settings(redis_url="redis://127.0.0.1:1/0"))
    assert isinstance(store, RedisDocumentStore)
    memory = build_document_store(
        Settings(persisted_queries_cache_size=7, persisted_queries_cache_bytes=4096)
    )
    assert isinstance(memory, MemoryDocumentStore)
    assert (memory.max_documents, memory.max_bytes) == (7, 4096)


async def test_redis_keys_expire_and_a_read_renews_them(redis_url: str) -> None:
    store = RedisDocumentStore.from_url(redis_url, ttl_seconds=50, key_prefix="rangex:test-pq:")
    try:
        await store.put("h1", "{ a }")
        await store.client.expire("rangex:test-pq:h1", 5)
        assert await store.get("h1") == "{ a }"
        assert 5 < await store.client.ttl("rangex:test-pq:h1") <= 50
        assert await store.get("missing") is None
    finally:
        await store.client.delete("rangex:test-pq:h1")
        await store.aclose()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_an_unreachable_redis_is_a_miss_not_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = RedisDocumentStore.from_url(f"redis://127.0.0.1:{closed_port()}/0", ttl_seconds=60)
    try:
        with caplog.at_level(logging.WARNING):
            await store.put("h1", "{ a }")
            assert await store.get("h1") is None
    finally:
        await store.aclose()
    assert "persisted query" in caplog.text
