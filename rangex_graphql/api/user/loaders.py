"""The user domain's DataLoaders, made per request by ``Context.loader``."""

from __future__ import annotations

from ..node import nodes_by_id

# The one factory every domain reads users through (``nodes_by_id("User")``).
users_by_id = nodes_by_id("User")
