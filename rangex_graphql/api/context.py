"""Per-request context: settings, the authenticated viewer and fresh DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from ..models import User
from ..models.enums import UserRole, UserStatus
from ..security.tokens import verify_access_token
from ..settings import Settings

if TYPE_CHECKING:
    from .loaders import Loaders


def _fresh_loaders() -> Loaders:
    # Imported here: the loaders import every type module, and those import Info from here.
    from .loaders import Loaders

    return Loaders()


@dataclass(frozen=True, slots=True)
class Viewer:
    id: UUID
    role: UserRole

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN

    @property
    def is_creator(self) -> bool:
        return self.role in (UserRole.CREATOR, UserRole.ADMIN)


@dataclass
class Context:
    settings: Settings
    viewer: Viewer | None
    request: Request | WebSocket | None = None
    loaders: Loaders = field(default_factory=_fresh_loaders)
    extensions: dict[str, Any] = field(default_factory=dict)
    request_id: str = field(default_factory=lambda: uuid4().hex)

    def is_self_or_admin(self, user_id: UUID) -> bool:
        return self.viewer is not None and (self.viewer.is_admin or self.viewer.id == user_id)


Info = StrawberryInfo[Context, None]


def bearer_token(request: Request | WebSocket) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def viewer_from_token(settings: Settings, token: str | None) -> Viewer | None:
    """The active user a token names. A suspended or deleted user is no viewer at all."""
    if not token:
        return None
    claims = verify_access_token(settings, token)
    if claims is None:
        return None
    row = await User.filter(id=claims.user_id, status=UserStatus.ACTIVE).values("id", "role")
    if not row:
        return None
    return Viewer(id=row[0]["id"], role=UserRole(row[0]["role"]))


async def build_context(request: Request | WebSocket, settings: Settings) -> Context:
    viewer = await viewer_from_token(settings, bearer_token(request))
    context = Context(settings=settings, viewer=viewer, request=request)
    supplied = request.headers.get("x-request-id", "")
    if supplied and len(supplied) <= 64 and supplied.isascii() and supplied.isprintable():
        context.request_id = supplied
    return context
