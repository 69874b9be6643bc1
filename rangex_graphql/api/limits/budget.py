"""Cost budgets: the cost points a viewer (or an anonymous client address) may spend per
minute, counted in fixed one-minute windows aligned on the clock.

An operation is charged its cost when it starts. One that costs more than what is left in
the current window is refused, charged nothing, and told how many seconds remain until
the window ends (``retry_after``). Fixed windows allow up to twice the budget across a
window boundary; they keep one counter per client, which makes them cheap in memory and
in Redis.

Two backends behind ``CostBudget``:

- ``MemoryBudget``: one process (the default). Holds the counters of the current window
  only, dropped whole when the window ends, and at most ``max_keys`` of them (the oldest
  goes first, forgetting what that client spent: a flood of new addresses cannot grow
  memory).
- ``RedisBudget``: shared by every replica (``redis_url``). One key per client and window,
  expiring after two windows; a Lua script checks and charges atomically. When Redis
  fails the operation is let through (logged once per window): the budget protects
  capacity, and ``max_query_cost`` still bounds each operation.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from ...settings import Settings

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60
DEFAULT_MAX_KEYS = 100_000
REDIS_KEY_PREFIX = "rangex:cost-budget:"
REDIS_TIMEOUT_SECONDS = 1.0

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


class CostBudget(Protocol):
    per_window: int

    async def charge(self, key: str, cost: int) -> Charge: ...

    async def aclose(self) -> None: ...


class _Windows:
    """Which fixed window a moment falls in, and how long until it ends."""

    def __init__(self, per_window: int, window_seconds: int, clock: Clock) -> None:
        if per_window < 1 or window_seconds < 1:
            raise ValueError("a cost budget needs per_window >= 1 and window_seconds >= 1")
        self.per_window = per_window
        self.window_seconds = window_seconds
        self.clock = clock

    def now(self) -> tuple[float, int]:
        now = self.clock()
        return now, int(now // self.window_seconds)

    def retry_after(self, now: float, window: int) -> int:
        return max(1, math.ceil((window + 1) * self.window_seconds - now))

    def decide(self, spent: int, cost: int, now: float, window: int) -> Charge:
        if spent + cost > self.per_window:
            return Charge(False, max(0, self.per_window - spent), self.retry_after(now, window))
        return Charge(True, self.per_window - spent - cost)


class MemoryBudget(_Windows):
    def __init__(
        self,
        per_window: int,
        *,
        window_seconds: int = WINDOW_SECONDS,
        clock: Clock = time.time,
        max_keys: int = DEFAULT_MAX_KEYS,
    ) -> None:
        super().__init__(per_window, window_seconds, clock)
        self.max_keys = max_keys
        self._window = -1
        self._spent: dict[str, int] = {}

    def __len__(self) -> int:
        """Counters held now."""
        return len(self._spent)

    async def charge(self, key: str, cost: int) -> Charge:
        now, window = self.now()
        if window != self._window:
            self._window, self._spent = window, {}
        spent = self._spent.get(key, 0)
        decision = self.decide(spent, cost, now, window)
        if decision.allowed and cost > 0:
            if key not in self._spent and len(self._spent) >= self.max_keys:
                del self._spent[next(iter(self._spent))]
            self._spent[key] = spent + cost
        return decision

    async def aclose(self) -> None:
        return None


# Charge ARGV[1] points to KEYS[1] unless that passes ARGV[2]; {charged, spent before}.
CHARGE_SCRIPT = """
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[1])
if spent + cost > tonumber(ARGV[2]) then
  return {0, spent}
end
redis.call('INCRBY', KEYS[1], cost)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return {1, spent}
"""


class RedisBudget(_Windows):
    def __init__(
        self,
        client: aioredis.Redis,
        per_window: int,
        *,
        window_seconds: int = WINDOW_SECONDS,
        clock: Clock = time.time,
        key_prefix: str = REDIS_KEY_PREFIX,
    ) -> None:
        super().__init__(per_window, window_seconds, clock)
        self.client = client
        self.key_prefix = key_prefix
        self._script = client.register_script(CHARGE_SCRIPT)
        self._warned_window = -1

    @classmethod
    def from_url(cls, url: str, per_window: int, **options: Any) -> RedisBudget:
        client = aioredis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        return cls(client, per_window, **options)

    async def charge(self, key: str, cost: int) -> Charge:
        now, window = self.now()
        redis_key = f"{self.key_prefix}{key}:{window}"
        try:
            _charged, spent = await self._script(
                keys=[redis_key], args=[cost, self.per_window, 2 * self.window_seconds]
            )
        except (RedisError, OSError) as error:
            if self._warned_window != window:
                self._warned_window = window
                log.warning("cost budget unchecked, Redis failed: %s", type(error).__name__)
            return Charge(True, None)
        # The script compared the same numbers: it charged exactly when this allows.
        return self.decide(int(spent), cost, now, window)

    async def aclose(self) -> None:
        await self.client.aclose()


def build_cost_budget(settings: Settings, *, clock: Clock = time.time) -> CostBudget | None:
    """Redis when ``redis_url`` is set (shared by replicas), else memory; None when
    ``cost_budget_per_minute`` is 0 (no budget)."""
    per_minute = settings.cost_budget_per_minute
    if per_minute == 0:
        return None
    if settings.redis_url:
        return RedisBudget.from_url(settings.redis_url, per_minute, clock=clock)
    return MemoryBudget(per_minute, clock=clock)
