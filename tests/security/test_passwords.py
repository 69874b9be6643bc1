"""argon2id hashing: parameters, verification, rehashing, and the bound on concurrency."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from rangex_graphql.security import passwords
from rangex_graphql.security.passwords import (
    Argon2Parameters,
    PasswordHashing,
    configure_password_hashing,
    hash_password,
    hash_password_sync,
    password_problems,
    verify_password,
    verify_password_sync,
)
from rangex_graphql.seed.data import DEMO_PASSWORD, DEMO_PASSWORD_HASH

PASSWORD = "correct horse battery staple"
OWASP_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$"
CHEAP = Argon2Parameters(time_cost=1, memory_cost_kib=1024)


def test_defaults_are_the_owasp_minimum() -> None:
    params = Argon2Parameters()
    assert (params.time_cost, params.memory_cost_kib, params.parallelism) == (2, 19 * 1024, 1)
    assert PasswordHashing().max_concurrent == 4


async def test_hash_is_argon2id_and_verifies() -> None:
    password_hash = await hash_password(PASSWORD)
    assert password_hash.startswith(OWASP_PREFIX)
    assert password_hash != await hash_password(PASSWORD)  # salted
    assert await verify_password(password_hash, PASSWORD) == (True, None)


async def test_wrong_password_or_malformed_hash_does_not_verify() -> None:
    password_hash = await hash_password(PASSWORD)
    assert await verify_password(password_hash, PASSWORD + "!") == (False, None)
    assert await verify_password("not-an-argon2-hash", PASSWORD) == (False, None)
    assert await verify_password("", PASSWORD) == (False, None)


async def test_hash_made_with_other_parameters_is_replaced_on_verify() -> None:
    outdated = PasswordHashing(CHEAP).hash_sync(PASSWORD)
    assert outdated.startswith("$argon2id$v=19$m=1024,t=1,p=1$")

    ok, new_hash = await verify_password(outdated, PASSWORD)
    assert ok
    assert new_hash is not None
    assert new_hash.startswith(OWASP_PREFIX)
    assert await verify_password(new_hash, PASSWORD) == (True, None)
    # A wrong password never earns a new hash.
    assert await verify_password(outdated, "wrong password") == (False, None)


def test_sync_versions_agree_with_the_async_ones() -> None:
    password_hash = hash_password_sync(PASSWORD)
    assert password_hash.startswith(OWASP_PREFIX)
    assert verify_password_sync(password_hash, PASSWORD) == (True, None)
    assert verify_password_sync(password_hash, "nope") == (False, None)


def test_precomputed_demo_hash_matches_the_current_parameters() -> None:
    # If this fails, the parameters changed: recompute data.DEMO_PASSWORD_HASH.
    assert verify_password_sync(DEMO_PASSWORD_HASH, DEMO_PASSWORD) == (True, None)


async def test_configure_replaces_the_process_wide_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_hashing", passwords.get_password_hashing())
    configure_password_hashing(CHEAP, max_concurrent=2)
    assert passwords.get_password_hashing().max_concurrent == 2
    assert (await hash_password(PASSWORD)).startswith("$argon2id$v=19$m=1024,t=1,p=1$")


def test_max_concurrent_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        PasswordHashing(max_concurrent=0)


class SlowHasher:
    """Stands in for argon2: sleeps in the worker thread and records how many overlap."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = 0
        self.peak = 0
        self.calls = 0
        self._lock = threading.Lock()

    def _work(self) -> None:
        with self._lock:
            self.active += 1
            self.calls += 1
            self.peak = max(self.peak, self.active)
        try:
            time.sleep(self.seconds)
        finally:
            with self._lock:
                self.active -= 1

    def hash(self, password: str) -> str:
        self._work()
        return f"$fake${password}"

    def verify(self, hash: str, password: str) -> bool:
        self._work()
        return True

    def check_needs_rehash(self, hash: str) -> bool:
        return False


async def max_loop_lag(until: asyncio.Future[Any]) -> float:
    """The longest the event loop took to come back to a 5 ms sleep while ``until`` runs."""
    worst = 0.0
    while not until.done():
        started = time.perf_counter()
        await asyncio.sleep(0.005)
        worst = max(worst, time.perf_counter() - started - 0.005)
    return worst


async def test_concurrent_hashes_are_bounded_and_off_the_event_loop() -> None:
    fake = SlowHasher(0.05)
    hashing = PasswordHashing(max_concurrent=4, hasher=fake)

    storm = asyncio.gather(
        *(hashing.hash(f"pw{i}") for i in range(12)),
        *(hashing.verify("$fake$x", "x") for _ in range(8)),
    )
    lag = await max_loop_lag(storm)
    results = await storm

    assert fake.calls == 20
    assert fake.peak == 4
    assert results[:12] == [f"$fake$pw{i}" for i in range(12)]
    assert results[12:] == [(True, None)] * 8
    # Run on the loop, 20 x 50 ms would block it for a second.
    assert lag < 0.2


async def test_a_cancelled_caller_keeps_its_slot_until_its_thread_is_done() -> None:
    fake = SlowHasher(0.1)
    hashing = PasswordHashing(max_concurrent=2, hasher=fake)
    first = [asyncio.create_task(hashing.hash(f"a{i}")) for i in range(2)]
    await asyncio.sleep(0.02)  # both are hashing in their threads now
    for task in first:
        task.cancel()
    second = [asyncio.create_task(hashing.hash(f"b{i}")) for i in range(2)]

    assert await asyncio.gather(*second) == ["$fake$b0", "$fake$b1"]
    assert all(task.cancelled() for task in first)
    assert fake.peak == 2  # the threads of the cancelled calls still counted


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short-pw1", "at least 10 characters"),
        ("x" * 129, "at most 128 characters"),
        ("my-Ops-account-key", "must not contain the username"),
        ("alice.smith-2025!", "must not contain the email address"),
        (DEMO_PASSWORD, "public demo password"),
    ],
)
def test_weak_passwords_are_refused(password: str, problem: str) -> None:
    problems = password_problems(password, username="ops", email="Alice.Smith@example.org")
    assert any(problem in p for p in problems), problems


def test_strong_password_is_accepted() -> None:
    assert password_problems(PASSWORD, username="ops", email="alice@example.org") == []
    # A two-letter email local part is too short to be worth refusing.
    assert password_problems("al-" + PASSWORD, username="ops", email="al@example.org") == []
