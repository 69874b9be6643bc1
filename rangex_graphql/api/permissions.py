"""Field permissions. Ownership rules that need data live in services and resolvers."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from .errors import Forbidden, Unauthenticated


class Authenticated(BasePermission):
    message = "sign in to see this"
    error_class = Unauthenticated

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return info.context.viewer is not None


class AdminOnly(BasePermission):
    message = "only admins may see this"

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            raise Unauthenticated("sign in to see this")
        return bool(viewer.is_admin)

    error_class = Forbidden


class SelfOrAdmin(BasePermission):
    """On a field of a User: that user and admins only."""

    message = "only this user and admins may see this"
    error_class = Forbidden

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            raise Unauthenticated("sign in to see this")
        return bool(viewer.is_admin or viewer.id == source.pk)
