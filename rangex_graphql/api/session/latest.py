"""``ScenarioVersion.viewerLatestSession``: a learner's most recent session of each version.

One statement for any number of versions: a window numbers each version's sessions of the
viewer, newest first (``created_at``, then ``id``: the order of ``User.sessions``), and
only the first of each is read. Creator test runs (``is_test``) are left out, as from the
learner's other lists. It imports no GraphQL type (the scenario types read it):
``EnvironmentSession`` is reached by its name (``api/node.py``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from ...db.rows import row_converter
from ...models import EnvironmentSession
from ..node import node_class
from ..request_loader import RequestLoader

SESSION_TYPES = "rangex_graphql.api.session.types"
ViewerVersion = tuple[UUID, UUID]  # (viewer, version)

_QUOTE = {"mysql": "`", "sqlite": '"'}
_MARK = {"mysql": "%s", "sqlite": "?"}
_SQL: dict[str, str] = {}


def _template(dialect: str, columns: tuple[str, ...]) -> str:
    sql = _SQL.get(dialect)
    if sql is None:
        q, mark = _QUOTE[dialect], _MARK[dialect]
        fields = EnvironmentSession._meta.fields_map
        table = f"{q}{EnvironmentSession._meta.db_table}{q}"
        names = ", ".join(f"s.{q}{fields[c].source_field or c}{q} AS {q}{c}{q}" for c in columns)
        # The window numbers ids only: with the TEXT columns in it, MariaDB would write
        # its temporary table to disk (ms per statement, where this takes µs).
        sql = _SQL[dialect] = (
            f"SELECT {names} FROM {table} s JOIN (SELECT {q}id{q}, ROW_NUMBER() OVER "
            f"(PARTITION BY {q}version_id{q} ORDER BY {q}created_at{q} DESC, {q}id{q} DESC) "
            f"AS {q}rn{q} FROM {table} WHERE {q}user_id{q} = {mark} AND {q}is_test{q} = {mark} "
            f"AND {q}version_id{q} IN ({{marks}})) w ON w.{q}id{q} = s.{q}id{q} "
            f"WHERE w.{q}rn{q} = 1"
        )
    return sql


async def _latest(keys: list[ViewerVersion]) -> list[Any]:
    node = node_class("EnvironmentSession")
    columns = node.columns()
    client = EnvironmentSession._meta.db
    dialect = client.capabilities.dialect
    by_viewer: dict[UUID, list[UUID]] = defaultdict(list)
    for viewer_id, version_id in dict.fromkeys(keys):
        by_viewer[viewer_id].append(version_id)
    found: dict[ViewerVersion, Any] = {}
    false = EnvironmentSession._meta.fields_map["is_test"].to_db_value(False, EnvironmentSession)
    for viewer_id, versions in by_viewer.items():  # one viewer per request
        sql = _template(dialect, columns).format(marks=", ".join([_MARK[dialect]] * len(versions)))
        rows = await client.execute_query_dict(sql, [str(viewer_id), false, *map(str, versions)])
        for row in row_converter(EnvironmentSession, columns).convert(rows, dialect):
            session = node.from_row(row)
            found[(viewer_id, UUID(str(row["version_id"])))] = session
    return [found.get(key) for key in keys]


def latest_session_by_viewer_and_version() -> DataLoader[ViewerVersion, Any]:
    """The viewer's newest session (``EnvironmentSessionNode``) of each version, test runs
    left out; None when there is none."""
    return RequestLoader(load_fn=_latest)
