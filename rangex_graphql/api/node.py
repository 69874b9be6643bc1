"""The Relay ``Node`` interface and the lookup behind ``node(id:)`` / ``nodes(ids:)``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from uuid import UUID

import strawberry

if TYPE_CHECKING:
    from .context import Info


@strawberry.interface(description="An object with a globally unique, opaque ID (Relay).")
class Node:
    id: strawberry.ID


# Given the request and a primary key, the node if it exists AND the viewer may see it
# through the type's own fields; None otherwise (no existence leak through `node`).
NodeResolver = Callable[["Info", UUID], Awaitable[Node | None]]
