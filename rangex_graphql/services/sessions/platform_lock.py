"""The platform lock: starts take turns on one row so the platform-wide caps are exact.

A start that has to count every active session (the run-time caps of
services/platform_settings: sessions, users, machines) first locks the ``platform_lock``
row named ``SESSION_STARTS`` with ``SELECT ... FOR UPDATE``, in its own transaction: the next start
waits until that transaction commits or rolls back, then counts the session the first one
inserted. A row lock cannot outlive its transaction, whatever happens to the request or
to the pooled connection. On SQLite, Tortoise sends a plain ``SELECT`` (no ``FOR UPDATE``)
and runs a process's transactions one at a time, which gives the same result.

The migration that made the table inserted the row. Should it be gone, a start that finds
it missing rolls back (it holds no lock yet: the platform lock comes first), inserts the
row outside any transaction and runs again. On InnoDB, starts racing to insert a row that
was just deleted (the old one is still in the index, marked deleted) can deadlock with each
other and with the starts locking it; the server rolls the victim back whole, and the
victim tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from tortoise.exceptions import OperationalError

from ...db.transactions import MYSQL_DEADLOCK, mysql_error_code
from ...models import PlatformLock

SESSION_STARTS = "session-starts"  # also in migrations/models/4_*_platform_lock.py
TRIES = 5

T = TypeVar("T")
log = logging.getLogger(__name__)


class PlatformLockMissing(Exception):
    """The lock row is not there; raised inside the transaction, so it rolls back."""


async def hold(name: str) -> None:
    """Lock the row ``name`` until the current transaction ends."""
    row = await PlatformLock.filter(name=name).select_for_update().only("name").first()
    if row is None:
        raise PlatformLockMissing(name)


async def with_lock_row(name: str, attempt: Callable[[], Awaitable[T]]) -> T:
    """Run ``attempt`` (a transaction that calls :func:`hold` first), remaking the row if
    it is missing and trying again if InnoDB picked the transaction as a deadlock victim
    (it rolled back whole: nothing of it was written)."""
    for _ in range(TRIES):
        try:
            return await attempt()
        except PlatformLockMissing:
            log.warning("platform lock %r was missing; making it again", name)
            await _remake(name)
        except OperationalError as error:
            if mysql_error_code(error) != MYSQL_DEADLOCK:
                raise
            log.warning("a transaction under platform lock %r deadlocked; trying again", name)
    return await attempt()


async def _remake(name: str) -> None:
    """Insert the row outside any transaction; a concurrent insert of it is ignored."""
    try:
        await PlatformLock.bulk_create([PlatformLock(name=name)], ignore_conflicts=True)
    except OperationalError as error:
        if mysql_error_code(error) != MYSQL_DEADLOCK:
            raise
