from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from ..errors import Forbidden, Unauthenticated


class SignedInPerson(BasePermission):
    """Account and credential changes: a signed-in person, never an API token."""

    message = "API tokens cannot manage accounts or credentials"
    error_class = Forbidden

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            raise Unauthenticated("sign in to do this")
        return not viewer.is_api_token
