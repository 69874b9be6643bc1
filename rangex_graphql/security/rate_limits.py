"""Plain rate limits on actions that cost the platform or a person something: mail sent
about an account (reset codes, registration notices), registrations and reset requests
per client address.

Each rule is a ``limits`` moving window (at most ``amount`` hits per ``window_seconds``)
on the same kind of storage as the login throttle: memory in one process, Redis shared by
the replicas (``redis_url``), on the runtime's one Redis pool. Keys are hashed, so the
store never holds an e-mail address.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from limits import RateLimitItemPerSecond
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError

from .throttle import (
    ALLOWED,
    ThrottleDecision,
    ThrottleReason,
    ThrottleUnavailableError,
    close_storage,
    counter_storage,
    ip_bucket,
    normalize_account_key,
)

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from rangex_graphql.settings import Settings

KEY_PREFIX = "rangex:rate-limits"


@dataclass(frozen=True, slots=True)
class RateRule:
    name: str
    amount: int
    window_seconds: int


@dataclass(frozen=True, slots=True)
class RateRules:
    account_mail: RateRule
    reset_per_ip: RateRule
    register_per_ip: RateRule
    data_export: RateRule

    @classmethod
    def from_settings(cls, settings: Settings) -> RateRules:
        return cls(
            account_mail=RateRule(
                "account-mail", settings.account_mail_max, settings.account_mail_window_seconds
            ),
            reset_per_ip=RateRule(
                "reset-ip",
                settings.password_reset_ip_max,
                settings.password_reset_ip_window_seconds,
            ),
            register_per_ip=RateRule(
                "register-ip", settings.register_ip_max, settings.register_ip_window_seconds
            ),
            data_export=RateRule(
                "data-export", settings.data_export_max, settings.data_export_window_seconds
            ),
        )


class RateLimits:
    def __init__(self, storage: Storage, rules: RateRules) -> None:
        self.storage = storage
        self.rules = rules
        self._limiter = MovingWindowRateLimiter(storage)

    async def hit_account(self, rule: RateRule, account: str) -> ThrottleDecision:
        """Count one action about an account (an e-mail address or a user id)."""
        digest = hashlib.sha256(normalize_account_key(account).encode()).hexdigest()[:32]
        return await self._hit(rule, digest, ThrottleReason.ACCOUNT_LOCKED)

    async def hit_client(self, rule: RateRule, ip: str | None) -> ThrottleDecision:
        """Count one action from a client address (an IPv6 /64 as one)."""
        return await self._hit(rule, ip_bucket(ip or "unknown"), ThrottleReason.IP_THROTTLED)

    async def _hit(self, rule: RateRule, key: str, reason: ThrottleReason) -> ThrottleDecision:
        item = RateLimitItemPerSecond(rule.amount, rule.window_seconds, namespace=rule.name)
        try:
            if await self._limiter.hit(item, key):
                return ALLOWED
            stats = await self._limiter.get_window_stats(item, key)
        except StorageError as exc:
            raise ThrottleUnavailableError(f"rate limit storage failed: {exc}") from exc
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        return ThrottleDecision(allowed=False, reason=reason, retry_after=retry_after)

    async def reset(self) -> None:
        await self.storage.reset()

    async def aclose(self) -> None:
        await close_storage(self.storage)


def build_rate_limits(settings: Settings, *, redis: Redis | None = None) -> RateLimits:
    """On the runtime's Redis pool when given (see ``throttle.counter_storage``)."""
    return RateLimits(
        counter_storage(settings, redis, KEY_PREFIX), RateRules.from_settings(settings)
    )
