"""The Relay ``Node`` interface and the lookup behind ``node(id:)`` / ``nodes(ids:)``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

import strawberry

if TYPE_CHECKING:
    from .context import Info


@strawberry.interface(description="An object with a globally unique, opaque ID (Relay).")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Global ID of the object: opaque, stable, and accepted by "
        "`node(id:)`, `nodes(ids:)` and every argument or input that names this type."
    )


# Given the request and a primary key, the node if it exists AND the viewer may see it
# through the type's own fields; None otherwise (no existence leak through `node`).
NodeResolver = Callable[["Info", UUID], Awaitable[Node | None]]

N = TypeVar("N", bound=Node)


async def visible_through_parent(
    info: Info, child: N | None, parent_of: Callable[[N], UUID], resolve_parent: NodeResolver
) -> N | None:
    """A part of another object (a machine of a version) is visible exactly when that
    object is: the one rule behind every such ``node`` lookup."""
    if child is None or await resolve_parent(info, parent_of(child)) is None:
        return None
    return child
