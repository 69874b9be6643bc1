"""GET /metrics: off unless configured, a bearer token when one is set, Prometheus's text
format that prometheus-client's parser reads."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import SecretStr, ValidationError
from starlette.applications import Starlette

from rangex_graphql.api.http.metrics import bearer_matches
from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.models import UsageDaily
from rangex_graphql.models.enums import ResourceProfile, SessionState
from rangex_graphql.runtime import build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.conftest import StatementCounter
from tests.observability.conftest import BEARER, TOKEN, Scrape


async def test_metrics_are_off_and_not_found_unless_configured(settings: Settings) -> None:
    assert not settings.metrics_enabled
    runtime = build_runtime(settings)
    try:
        assert runtime.metrics is None  # nothing is collected either
        app = Starlette(routes=http_routes(settings, runtime))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await client.get("/metrics")).status_code == 404
            assert (await client.get("/metrics", headers=BEARER)).status_code == 404
    finally:
        await runtime.aclose()


async def test_a_scrape_without_the_token_is_refused_with_an_empty_401(
    metrics_app: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    app = await metrics_app()
    with caplog.at_level(logging.INFO, logger="rangex_graphql.api.http.metrics"):
        missing = await app.client.get("/metrics")
        wrong = await app.client.get("/metrics", headers={"Authorization": "Bearer x" + TOKEN})
        basic = await app.client.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"})
        prefix = await app.client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN[:-1]}"})
    for refused in (missing, wrong, basic, prefix):
        assert refused.status_code == 401
        assert refused.content == b""
        assert refused.headers["www-authenticate"] == "Bearer"
    lines = [r.getMessage() for r in caplog.records if r.name == "rangex_graphql.api.http.metrics"]
    assert lines[0] == "GET /metrics refused: no bearer token (client 127.0.0.1)"
    assert lines[1:] == ["GET /metrics refused: a wrong bearer token (client 127.0.0.1)"] * 3
    assert not any(TOKEN[:12] in line for line in caplog.messages)


async def test_the_token_opens_the_metrics_in_prometheus_text_format(
    metrics_app: Callable[..., Any],
) -> None:
    app = await metrics_app()
    response = await app.client.get("/metrics", headers=BEARER)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
    assert response.headers["cache-control"] == "no-store"
    scrape = Scrape.parse(response.text)
    for name in (
        "rangex_graphql_websocket_connections",
        "rangex_graphql_subscriptions_active",
        "rangex_graphql_sessions",
        "rangex_graphql_spend_month_rm",
        "process_resident_memory_bytes",
    ):
        assert name in scrape.samples, name
    head = await app.client.head("/metrics", headers=BEARER)
    assert head.status_code == 200


async def test_unauthenticated_metrics_need_the_explicit_setting(
    metrics_app: Callable[..., Any],
) -> None:
    open_app = await metrics_app(metrics_token=SecretStr(""), metrics_allow_unauthenticated=True)
    assert (await open_app.client.get("/metrics")).status_code == 200
    # A token, when set, is required even so.
    both = await metrics_app(metrics_allow_unauthenticated=True)
    assert (await both.client.get("/metrics")).status_code == 401


def test_a_short_token_is_refused_by_the_settings() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(metrics_token=SecretStr("short"))
    assert Settings(metrics_token=SecretStr("x" * 32)).metrics_enabled


def test_the_bearer_comparison() -> None:
    token = TOKEN.encode()
    assert bearer_matches(f"Bearer {TOKEN}", token)
    assert bearer_matches(f"bearer  {TOKEN} ", token)
    assert not bearer_matches(None, token)
    assert not bearer_matches(TOKEN, token)
    assert not bearer_matches(f"Bearer {TOKEN}x", token)
    assert not bearer_matches("Bearer é", token)


async def test_sessions_by_state_and_spend_come_from_the_database_at_most_once_per_interval(
    metrics_app: Callable[..., Any], sql_counter: StatementCounter
) -> None:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(owner))
    for state in (SessionState.RUNNING, SessionState.RUNNING, SessionState.PAUSED):
        session = await factories.session(owner, version, state)
    await UsageDaily.create(
        day=datetime.now(UTC).date(),
        session_id=session.id,
        resource_profile=ResourceProfile.SMALL,
        total_rm=Decimal("12.50"),
    )
    app = await metrics_app(metrics_database_cache_seconds=60)
    sql_counter.reset()
    scrape = await app.scrape()
    assert sql_counter.count == 2  # one grouped COUNT, one SUM
    assert scrape.value("rangex_graphql_sessions", state="RUNNING") == 2
    assert scrape.value("rangex_graphql_sessions", state="PAUSED") == 1
    assert ("state", "EXPIRED") in {
        item for labels, _ in scrape.samples["rangex_graphql_sessions"] for item in labels.items()
    }  # every state, zero included
    assert scrape.value("rangex_graphql_spend_month_rm") == 12.5

    await factories.session(owner, version, SessionState.RUNNING)
    sql_counter.reset()
    again = await app.scrape()
    assert sql_counter.count == 0  # cached: scrapers cannot load the database
    assert again.value("rangex_graphql_sessions", state="RUNNING") == 2

    fresh = await (await metrics_app(metrics_database_cache_seconds=0)).scrape()
    assert fresh.value("rangex_graphql_sessions", state="RUNNING") == 3
