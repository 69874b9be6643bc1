"""Reads of several small relations of one parent, sent as one statement.

A session's page reads its machines, its answers and its unlocked hints: three loaders,
each with one ``SELECT ... WHERE session_id IN (...)``, all asked for in the same turn of
the event loop. A ``UnitedReader`` does not send its statement at once: the reads of
united readers asked for in one turn on one connection wait for the turn to end and go
as one ``UNION ALL`` (each ``SELECT`` with its own columns, NULL in the others', and its
number), and each read gets its own rows back, in its reader's order. A read that finds
no other in its turn is sent alone, as a ``RowReader``'s.

The order is put in here, not by an ``ORDER BY`` (a ``UNION`` has one for all its rows):
values are compared as converted (times, ids, numbers), so a reader is united only when
it orders by such columns, not by text a collation would sort differently.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import cache
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.fields import CharField, TextField
from tortoise.models import Model

from .rows import _MARK, _QUOTE, Row, RowReader

_BRANCH = "rangex_union"


class UnitedReader(RowReader):
    """A ``RowReader`` whose reads join others asked for in the same turn (see above)."""

    def __init__(
        self,
        model: type[Model],
        columns: Sequence[str],
        key: str,
        order_by: Sequence[str],
        where: dict[str, Any],
    ) -> None:
        super().__init__(model, columns, key, order_by, where)
        fields = model._meta.fields_map
        assert all(o.lstrip("-") in self.columns for o in order_by), "ordered by read columns"
        assert not any(
            isinstance(fields[o.lstrip("-")], CharField | TextField) for o in order_by
        ), "text is ordered by the database's collation: not united"

    async def where_in(self, keys: Sequence[Any]) -> list[Row]:
        if not keys:
            return []
        return await _turn_of(self.model._meta.db).read(self, keys)

    async def read_alone(self, keys: Sequence[Any]) -> list[Row]:
        return await super().where_in(keys)

    def select(self, index: int, slots: dict[UnitedReader, list[str]], dialect: str) -> str:
        """This reader's ``SELECT`` in a union of ``slots``' readers (each its columns
        under its own aliases)."""
        q, mark = _QUOTE[dialect], _MARK[dialect]
        fields = self.model._meta.fields_map
        names = ", ".join(
            (f"{q}{fields[column].source_field or column}{q}" if reader is self else "NULL")
            + f" AS {q}{alias}{q}"
            for reader, aliases in slots.items()
            for column, alias in zip(reader.columns, aliases, strict=True)
        )
        conditions = "".join(
            f" AND {q}{fields[c].source_field or c}{q} = {mark}" for c in self.where
        )
        return (
            f"SELECT {names}, {index} AS {q}{_BRANCH}{q} "
            f"FROM {q}{self.model._meta.db_table}{q} "
            f"WHERE {q}{self.key}{q} IN ({{marks{index}}}){conditions}"
        )


@cache
def united_reader(
    model: type[Model],
    columns: tuple[str, ...],
    key: str,
    order_by: tuple[str, ...] = (),
    where: tuple[tuple[str, Any], ...] = (),
) -> UnitedReader:
    """The united reader for one shape, built once and shared (as ``row_reader``)."""
    return UnitedReader(model, columns, key, order_by, dict(where))


class _Turn:
    """The united reads asked for on one connection in one turn of the event loop."""

    def __init__(self, client: BaseDBAsyncClient) -> None:
        self.client = client
        self.reads: list[tuple[UnitedReader, Sequence[Any], asyncio.Future[list[Row]]]] = []

    def read(self, reader: UnitedReader, keys: Sequence[Any]) -> asyncio.Future[list[Row]]:
        future: asyncio.Future[list[Row]] = asyncio.get_running_loop().create_future()
        self.reads.append((reader, keys, future))
        return future

    async def send(self) -> None:
        reads = self.reads
        try:
            if len(reads) == 1:
                reader, keys, future = reads[0]
                results = [await reader.read_alone(keys)]
            else:
                results = await self._union()
        except BaseException as error:
            for _, _, future in reads:
                if not future.done():
                    future.set_exception(error)
            if not isinstance(error, Exception):
                raise
            return
        for (_, _, future), rows in zip(reads, results, strict=True):
            if not future.done():  # its reader was cancelled meanwhile
                future.set_result(rows)

    async def _union(self) -> list[list[Row]]:
        readers = [reader for reader, _, _ in self.reads]
        dialect = self.client.capabilities.dialect
        slots = {
            reader: [f"u{number}__{column}" for column in reader.columns]
            for number, reader in enumerate(dict.fromkeys(readers))
        }
        sql = " UNION ALL ".join(
            reader.select(index, slots, dialect) for index, reader in enumerate(readers)
        ).format(
            **{
                f"marks{index}": ", ".join([_MARK[dialect]] * len(keys))
                for index, (_, keys, _) in enumerate(self.reads)
            }
        )
        parameters = [
            value
            for reader, keys, _ in self.reads
            for value in (*map(str, keys), *reader._where_values)
        ]
        raw = await self.client.execute_query_dict(sql, parameters)
        found: list[list[Row]] = [[] for _ in readers]
        for row in raw:
            index = int(row[_BRANCH])
            reader = readers[index]
            found[index].append(
                {
                    column: row[alias]
                    for column, alias in zip(reader.columns, slots[reader], strict=True)
                }
            )
        for reader, rows in zip(readers, found, strict=True):
            reader._converter.convert(rows, dialect)
            for field in reversed(reader.order_by):  # stable sorts: the first field wins
                name = field.lstrip("-")
                rows.sort(key=lambda row: row[name], reverse=field.startswith("-"))
        return found


_TURNS: dict[tuple[asyncio.AbstractEventLoop, BaseDBAsyncClient], _Turn] = {}


def _turn_of(client: BaseDBAsyncClient) -> _Turn:
    loop = asyncio.get_running_loop()
    turn = _TURNS.get((loop, client))
    if turn is None:
        turn = _TURNS[(loop, client)] = _Turn(client)
        loop.call_soon(_end_turn, loop, client)
    return turn


def _end_turn(loop: asyncio.AbstractEventLoop, client: BaseDBAsyncClient) -> None:
    turn = _TURNS.pop((loop, client))
    task = loop.create_task(turn.send())
    _SENDING.add(task)
    task.add_done_callback(_SENDING.discard)


_SENDING: set[asyncio.Task[None]] = set()
