"""Per-request context: settings, the authenticated viewer and the request's DataLoaders.

The context knows no domain: each domain owns its loaders (``api/<domain>/loaders.py``)
as factories, and ``loader(factory)`` makes one DataLoader per factory per request.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

from starlette.requests import HTTPConnection
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from ..observability.request_ids import request_id_or_new
from ..runtime import Runtime, build_runtime
from ..security.client_ip import client_ip
from ..services.audit import RequestMeta
from ..services.platform_settings.values import PlatformValues, from_settings
from ..settings import Settings
from .subscriptions.access import Credentials
from .viewer import InvalidCredentials, Viewer, bearer_token, viewer_from_token

__all__ = [
    "Context",
    "Info",
    "InvalidCredentials",
    "LoaderFactory",
    "Viewer",
    "bearer_token",
    "build_context",
    "viewer_from_token",
]

K = TypeVar("K")
V = TypeVar("V")
# A domain's loader: called once per request (per subscription event) on first use.
LoaderFactory = Callable[[], DataLoader[K, V]]


@dataclass
class Context:
    settings: Settings
    viewer: Viewer | None
    request: HTTPConnection | None = None
    extensions: dict[str, Any] = field(default_factory=dict)
    # The one bound while the request runs (observability/request_ids.py), which every
    # log line written meanwhile carries too; a new one outside any request.
    request_id: str = field(default_factory=request_id_or_new)
    client_ip: str | None = None
    runtime: Runtime | None = None
    # The graphql-transport-ws connection_init payload (WebSocket contexts only).
    connection_params: dict[str, Any] | None = None
    # What that payload signed in as, to check again at each event (WebSocket contexts).
    connection_credentials: Credentials | None = None
    _loaders: dict[LoaderFactory[Any, Any], DataLoader[Any, Any]] = field(
        default_factory=dict, init=False, repr=False
    )

    def loader(self, factory: LoaderFactory[K, V]) -> DataLoader[K, V]:
        """This request's DataLoader of ``factory``, made on first use."""
        loader = self._loaders.get(factory)
        if loader is None:
            loader = self._loaders[factory] = factory()
        return loader

    def reset_loaders(self) -> None:
        """Forget every loaded row: after a write, what follows reads afresh."""
        self._loaders.clear()

    def with_fresh_loaders(self) -> Context:
        """The same request with nothing loaded yet (the execution plans' equality check
        runs graphql-core from the state the plan started from)."""
        clone = copy.copy(self)
        clone._loaders = {}
        return clone

    def is_self_or_admin(self, user_id: UUID) -> bool:
        return self.viewer is not None and (self.viewer.is_admin or self.viewer.id == user_id)

    @property
    def meta(self) -> RequestMeta:
        agent = self.request.headers.get("user-agent") if self.request is not None else None
        return RequestMeta(ip=self.client_ip, user_agent=agent)

    @property
    def platform(self) -> PlatformValues:
        """The run-time platform settings as this replica holds them: no SQL."""
        if self.runtime is None:
            return from_settings(self.settings)
        return self.runtime.platform.current

    @property
    def services(self) -> Runtime:
        if self.runtime is None:
            self.runtime = build_runtime(self.settings)
        return self.runtime


Info = StrawberryInfo[Context, None]


async def build_context(
    connection: HTTPConnection, runtime: Runtime, viewer: Viewer | None = None
) -> Context:
    """Context of an HTTP request (the viewer from its Authorization header) or of a
    WebSocket (the viewer already resolved from its connection_init payload); its request
    ID is the one the view bound (the client's ``X-Request-Id`` or a new one)."""
    if viewer is None and connection.scope["type"] == "http":
        viewer = await viewer_from_token(
            runtime.settings, bearer_token(connection.headers), runtime.revocations.revoked
        )
    return Context(
        settings=runtime.settings,
        viewer=viewer,
        request=connection,
        runtime=runtime,
        client_ip=client_ip(connection, runtime.settings.trusted_proxy_networks),
    )
