"""Brute-force protection for logins: per-account lock-out and per-client-address limits.

Three moving-window limits (``limits``' moving window: the last N events within the
window, no fixed-window burst at the boundary):

- **account**: at most ``account_max_failures`` failed logins per ``account_window`` for
  one account; then the account is locked until the oldest failure leaves the window
  (``retry_after``). The caller names the account: its user id once the login resolves
  to a user (so its username and e-mail share one budget), else the normalized login,
  locked exactly like a real account. Other secret checks of an account (the current
  password of a password change, the code that disables MFA) use keys of their own.
- **IP failures**: at most ``ip_max_failures`` failed logins per ``ip_window`` from one
  client address, across all accounts (password spraying).
- **IP attempts**: at most ``ip_max_attempts`` login attempts per ``ip_attempt_window``
  from one client address, failed or not (a coarse flood limit).

IPv6 clients are counted per /64 (``ipv6_prefix_length``): one subscriber usually holds a
whole /64, and counting single addresses would give an attacker 2^64 fresh budgets.

The protocol, for every secret verification (password, and a second factor if the caller
wants its failures counted too)::

    decision = await throttle.check(identifier, ip)      # before any hashing
    if not decision.allowed:
        ...refuse with decision.reason and decision.retry_after; record nothing
    ok = await verify(...)
    await (throttle.record_success if ok else throttle.record_failure)(identifier, ip)

``check`` is atomic per account: an allowed check *reserves* one failure against the
account (a moving-window entry) that ``record_success`` clears and ``record_failure``
keeps. Concurrent requests therefore cannot all pass the check before the first failure
is recorded: a burst of 100 parallel guesses gets ``account_max_failures`` verifications,
not 100. A check whose outcome is never recorded (the request died) counts as a failure.

Storage is ``limits``' in-memory storage (one process) or Redis (shared by every replica;
``redis_url``), on the runtime's one Redis pool (``redis_pool.py``). Replicas must run with
the same numbers: a limit's key includes them. A storage failure raises
``ThrottleUnavailableError``: the login fails closed.
"""

from __future__ import annotations

import hashlib
import math
import time
import unicodedata
from collections.abc import Awaitable
from dataclasses import dataclass
from enum import StrEnum
from ipaddress import IPv6Address, IPv6Network, ip_address
from typing import TYPE_CHECKING, Any, TypeVar, cast

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError

from ..redis_pool import REDIS_TIMEOUT_SECONDS, limits_storage

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from rangex_graphql.settings import Settings

T = TypeVar("T")

DEFAULT_KEY_PREFIX = "rangex:login-throttle"


class ThrottleReason(StrEnum):
    ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
    IP_THROTTLED = "IP_THROTTLED"


@dataclass(frozen=True, slots=True)
class ThrottleDecision:
    """``allowed``, or refused with a ``reason`` and whole ``retry_after`` seconds (>= 1)."""

    allowed: bool
    reason: ThrottleReason | None = None
    retry_after: int = 0


ALLOWED = ThrottleDecision(allowed=True)


class ThrottleUnavailableError(RuntimeError):
    """The throttle's storage (Redis) failed; the caller should refuse the login."""


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """The limits' numbers; windows in seconds (tests use windows of a second or two)."""

    account_max_failures: int = 5
    account_window_seconds: int = 15 * 60
    ip_max_failures: int = 20
    ip_window_seconds: int = 15 * 60
    ip_max_attempts: int = 60
    ip_attempt_window_seconds: int = 60
    ipv6_prefix_length: int = 64

    def __post_init__(self) -> None:
        for name in (
            "account_max_failures",
            "account_window_seconds",
            "ip_max_failures",
            "ip_window_seconds",
            "ip_max_attempts",
            "ip_attempt_window_seconds",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if not 1 <= self.ipv6_prefix_length <= 128:
            raise ValueError("ipv6_prefix_length must be within 1..128")

    @classmethod
    def from_settings(cls, settings: Settings) -> ThrottlePolicy:
        return cls(
            account_max_failures=settings.login_account_max_failures,
            account_window_seconds=settings.login_account_window_seconds,
            ip_max_failures=settings.login_ip_max_failures,
            ip_window_seconds=settings.login_ip_window_seconds,
            ip_max_attempts=settings.login_ip_max_attempts,
            ip_attempt_window_seconds=settings.login_ip_attempt_window_seconds,
        )


def normalize_account_key(identifier: str) -> str:
    """The login identifier as the throttle counts it: NFKC, trimmed, case-folded.

    ``Alice@Example.com``, ``alice@example.com `` and a full-width spelling are one
    account, so changing the case does not buy a fresh budget.
    """
    return unicodedata.normalize("NFKC", identifier).strip().casefold()


def _account_bucket(identifier: str) -> str:
    # Hashed: the store never holds e-mail addresses, and key length and characters are
    # fixed whatever the client sends.
    digest = hashlib.sha256(normalize_account_key(identifier).encode()).hexdigest()
    return digest[:32]


def ip_bucket(ip: str, ipv6_prefix_length: int = 64) -> str:
    """The counter of a client address: IPv4 as such, IPv6 by its prefix (a /64)."""
    try:
        address = ip_address(ip.strip())
    except ValueError:
        return f"other:{ip.strip()[:100]}"  # "unknown", a test client's name...
    if isinstance(address, IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(IPv6Network((int(address), ipv6_prefix_length), strict=False))
    return str(address)


class LoginThrottle:
    """Login limits on one ``limits`` async storage (memory or Redis)."""

    def __init__(self, storage: Storage, policy: ThrottlePolicy | None = None) -> None:
        self.storage = storage
        self.policy = policy = policy or ThrottlePolicy()
        self._limiter = MovingWindowRateLimiter(storage)
        self._account = RateLimitItemPerSecond(
            policy.account_max_failures, policy.account_window_seconds, namespace="account"
        )
        self._ip_failures = RateLimitItemPerSecond(
            policy.ip_max_failures, policy.ip_window_seconds, namespace="ip-failures"
        )
        self._ip_attempts = RateLimitItemPerSecond(
            policy.ip_max_attempts, policy.ip_attempt_window_seconds, namespace="ip-attempts"
        )

    async def check(self, account_key: str, ip: str) -> ThrottleDecision:
        """May this client try this account's secret now? Call before hashing anything.

        An allowed check reserves one failure against the account (see the module's
        docstring); follow it with ``record_success`` or ``record_failure``. A refused
        check records nothing.
        """
        account = _account_bucket(account_key)
        client = ip_bucket(ip, self.policy.ipv6_prefix_length)
        limiter = self._limiter
        if not await self._guard(limiter.test(self._ip_failures, client)):
            return await self._refused(ThrottleReason.IP_THROTTLED, self._ip_failures, client)
        if not await self._guard(limiter.test(self._account, account)):
            return await self._refused(ThrottleReason.ACCOUNT_LOCKED, self._account, account)
        if not await self._guard(limiter.hit(self._ip_attempts, client)):
            return await self._refused(ThrottleReason.IP_THROTTLED, self._ip_attempts, client)
        # The reservation: atomic in both storages, so concurrent checks cannot overshoot.
        if not await self._guard(limiter.hit(self._account, account)):
            return await self._refused(ThrottleReason.ACCOUNT_LOCKED, self._account, account)
        return ALLOWED

    async def record_failure(self, account_key: str, ip: str) -> None:
        """The secret was wrong (or the account does not exist: call it all the same).

        The account's failure is the one ``check`` reserved; this counts the client
        address's failure. ``account_key`` is taken for symmetry with ``check``.
        """
        del account_key  # counted by check()
        client = ip_bucket(ip, self.policy.ipv6_prefix_length)
        await self._guard(self._limiter.hit(self._ip_failures, client))

    async def record_success(self, account_key: str, ip: str) -> None:
        """The secret was right: the account's failures (and reservation) are forgiven.

        The client address's failures are not: one valid account of their own must not
        let an attacker reset the address's budget while spraying others.
        """
        del ip
        await self._guard(self._limiter.clear(self._account, _account_bucket(account_key)))

    async def reset(self) -> None:
        """Forget every counter in this throttle's storage (tests, operators)."""
        await self._guard(self.storage.reset())

    async def aclose(self) -> None:
        """Release the storage's connections (Redis); the throttle is unusable after."""
        await close_storage(self.storage)

    async def _refused(
        self, reason: ThrottleReason, item: RateLimitItem, key: str
    ) -> ThrottleDecision:
        stats = await self._guard(self._limiter.get_window_stats(item, key))
        # The moving window frees a slot when its oldest entry is ``window`` seconds old.
        retry_after = math.ceil(stats.reset_time - time.time()) if stats.remaining <= 0 else 1
        return ThrottleDecision(allowed=False, reason=reason, retry_after=max(1, retry_after))

    @staticmethod
    async def _guard(operation: Awaitable[T]) -> T:
        try:
            return await operation
        except StorageError as exc:
            raise ThrottleUnavailableError(f"login throttle storage failed: {exc}") from exc


def redis_storage(redis_url: str, key_prefix: str = DEFAULT_KEY_PREFIX) -> RedisStorage:
    """``limits``' async Redis storage on redis-py for a ``redis://``/``rediss://``/
    ``unix://`` URL (``limits`` spells them ``async+redis://``... and defaults to coredis)."""
    scheme, sep, rest = redis_url.partition("://")
    schemes = {"redis": "async+redis", "rediss": "async+rediss", "unix": "async+redis+unix"}
    if not sep or scheme not in schemes:
        raise ValueError(f"unsupported Redis URL {redis_url!r}: use redis://, rediss://, unix://")
    return RedisStorage(
        f"{schemes[scheme]}://{rest}",
        implementation="redispy",
        key_prefix=key_prefix,
        wrap_exceptions=True,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
    )


class SweepSafeMemoryStorage(MemoryStorage):
    """``limits``' memory storage whose ``clear`` cannot break its background sweep.

    ``MemoryStorage`` expires moving-window entries in a task that lists the keys, then
    reads ``events[key]`` for each, yielding (``to_thread``) between keys. ``clear``
    popping a listed key in between makes the sweep die with ``KeyError`` ("Task exception
    was never retrieved" in the logs) on every success that races a sweep. Leaving an
    empty list instead is equivalent for the limiter, and the sweep drops empty lists.
    """

    # No URI scheme of its own (limits registers every subclass that names one).
    STORAGE_SCHEME: list[str] = []  # noqa: RUF012 (typed as on the base class)

    async def clear(self, key: str) -> None:
        await super().clear(key)
        self.events[key] = []

    async def reset(self) -> int | None:
        keys = list(self.events)
        count = await super().reset()
        self.events.update({key: [] for key in keys})  # one list each: lists are mutated
        return count


async def close_storage(storage: Storage) -> None:
    """Close a Redis storage's client. limits has no close(); its redis-py client closes
    the pool only when it made it (``redis_storage``), not one it was given
    (``limits_storage``: the runtime's, closed by the runtime)."""
    if isinstance(storage, RedisStorage):
        client: Any = cast(Any, storage.bridge).storage
        await client.aclose()


def memory_storage() -> MemoryStorage:
    return SweepSafeMemoryStorage(wrap_exceptions=True)


def counter_storage(settings: Settings, redis: Redis | None, key_prefix: str) -> Storage:
    """On ``redis`` (the runtime's pool) when given, else on a Redis client of its own when
    ``settings.redis_url`` is set (shared by replicas), else memory."""
    if redis is not None:
        return limits_storage(redis, key_prefix)
    if settings.redis_url:
        return redis_storage(settings.redis_url, key_prefix)
    return memory_storage()


def build_login_throttle(
    settings: Settings, *, key_prefix: str = DEFAULT_KEY_PREFIX, redis: Redis | None = None
) -> LoginThrottle:
    """See ``counter_storage`` for where the counters live."""
    storage = counter_storage(settings, redis, key_prefix)
    return LoginThrottle(storage, ThrottlePolicy.from_settings(settings))
