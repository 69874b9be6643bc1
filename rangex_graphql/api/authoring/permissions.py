from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from ..errors import Forbidden, Unauthenticated


class CreatorOrAdmin(BasePermission):
    """Authoring: CREATORs and ADMINs; ownership of the scenario is the service's rule."""

    message = "only creators and admins author scenarios"
    error_class = Forbidden

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            raise Unauthenticated("sign in to do this")
        return bool(viewer.is_creator)
