"""Reading chosen columns of many rows without Tortoise's query builder.

Building a statement through the QuerySet/pypika layer costs about half a millisecond;
a DataLoader issues the same statement shape on every request. ``RowReader`` keeps the
SQL text fixed per dialect and converts values with Tortoise's own field converters, so
the rows are exactly what ``QuerySet.values()`` would return.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from tortoise.fields import DatetimeField, Field
from tortoise.fields.data import CharEnumFieldInstance
from tortoise.models import Model
from tortoise.timezone import get_default_timezone, get_use_tz

Row = dict[str, Any]

_QUOTE = {"mysql": "`", "sqlite": '"'}
_MARK = {"mysql": "%s", "sqlite": "?"}


def _to_python(field: Field[Any]) -> Callable[[Any], Any]:
    """``field.to_python_value``, or an equivalent shortcut for the types every row has:
    enums looked up by value, naive datetimes from the driver made aware in the default
    time zone (what Tortoise does with ``use_tz``). Anything else goes to Tortoise."""
    convert: Callable[[Any], Any] = field.to_python_value
    converts_as = type(field).to_python_value
    if converts_as is CharEnumFieldInstance.to_python_value:
        members = {member.value: member for member in field.enum_type}  # type: ignore[attr-defined]

        def enum_member(value: Any) -> Any:
            member = members.get(value)
            return convert(value) if member is None else member

        return enum_member
    if converts_as is DatetimeField.to_python_value and get_use_tz():
        zone = get_default_timezone()
        if not hasattr(zone, "localize"):  # pytz zones localize instead

            def aware(value: Any) -> Any:
                if type(value) is datetime and value.tzinfo is None:
                    return value.replace(tzinfo=zone)
                return convert(value)

            return aware
    return convert


class RowConverter:
    """Chosen columns of driver rows made what ``QuerySet.values()`` returns: each value
    through its field's ``to_python_value``, except the fields Tortoise leaves as the
    driver returns them (``db_native_fields``: strings and numbers). A column of a related
    row is named as in ``values()``: ``author__display_name``."""

    def __init__(self, model: type[Model], columns: Sequence[str]) -> None:
        self.model = model
        self.columns = tuple(columns)
        self._converters: dict[str, list[tuple[str, Callable[[Any], Any]]]] = {}

    def _for(self, dialect: str) -> list[tuple[str, Callable[[Any], Any]]]:
        converters = self._converters.get(dialect)
        if converters is None:
            converters = []
            for column in self.columns:
                model, name = self.model, column
                while "__" in name:
                    relation, name = name.split("__", 1)
                    model = model._meta.fields_map[relation].related_model  # type: ignore[attr-defined]
                if name not in {native for _, native, _ in model._meta.db_native_fields}:
                    converters.append((column, _to_python(model._meta.fields_map[name])))
            self._converters[dialect] = converters
        return converters

    def convert(self, rows: list[Row], dialect: str) -> list[Row]:
        """The rows, converted in place (as ``QuerySet.values()`` does)."""
        converters = self._for(dialect)
        for row in rows:
            for name, convert in converters:
                row[name] = convert(row[name])
        return rows


async def fetch_rows(
    model: type[Model], converter: RowConverter, sql: str, params: Sequence[Any]
) -> list[Row]:
    """Run fixed SQL text (columns aliased to their field names) on the model's
    connection; the rows as ``QuerySet.values()`` would return them."""
    client = model._meta.db
    rows = await client.execute_query_dict(sql, list(params))
    return converter.convert(rows, client.capabilities.dialect)


class RowReader:
    """``SELECT columns FROM table WHERE key IN (...) ORDER BY ...`` for one model."""

    def __init__(
        self,
        model: type[Model],
        columns: Sequence[str],
        key: str,
        order_by: Iterable[str] = (),
        where: dict[str, Any] | None = None,
        counts: dict[str, tuple[type[Model], str]] | None = None,
    ) -> None:
        """``where``: further equality conditions, e.g. ``{"status": "PUBLISHED"}``;
        ``counts``: more columns, each how many rows of a model point at the row, e.g.
        ``{"machine_count": (Machine, "version_id")}``."""
        self.model = model
        self.columns = tuple(columns)
        self.key = key
        self.order_by = tuple(order_by)
        self.where = dict(where or {})
        self.counts = dict(counts or {})
        self._where_values = [
            model._meta.fields_map[c].to_db_value(v, model) for c, v in self.where.items()
        ]
        self._converter = RowConverter(model, self.columns)
        self._sql: dict[str, str] = {}

    def _template(self, dialect: str) -> str:
        sql = self._sql.get(dialect)
        if sql is None:
            q = _QUOTE[dialect]
            fields = self.model._meta.fields_map
            table = f"{q}{self.model._meta.db_table}{q}"
            names = ", ".join(
                [f"{q}{fields[c].source_field or c}{q} AS {q}{c}{q}" for c in self.columns]
                + [
                    f"(SELECT COUNT(*) FROM {q}{model._meta.db_table}{q} "
                    f"WHERE {q}{model._meta.db_table}{q}.{q}{link}{q} = {table}.{q}id{q}) "
                    f"AS {q}{alias}{q}"
                    for alias, (model, link) in self.counts.items()
                ]
            )
            order = ", ".join(
                f"{q}{o.lstrip('-')}{q} {'DESC' if o.startswith('-') else 'ASC'}"
                for o in self.order_by
            )
            conditions = "".join(
                f" AND {q}{fields[c].source_field or c}{q} = {_MARK[dialect]}" for c in self.where
            )
            sql = (
                f"SELECT {names} FROM {table} "
                f"WHERE {q}{self.key}{q} IN ({{marks}}){conditions}"
                + (f" ORDER BY {order}" if order else "")
            )
            self._sql[dialect] = sql
        return sql

    async def where_in(self, keys: Sequence[Any]) -> list[Row]:
        if not keys:
            return []
        client = self.model._meta.db
        dialect = client.capabilities.dialect
        sql = self._template(dialect).format(marks=", ".join([_MARK[dialect]] * len(keys)))
        raw = await client.execute_query_dict(sql, [*map(str, keys), *self._where_values])
        for row in raw if self.counts else ():
            for alias in self.counts:
                row[alias] = int(row[alias])
        return self._converter.convert(raw, dialect)


@dataclasses.dataclass(slots=True)
class Joined:
    """A row with the rows of the next model that point at it, each with theirs, and
    those of the join's ``also`` model when it has one at this level."""

    row: Row
    children: list[Joined] = dataclasses.field(default_factory=list)
    also: list[Joined] = dataclasses.field(default_factory=list)


class ChildJoin:
    """Rows of one model by key, each with the rows of a second model that point at it,
    each of those with the rows of a third that point at it, and so on, in one statement:
    ``t0 LEFT JOIN t1 ON t1.<link> = t0.id AND <t1's where> LEFT JOIN t2 ON ...
    WHERE t0.<key> IN (...)``.

    ``also`` reads a second model beside the last one (the questions of versions beside
    their machines): the statement is then a ``UNION ALL`` of the chain and of the chain
    with ``also`` in the last one's place, the rows of each telling which they are. Joining
    both at once would multiply them (every machine with every question).

    The readers say which columns, conditions and order; the ``key`` of every reader but
    the first is its column pointing at the one before, and their columns include ``id``
    and what they order by. The children are put in order here, not by an ``ORDER BY``:
    sorting on columns of two joined tables makes MariaDB build a temporary table (on disk
    when a row holds TEXT), which cost more than the rest of the statement. Values are
    compared as converted (numbers, ids, times), not by the database's collation."""

    def __init__(self, *readers: RowReader, also: RowReader | None = None) -> None:
        assert len(readers) >= 2, "a join of one reader is that reader"
        assert also is None or len(readers) >= 3, "``also`` stands beside a child reader"
        every = [*readers, *([also] if also is not None else [])]
        assert all("id" in reader.columns for reader in every), "rows are told apart by id"
        assert all(
            o.lstrip("-") in reader.columns for reader in every[1:] for o in reader.order_by
        ), "children are ordered by columns they read"
        self.readers = readers
        self.also = also
        # Levels: the readers', then ``also`` (joined to the last reader's parent).
        self._levels: tuple[RowReader, ...] = tuple(every)
        self._sql: dict[str, str] = {}

    @staticmethod
    def _alias(level: int, name: str) -> str:
        return f"t{level}__{name}" if level else name

    def _branches(self) -> list[list[int]]:
        """The levels each SELECT of the statement joins."""
        chain = list(range(len(self.readers)))
        if self.also is None:
            return [chain]
        return [chain, [*chain[:-1], len(self.readers)]]

    def _template(self, dialect: str) -> str:
        sql = self._sql.get(dialect)
        if sql is None:
            q, mark = _QUOTE[dialect], _MARK[dialect]

            def column(level: int, name: str) -> str:
                fields = self._levels[level].model._meta.fields_map
                return f"t{level}.{q}{fields[name].source_field or name}{q}"

            def table(level: int) -> str:
                return f"{q}{self._levels[level].model._meta.db_table}{q} t{level}"

            def select(levels: list[int]) -> str:
                names = ", ".join(
                    f"{column(level, c) if level in levels else 'NULL'} "
                    f"AS {q}{self._alias(level, c)}{q}"
                    for level, reader in enumerate(self._levels)
                    for c in reader.columns
                )
                joins = "".join(
                    f" LEFT JOIN {table(level)} ON {column(level, self._levels[level].key)} = "
                    f"{column(parent, 'id')}"
                    + "".join(
                        f" AND {column(level, c)} = {mark}" for c in self._levels[level].where
                    )
                    for parent, level in itertools.pairwise(levels)
                )
                branch = (
                    f", {self._branches().index(levels)} AS {q}{_BRANCH}{q}" if self.also else ""
                )
                return (
                    f"SELECT {names}{branch} FROM {table(0)}{joins} "
                    f"WHERE {column(0, self.readers[0].key)} IN ({{marks}})"
                )

            sql = " UNION ALL ".join(select(levels) for levels in self._branches())
            self._sql[dialect] = sql
        return sql

    async def where_in(self, keys: Sequence[Any]) -> list[Joined]:
        """Each first-level row found, in the order its rows came, with its children in
        order (and theirs)."""
        if not keys:
            return []
        client = self.readers[0].model._meta.db
        dialect = client.capabilities.dialect
        sql = self._template(dialect).format(marks=", ".join([_MARK[dialect]] * len(keys)))
        branches = self._branches()
        parameters = [
            value
            for levels in branches
            for value in (
                *(v for level in levels[1:] for v in self._levels[level]._where_values),
                *map(str, keys),
            )
        ]
        raw = await client.execute_query_dict(sql, parameters)
        names = [
            [(self._alias(level, c), c) for c in reader.columns]
            for level, reader in enumerate(self._levels)
        ]
        also_level = len(self.readers)
        found: dict[tuple[Any, ...], Joined] = {}  # by the ids of the row and its parents
        top: list[Joined] = []
        by_level: list[list[Row]] = [[] for _ in self._levels]
        for row in raw:
            path: tuple[Any, ...] = ()
            parent: Joined | None = None
            for level in branches[row[_BRANCH]] if self.also else branches[0]:
                pk = row[self._alias(level, "id")]
                if pk is None:
                    break
                path = (*path, level, pk)
                joined = found.get(path)
                if joined is None:
                    joined = found[path] = Joined({c: row[alias] for alias, c in names[level]})
                    by_level[level].append(joined.row)
                    if parent is None:
                        top.append(joined)
                    elif level == also_level:
                        parent.also.append(joined)
                    else:
                        parent.children.append(joined)
                parent = joined
        for reader, rows in zip(self._levels, by_level, strict=True):
            reader._converter.convert(rows, dialect)
        _put_in_order(top, self.readers[1:], self.also)
        return top


_BRANCH = "rangex_branch"


def _sort(items: list[Joined], order_by: Sequence[str]) -> None:
    for field in reversed(order_by):  # stable sorts: the first field wins
        name = field.lstrip("-")
        items.sort(key=lambda j: j.row[name], reverse=field.startswith("-"))


def _put_in_order(
    parents: list[Joined], readers: Sequence[RowReader], also: RowReader | None = None
) -> None:
    """Sort each parent's children by their reader's ``order_by``, and theirs below; the
    ``also`` rows sit beside the last readers' rows."""
    if not readers:
        return
    reader, below = readers[0], readers[1:]
    for parent in parents:
        _sort(parent.children, reader.order_by)
        if also is not None and not below:
            _sort(parent.also, also.order_by)
        _put_in_order(parent.children, below, also)


@cache
def child_join(*readers: RowReader, also: RowReader | None = None) -> ChildJoin:
    """The join of readers, built once and shared."""
    return ChildJoin(*readers, also=also)


@cache
def row_converter(model: type[Model], columns: tuple[str, ...]) -> RowConverter:
    """The converter for one model and columns, built once and shared."""
    return RowConverter(model, columns)


@cache
def row_reader(
    model: type[Model],
    columns: tuple[str, ...],
    key: str,
    order_by: tuple[str, ...] = (),
    where: tuple[tuple[str, Any], ...] = (),
    counts: tuple[tuple[str, tuple[type[Model], str]], ...] = (),
) -> RowReader:
    """The reader for one shape, built on first use (after Tortoise has initialised the
    models) and then shared: its converters and SQL text serve every request."""
    return RowReader(model, columns, key, order_by, dict(where), dict(counts))


class RowCounter:
    """``SELECT key, COUNT(*) ... WHERE key IN (...) GROUP BY key`` with fixed SQL text.

    ``null`` names columns that must be NULL (e.g. unread notifications)."""

    def __init__(self, model: type[Model], key: str, null: tuple[str, ...] = ()) -> None:
        self.model = model
        self.key = key
        self.null = null
        self._sql: dict[str, str] = {}

    def _template(self, dialect: str) -> str:
        sql = self._sql.get(dialect)
        if sql is None:
            q = _QUOTE[dialect]
            fields = self.model._meta.fields_map
            column = f"{q}{fields[self.key].source_field or self.key}{q}"
            nulls = "".join(f" AND {q}{fields[c].source_field or c}{q} IS NULL" for c in self.null)
            sql = (
                f"SELECT {column} AS {q}k{q}, COUNT(*) AS {q}n{q} "
                f"FROM {q}{self.model._meta.db_table}{q} "
                f"WHERE {column} IN ({{marks}}){nulls} GROUP BY {column}"
            )
            self._sql[dialect] = sql
        return sql

    async def counts(self, keys: Sequence[Any]) -> dict[str, int]:
        """Counts by the key's text form (absent keys have none)."""
        if not keys:
            return {}
        client = self.model._meta.db
        dialect = client.capabilities.dialect
        sql = self._template(dialect).format(marks=", ".join([_MARK[dialect]] * len(keys)))
        rows = await client.execute_query_dict(sql, [str(k) for k in keys])
        return {str(row["k"]): int(row["n"]) for row in rows}
