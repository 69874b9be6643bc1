"""``node(id:)`` for a VersionAsset: shown exactly as ``ScenarioVersion.assets`` shows it
(the author and admins: every asset; other readers of the version: its DOWNLOAD ones,
without placement; anyone else: null)."""

from __future__ import annotations

from uuid import UUID

from ..context import Info
from ..node import Node
from ..scenario.queries import resolve_scenario_node, resolve_version_node
from ..scenario.types import ScenarioNode, ScenarioVersionNode
from .fields import asset_for_reader, assets_by_id


async def resolve_asset_node(info: Info, pk: UUID) -> Node | None:
    found = await info.context.loader(assets_by_id).load(pk)
    if found is None:
        return None
    version_id, asset = found
    version = await resolve_version_node(info, version_id)
    if not isinstance(version, ScenarioVersionNode):
        return None
    scenario = await resolve_scenario_node(info, version.scenario_id)
    if not isinstance(scenario, ScenarioNode):
        return None
    return asset_for_reader(info, asset, scenario.author_id)
