"""One asyncio lock per session in this process: its engine calls happen one at a time.

The compare-and-set on the row decides between replicas; inside one process the lock
keeps the engine's calls in the order the row's transitions were won, so a pause can
never reach the engine after the destroy that followed it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import UUID

_locks: dict[UUID, asyncio.Lock] = {}
_holders: dict[UUID, int] = {}


@asynccontextmanager
async def session_lock(session_id: UUID) -> AsyncIterator[None]:
    lock = _locks.setdefault(session_id, asyncio.Lock())
    _holders[session_id] = _holders.get(session_id, 0) + 1
    try:
        async with lock:
            yield
    finally:
        _holders[session_id] -= 1
        if not _holders[session_id]:
            del _holders[session_id]
            del _locks[session_id]
