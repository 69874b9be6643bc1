"""``node(id:)`` for a Hint: visible exactly when its version is."""

from __future__ import annotations

from uuid import UUID

from ..context import Info
from ..node import Node, visible_through_parent
from ..scenario.queries import resolve_version_node
from .types import HintNode, hints_by_id


async def resolve_hint_node(info: Info, pk: UUID) -> Node | None:
    hint: HintNode | None = await info.context.loader(hints_by_id).load(pk)
    return await visible_through_parent(
        info, hint, lambda found: found.version_id, resolve_version_node
    )
