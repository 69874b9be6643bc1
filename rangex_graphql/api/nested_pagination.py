"""Connections nested under a list of parents (``user.sessions``) in a constant number of
statements: one windowed query picks each parent's page of ids (``ROW_NUMBER`` per parent),
one more reads those rows. Cursors here are positions within the parent's list.
"""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.functions import Count
from tortoise.models import Model

from ..settings import Settings
from .errors import BadUserInput
from .pagination import Connection, Edge, PageInfo, page_size
from .request_loader import RequestLoader

T = TypeVar("T")
Filter = tuple[tuple[str, tuple[str, ...]], ...]  # ((column, allowed values), ...)


def encode_position(position: int) -> str:
    return base64.urlsafe_b64encode(f"p:{position}".encode()).decode().rstrip("=")


def decode_position(cursor: str, field: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = raw.partition(":")
        position = int(number)
        if prefix != "p" or position < 1:
            raise ValueError(raw)
        return position
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadUserInput(f"{field}: not a cursor of this list", field=field) from None


@dataclass(frozen=True, slots=True)
class NestedPage:
    """Validated page arguments; hashable, so equal requests share one batch."""

    limit: int
    backward: bool
    after: int | None
    before: int | None
    filter: Filter = ()

    @classmethod
    def parse(
        cls,
        *,
        first: int | None,
        after: str | None,
        last: int | None,
        before: str | None,
        settings: Settings,
        filter: Filter = (),
    ) -> NestedPage:
        limit, backward = page_size(first, last, settings)
        return cls(
            limit=limit,
            backward=backward,
            after=decode_position(after, "after") if after else None,
            before=decode_position(before, "before") if before else None,
            filter=filter,
        )

    def window_condition(self) -> str:
        # Every number here is a validated int, so inlining them is safe.
        conditions = []
        if self.after is not None:
            conditions.append(f"rn > {int(self.after)}")
        if self.before is not None:
            conditions.append(f"rn < {int(self.before)}")
        if self.backward:
            upper = f"{int(self.before)}" if self.before is not None else "cnt + 1"
            conditions.append(f"rn >= {upper} - {int(self.limit) + 1}")
        else:
            conditions.append(f"rn <= {int(self.after or 0) + int(self.limit) + 1}")
        return " AND ".join(conditions)


@dataclass(frozen=True, slots=True)
class NestedKey:
    parent: UUID
    page: NestedPage


class NestedConnectionLoader(Generic[T]):
    """Builds the DataLoader for one nested connection: parent key column, order, columns."""

    def __init__(
        self,
        model: type[Model],
        parent_column: str,
        order_sql: str,
        columns: Sequence[str],
        to_node: Callable[[dict[str, Any]], T],
    ) -> None:
        self.model = model
        self.parent_column = parent_column
        self.order_sql = order_sql
        self.columns = tuple(columns)
        self.to_node = to_node

    def loader(self) -> DataLoader[NestedKey, Connection[T]]:
        counts: DataLoader[tuple[UUID, Filter], int] = RequestLoader(load_fn=self._count)

        async def load(keys: list[NestedKey]) -> list[Connection[T]]:
            by_page: dict[NestedPage, list[UUID]] = defaultdict(list)
            for key in keys:
                by_page[key.page].append(key.parent)
            pages = {
                page: await self._load_page(page, parents, counts)
                for page, parents in by_page.items()
            }
            return [pages[key.page][key.parent] for key in keys]

        return RequestLoader(load_fn=load)

    async def _count(self, keys: list[tuple[UUID, Filter]]) -> list[int]:
        """``totalCount`` of many parents: one grouped COUNT per distinct filter."""
        by_filter: dict[Filter, list[UUID]] = defaultdict(list)
        for parent, page_filter in keys:
            by_filter[page_filter].append(parent)
        found: dict[tuple[str, Filter], int] = {}
        for page_filter, parents in by_filter.items():
            query = self.model.filter(**{f"{self.parent_column}__in": parents})
            for column, values in page_filter:
                query = query.filter(**{f"{column}__in": values})
            rows = await (
                query.group_by(self.parent_column)
                .annotate(n=Count("id"))
                .values_list(self.parent_column, "n")
            )
            found.update({(str(parent), page_filter): n for parent, n in rows})
        return [found.get((str(parent), page_filter), 0) for parent, page_filter in keys]

    async def _load_page(
        self,
        page: NestedPage,
        parents: list[UUID],
        counts: DataLoader[tuple[UUID, Filter], int],
    ) -> dict[UUID, Connection[T]]:
        conn = self.model._meta.db
        mark = "?" if conn.capabilities.dialect == "sqlite" else "%s"
        table = self.model._meta.db_table
        params: list[Any] = [str(p) for p in parents]
        where = [f"{self.parent_column} IN ({', '.join([mark] * len(parents))})"]
        for column, values in page.filter:
            where.append(f"{column} IN ({', '.join([mark] * len(values))})")
            params.extend(values)
        sql = (
            f"SELECT id, {self.parent_column} AS parent, rn, cnt FROM ("
            f"SELECT id, {self.parent_column}, "
            f"ROW_NUMBER() OVER (PARTITION BY {self.parent_column} "
            f"ORDER BY {self.order_sql}) AS rn, "
            f"COUNT(*) OVER (PARTITION BY {self.parent_column}) AS cnt "
            f"FROM {table} WHERE {' AND '.join(where)}) w WHERE {page.window_condition()}"
        )
        window = await conn.execute_query_dict(sql, params)
        rows = await self.model.filter(id__in=[w["id"] for w in window]).values(*self.columns)
        nodes = {str(row["id"]): self.to_node(row) for row in rows}
        grouped: dict[str, list[tuple[int, int, T]]] = defaultdict(list)
        for w in window:
            grouped[str(w["parent"])].append((int(w["rn"]), int(w["cnt"]), nodes[str(w["id"])]))
        return {
            parent: self._connection(page, sorted(grouped.get(str(parent), [])), parent, counts)
            for parent in parents
        }

    def _connection(
        self,
        page: NestedPage,
        items: list[tuple[int, int, T]],
        parent: UUID,
        counts: DataLoader[tuple[UUID, Filter], int],
    ) -> Connection[T]:
        has_more = len(items) > page.limit
        if page.backward:
            items = items[len(items) - page.limit :] if page.limit else []
            has_previous, has_next = has_more, page.before is not None
        else:
            items = items[: page.limit]
            has_previous, has_next = bool(page.after), has_more
        edges = [Edge(encode=encode_position, position=(rn,), node=node) for rn, _, node in items]

        async def count_total() -> int:
            # Always through the batched loader, so the statement count of a query does
            # not depend on which parents happen to have rows in their window.
            return await counts.load((parent, page.filter))

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
