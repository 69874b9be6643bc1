"""Transactions rolled back by the server (deadlock, lock wait timeout) are run again."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable

import pytest
from tortoise.exceptions import OperationalError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from rangex_graphql.db.transactions import (
    MYSQL_DEADLOCK,
    MYSQL_LOCK_WAIT_TIMEOUT,
    RetryPolicy,
    is_retryable,
    retrying_transaction,
    savepoint,
)
from rangex_graphql.models import User
from rangex_graphql.settings import Settings
from tests import factories


class ServerError(Exception):
    """Stands in for the driver's error: ``args[0]`` is the server's error number."""


def server_error(code: int) -> OperationalError:
    return OperationalError(ServerError(code, "server said no"))


class Flaky:
    """Work that fails with ``errors`` in turn, then writes a user and returns 'done'."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        await factories.user(username=f"attempt{self.calls}")
        if self.errors:
            raise self.errors.pop(0)
        return "done"


class Sleeps:
    def __init__(self) -> None:
        self.pauses: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)


def test_only_deadlocks_and_lock_wait_timeouts_are_retryable() -> None:
    assert is_retryable(server_error(MYSQL_DEADLOCK))
    assert is_retryable(server_error(MYSQL_LOCK_WAIT_TIMEOUT))
    assert not is_retryable(server_error(1062))  # duplicate key
    assert not is_retryable(OperationalError("no such table"))
    assert not is_retryable(ValueError(MYSQL_DEADLOCK))


def test_the_pause_grows_with_jitter_up_to_its_ceiling() -> None:
    policy = RetryPolicy(attempts=6, first_pause=0.01, max_pause=0.05)
    lowest = [policy.pause(n, lambda: 0.0) for n in range(1, 6)]
    highest = [policy.pause(n, lambda: 1.0) for n in range(1, 6)]
    assert highest == [0.01, 0.02, 0.04, 0.05, 0.05]
    assert lowest == [h / 2 for h in highest]


async def test_a_deadlocked_attempt_is_rolled_back_and_run_again(db: None) -> None:
    work = Flaky(server_error(MYSQL_DEADLOCK), server_error(MYSQL_LOCK_WAIT_TIMEOUT))
    sleeps = Sleeps()

    assert await retrying_transaction(work, sleep=sleeps) == "done"

    assert work.calls == 3
    assert len(sleeps.pauses) == 2
    # The failed attempts wrote nothing: only the last one's user is there.
    users = await User.filter(username__startswith="attempt").values("username")
    assert [u["username"] for u in users] == ["attempt3"]


async def test_it_gives_up_after_the_last_attempt(db: None) -> None:
    work = Flaky(*(server_error(MYSQL_DEADLOCK) for _ in range(3)))
    sleeps = Sleeps()

    with pytest.raises(OperationalError):
        await retrying_transaction(work, policy=RetryPolicy(attempts=3), sleep=sleeps)

    assert work.calls == 3
    assert len(sleeps.pauses) == 2


async def test_other_errors_are_not_retried(db: None) -> None:
    work = Flaky(server_error(1062))
    with pytest.raises(OperationalError):
        await retrying_transaction(work, sleep=Sleeps())
    assert work.calls == 1


async def test_inside_another_transaction_the_error_goes_to_its_owner(db: None) -> None:
    """The server rolled the outer transaction back too: retrying a savepoint is wrong."""
    work = Flaky(server_error(MYSQL_DEADLOCK))
    with pytest.raises(OperationalError):
        async with in_transaction():
            await retrying_transaction(work, sleep=Sleeps())
    assert work.calls == 1


async def test_on_mariadb_a_real_deadlock_is_retried_and_both_commit(
    db: None, settings: Settings
) -> None:
    if not settings.database_url.startswith("mysql"):
        pytest.skip("needs InnoDB: RANGEX_TEST_DATABASE_URL=mysql://...")
    first, second = await factories.user(), await factories.user()
    holding = {first.id: asyncio.Event(), second.id: asyncio.Event()}
    attempts: Counter[str] = Counter()

    def crosswise(mine: User, theirs: User) -> Callable[[], Awaitable[None]]:
        async def work() -> None:
            attempts[mine.username] += 1
            await User.filter(id=mine.id).update(total_score=F("total_score") + 1)
            holding[mine.id].set()
            await holding[theirs.id].wait()  # each holds its row, then wants the other's
            await User.filter(id=theirs.id).update(total_score=F("total_score") + 1)

        return work

    async with asyncio.timeout(30):
        await asyncio.gather(
            retrying_transaction(crosswise(first, second)),
            retrying_transaction(crosswise(second, first)),
        )

    assert sorted(attempts.values()) == [1, 2]  # one deadlock victim, run again
    scores = await User.filter(id__in=[first.id, second.id]).values("total_score")
    assert [row["total_score"] for row in scores] == [2, 2]


async def test_a_savepoint_outside_a_transaction_is_refused(db: None) -> None:
    """Outside a transaction a savepoint would be a transaction nobody retries."""
    with pytest.raises(RuntimeError, match="needs an open transaction"):
        savepoint()

    async def work() -> str:
        async with savepoint():
            return "inside"

    assert await retrying_transaction(work) == "inside"
