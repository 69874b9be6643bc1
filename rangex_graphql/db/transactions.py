"""Transactions that InnoDB may roll back whole: tried again, a bounded number of times.

On MySQL/MariaDB a transaction chosen as a deadlock victim (error 1213) has been rolled
back entirely, and one that waited too long for a row lock (1205) is retried the same
way (``innodb_rollback_on_timeout`` decides whether only the statement or the whole
transaction went; starting over is right either way). Nothing of a failed attempt was
written, so running the whole block again is safe, after a short pause with jitter so
that the two transactions that collided do not collide again.

Only an outermost transaction is retried: inside another one, the block is a savepoint
and InnoDB rolled back the outer transaction too, so the error goes to its owner.
SQLite raises neither error.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient, NestedTransactionContext
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

T = TypeVar("T")
log = logging.getLogger(__name__)

MYSQL_DEADLOCK = 1213
MYSQL_LOCK_WAIT_TIMEOUT = 1205
RETRYABLE_CODES = frozenset({MYSQL_DEADLOCK, MYSQL_LOCK_WAIT_TIMEOUT})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 5
    first_pause: float = 0.02  # seconds; doubled per attempt
    max_pause: float = 0.5

    def pause(self, retry: int, draw: Callable[[], float] = random.random) -> float:
        """Seconds to wait before retry number ``retry`` (1-based): full jitter,
        a random share of an exponentially growing ceiling."""
        ceiling = min(self.max_pause, self.first_pause * 2.0 ** (retry - 1))
        return ceiling * (0.5 + draw() / 2)


DEFAULT_POLICY = RetryPolicy()


def mysql_error_code(error: BaseException) -> int | None:
    """The server's error number behind a Tortoise ``OperationalError``, if any."""
    cause = error.args[0] if error.args else None
    code = getattr(cause, "args", (None,))[0] if cause is not None else None
    return code if isinstance(code, int) else None


def is_retryable(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and mysql_error_code(error) in RETRYABLE_CODES


def savepoint() -> NestedTransactionContext:
    """A savepoint in the caller's transaction: an error inside rolls back this block
    alone (an insert refused by a unique key, say), and the transaction goes on. Only
    inside ``retrying_transaction``: outside one, it would be a transaction of its own that
    nothing retries."""
    context = in_transaction()
    if not isinstance(context, NestedTransactionContext):
        raise RuntimeError("savepoint() needs an open transaction")
    return context


async def retrying_transaction(
    work: Callable[[], Awaitable[T]],
    *,
    policy: RetryPolicy = DEFAULT_POLICY,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run ``work()`` in a transaction; again, from the start, after a deadlock or a lock
    wait timeout, at most ``policy.attempts`` times in all."""

    async def without_connection(_: BaseDBAsyncClient) -> T:
        return await work()

    return await retrying_transaction_on(without_connection, policy=policy, sleep=sleep)


async def retrying_transaction_on(
    work: Callable[[BaseDBAsyncClient], Awaitable[T]],
    *,
    policy: RetryPolicy = DEFAULT_POLICY,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """``retrying_transaction`` for work that needs the transaction's connection (raw
    SQL): each attempt gets the connection of its own transaction."""
    for attempt in range(1, policy.attempts + 1):
        context = in_transaction()
        nested = isinstance(context, NestedTransactionContext)
        try:
            async with context as connection:
                return await work(connection)
        except OperationalError as error:
            if nested or attempt == policy.attempts or not is_retryable(error):
                raise
            log.warning(
                "transaction rolled back by the server (%s), attempt %d of %d; trying again",
                mysql_error_code(error),
                attempt,
                policy.attempts,
            )
            await sleep(policy.pause(attempt))
    raise AssertionError("unreachable: the last attempt returns or raises")
