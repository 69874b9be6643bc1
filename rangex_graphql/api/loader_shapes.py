"""The two loader shapes every relation uses: one row by key, and rows grouped by key.

Keys in, values in key order out, ``None`` (or ``[]``) for a missing key; one SQL
statement per batch, whatever the number of keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from ..db.rows import RowReader

T = TypeVar("T")
Row = dict[str, Any]


def one_by_id(
    model: type[Model], columns: Sequence[str], to_node: Callable[[Row], T]
) -> DataLoader[UUID, T | None]:
    reader = RowReader(model, columns, "id")

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
    reader = RowReader(model, columns, key, order_by, where)

    async def load(keys: list[UUID]) -> list[list[T]]:
        rows = await reader.where_in(keys)
        grouped: dict[UUID, list[T]] = defaultdict(list)
        for row in rows:
            grouped[row[key]].append(to_node(row))
        return [grouped.get(k, []) for k in keys]

    return DataLoader(load_fn=load)
