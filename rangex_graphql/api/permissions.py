"""Who may use a field, declared on the field: ``extensions=[Allow(...)]``.

One parameterised rule: a signed-in viewer, with at least ``role``, or the user the field
is on (``self_``), and for API tokens the ``scope`` a mutation needs (checked before
execution, see ``scopes.py``; a mutation without one is closed to tokens). Ownership
rules that need data live in services and resolvers.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema.name_converter import NameConverter
from strawberry.types.field import StrawberryField

from ..models.enums import UserRole
from ..services.api_tokens import ApiScope
from .errors import Forbidden, Unauthenticated
from .viewer import Viewer

# The scope each mutation declares, by its GraphQL name: each field's Allow adds its own as
# the schema is built; ``scopes.py`` checks a token's operation against it before execution.
MUTATION_SCOPES: dict[str, ApiScope] = {}

SIGN_IN_TO_SEE = "sign in to see this"
SIGN_IN_TO_DO = "sign in to do this"
ADMIN_DENIED = "only admins may see this"
CREATOR_DENIED = "only creators and admins author scenarios"
TOKENS_DENIED = "API tokens cannot manage accounts or credentials"
SELF_DENIED = "only this user may see this"
SELF_OR_ADMIN_DENIED = "only this user and admins may see this"


def has_role(viewer: Viewer, role: UserRole) -> bool:
    if role is UserRole.ADMIN:
        return viewer.is_admin  # a token acts as an admin only with the ADMIN scope
    if role is UserRole.CREATOR:
        return viewer.is_creator
    return True


class Rule(BasePermission):
    """The check ``Allow`` runs; its message is the one a refusal answers."""

    error_class = Forbidden

    def __init__(
        self, role: UserRole, self_: bool, tokens: bool, anonymous: str, denied: str
    ) -> None:
        self.role = role
        self.self_ = self_
        self.tokens = tokens
        self.anonymous = anonymous
        self.message = denied

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        viewer: Viewer | None = info.context.viewer
        if viewer is None:
            raise Unauthenticated(self.anonymous)
        if not self.tokens and viewer.is_api_token:
            return False
        if self.self_ and viewer.id == source.pk:
            return True
        if self.self_ and self.role is UserRole.USER:
            return False  # the user themself only, not even an admin
        return has_role(viewer, self.role)


class Allow(PermissionExtension):
    """``Allow()``: any signed-in viewer. ``role``: at least this role (ADMIN: an admin,
    CREATOR: a creator or an admin). ``self_``: on a field of a User, that user too (with
    the default role: that user only). ``tokens=False``: signed-in persons, never an API
    token. ``scope`` (mutations): what an API token needs to call it."""

    def __init__(
        self,
        *,
        role: UserRole = UserRole.USER,
        scope: ApiScope | None = None,
        self_: bool = False,
        tokens: bool = True,
    ) -> None:
        self.role = role
        self.scope = scope
        anonymous, denied = _messages(role, self_, tokens)
        permissions: list[BasePermission] = [Rule(role, self_, tokens, anonymous, denied)]
        super().__init__(permissions=permissions, use_directives=False)  # none in the SDL

    def apply(self, field: StrawberryField) -> None:
        super().apply(field)
        if self.scope is not None:
            MUTATION_SCOPES[NameConverter().from_field(field)] = self.scope


def _messages(role: UserRole, self_: bool, tokens: bool) -> tuple[str, str]:
    """What a viewer who is not signed in, and one who may not, is told."""
    if not tokens:
        return SIGN_IN_TO_DO, TOKENS_DENIED
    if self_:
        return SIGN_IN_TO_SEE, SELF_DENIED if role is UserRole.USER else SELF_OR_ADMIN_DENIED
    if role is UserRole.CREATOR:
        return SIGN_IN_TO_DO, CREATOR_DENIED
    return SIGN_IN_TO_SEE, ADMIN_DENIED if role is UserRole.ADMIN else ""
