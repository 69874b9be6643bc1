"""Pieces the drivers share: per-session locks, the /24 allocator, event subscriptions."""

from __future__ import annotations

import asyncio
import ipaddress
import weakref
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Generic, TypeVar

#: Where session networks come from (the domain: a /24 per session from 172.16.0.0/12).
DEFAULT_SUBNET_POOL = "172.16.0.0/12"

T = TypeVar("T")


class SessionLocks:
    """One asyncio lock per session id, dropped once nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    @asynccontextmanager
    async def hold(self, session_id: str) -> AsyncIterator[None]:
        lock = self._locks.get(session_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[session_id] = lock
        async with lock:
            yield


def first_free_subnet(
    pool: ipaddress.IPv4Network,
    used: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network],
    prefix: int = 24,
) -> ipaddress.IPv4Network | None:
    """The lowest /``prefix`` of ``pool`` overlapping none of ``used``, or None."""
    taken = sorted(
        (n for n in used if isinstance(n, ipaddress.IPv4Network) and n.overlaps(pool)),
        key=lambda n: int(n.network_address),
    )
    for candidate in pool.subnets(new_prefix=prefix):
        if not any(candidate.overlaps(n) for n in taken):
            return candidate
    return None


def local_routes(path: Path = Path("/proc/net/route")) -> list[ipaddress.IPv4Network]:
    """The IPv4 networks this host routes to (not the default route); [] when unknown."""
    try:
        lines = path.read_text().splitlines()[1:]
    except OSError:
        return []
    routes: list[ipaddress.IPv4Network] = []
    for line in lines:
        fields = line.split()
        if len(fields) < 8:
            continue
        try:
            dest = int(fields[1], 16)
            mask = int(fields[7], 16)
        except ValueError:
            continue
        if mask == 0:
            continue
        # /proc/net/route prints addresses in host (little-endian) byte order.
        address = ipaddress.IPv4Address(int.from_bytes(dest.to_bytes(4, "little"), "big"))
        netmask = ipaddress.IPv4Address(int.from_bytes(mask.to_bytes(4, "little"), "big"))
        routes.append(ipaddress.IPv4Network(f"{address}/{netmask}", strict=False))
    return routes


class Fanout(Generic[T]):
    """Hands every published item to each subscription open at the time.

    ``subscribe()`` registers at once (not at the first ``__anext__``), so nothing
    published after the call is missed. ``close()`` ends every subscription.
    """

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[T | None]] = set()
        self._closed = False

    def publish(self, item: T) -> None:
        for queue in self._queues:
            queue.put_nowait(item)

    def subscribe(self) -> AsyncIterator[T]:
        queue: asyncio.Queue[T | None] = asyncio.Queue()
        if self._closed:
            queue.put_nowait(None)
        else:
            self._queues.add(queue)
        return self._drain(queue)

    async def _drain(self, queue: asyncio.Queue[T | None]) -> AsyncIterator[T]:
        try:
            while (item := await queue.get()) is not None:
                yield item
        finally:
            self._queues.discard(queue)

    def close(self) -> None:
        self._closed = True
        for queue in self._queues:
            queue.put_nowait(None)
        self._queues.clear()
