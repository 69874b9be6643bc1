"""Reading chosen columns of many rows without Tortoise's query builder.

Building a statement through the QuerySet/pypika layer costs about half a millisecond;
a DataLoader issues the same statement shape on every request. ``RowReader`` keeps the
SQL text fixed per dialect and converts values with Tortoise's own field converters, so
the rows are exactly what ``QuerySet.values()`` would return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from tortoise.models import Model

Row = dict[str, Any]

_QUOTE = {"mysql": "`", "sqlite": '"'}
_MARK = {"mysql": "%s", "sqlite": "?"}


class RowReader:
    """``SELECT columns FROM table WHERE key IN (...) ORDER BY ...`` for one model."""

    def __init__(
        self,
        model: type[Model],
        columns: Sequence[str],
        key: str,
        order_by: Iterable[str] = (),
        where: dict[str, Any] | None = None,
    ) -> None:
        """``where``: further equality conditions, e.g. ``{"status": "PUBLISHED"}``."""
        self.model = model
        self.columns = tuple(columns)
        self.key = key
        self.order_by = tuple(order_by)
        self.where = dict(where or {})
        self._where_values = [
            model._meta.fields_map[c].to_db_value(v, model) for c, v in self.where.items()
        ]
        fields = model._meta.fields_map
        self._converters: list[tuple[str, Callable[[Any], Any]]] = []
        for column in self.columns:
            field = fields[column]
            self._converters.append((column, self._converter(field)))
        self._sql: dict[str, str] = {}

    @staticmethod
    def _converter(field: Any) -> Callable[[Any], Any]:
        to_python: Callable[[Any], Any] = field.to_python_value
        return to_python

    def _template(self, dialect: str) -> str:
        sql = self._sql.get(dialect)
        if sql is None:
            q = _QUOTE[dialect]
            fields = self.model._meta.fields_map
            names = ", ".join(
                f"{q}{fields[c].source_field or c}{q} AS {q}{c}{q}" for c in self.columns
            )
            order = ", ".join(
                f"{q}{o.lstrip('-')}{q} {'DESC' if o.startswith('-') else 'ASC'}"
                for o in self.order_by
            )
            conditions = "".join(
                f" AND {q}{fields[c].source_field or c}{q} = {_MARK[dialect]}" for c in self.where
            )
            sql = (
                f"SELECT {names} FROM {q}{self.model._meta.db_table}{q} "
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
        converters = self._converters
        return [{name: convert(row[name]) for name, convert in converters} for row in raw]


@cache
def row_reader(
    model: type[Model],
    columns: tuple[str, ...],
    key: str,
    order_by: tuple[str, ...] = (),
    where: tuple[tuple[str, Any], ...] = (),
) -> RowReader:
    """The reader for one shape, built on first use (after Tortoise has initialised the
    models) and then shared: its converters and SQL text serve every request."""
    return RowReader(model, columns, key, order_by, dict(where))


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
