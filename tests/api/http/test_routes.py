"""The application's HTTP routes, wired to the real schema and context."""

from __future__ import annotations

import httpx
import pytest
from starlette.routing import Route, WebSocketRoute

from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.app import create_app
from rangex_graphql.settings import Settings


def test_routes_cover_graphql_graphiql_and_probes(settings: Settings) -> None:
    routes = http_routes(settings.model_copy(update={"graphiql": True}))
    http_paths = {route.path for route in routes if isinstance(route, Route)}
    websocket_paths = {route.path for route in routes if isinstance(route, WebSocketRoute)}
    assert http_paths == {
        "/graphql",
        "/graphiql/assets/{path:path}",
        "/health",
        "/ready",
        "/files/upload/{token}",
        "/files/download/{token}",
    }
    assert websocket_paths == {"/graphql"}


def test_graphiql_off_drops_the_asset_route(settings: Settings) -> None:
    routes = http_routes(settings.model_copy(update={"graphiql": False}))
    assert "/graphiql/assets/{path:path}" not in {getattr(route, "path", "") for route in routes}


@pytest.mark.usefixtures("db")
async def test_the_app_answers_graphql_and_probes(settings: Settings) -> None:
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        health = await client.get("/health")
        ready = await client.get("/ready")
        typename = await client.post(
            "/graphql",
            json={"query": "{ __typename }"},
            headers={"accept": "application/graphql-response+json"},
        )
        invalid = await client.post(
            "/graphql",
            json={"query": "{ noSuchField }"},
            headers={"accept": "application/graphql-response+json"},
        )
    assert health.json() == {"status": "ok"}
    assert ready.status_code == 200, ready.text
    assert typename.json()["data"] == {"__typename": "Query"}
    assert invalid.status_code == 400
    assert invalid.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
