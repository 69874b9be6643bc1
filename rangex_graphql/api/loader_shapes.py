"""The two loader shapes every relation uses: one row by key, and rows grouped by key.

Keys in, values in key order out, ``None`` (or ``[]``) for a missing key; one SQL
statement per batch, whatever the number of keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar, overload
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from ..db.rows import row_reader

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
Row = dict[str, Any]


class Lazy(Generic[K, V]):
    """A loader attribute built on first access, then cached on the instance."""

    def __init__(self, factory: Callable[[], DataLoader[K, V]]) -> None:
        self.factory = factory
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> Lazy[K, V]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> DataLoader[K, V]: ...
    def __get__(self, instance: object | None, owner: type) -> Lazy[K, V] | DataLoader[K, V]:
        if instance is None:
            return self
        loader = self.factory()
        # No __set__ on this descriptor, so the instance attribute wins from now on.
        instance.__dict__[self.name] = loader
        return loader


def one_by_id(
    model: type[Model], columns: Sequence[str], to_node: Callable[[Row], T]
) -> DataLoader[UUID, T | None]:
    reader = row_reader(model, tuple(columns), "id", (), ())

    async def load(keys: list[UUID]) -> list[T | None]:
        rows = await reader.where_in(keys)
        found = {row["id"]: to_node(row) for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def many_by_key(
    model: type[Model],
    key: str,
    columns: Sequence[str],
    to_node: Callable[[Row], T],
    order_by: Iterable[str] = ("position", "id"),
    where: dict[str, Any] | None = None,
) -> DataLoader[UUID, list[T]]:
    reader = row_reader(model, tuple(columns), key, tuple(order_by), tuple((where or {}).items()))

    async def load(keys: list[UUID]) -> list[list[T]]:
        rows = await reader.where_in(keys)
        grouped: dict[UUID, list[T]] = defaultdict(list)
        for row in rows:
            grouped[row[key]].append(to_node(row))
        return [grouped.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


async def required(loader: DataLoader[K, V | None], key: K) -> V:
    """A row a foreign key guarantees exists (``machine.version``): never None."""
    value = await loader.load(key)
    assert value is not None, f"dangling reference {key!r}"
    return value
