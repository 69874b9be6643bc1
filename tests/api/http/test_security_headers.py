"""Security headers on every response, HSTS over https, and CORS from the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from rangex_graphql.api.http.graphiql import CONTENT_SECURITY_POLICY as GRAPHIQL_CSP
from rangex_graphql.app import create_app
from rangex_graphql.settings import Settings

ORIGIN = "https://range.example"
API_CSP = "default-src 'none'; frame-ancestors 'none'"
GRAPHQL_JSON = {"accept": "application/graphql-response+json"}

Client = Callable[..., Any]


@pytest.fixture
def client_for(settings: Settings) -> Client:
    @asynccontextmanager
    async def client(
        base_url: str = "http://testserver", **overrides: Any
    ) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings.model_copy(update=overrides))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as client:
            yield client

    return client


async def test_every_response_carries_the_security_headers(client_for: Client) -> None:
    async with client_for() as client:
        responses = [
            await client.get("/health"),
            await client.post("/graphql", json={"query": "{ __typename }"}, headers=GRAPHQL_JSON),
            await client.post("/graphql", json={"query": "{ nope }"}, headers=GRAPHQL_JSON),
            await client.get("/no-such-page"),
        ]
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["content-security-policy"] == API_CSP
        assert "strict-transport-security" not in response.headers  # plain http


async def test_graphiql_keeps_its_own_content_security_policy(client_for: Client) -> None:
    async with client_for(graphiql=True) as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers.get_list("content-security-policy") == [GRAPHIQL_CSP]
    assert page.headers["x-frame-options"] == "DENY"


async def test_hsts_only_over_https(client_for: Client) -> None:
    async with client_for(base_url="https://testserver") as client:
        over_tls = await client.get("/health")
    async with client_for() as client:
        plain = await client.get("/health")
    assert over_tls.headers["strict-transport-security"] == "max-age=31536000"
    assert "strict-transport-security" not in plain.headers


async def test_the_hsts_setting_sends_it_on_plain_http_too(client_for: Client) -> None:
    async with client_for(hsts=True) as client:
        response = await client.get("/health")
    assert response.headers["strict-transport-security"] == "max-age=31536000"


def preflight(origin: str) -> dict[str, str]:
    return {
        "origin": origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
    }


async def test_cors_preflight_is_allowed_for_a_configured_origin(client_for: Client) -> None:
    async with client_for(cors_origins=[ORIGIN]) as client:
        allowed = await client.options("/graphql", headers=preflight(ORIGIN))
        other = await client.options("/graphql", headers=preflight("https://evil.example"))
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in allowed.headers
    assert allowed.headers["x-content-type-options"] == "nosniff"  # headers on preflights too
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers


async def test_cors_headers_only_for_configured_origins(client_for: Client) -> None:
    request = {"json": {"query": "{ __typename }"}}
    async with client_for(cors_origins=[ORIGIN], cors_allow_credentials=True) as client:
        allowed = await client.post("/graphql", headers={"origin": ORIGIN}, **request)
        other = await client.post("/graphql", headers={"origin": "https://evil.example"}, **request)
    async with client_for() as client:
        unconfigured = await client.post("/graphql", headers={"origin": ORIGIN}, **request)
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert allowed.headers["access-control-allow-credentials"] == "true"
    assert "access-control-allow-origin" not in other.headers
    assert not [name for name in unconfigured.headers if name.startswith("access-control-")]


def test_cors_origins_must_be_origins() -> None:
    assert Settings(cors_origins=["HTTPS://Range.Example"]).cors_origins == [ORIGIN]
    for bad in ("https://range.example/", "range.example", "https://range.example/app"):
        with pytest.raises(ValidationError, match="invalid CORS origin"):
            Settings(cors_origins=[bad])


def test_any_origin_with_credentials_stops_the_start_up(settings: Settings) -> None:
    risky = settings.model_copy(update={"cors_origins": ["*"], "cors_allow_credentials": True})
    with pytest.raises(ValueError, match="must name origins"):
        create_app(risky)
