"""The DataLoader every request's loaders are: Strawberry's, with each caller's wait of
its own.

Strawberry's ``load`` hands every caller of one key the same future. When graphql-core
cancels the resolvers beside a field whose error nulls their parent, cancelling a task
that waits on that future cancels the future itself, and every other field waiting for
the same key (elsewhere in the response) got a ``CancelledError`` that escaped the whole
execution. Here a pending load is shielded per caller: a cancelled caller stops waiting,
the load goes on for the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from strawberry.dataloader import DataLoader

K = TypeVar("K")
V = TypeVar("V")


class RequestLoader(DataLoader[K, V]):
    def load(self, key: K) -> Awaitable[V]:
        future = super().load(key)
        if isinstance(future, asyncio.Future) and not future.done():
            return asyncio.shield(future)
        return future
