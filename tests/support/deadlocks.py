"""Make the next outermost transaction fail as a deadlock victim, the way InnoDB does:
the block runs, everything it wrote is rolled back, then error 1213 is raised.

``DeadlockOnce`` replaces ``rangex_graphql.db.transactions.in_transaction``, so only the
transactions opened through ``retrying_transaction`` see it: a service that still opened
its own ``in_transaction()`` would never be hit (``injected`` stays 0).
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import pytest
from tortoise.backends.base.client import NestedTransactionContext, TransactionContext
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

from rangex_graphql.db import transactions
from rangex_graphql.db.transactions import MYSQL_DEADLOCK


class ServerError(Exception):
    """Stands in for the driver's error: ``args[0]`` is the server's error number."""


def deadlock() -> OperationalError:
    return OperationalError(ServerError(MYSQL_DEADLOCK, "Deadlock found when trying to get lock"))


class _RolledBackAsVictim:
    def __init__(self, inner: TransactionContext) -> None:
        self.inner = inner

    async def __aenter__(self) -> Any:
        return await self.inner.__aenter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            await self.inner.__aexit__(exc_type, exc, traceback)
            return
        error = deadlock()
        await self.inner.__aexit__(type(error), error, None)  # rolls the attempt back
        raise error


class DeadlockOnce:
    """Stands in for ``in_transaction``: the first outermost transaction is a victim."""

    def __init__(self) -> None:
        self.injected = 0

    def __call__(self, connection_name: str | None = None) -> Any:
        context = in_transaction(connection_name)
        if self.injected or isinstance(context, NestedTransactionContext):
            return context
        self.injected += 1
        return _RolledBackAsVictim(context)


def deadlock_once(monkeypatch: pytest.MonkeyPatch) -> DeadlockOnce:
    """Arm the injection from now on (for the rest of the test)."""
    victim = DeadlockOnce()
    monkeypatch.setattr(transactions, "in_transaction", victim)
    return victim
