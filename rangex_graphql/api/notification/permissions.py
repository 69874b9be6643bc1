from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from ..errors import Forbidden, Unauthenticated


class SelfOnly(BasePermission):
    """On a field of a User: that user only. Notifications are private to their
    recipient; admins read them no more than anyone else does."""

    message = "only this user may see this"
    error_class = Forbidden

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            raise Unauthenticated("sign in to see this")
        return bool(viewer.id == source.pk)
