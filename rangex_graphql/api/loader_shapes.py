"""The loader shapes every relation uses: one row by key, rows grouped by key, and how
many rows a key has.

Keys in, values in key order out, ``None`` (or ``[]``) for a missing key; one SQL
statement per batch, whatever the number of keys.

A resolver that reads through a loader can be synchronous with ``loaded``: it answers with
the value itself when the loader already holds it, and with the pending load otherwise.
graphql-core completes a plain value in place, where an awaitable costs it a coroutine, a
future and a gather per field. ``read_ahead`` reads for a whole page what the query
selects of its items, for the page to hand over before its fields are resolved.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from ..db.row_unions import united_reader
from ..db.rows import RowCounter, row_reader
from .request_loader import RequestLoader

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")
Row = dict[str, Any]


def one_by_id(
    model: type[Model], columns: Sequence[str], to_node: Callable[[Row], T]
) -> DataLoader[UUID, T | None]:
    reader = row_reader(model, tuple(columns), "id", (), ())

    async def load(keys: list[UUID]) -> list[T | None]:
        rows = await reader.where_in(keys)
        found = {row["id"]: to_node(row) for row in rows}
        return [found.get(key) for key in keys]

    return RequestLoader(load_fn=load)


def many_by_key(
    model: type[Model],
    key: str,
    columns: Sequence[str],
    to_node: Callable[[Row], T],
    order_by: Iterable[str] = ("position", "id"),
    where: dict[str, Any] | None = None,
    *,
    united: bool = False,
) -> DataLoader[UUID, list[T]]:
    """``united``: its statement joins those of other united loaders asked for in the same
    turn (a session's machines, answers and unlocked hints: ``db/row_unions.py``)."""
    shape = (model, tuple(columns), key, tuple(order_by), tuple((where or {}).items()))
    reader = united_reader(*shape) if united else row_reader(*shape)

    async def load(keys: list[UUID]) -> list[list[T]]:
        rows = await reader.where_in(keys)
        grouped: dict[UUID, list[T]] = defaultdict(list)
        for row in rows:
            grouped[row[key]].append(to_node(row))
        return [grouped.get(k, []) for k in keys]

    return RequestLoader(load_fn=load)


def count_by_key(
    model: type[Model], key: str, *, null: tuple[str, ...] = ()
) -> DataLoader[UUID, int]:
    """How many rows each key has (``null``: columns that must be NULL): one grouped
    COUNT per batch."""
    counter = RowCounter(model, key, null)

    async def load(keys: list[UUID]) -> list[int]:
        counts = await counter.counts(keys)
        return [counts.get(str(k), 0) for k in keys]

    return RequestLoader(load_fn=load)


async def required(loader: DataLoader[K, V | None], key: K) -> V:
    """A row a foreign key guarantees exists (``machine.version``): never None."""
    value = await loader.load(key)
    assert value is not None, f"dangling reference {key!r}"
    return value


async def read_ahead(loader: DataLoader[K, V], keys: Iterable[K]) -> dict[K, V]:
    """``loader``'s values for ``keys``: those it holds already, the others read in one
    batch of their own for the caller to hand to the items that asked (a page reading
    ahead what the query selects of its nodes).

    A read that fails is left out: the fields then load those keys themselves and report
    the error where they would have without reading ahead."""
    cache = loader.cache_map
    held: dict[K, Awaitable[V]] = {}
    missing: list[K] = []
    for key in dict.fromkeys(keys):
        future = cache.get(key)
        if future is None:
            missing.append(key)
        else:  # each caller waits on its own: see ``request_loader.py``
            done = not isinstance(future, asyncio.Future) or future.done()
            held[key] = future if done else asyncio.shield(future)
    found: dict[K, V] = {}
    if missing:
        try:
            values = await loader.load_fn(missing)
        except Exception:  # noqa: BLE001 - left to the fields, see above
            missing, values = [], []
        for key, value in zip(missing, values, strict=True):
            if not isinstance(value, BaseException):
                found[key] = value
    for key, pending in held.items():
        try:
            found[key] = await pending
        except Exception:  # noqa: BLE001 - left to the fields, see above
            continue
    return found


def loaded(loader: DataLoader[K, V], key: K) -> V | Awaitable[V]:
    """The loader's value for ``key`` when it is already read, else the pending load."""
    future = loader.load(key)
    if isinstance(future, asyncio.Future) and future.done():
        return future.result()  # type: ignore[no-any-return]
    return future


def loaded_then(loader: DataLoader[K, V], key: K, then: Callable[[V], R]) -> R | Awaitable[R]:
    """``then`` of the loader's value for ``key``: now when it is already read, else once
    the load completes."""
    future = loader.load(key)
    if isinstance(future, asyncio.Future) and future.done():
        return then(future.result())
    return _after(future, then)


async def _after(pending: Awaitable[V], then: Callable[[V], R]) -> R:
    return then(await pending)


def _present(value: V | None) -> V:
    assert value is not None, "dangling reference"
    return value


def loaded_required(loader: DataLoader[K, V | None], key: K) -> V | Awaitable[V]:
    """``loaded`` for a row a foreign key guarantees exists: never None."""
    return loaded_then(loader, key, _present)
