"""Per-request context: settings, the authenticated viewer and fresh DataLoaders."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from starlette.requests import HTTPConnection
from strawberry.types import Info as StrawberryInfo

from ..models import User
from ..models.enums import UserRole, UserStatus
from ..security.tokens import verify_access_token
from ..services import api_tokens
from ..services.api_tokens import ApiScope
from ..services.audit import RequestMeta
from ..services.runtime import Runtime, build_runtime
from ..settings import Settings

if TYPE_CHECKING:
    from .loaders import Loaders
    from .subscriptions.access import Credentials


def _fresh_loaders() -> Loaders:
    # Imported here: the loaders import every type module, and those import Info from here.
    from .loaders import Loaders

    return Loaders()


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is asking. ``scopes`` is None for a signed-in person (no limit beyond the
    role), or the scopes of the API token used."""

    id: UUID
    role: UserRole
    scopes: frozenset[ApiScope] | None = None
    family_id: UUID | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN and self.has_scope(ApiScope.ADMIN)

    @property
    def is_creator(self) -> bool:
        return self.role in (UserRole.CREATOR, UserRole.ADMIN)

    @property
    def is_api_token(self) -> bool:
        return self.scopes is not None

    def has_scope(self, scope: ApiScope) -> bool:
        return self.scopes is None or scope in self.scopes


class InvalidCredentials(Exception):
    """A bearer token was presented and is not valid: the request gets a 401."""


@dataclass
class Context:
    settings: Settings
    viewer: Viewer | None
    request: HTTPConnection | None = None
    loaders: Loaders = field(default_factory=_fresh_loaders)
    extensions: dict[str, Any] = field(default_factory=dict)
    request_id: str = field(default_factory=lambda: uuid4().hex)
    client_ip: str | None = None
    runtime: Runtime | None = None
    # The graphql-transport-ws connection_init payload (WebSocket contexts only).
    connection_params: dict[str, Any] | None = None
    # What that payload signed in as, to check again at each event (WebSocket contexts).
    connection_credentials: Credentials | None = None

    def is_self_or_admin(self, user_id: UUID) -> bool:
        return self.viewer is not None and (self.viewer.is_admin or self.viewer.id == user_id)

    @property
    def meta(self) -> RequestMeta:
        agent = self.request.headers.get("user-agent") if self.request is not None else None
        return RequestMeta(ip=self.client_ip, user_agent=agent)

    @property
    def services(self) -> Runtime:
        if self.runtime is None:
            self.runtime = build_runtime(self.settings)
        return self.runtime


Info = StrawberryInfo[Context, None]


def bearer_token(headers: Any) -> str | None:
    """The token of an ``Authorization: Bearer`` header (any capitalisation of the key)."""
    header = (headers.get("authorization") or headers.get("Authorization") or "") if headers else ""
    scheme, _, token = str(header).partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def viewer_from_token(
    settings: Settings, token: str | None, revoked: Container[UUID] = frozenset()
) -> Viewer | None:
    """The viewer a bearer token names; None without a token.

    Raises InvalidCredentials for a token that is malformed, expired, revoked, or whose
    user is no longer active: checked on every request, so a suspension is immediate.
    ``revoked``: the signed-out sessions (``sid``), kept in memory (services/revocations).
    """
    if not token:
        return None
    if token.startswith(api_tokens.TOKEN_PREFIX):
        principal = await api_tokens.authenticate(token)
        if principal is None:
            raise InvalidCredentials("the API token is not valid")
        return Viewer(id=principal.user_id, role=principal.role, scopes=principal.scopes)
    claims = verify_access_token(settings, token)
    if claims is None:
        raise InvalidCredentials("the access token is not valid or has expired")
    if claims.family_id is not None and claims.family_id in revoked:
        raise InvalidCredentials("the access token's session was signed out; sign in again")
    row = await User.filter(
        id=claims.user_id, status=UserStatus.ACTIVE, token_generation=claims.generation
    ).values("id", "role")
    if not row:
        raise InvalidCredentials("the access token was revoked; sign in again")
    return Viewer(id=row[0]["id"], role=UserRole(row[0]["role"]), family_id=claims.family_id)


def _request_id(connection: HTTPConnection) -> str | None:
    supplied = connection.headers.get("x-request-id", "")
    if supplied and len(supplied) <= 64 and supplied.isascii() and supplied.isprintable():
        return supplied
    return None


async def build_context(
    connection: HTTPConnection, runtime: Runtime, viewer: Viewer | None = None
) -> Context:
    """Context of an HTTP request (the viewer from its Authorization header) or of a
    WebSocket (the viewer already resolved from its connection_init payload)."""
    from ..security.client_ip import client_ip

    if viewer is None and connection.scope["type"] == "http":
        viewer = await viewer_from_token(
            runtime.settings, bearer_token(connection.headers), runtime.revocations.revoked
        )
    context = Context(
        settings=runtime.settings,
        viewer=viewer,
        request=connection,
        runtime=runtime,
        client_ip=client_ip(connection, runtime.settings.trusted_proxy_networks),
    )
    context.request_id = _request_id(connection) or context.request_id
    return context
