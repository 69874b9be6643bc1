"""Requests by operation name and outcome, their duration, and errors by code, observed
by the GraphQL view: a tiny schema of our own (tests/api/http) with metrics on."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from rangex_graphql.api.http.view import graphql_routes
from rangex_graphql.observability.metrics import Metrics
from rangex_graphql.settings import Settings
from tests.api.http.conftest import tiny_context, tiny_schema
from tests.observability.conftest import TOKEN, Scrape

REQUESTS = "rangex_graphql_requests_total"
SECONDS_COUNT = "rangex_graphql_request_seconds_count"
ERRORS = "rangex_graphql_errors_total"
GRAPHQL_RESPONSE = {"accept": "application/graphql-response+json"}


class TinyApp:
    def __init__(self, **overrides: object) -> None:
        self.settings = Settings(
            migrate_on_start=False,
            metrics_token=SecretStr(TOKEN),
            max_query_bytes=200,
            **overrides,  # type: ignore[arg-type]
        )
        self.metrics = Metrics(self.settings)
        app = Starlette(
            routes=graphql_routes(tiny_schema, tiny_context, self.settings, metrics=self.metrics)
        )
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        )

    async def post(self, body: object, **headers: str) -> httpx.Response:
        return await self.client.post("/graphql", json=body, headers=GRAPHQL_RESPONSE | headers)

    def scrape(self) -> Scrape:
        return Scrape.parse(self.metrics.exposition().decode())


@pytest.fixture
async def tiny() -> AsyncIterator[TinyApp]:
    app = TinyApp(graphiql=False)
    async with app.client:
        yield app


async def test_requests_count_by_operation_and_outcome(tiny: TinyApp) -> None:
    ok = await tiny.post({"query": "query Hello { hello }", "operationName": "Hello"})
    again = await tiny.post({"query": "query Hello { hello }"})  # the only operation: no name
    broken = await tiny.post({"query": "query Broken { broken }", "operationName": "Broken"})
    invalid = await tiny.post({"query": "query Bad { nope }", "operationName": "Bad"})
    too_large = await tiny.post({"query": "{ hello }" + " " * 300, "operationName": "Big"})
    malformed = await tiny.client.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    mutation_over_get = await tiny.client.get(
        "/graphql", params={"query": "mutation Bump { bump }"}, headers=GRAPHQL_RESPONSE
    )
    statuses = [r.status_code for r in (ok, again, broken, invalid, too_large, malformed)]
    assert statuses == [200, 200, 200, 400, 413, 400]
    assert mutation_over_get.status_code == 405

    scrape = tiny.scrape()
    assert scrape.value(REQUESTS, operation="Hello", outcome="ok") == 1
    assert scrape.value(REQUESTS, operation="anonymous", outcome="ok") == 1
    assert scrape.value(REQUESTS, operation="Broken", outcome="error") == 1
    # Refused before execution: a name nobody has seen executed is not admitted.
    assert scrape.value(REQUESTS, operation="other", outcome="refused") == 1  # Bad
    assert scrape.value(REQUESTS, operation="unknown", outcome="refused") == 2  # size, JSON
    assert scrape.value(REQUESTS, operation="anonymous", outcome="refused") == 1  # Bump, GET
    assert scrape.label_values(REQUESTS, "operation") == {
        "Hello",
        "anonymous",
        "Broken",
        "other",
        "unknown",
    }

    assert scrape.value(ERRORS, code="INTERNAL_SERVER_ERROR") == 1
    assert scrape.value(ERRORS, code="GRAPHQL_VALIDATION_FAILED") == 1
    assert scrape.value(ERRORS, code="QUERY_TOO_LARGE") == 1
    assert scrape.value(ERRORS, code="BAD_REQUEST") == 1
    assert scrape.value(ERRORS, code="METHOD_NOT_ALLOWED") == 1

    assert scrape.value(SECONDS_COUNT, outcome="ok") == 2
    assert scrape.value(SECONDS_COUNT, outcome="error") == 1
    assert scrape.value(SECONDS_COUNT, outcome="refused") == 4
    assert scrape.value("rangex_graphql_sql_statements_per_request_count") == 7


async def test_a_known_name_keeps_its_label_when_refused(tiny: TinyApp) -> None:
    await tiny.post({"query": "query Hello { hello }", "operationName": "Hello"})
    await tiny.post({"query": "query Hello { hello(name: 1) }", "operationName": "Hello"})
    scrape = tiny.scrape()
    assert scrape.value(REQUESTS, operation="Hello", outcome="ok") == 1
    assert scrape.value(REQUESTS, operation="Hello", outcome="refused") == 1


async def test_operation_names_are_bounded(tiny: TinyApp) -> None:
    limit = tiny.settings.metrics_max_operation_names
    assert limit == 200
    for n in range(300):
        response = await tiny.post({"query": f"query Op{n} {{ hello }}", "operationName": f"Op{n}"})
        assert response.status_code == 200
    long_name = "L" * 65  # a GraphQL name, too long for a label
    await tiny.post({"query": f"query {long_name} {{ hello }}", "operationName": long_name})
    scrape = tiny.scrape()
    names = scrape.label_values(REQUESTS, "operation")
    assert len(names) == limit + 1
    assert names == {f"Op{n}" for n in range(limit)} | {"other"}
    assert scrape.value(REQUESTS, operation="other", outcome="ok") == 300 - limit + 1


async def test_a_smaller_bound_from_the_settings() -> None:
    app = TinyApp(metrics_max_operation_names=3)
    async with app.client:
        for n in range(10):
            await app.post({"query": f"query Op{n} {{ hello }}", "operationName": f"Op{n}"})
    assert app.scrape().label_values(REQUESTS, "operation") == {"Op0", "Op1", "Op2", "other"}


async def test_the_graphiql_page_is_not_a_request() -> None:
    app = TinyApp(graphiql=True)
    async with app.client:
        page = await app.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code in (200, 503)  # 503: GraphiQL's assets not installed here
    assert app.scrape().samples.get(REQUESTS, []) == []


async def test_the_app_counts_ok_error_and_refused_requests(
    metrics_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = await metrics_app(max_query_depth=2)
    catalog = "query Catalog { scenarios(first: 1) { nodes { slug } } }"
    assert (await app.graphql(catalog, "Catalog")).status_code == 200
    deep = "query Deep { scenarios(first: 1) { nodes { author { displayName } } } }"
    too_deep = await app.graphql(deep, "Deep")
    assert too_deep.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"
    forged = await app.client.post(
        "/graphql", json={"query": catalog}, headers={"authorization": "Bearer forged"}
    )
    assert forged.status_code == 401

    async def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database said something odd")

    monkeypatch.setattr("rangex_graphql.api.scenario.queries.prefetch_scenarios", failing)
    broken = await app.graphql(catalog, "Catalog")
    assert broken.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"

    scrape = await app.scrape()
    assert scrape.value(REQUESTS, operation="Catalog", outcome="ok") == 1
    assert scrape.value(REQUESTS, operation="Catalog", outcome="error") == 1
    assert scrape.value(REQUESTS, operation="other", outcome="refused") == 1  # Deep
    assert scrape.value(REQUESTS, operation="unknown", outcome="refused") == 1  # the token
    assert scrape.value(ERRORS, code="QUERY_TOO_DEEP") == 1
    assert scrape.value(ERRORS, code="UNAUTHENTICATED") == 1
    assert scrape.value(ERRORS, code="INTERNAL_SERVER_ERROR") == 1
    assert scrape.value(SECONDS_COUNT, outcome="refused") == 2
