"""Login throttle: account lock-out, per-address limits, on memory and on Redis.

Every behavioural test runs on both storages. Redis keys live under a prefix unique to
the test and are deleted afterwards (and checked to be gone). Windows are whole seconds
(``limits`` counts in seconds), so the expiry tests use one-second windows.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import redis
from limits.aio.storage import RedisStorage

from rangex_graphql.security.throttle import (
    LoginThrottle,
    SweepSafeMemoryStorage,
    ThrottleDecision,
    ThrottlePolicy,
    ThrottleReason,
    ThrottleUnavailableError,
    build_login_throttle,
    memory_storage,
    normalize_account_key,
    redis_storage,
)
from rangex_graphql.settings import Settings

IP = "198.51.100.10"
OTHER_IP = "203.0.113.20"
ALICE = "alice@example.com"
BOB = "bob@example.com"
# Generous address limits, so a test about accounts is not cut short by them.
ACCOUNT_ONLY = ThrottlePolicy(ip_max_failures=1000, ip_max_attempts=1000)

# "alice" in full-width letters (U+FF41...): NFKC makes it plain "alice".
FULLWIDTH_ALICE = "".join(chr(ord(c) + 0xFEE0) for c in "alice") + "@example.com"


@dataclass
class Backend:
    name: str
    redis_url: str | None
    prefix: str = field(default_factory=lambda: f"rangex-test:{uuid.uuid4().hex}")
    made: list[LoginThrottle] = field(default_factory=list)

    def make(self, policy: ThrottlePolicy | None = None) -> LoginThrottle:
        """A throttle; on Redis every one made in a test shares the test's prefix."""
        storage = redis_storage(self.redis_url, self.prefix) if self.redis_url else None
        throttle = LoginThrottle(storage or memory_storage(), policy or ACCOUNT_ONLY)
        self.made.append(throttle)
        return throttle

    def redis_keys(self) -> list[str]:
        assert self.redis_url
        client = redis.Redis.from_url(self.redis_url)
        try:
            keys = client.keys(f"{self.prefix}:*")
            return [key.decode() if isinstance(key, bytes) else key for key in keys]
        finally:
            client.close()


@pytest.fixture(params=["memory", "redis"])
def backend_url(request: pytest.FixtureRequest) -> str | None:
    """``None`` for memory; the Redis URL (skip, or fail under CI) for Redis."""
    return str(request.getfixturevalue("redis_url")) if request.param == "redis" else None


@pytest.fixture
async def backend(backend_url: str | None) -> AsyncIterator[Backend]:
    chosen = Backend("redis" if backend_url else "memory", backend_url)
    yield chosen
    for throttle in chosen.made:
        await throttle.reset()
        await throttle.aclose()
    if backend_url:
        assert chosen.redis_keys() == []


async def fail(throttle: LoginThrottle, account: str = ALICE, ip: str = IP) -> ThrottleDecision:
    """One wrong password, the way the login mutation does it."""
    decision = await throttle.check(account, ip)
    if decision.allowed:
        await throttle.record_failure(account, ip)
    return decision


async def succeed(throttle: LoginThrottle, account: str = ALICE, ip: str = IP) -> ThrottleDecision:
    decision = await throttle.check(account, ip)
    if decision.allowed:
        await throttle.record_success(account, ip)
    return decision


# --- the account lock-out ---------------------------------------------------------------


async def test_sixth_failure_for_an_account_is_refused(backend: Backend) -> None:
    throttle = backend.make()
    for _ in range(5):
        assert (await fail(throttle)).allowed
    decision = await throttle.check(ALICE, IP)
    assert not decision.allowed
    assert decision.reason is ThrottleReason.ACCOUNT_LOCKED
    assert 890 <= decision.retry_after <= 900  # the rest of the 15-minute window
    assert (await throttle.check(ALICE, IP)).reason is ThrottleReason.ACCOUNT_LOCKED


async def test_lock_is_per_account_not_per_address(backend: Backend) -> None:
    throttle = backend.make()
    for _ in range(5):
        await fail(throttle)
    assert (await throttle.check(BOB, IP)).allowed  # other accounts unaffected
    # The lock follows the account whatever the address (distributed guessing).
    assert (await throttle.check(ALICE, OTHER_IP)).reason is ThrottleReason.ACCOUNT_LOCKED


async def test_identifier_is_normalized(backend: Backend) -> None:
    throttle = backend.make()
    for spelling in ["Alice@Example.com", " ALICE@EXAMPLE.COM", "alice@example.com "]:
        assert (await fail(throttle, spelling)).allowed
    for spelling in ["alice@example.com", FULLWIDTH_ALICE]:
        assert (await fail(throttle, spelling)).allowed
    assert (await throttle.check("aLiCe@eXaMpLe.CoM", IP)).reason is ThrottleReason.ACCOUNT_LOCKED
    assert normalize_account_key(f" {FULLWIDTH_ALICE.upper()} ") == ALICE


async def test_success_resets_the_account(backend: Backend) -> None:
    throttle = backend.make()
    for _ in range(4):
        await fail(throttle)
    assert (await succeed(throttle)).allowed
    for _ in range(5):
        assert (await fail(throttle)).allowed  # a fresh budget of five
    assert (await throttle.check(ALICE, IP)).reason is ThrottleReason.ACCOUNT_LOCKED


async def test_unknown_accounts_behave_identically(backend: Backend) -> None:
    # The throttle keys on what the client typed; whether a user has that e-mail address
    # is never asked, so a probe cannot tell a real account by its lock-out.
    throttle = backend.make()
    known, unknown = ALICE, "nobody-by-this-name@example.com"

    async def story(account: str) -> list[tuple[bool, ThrottleReason | None, int]]:
        seen = [await fail(throttle, account) for _ in range(7)]
        return [(d.allowed, d.reason, d.retry_after // 10) for d in seen]

    known_story, unknown_story = await story(known), await story(unknown)
    assert known_story == unknown_story
    assert [allowed for allowed, _, _ in unknown_story] == [True] * 5 + [False] * 2


async def test_concurrent_checks_cannot_exceed_the_account_limit(backend: Backend) -> None:
    # 20 guesses sent at once: all are checked before any is verified and recorded.
    throttle = backend.make()
    decisions = await asyncio.gather(*(throttle.check(ALICE, IP) for _ in range(20)))
    assert sum(d.allowed for d in decisions) == 5
    assert {d.reason for d in decisions if not d.allowed} == {ThrottleReason.ACCOUNT_LOCKED}


async def test_window_expiry_unlocks_the_account(backend: Backend) -> None:
    throttle = backend.make(ThrottlePolicy(account_max_failures=2, account_window_seconds=1))
    await fail(throttle)
    await fail(throttle)
    locked = await throttle.check(ALICE, IP)
    assert locked.reason is ThrottleReason.ACCOUNT_LOCKED
    assert locked.retry_after == 1
    await asyncio.sleep(1.1)
    assert (await throttle.check(ALICE, IP)).allowed


# --- the client address ------------------------------------------------------------------


async def test_address_failures_are_limited_across_accounts(backend: Backend) -> None:
    throttle = backend.make(ThrottlePolicy(ip_max_failures=8, ip_max_attempts=1000))
    for n in range(8):  # password spraying: one guess per account
        assert (await fail(throttle, f"user{n}@example.com")).allowed
    refused = await throttle.check("fresh@example.com", IP)
    assert refused.reason is ThrottleReason.IP_THROTTLED
    assert 890 <= refused.retry_after <= 900
    assert (await throttle.check("fresh@example.com", OTHER_IP)).allowed


async def test_success_does_not_forgive_the_address(backend: Backend) -> None:
    # A valid account of their own must not reset an attacker's address budget.
    throttle = backend.make(ThrottlePolicy(ip_max_failures=3, ip_max_attempts=1000))
    await fail(throttle, "a@example.com")
    await fail(throttle, "b@example.com")
    await succeed(throttle, "mine@example.com")
    await fail(throttle, "c@example.com")
    assert (await throttle.check("d@example.com", IP)).reason is ThrottleReason.IP_THROTTLED


async def test_address_attempt_rate_counts_successes_too(backend: Backend) -> None:
    throttle = backend.make(ThrottlePolicy(ip_max_attempts=5, ip_attempt_window_seconds=60))
    for n in range(5):
        assert (await succeed(throttle, f"user{n}@example.com")).allowed
    refused = await throttle.check("user9@example.com", IP)
    assert refused.reason is ThrottleReason.IP_THROTTLED
    assert 50 <= refused.retry_after <= 60
    assert (await throttle.check("user9@example.com", OTHER_IP)).allowed


async def test_refused_checks_spend_nothing(backend: Backend) -> None:
    throttle = backend.make(ThrottlePolicy(ip_max_attempts=6, ip_max_failures=1000))
    for _ in range(5):
        await fail(throttle)
    for _ in range(10):  # hammering the locked account costs no attempt budget
        assert not (await throttle.check(ALICE, IP)).allowed
    assert (await throttle.check(BOB, IP)).allowed


async def test_window_expiry_lifts_the_address_limit(backend: Backend) -> None:
    throttle = backend.make(
        ThrottlePolicy(ip_max_failures=2, ip_window_seconds=1, ip_max_attempts=1000)
    )
    await fail(throttle, "a@example.com")
    await fail(throttle, "b@example.com")
    assert (await throttle.check("c@example.com", IP)).reason is ThrottleReason.IP_THROTTLED
    await asyncio.sleep(1.1)
    assert (await throttle.check("c@example.com", IP)).allowed


async def test_ipv6_clients_are_counted_per_64(backend: Backend) -> None:
    throttle = backend.make(ThrottlePolicy(ip_max_failures=2, ip_max_attempts=1000))
    await fail(throttle, "a@example.com", "2001:db8:1:2::1")
    await fail(throttle, "b@example.com", "2001:db8:1:2:ffff::9")
    same_64 = await throttle.check("c@example.com", "2001:DB8:1:2::abcd")
    assert same_64.reason is ThrottleReason.IP_THROTTLED
    assert (await throttle.check("c@example.com", "2001:db8:1:3::1")).allowed


async def test_ipv4_mapped_address_is_the_ipv4_client(backend: Backend) -> None:
    throttle = backend.make(ThrottlePolicy(ip_max_failures=1, ip_max_attempts=1000))
    await fail(throttle, "a@example.com", "::ffff:198.51.100.10")
    assert (await throttle.check("b@example.com", IP)).reason is ThrottleReason.IP_THROTTLED


# --- replicas, storage, construction -------------------------------------------------------


async def test_two_replicas_on_one_redis_share_counters(redis_url: str) -> None:
    shared = Backend("redis", redis_url)
    try:
        first, second = shared.make(), shared.make()
        assert first.storage is not second.storage
        for throttle in (first, second, first, second, first):
            assert (await fail(throttle)).allowed
        assert (await second.check(ALICE, IP)).reason is ThrottleReason.ACCOUNT_LOCKED
        assert (await first.check(ALICE, IP)).reason is ThrottleReason.ACCOUNT_LOCKED
        await second.record_success(ALICE, IP)  # forgiven on one, forgiven on all
        assert (await first.check(ALICE, IP)).allowed
    finally:
        for throttle in shared.made:
            await throttle.reset()
            await throttle.aclose()
    assert shared.redis_keys() == []


async def test_forgiving_during_a_memory_sweep_does_not_break_it() -> None:
    # limits' memory storage sweeps expired entries in a task that yields between keys;
    # a success clearing a key it has listed must not kill it (KeyError in the logs).
    storage = memory_storage()
    throttle = LoginThrottle(storage, ACCOUNT_ONLY)
    names = [f"user{n}@example.com" for n in range(50)]
    for name in names:
        assert (await throttle.check(name, IP)).allowed
    sweep = storage.timer
    assert sweep is not None
    await asyncio.sleep(0)  # the sweep lists the keys and starts on the first one
    assert not sweep.done()
    for name in names:
        await throttle.record_success(name, IP)
    await asyncio.wait([sweep])
    assert sweep.exception() is None
    for _ in range(5):
        assert (await fail(throttle, names[-1])).allowed
    assert (await throttle.check(names[-1], IP)).reason is ThrottleReason.ACCOUNT_LOCKED


async def test_two_memory_throttles_do_not_share() -> None:
    first, second = LoginThrottle(memory_storage()), LoginThrottle(memory_storage())
    for _ in range(5):
        await fail(first)
    assert (await first.check(ALICE, IP)).reason is ThrottleReason.ACCOUNT_LOCKED
    assert (await second.check(ALICE, IP)).allowed


async def test_unreachable_redis_fails_closed() -> None:
    throttle = LoginThrottle(redis_storage("redis://127.0.0.1:1/0"))
    try:
        with pytest.raises(ThrottleUnavailableError):
            await throttle.check(ALICE, IP)
        with pytest.raises(ThrottleUnavailableError):
            await throttle.record_failure(ALICE, IP)
    finally:
        await throttle.aclose()


async def test_the_store_holds_no_identifier(redis_url: str) -> None:
    shared = Backend("redis", redis_url)
    throttle = shared.make()
    try:
        await fail(throttle)
        keys = " ".join(shared.redis_keys())
        assert keys
        assert "alice" not in keys
    finally:
        await throttle.reset()
        await throttle.aclose()


def test_factory_uses_memory_without_redis_url() -> None:
    settings = Settings(_env_file=None, login_account_max_failures=3)
    throttle = build_login_throttle(settings)
    assert isinstance(throttle.storage, SweepSafeMemoryStorage)
    assert throttle.policy == ThrottlePolicy(account_max_failures=3)


async def test_factory_uses_redis_and_the_settings(redis_url: str) -> None:
    settings = Settings(
        _env_file=None,
        redis_url=redis_url,
        login_account_max_failures=2,
        login_account_window_seconds=30,
        login_ip_max_failures=7,
        login_ip_window_seconds=40,
        login_ip_max_attempts=9,
        login_ip_attempt_window_seconds=50,
    )
    prefix = f"rangex-test:{uuid.uuid4().hex}"
    throttle = build_login_throttle(settings, key_prefix=prefix)
    try:
        assert isinstance(throttle.storage, RedisStorage)
        assert throttle.policy == ThrottlePolicy(2, 30, 7, 40, 9, 50)
        await fail(throttle)
        await fail(throttle)
        locked = await throttle.check(ALICE, IP)
        assert locked.reason is ThrottleReason.ACCOUNT_LOCKED
        assert 25 <= locked.retry_after <= 30
    finally:
        await throttle.reset()
        await throttle.aclose()


def test_settings_defaults_are_the_documented_policy() -> None:
    settings = Settings(_env_file=None)
    assert settings.redis_url is None
    assert ThrottlePolicy.from_settings(settings) == ThrottlePolicy()
    assert ThrottlePolicy() == ThrottlePolicy(5, 900, 20, 900, 60, 60, 64)


@pytest.mark.parametrize("url", ["memcached://x", "http://127.0.0.1:6379", "127.0.0.1:6379"])
def test_redis_url_must_be_redis(url: str) -> None:
    with pytest.raises(ValueError, match="unsupported Redis URL"):
        redis_storage(url)


@pytest.mark.parametrize(
    "bad", [{"account_max_failures": 0}, {"ip_window_seconds": 0}, {"ipv6_prefix_length": 129}]
)
def test_policy_refuses_nonsense(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="must be"):
        ThrottlePolicy(**bad)
