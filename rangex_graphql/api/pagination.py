"""Relay connections over keyset (seek) pagination: one helper for every list that grows.

A cursor is base64url(JSON [order value(s), id]) of the row it points at, so a page costs one
indexed range scan however deep the client has paged, and rows inserted meanwhile do not
shift the pages. A list whose query depends only on its caller's shape (the catalog of
anonymous visitors) reads its first pages with SQL built once per shape.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from json.encoder import encode_basestring_ascii
from typing import Annotated, Any, Generic, TypeVar
from uuid import UUID

import strawberry
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesQuery

from ..db.rows import fetch_rows, row_converter
from ..settings import Settings
from .errors import BadUserInput

NodeT = TypeVar("NodeT")


@strawberry.enum(description="Sort direction.")
class OrderDirection(Enum):
    ASC = strawberry.enum_value("ASC", description="Smallest, earliest or A first.")
    DESC = strawberry.enum_value("DESC", description="Largest, latest or Z first.")


@strawberry.type(description="Where a page sits in its connection (Relay).")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Whether more nodes follow this page (pass `endCursor` as `after`)."
    )
    has_previous_page: bool = strawberry.field(
        description="Whether nodes precede this page (pass `startCursor` as `before`)."
    )
    start_cursor: str | None = strawberry.field(
        description="Cursor of the page's first node; null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor of the page's last node; null when the page is empty."
    )


def _edge_cursor(root: Edge[Any]) -> str:
    return root.cursor_at()


@strawberry.type(description="One node of a connection with its cursor.")
class Edge(Generic[NodeT]):
    # Encoded when asked for: most pages want only the end cursor of their page info.
    cursor: str = strawberry.field(
        resolver=_edge_cursor,
        description="Opaque position of this node, for `after` or `before`. Valid for this "
        "list and ordering only; it stays valid while nodes are added or removed.",
    )
    node: NodeT = strawberry.field(description="The object at this position of the list.")
    encode: strawberry.Private[Callable[..., str]]
    position: strawberry.Private[tuple[Any, ...]]

    def cursor_at(self) -> str:
        return self.encode(*self.position)


@strawberry.type(description="A page of a list (Relay cursor connection).")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(
        description="The nodes of this page with their cursors, in list order."
    )
    page_info: PageInfo = strawberry.field(
        description="Cursors of the page's ends and whether more nodes lie beyond them."
    )
    count_total: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The nodes of this page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="How many nodes the whole list holds, filters applied.")
    async def total_count(self) -> int:
        return await self.count_total()


# The arguments of every connection field, described once.
First = Annotated[
    int | None,
    strawberry.argument(
        description="How many nodes to return from the start of the list, or after `after`: "
        "0 to the server's page limit (100 unless configured). Default 20 (configurable) "
        "when neither `first` nor `last` is given; not together with `last`."
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Return the nodes after this cursor (an `endCursor` or edge `cursor` "
        "of the same list and ordering)."
    ),
]
Last = Annotated[
    int | None,
    strawberry.argument(
        description="How many nodes to return from the end of the list, or before "
        "`before`: 0 to the server's page limit (100 unless configured); not together "
        "with `first`."
    ),
]
Before = Annotated[
    str | None,
    strawberry.argument(
        description="Return the nodes before this cursor (a `startCursor` or edge `cursor` "
        "of the same list and ordering)."
    ),
]


@dataclass(frozen=True, slots=True)
class SortKey:
    """A non-null column to order by, with the Python type its cursor value decodes to;
    ``then`` names more such columns that order rows tied on it (the id breaks the rest)."""

    column: str
    kind: type[Any]
    then: tuple[tuple[str, type[Any]], ...] = ()

    @property
    def columns(self) -> tuple[tuple[str, type[Any]], ...]:
        return ((self.column, self.kind), *self.then)


Cursor = tuple[tuple[Any, ...], UUID]


def page_size(first: int | None, last: int | None, settings: Settings) -> tuple[int, bool]:
    """How many nodes a page holds, and whether it is read backward (``last``)."""
    if first is not None and last is not None:
        raise BadUserInput("pass either first or last, not both", field="first")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= settings.max_page_size:
            raise BadUserInput(
                f"{name} must be between 0 and {settings.max_page_size}, got {value}",
                field=name,
            )
    if last is not None:
        return last, True
    return (first if first is not None else settings.default_page_size), False


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Validated ``first/after/last/before``: which way to read, how many, and from where."""

    limit: int
    backward: bool
    after: Cursor | None
    before: Cursor | None

    @classmethod
    def parse(
        cls,
        key: SortKey,
        *,
        first: int | None,
        after: str | None,
        last: int | None,
        before: str | None,
        settings: Settings,
    ) -> PageRequest:
        limit, backward = page_size(first, last, settings)
        return cls(
            limit=limit,
            backward=backward,
            after=decode_cursor(after, key, "after") if after else None,
            before=decode_cursor(before, key, "before") if before else None,
        )


def _cursor_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value.value if isinstance(value, Enum) else value


_CURSOR_JSON = json.JSONEncoder(separators=(",", ":"))


def _json_value(value: Any) -> str:
    """``value`` as json.dumps writes it; strings and ints (most cursors) without building
    an encoder."""
    kind = type(value)
    if kind is str:
        return encode_basestring_ascii(value)
    if kind is int:
        return int.__repr__(value)
    return _CURSOR_JSON.encode(value)


def encode_cursor(values: Sequence[Any], pk: UUID | str) -> str:
    """base64url of json.dumps([*values, pk], separators=(",", ":"))."""
    items = [*map(_cursor_value, values), str(pk)]
    raw = f"[{','.join(map(_json_value, items))}]".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, key: SortKey, field: str) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        *encoded, pk = json.loads(raw)
        values = []
        for value, (_, kind) in zip(encoded, key.columns, strict=True):
            if kind is datetime:
                value = datetime.fromisoformat(value)
            elif not isinstance(value, kind):
                raise TypeError(value)
            values.append(value)
        return tuple(values), UUID(pk)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise BadUserInput(f"{field}: not a cursor of this list", field=field) from None


def _seek(key: SortKey, descending: bool, cursor: Cursor, *, forward: bool) -> Q:
    """Rows strictly after (``forward``) or before the cursor, in list order: greater (or
    less) on the first column, or equal on it and so on down to the id."""
    op = "gt" if forward != descending else "lt"
    values, pk = cursor
    names = [column for column, _ in key.columns]
    seek = Q(**{**dict(zip(names, values, strict=True)), f"id__{op}": pk})
    for i in reversed(range(len(names))):
        equal = dict(zip(names[:i], values[:i], strict=True))
        seek = Q(**{**equal, f"{names[i]}__{op}": values[i]}) | seek
    return seek


# Pages read with fixed SQL: by the caller's shape of the query and the page, the model
# and, per dialect, the statement's text and parameters.
_PAGE_STATEMENTS: dict[Hashable, tuple[type[Model], dict[str, tuple[str, tuple[Any, ...]]]]] = {}
_MAX_PAGE_STATEMENTS = 1024


async def paginate(
    queryset: QuerySet[Any] | Callable[[], QuerySet[Any]],
    page: PageRequest,
    key: SortKey,
    *,
    descending: bool,
    columns: Sequence[str],
    to_node: Callable[[dict[str, Any]], NodeT],
    shape: Hashable | None = None,
) -> Connection[NodeT]:
    """One page of ``queryset`` in one statement; ``totalCount`` costs one more if selected.

    ``shape``: a key that determines the queryset entirely, filter values included (say,
    the catalog of anonymous visitors). Its first pages (no cursor) are then built by
    Tortoise's query builder once, and read with that SQL text and those parameters from
    then on; pass the queryset as a function to build it only when needed."""
    build = queryset if callable(queryset) else lambda: queryset
    names = [*(column for column, _ in key.columns), "id"]
    read_descending = descending != page.backward
    ordering = [f"-{name}" for name in names] if read_descending else names

    def query() -> ValuesQuery[Any]:
        return _page_query(build(), page, key, descending, ordering, columns)

    if shape is None or page.after or page.before:
        rows = await query()
    else:
        kept = (shape, tuple(ordering), page.limit, tuple(columns))
        rows = await _read_with_kept_statement(kept, query, tuple(columns))
    return build_connection(rows, page, key, to_node, lambda: build().count())


async def _read_with_kept_statement(
    kept: Hashable, query: Callable[[], ValuesQuery[Any]], columns: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The rows of ``query``, with the SQL text and parameters built for ``kept`` the
    first time (per dialect) and kept for the next pages of that shape."""
    entry = _PAGE_STATEMENTS.get(kept)
    built = None
    if entry is None:
        built = query()
        entry = built.model, {}
        if len(_PAGE_STATEMENTS) < _MAX_PAGE_STATEMENTS:
            _PAGE_STATEMENTS[kept] = entry
    model, by_dialect = entry
    dialect = model._meta.db.capabilities.dialect
    statement = by_dialect.get(dialect)
    if statement is None:
        built = built or query()
        built.sql()  # makes the query
        sql, params = built.query.get_parameterized_sql()
        statement = by_dialect[dialect] = sql, tuple(params)
    return await fetch_rows(model, row_converter(model, columns), *statement)


def _page_query(
    queryset: QuerySet[Any],
    page: PageRequest,
    key: SortKey,
    descending: bool,
    ordering: list[str],
    columns: Sequence[str],
) -> ValuesQuery[Any]:
    if page.after:
        queryset = queryset.filter(_seek(key, descending, page.after, forward=True))
    if page.before:
        queryset = queryset.filter(_seek(key, descending, page.before, forward=False))
    return queryset.order_by(*ordering).limit(page.limit + 1).values(*columns)


def build_connection(
    rows: Sequence[dict[str, Any]],
    page: PageRequest,
    key: SortKey,
    to_node: Callable[[dict[str, Any]], NodeT],
    count_total: Callable[[], Awaitable[int]],
) -> Connection[NodeT]:
    """Turn the ``limit + 1`` rows read in read order into a page in list order."""
    has_more = len(rows) > page.limit
    rows = list(rows[: page.limit])
    if page.backward:
        rows.reverse()
    edges = [
        Edge(
            encode=encode_cursor,
            position=([r[c] for c, _ in key.columns], r["id"]),
            node=to_node(r),
        )
        for r in rows
    ]
    if page.backward:
        has_next, has_previous = page.before is not None, has_more
    else:
        has_next, has_previous = has_more, page.after is not None
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=edges[0].cursor_at() if edges else None,
            end_cursor=edges[-1].cursor_at() if edges else None,
        ),
        count_total=count_total,
    )
