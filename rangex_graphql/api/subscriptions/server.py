"""The WebSocket side of the endpoint: one hub per process, a connection per socket."""

from __future__ import annotations

import strawberry
from starlette.websockets import WebSocket

from ...runtime import Runtime
from .fanout import Hub
from .feeds import feeds_for
from .legacy import LegacyWsHandler
from .transport_ws import TransportWsSocket


class SubscriptionServer:
    # The legacy graphql-ws protocol, when enabled, runs on Strawberry's view with this.
    legacy_handler = LegacyWsHandler

    def __init__(self, schema: strawberry.Schema, runtime: Runtime) -> None:
        self.hub = Hub(schema, runtime)
        self.feeds = feeds_for(runtime.settings.platform_activity_interval_seconds)

    async def serve(self, websocket: WebSocket) -> None:
        await TransportWsSocket(websocket, self.hub, self.feeds).serve()
