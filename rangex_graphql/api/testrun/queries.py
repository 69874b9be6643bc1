"""Reading test runs: ``node(id:)``, and ``ScenarioVersion.testRuns``/``latestTestRun``
(the scenario types call these)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ...services.authoring.visibility import can_see_unpublished
from ..context import Info
from ..errors import Forbidden
from ..nested_pagination import NestedKey, NestedPage
from ..node import Node, nodes_by_id
from ..pagination import Connection
from .loaders import test_run_pages_by_version, test_runs_by_id

HIDDEN = "test runs are their version's author's and admins'"


async def _may_see(info: Info, version_id: UUID) -> bool:
    version = await info.context.loader(nodes_by_id("ScenarioVersion")).load(version_id)
    if version is None:
        return False
    scenario = await info.context.loader(nodes_by_id("Scenario")).load(version.scenario_id)
    return scenario is not None and can_see_unpublished(info.context.viewer, scenario.author_id)


async def resolve_test_run_node(info: Info, pk: UUID) -> Node | None:
    run = await info.context.loader(test_runs_by_id).load(pk)
    if run is None or not await _may_see(info, run.version_id):
        return None
    found: Node = run
    return found


async def runs_of_version(
    info: Info, version_id: UUID, author_id: UUID, first: int | None, after: str | None
) -> Connection[Any]:
    if not can_see_unpublished(info.context.viewer, author_id):
        raise Forbidden(HIDDEN)
    page = NestedPage.parse(
        first=first, after=after, last=None, before=None, settings=info.context.settings
    )
    return await info.context.loader(test_run_pages_by_version).load(NestedKey(version_id, page))


async def latest_run_of_version(info: Info, version_id: UUID, author_id: UUID) -> Any:
    connection = await runs_of_version(info, version_id, author_id, 1, None)
    return connection.edges[0].node if connection.edges else None
