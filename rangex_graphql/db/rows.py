"""Reading chosen columns of many rows without Tortoise's query builder.

Building a statement through the QuerySet/pypika layer costs about half a millisecond;
a DataLoader issues the same statement shape on every request. ``RowReader`` keeps the
SQL text fixed per dialect and converts values with Tortoise's own field converters, so
the rows are exactly what ``QuerySet.values()`` would return.
"""

from __future__ import annotations

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


class ChildJoin:
    """Rows of one model by key, each with the rows of another model that point at it, in
    one statement: ``parent LEFT JOIN child ON child.<link> = parent.id AND <the child's
    where> WHERE parent.<key> IN (...) ORDER BY <the child's order>``.

    ``parent`` and ``child`` say which columns, conditions and order; the child's ``key``
    is its column pointing at the parent, and its columns must include ``id``."""

    _PREFIX = "child__"

    def __init__(self, parent: RowReader, child: RowReader) -> None:
        assert "id" in child.columns, "children are told apart by their id"
        self.parent = parent
        self.child = child
        self._sql: dict[str, str] = {}

    def _template(self, dialect: str) -> str:
        sql = self._sql.get(dialect)
        if sql is None:
            q, mark = _QUOTE[dialect], _MARK[dialect]
            parent, child = self.parent, self.child
            pf, cf = parent.model._meta.fields_map, child.model._meta.fields_map

            def column(fields: dict[str, Any], table: str, name: str) -> str:
                return f"{table}.{q}{fields[name].source_field or name}{q}"

            names = ", ".join(
                [f"{column(pf, 'p', c)} AS {q}{c}{q}" for c in parent.columns]
                + [f"{column(cf, 'c', c)} AS {q}{self._PREFIX}{c}{q}" for c in child.columns]
            )
            link = "".join(f" AND {column(cf, 'c', c)} = {mark}" for c in child.where)
            order = ", ".join(
                f"{column(cf, 'c', o.lstrip('-'))} {'DESC' if o.startswith('-') else 'ASC'}"
                for o in child.order_by
            )
            sql = (
                f"SELECT {names} FROM {q}{parent.model._meta.db_table}{q} p "
                f"LEFT JOIN {q}{child.model._meta.db_table}{q} c "
                f"ON {column(cf, 'c', child.key)} = p.{q}id{q}{link} "
                f"WHERE {column(pf, 'p', parent.key)} IN ({{marks}})"
                + (f" ORDER BY {order}" if order else "")
            )
            self._sql[dialect] = sql
        return sql

    async def where_in(self, keys: Sequence[Any]) -> list[tuple[Row, list[Row]]]:
        """Each parent found, in the order its rows came, with its children in order."""
        if not keys:
            return []
        client = self.parent.model._meta.db
        dialect = client.capabilities.dialect
        sql = self._template(dialect).format(marks=", ".join([_MARK[dialect]] * len(keys)))
        params = [*self.child._where_values, *map(str, keys)]
        raw = await client.execute_query_dict(sql, params)
        names = [(f"{self._PREFIX}{c}", c) for c in self.child.columns]
        parents: dict[Any, tuple[Row, list[Row]]] = {}
        children: list[tuple[Any, Row]] = []
        for row in raw:
            pk = row["id"]
            if pk not in parents:
                parents[pk] = ({c: row[c] for c in self.parent.columns}, [])
            if row[f"{self._PREFIX}id"] is not None:
                children.append((pk, {c: row[alias] for alias, c in names}))
        self.parent._converter.convert([parent for parent, _ in parents.values()], dialect)
        self.child._converter.convert([child for _, child in children], dialect)
        for pk, child in children:
            parents[pk][1].append(child)
        return list(parents.values())


@cache
def child_join(parent: RowReader, child: RowReader) -> ChildJoin:
    """The join of two readers, built once and shared."""
    return ChildJoin(parent, child)


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
