"""The test run domain's DataLoaders, made per request by ``Context.loader``. They import
no GraphQL type (the scenario types read test runs through them): ``VersionTestRunNode``
is reached by its name (``api/node.py``)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models.test_run import VersionTestCheck, VersionTestRun
from ..loader_shapes import many_by_key, one_by_id
from ..nested_pagination import NestedConnectionLoader, NestedKey
from ..node import node_class
from ..pagination import Connection

TEST_RUN_TYPES = "rangex_graphql.api.testrun.types"
CHECK_COLUMNS = ("id", "run_id", "name", "status", "message", "position")


def _node(row: dict[str, Any]) -> Any:
    return node_class("VersionTestRun").from_row(row)


def _columns() -> tuple[str, ...]:
    return node_class("VersionTestRun").columns()


_PAGES: list[NestedConnectionLoader[Any]] = []


def test_run_pages_by_version() -> DataLoader[NestedKey, Connection[Any]]:
    """A version's runs, newest first (one windowed statement, one for the rows)."""
    if not _PAGES:
        _PAGES.append(
            NestedConnectionLoader(
                VersionTestRun, "version_id", "created_at DESC, id DESC", _columns(), _node
            )
        )
    return _PAGES[0].loader()


def test_runs_by_id() -> DataLoader[UUID, Any]:
    return one_by_id(VersionTestRun, _columns(), _node)


def checks_by_run() -> DataLoader[UUID, list[dict[str, Any]]]:
    """A run's checks in the order they ran, as rows."""
    return many_by_key(VersionTestCheck, "run_id", CHECK_COLUMNS, dict)
