"""HTTP routes: GraphQL (HTTP and WebSocket), GraphiQL's assets, health and readiness."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import BaseRoute
from starlette.websockets import WebSocket

from ...settings import Settings
from .health import DATABASE, health_routes
from .view import graphql_routes


def http_routes(settings: Settings) -> list[BaseRoute]:
    # Imported here: the schema pulls in every domain, and this module is imported by app.py.
    from ..context import build_context
    from ..schema import build_schema

    async def context_getter(request: Request | WebSocket) -> object:
        return await build_context(request, settings)

    return [
        *graphql_routes(
            build_schema(introspection=settings.introspection), context_getter, settings
        ),
        *health_routes([DATABASE]),
    ]
