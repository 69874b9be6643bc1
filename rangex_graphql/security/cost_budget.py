"""Cost budgets: the cost points a viewer (or an anonymous client address) may spend per
minute, counted in fixed one-minute windows aligned on the clock.

An operation is charged its cost when it starts. One that costs more than what is left in
the current window is refused, charged nothing, and told how many seconds remain until
the window ends (``retry_after``). Fixed windows allow up to twice the budget across a
window boundary; they keep one counter per client, which makes them cheap in memory and
in Redis.

The counters are ``limits`` fixed-window counters on a ``limits`` async storage, like the
login throttle's and the rate limits' (``throttle.py``, ``rate_limits.py``): one counter
per client and window, the window's number part of the counter's key, so the budget's
clock decides the window (tests move it by hand). A charge adds its cost in one storage
call; one that went over the budget is taken back at once (a concurrent operation of the
same client may see the sum in between and be refused too).

- ``MemoryBudget``: one process (the default). Holds the counters of the current window
  only, dropped whole when the window ends, and at most ``max_keys`` of them (the oldest
  goes first, forgetting what that client spent: a flood of new addresses cannot grow
  memory).
- ``RedisBudget``: shared by every replica (``redis_url``), on the runtime's Redis pool.
  Counters expire a window after they were made. When Redis fails the operation is let
  through (logged once per window): the budget protects capacity, and ``max_query_cost``
  still bounds each operation.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from limits import RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, Storage
from limits.errors import StorageError
from redis.exceptions import RedisError

from ..redis_pool import limits_storage, redis_client

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from ..settings import Settings

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60
DEFAULT_MAX_KEYS = 100_000
REDIS_KEY_PREFIX = "rangex:cost-budget"

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Charge:
    """``allowed`` (and charged), or refused with whole ``retry_after`` seconds (>= 1).

    ``remaining`` is what is left in the window after this charge; None when the budget
    could not be checked (Redis unavailable).
    """

    allowed: bool
    remaining: int | None
    retry_after: int = 0


class CostBudget:
    """``per_window`` points per client and window on one ``limits`` storage."""

    def __init__(
        self,
        storage: Storage,
        per_window: int,
        *,
        window_seconds: int = WINDOW_SECONDS,
        clock: Clock = time.time,
    ) -> None:
        if per_window < 1 or window_seconds < 1:
            raise ValueError("a cost budget needs per_window >= 1 and window_seconds >= 1")
        self.storage = storage
        self.per_window = per_window
        self.window_seconds = window_seconds
        self.clock = clock
        self._item = RateLimitItemPerSecond(per_window, window_seconds, namespace="cost-budget")

    async def charge(self, key: str, cost: int) -> Charge:
        now = self.clock()
        window = int(now // self.window_seconds)
        counter = self._item.key_for(key, str(window))
        try:
            await self._entering(window)
            spent = await self._add(counter, cost)
        except (StorageError, RedisError, OSError) as error:
            self._unchecked(window, error)
            return Charge(True, None)
        if spent + cost > self.per_window:
            retry_after = max(1, math.ceil((window + 1) * self.window_seconds - now))
            return Charge(False, max(0, self.per_window - spent), retry_after)
        return Charge(True, self.per_window - spent - cost)

    async def _add(self, counter: str, cost: int) -> int:
        """Charge ``cost`` unless that passes the budget; what was spent before."""
        if cost <= 0:
            return await self.storage.get(counter)
        total = await self.storage.incr(counter, self._item.get_expiry(), amount=cost)
        if total > self.per_window:
            await self.storage.incr(counter, self._item.get_expiry(), amount=-cost)
        return total - cost

    async def _entering(self, window: int) -> None:
        """Called before each charge with its window."""

    def _unchecked(self, window: int, error: BaseException) -> None:
        raise error

    async def aclose(self) -> None:
        return None


class CappedMemoryStorage(MemoryStorage):
    """``limits``' memory storage holding at most ``max_keys`` counters: a new one evicts
    the oldest."""

    # No URI scheme of its own (limits registers every subclass that names one).
    STORAGE_SCHEME: list[str] = []  # noqa: RUF012 (typed as on the base class)

    def __init__(self, max_keys: int) -> None:
        super().__init__(wrap_exceptions=True)
        self.max_keys = max_keys

    async def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        if key not in self.storage and len(self.storage) >= self.max_keys:
            await self.clear(next(iter(self.storage)))
        return await super().incr(key, expiry, amount)


class MemoryBudget(CostBudget):
    def __init__(
        self,
        per_window: int,
        *,
        window_seconds: int = WINDOW_SECONDS,
        clock: Clock = time.time,
        max_keys: int = DEFAULT_MAX_KEYS,
    ) -> None:
        self.memory = CappedMemoryStorage(max_keys)
        super().__init__(self.memory, per_window, window_seconds=window_seconds, clock=clock)
        self._window = -1

    def __len__(self) -> int:
        """Counters held now."""
        return len(self.memory.storage)

    async def _entering(self, window: int) -> None:
        if window != self._window:
            self._window = window
            await self.memory.reset()


class RedisBudget(CostBudget):
    def __init__(
        self,
        client: Redis,
        per_window: int,
        *,
        window_seconds: int = WINDOW_SECONDS,
        clock: Clock = time.time,
        key_prefix: str = REDIS_KEY_PREFIX,
        owns_client: bool = True,
    ) -> None:
        super().__init__(
            limits_storage(client, key_prefix),
            per_window,
            window_seconds=window_seconds,
            clock=clock,
        )
        self.client = client
        self.key_prefix = key_prefix
        self.owns_client = owns_client
        self._warned_window = -1

    @classmethod
    def from_url(cls, url: str, per_window: int, **options: Any) -> RedisBudget:
        return cls(redis_client(url), per_window, **options)

    def _unchecked(self, window: int, error: BaseException) -> None:
        if self._warned_window != window:
            self._warned_window = window
            log.warning("cost budget unchecked, Redis failed: %s", type(error).__name__)

    async def aclose(self) -> None:
        """Closes the client when the budget was given it to own (``from_url``)."""
        if self.owns_client:
            await self.client.aclose()


def build_cost_budget(
    settings: Settings, *, redis: Redis | None = None, clock: Clock = time.time
) -> CostBudget | None:
    """On ``redis`` (the runtime's pool, shared by the replicas) when given, else on a
    client of its own when ``redis_url`` is set, else memory; None when
    ``cost_budget_per_minute`` is 0 (no budget)."""
    per_minute = settings.cost_budget_per_minute
    if per_minute == 0:
        return None
    if redis is not None:
        return RedisBudget(redis, per_minute, clock=clock, owns_client=False)
    if settings.redis_url:
        return RedisBudget.from_url(settings.redis_url, per_minute, clock=clock)
    return MemoryBudget(per_minute, clock=clock)
