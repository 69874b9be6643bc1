"""HTTP routes: GraphQL (HTTP and WebSocket), GraphiQL's assets, health and readiness,
and the metrics when enabled."""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.routing import BaseRoute
from strawberry.exceptions import ConnectionRejectionError

from ...files.factory import build_store
from ...files.local import LocalStore
from ...runtime import Runtime, build_runtime
from ...settings import Settings
from .files import file_routes
from .health import DATABASE, broker_check, health_routes, orchestrator_check
from .metrics import metrics_routes
from .view import RequestRefused, graphql_routes


def http_routes(settings: Settings, runtime: Runtime | None = None) -> list[BaseRoute]:
    # Imported here: the schema pulls in every domain, and this module is imported by app.py.
    from ..context import Context, InvalidCredentials, build_context
    from ..schema import build_schema
    from ..subscriptions.access import authenticate
    from ..subscriptions.server import SubscriptionServer

    services = runtime or build_runtime(settings)
    schema = build_schema(
        introspection=settings.introspection,
        plan_cache_size=settings.execution_plans_cache_size,
    )

    async def context_getter(connection: HTTPConnection) -> object:
        try:
            return await build_context(connection, services)
        except InvalidCredentials as refused:
            raise RequestRefused(
                401, str(refused), "UNAUTHENTICATED", {"WWW-Authenticate": "Bearer"}
            ) from None

    async def connection_init(context: Context) -> None:
        """A legacy graphql-ws connection signs in with its connection_init payload, as
        graphql-transport-ws does (``subscriptions.access.authenticate``)."""
        try:
            credentials = await authenticate(
                settings, context.connection_params or {}, services.revocations.revoked
            )
        except InvalidCredentials:
            raise ConnectionRejectionError() from None
        context.viewer = credentials.viewer
        context.connection_credentials = credentials

    websocket_server = SubscriptionServer(schema, services)
    if services.metrics is not None:
        services.metrics.subscriptions_active.set_function(websocket_server.hub.subscription_count)
    store = build_store(settings)
    uploads = file_routes(settings, store) if isinstance(store, LocalStore) else []
    return [
        *uploads,
        *graphql_routes(
            schema,
            context_getter,
            settings,
            connection_init=connection_init,
            websocket_server=websocket_server,
            redis=services.redis,
            metrics=services.metrics,
            tracing=services.tracing,
        ),
        *health_routes(
            [DATABASE, orchestrator_check(services.driver), broker_check(services.broker)]
        ),
        *metrics_routes(settings, services.metrics),
    ]
