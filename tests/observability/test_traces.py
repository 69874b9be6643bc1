"""OpenTelemetry traces (RANGEX_OTEL_ENDPOINT): a span per GraphQL request over HTTP named
by its bounded operation, a child span per SQL statement and per orchestrator call,
exported over OTLP/HTTP; nothing at all (not even an import) without the endpoint."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from uuid import UUID

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from starlette.applications import Starlette

from rangex_graphql.api.http.routes import http_routes
from rangex_graphql.api.scenario import types as scenario_types
from rangex_graphql.app import create_app
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import Scenario
from rangex_graphql.observability.spans import traces_url
from rangex_graphql.observability.tracing import TracingUnavailable
from rangex_graphql.orchestrator.protocol import SessionNotFound
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.conftest import StatementCounter
from tests.observability.test_sql_statements import CATALOG, CATALOG_STATEMENTS
from tests.orchestrator.plans import three_machines

ENDPOINT = "http://collector.invalid:4318"
GRAPHQL_RESPONSE = {"accept": "application/graphql-response+json"}


@dataclass
class TracedApp:
    client: httpx.AsyncClient
    runtime: Runtime
    exporter: InMemorySpanExporter

    async def graphql(
        self, query: str, operation_name: str | None = None, **headers: str
    ) -> httpx.Response:
        body: dict[str, Any] = {"query": query}
        if operation_name is not None:
            body["operationName"] = operation_name
        return await self.client.post("/graphql", json=body, headers=GRAPHQL_RESPONSE | headers)

    def spans(self) -> list[ReadableSpan]:
        return list(self.exporter.get_finished_spans())

    def requests(self) -> list[ReadableSpan]:
        return [span for span in self.spans() if span.kind is SpanKind.SERVER]


@asynccontextmanager
async def traced_app(settings: Settings, **overrides: Any) -> AsyncIterator[TracedApp]:
    """The app's routes with tracing on (spans to an in-memory exporter, as each ends)."""
    exporter = InMemorySpanExporter()
    configured = settings.model_copy(
        update={"otel_endpoint": ENDPOINT, "graphiql": False, **overrides}
    )
    runtime = build_runtime(
        configured,
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
        span_exporter=exporter,
    )
    app = Starlette(routes=http_routes(configured, runtime))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield TracedApp(client, runtime, exporter)
    finally:
        await runtime.aclose()


@pytest.fixture
async def traced(settings: Settings, db: None) -> AsyncIterator[TracedApp]:
    async with traced_app(settings) as app:
        yield app


def attributes(span: ReadableSpan) -> dict[str, Any]:
    return dict(span.attributes or {})


async def test_each_request_is_one_span_named_by_its_bounded_operation(
    traced: TracedApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    await factories.version(await factories.scenario())

    async def broken(keys: list[UUID]) -> list[list[str]]:
        raise RuntimeError("the tags table is gone")

    monkeypatch.setattr(scenario_types, "_tags", broken)
    ok = await traced.graphql("query Hello { __typename }", "Hello", **{"x-request-id": "req-ok"})
    anonymous = await traced.graphql("{ __typename }")
    invalid = await traced.graphql("query Unseen { nope }", "Unseen")
    crashed = await traced.graphql("query Tags { scenarios { nodes { tags } } }", "Tags")
    assert [r.status_code for r in (ok, anonymous, invalid, crashed)] == [200, 200, 400, 200]
    masked_id = crashed.json()["errors"][0]["extensions"]["requestId"]

    spans = traced.requests()
    assert [span.name for span in spans] == [
        "graphql Hello",
        "graphql anonymous",
        "graphql other",  # refused before execution: its name is not admitted
        "graphql Tags",
    ]
    assert [attributes(span)["rangex.outcome"] for span in spans] == [
        "ok",
        "ok",
        "refused",
        "error",
    ]
    hello, _, unseen, tags = spans
    assert attributes(hello)["graphql.operation.name"] == "Hello"
    assert attributes(hello)["rangex.request_id"] == "req-ok"
    assert attributes(unseen)["rangex.error_codes"] == ("GRAPHQL_VALIDATION_FAILED",)
    assert attributes(tags)["rangex.request_id"] == masked_id
    assert attributes(tags)["rangex.error_codes"] == ("INTERNAL_SERVER_ERROR",)
    assert tags.status.status_code is StatusCode.ERROR
    assert hello.status.status_code is StatusCode.UNSET
    assert all(span.parent is None for span in spans)  # each request a trace of its own
    assert len({span.context.trace_id for span in spans}) == 4
    assert tags.resource.attributes["service.name"] == "rangex-graphql"


async def test_sql_statements_are_child_spans_of_their_request(
    traced: TracedApp, sql_counter: StatementCounter
) -> None:
    for _ in range(3):
        await factories.version(await factories.scenario())
    traced.exporter.clear()
    sql_counter.reset()
    response = await traced.graphql(CATALOG)
    assert len(response.json()["data"]["scenarios"]["nodes"]) == 3
    assert sql_counter.count == CATALOG_STATEMENTS

    (request,) = traced.requests()
    statements = [span for span in traced.spans() if span.kind is SpanKind.CLIENT]
    assert len(statements) == CATALOG_STATEMENTS
    dialect = Scenario._meta.db.capabilities.dialect
    assert attributes(request)["rangex.sql_statements"] == CATALOG_STATEMENTS
    for statement in statements:
        assert statement.parent is not None
        assert statement.parent.span_id == request.context.span_id
        assert statement.context.trace_id == request.context.trace_id
        assert statement.name == "SELECT"
        assert attributes(statement)["db.system.name"] == dialect  # sqlite or mysql
        assert attributes(statement)["db.query.text"].lstrip().upper().startswith("SELECT")
        assert statement.start_time is not None
        assert statement.end_time is not None
        assert request.start_time is not None
        assert request.end_time is not None
        # Ended when the driver gave the connection back, within the request.
        assert request.start_time <= statement.start_time < statement.end_time
        assert statement.end_time <= request.end_time
    # The statements Tortoise sent (the counter's lines are "SQL: values"), no values.
    texts = sorted(attributes(s)["db.query.text"] for s in statements)
    assert texts == sorted(line.rpartition(": ")[0] for line in sql_counter.statements)

    await traced.graphql("{ __typename }")  # no statement: no child
    assert len(traced.requests()) == 2
    assert len([s for s in traced.spans() if s.kind is SpanKind.CLIENT]) == CATALOG_STATEMENTS


async def test_statements_outside_requests_make_no_span(traced: TracedApp) -> None:
    await factories.version(await factories.scenario())  # SQL, but no request
    assert traced.spans() == []


async def test_orchestrator_calls_are_spans_under_the_current_one(traced: TracedApp) -> None:
    driver = traced.runtime.driver
    tracing = traced.runtime.tracing
    assert tracing is not None
    plan = three_machines()
    parent = tracing.tracer.start_span("parent")
    with tracing.current(parent):
        await driver.provision(plan)
    parent.end()
    with pytest.raises(SessionNotFound):
        await driver.pause("no-such-session")  # a background job's call: a trace of its own

    provision, parent_span, pause = traced.spans()
    assert provision.name == "orchestrator provision"
    assert provision.parent is not None
    assert provision.parent.span_id == parent_span.context.span_id
    assert attributes(provision) == {
        "rangex.engine": "simulated",
        "rangex.orchestrator.operation": "provision",
        "rangex.outcome": "ok",
    }
    assert pause.parent is None
    assert attributes(pause)["rangex.outcome"] == "error"
    assert pause.status.status_code is StatusCode.ERROR


async def test_without_an_endpoint_nothing_is_traced(settings: Settings, db: None) -> None:
    exporter = InMemorySpanExporter()
    assert settings.otel_endpoint is None
    runtime = build_runtime(
        settings,
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
        span_exporter=exporter,
    )
    try:
        assert runtime.tracing is None
        app = Starlette(routes=http_routes(settings, runtime))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await client.post("/graphql", json={"query": "query Q { __typename }"})
        assert response.status_code == 200
        await runtime.driver.status("no-such-session")
    finally:
        await runtime.aclose()
    assert exporter.get_finished_spans() == ()


def test_without_an_endpoint_the_app_runs_where_opentelemetry_is_not_installed(
    tmp_path: Any,
) -> None:
    """The default install (no `otel` extra): every import of OpenTelemetry fails, the
    app starts and answers, and its tracing module was never loaded. (Installed, redis-py
    imports OpenTelemetry on its own: the test hides the package, it cannot watch it.)"""
    program = f"""
import asyncio, importlib.abc, sys
class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] == "opentelemetry":
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, NotInstalled())
import httpx
from pydantic import SecretStr
from rangex_graphql.app import create_app
from rangex_graphql.settings import Settings
app = create_app(Settings(_env_file=None, database_url="sqlite://{tmp_path}/db.sqlite3",
                          secret_key=SecretStr("x" * 48), migrate_on_start=False))
async def main():
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.post("/graphql", json={{"query": "{{ __typename }}"}})
        assert response.json()["data"] == {{"__typename": "Query"}}, response.text
asyncio.run(main())
print(app.state.runtime.tracing, "rangex_graphql.observability.spans" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None False"


def test_an_endpoint_without_the_extra_stops_the_start_up(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What an install without the `otel` extra finds: no such module.
    monkeypatch.setitem(sys.modules, "opentelemetry.sdk.trace", None)
    with pytest.raises(TracingUnavailable) as refused:
        create_app(settings.model_copy(update={"otel_endpoint": ENDPOINT}))
    message = str(refused.value)
    assert "RANGEX_OTEL_ENDPOINT" in message
    assert "pip install 'rangex-graphql[otel]'" in message


def test_the_endpoint_must_be_an_http_url() -> None:
    with pytest.raises(ValueError, match="http"):
        Settings(_env_file=None, otel_endpoint="collector:4317")
    assert Settings(_env_file=None, otel_endpoint="").otel_endpoint is None
    assert traces_url("http://c:4318") == "http://c:4318/v1/traces"
    assert traces_url("http://c:4318/") == "http://c:4318/v1/traces"
    assert traces_url("https://c/otlp/v1/traces") == "https://c/otlp/v1/traces"


class Collector(BaseHTTPRequestHandler):
    """An OTLP/HTTP collector's traces endpoint: keeps each export request."""

    received: list[tuple[str, str, bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        self.received.append((self.path, self.headers["content-type"], body))
        self.send_response(200)
        self.send_header("content-type", "application/x-protobuf")
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def collector() -> Iterator[tuple[str, list[tuple[str, str, bytes]]]]:
    received: list[tuple[str, str, bytes]] = []
    handler = type("RecordingCollector", (Collector,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()


async def test_spans_reach_an_otlp_collector_over_http(
    settings: Settings, db: None, collector: tuple[str, list[tuple[str, str, bytes]]]
) -> None:
    endpoint, received = collector
    configured = settings.model_copy(
        update={"otel_endpoint": endpoint, "otel_service_name": "range-a", "graphiql": False}
    )
    runtime = build_runtime(
        configured, driver=SimulatedDriver(SimulatedDelays.none()), broker=MemoryBroker()
    )
    app = Starlette(routes=http_routes(configured, runtime))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            body = {"query": "query Exported { __typename }", "operationName": "Exported"}
            await client.post("/graphql", json=body)
    finally:
        await runtime.aclose()  # flushes the batch

    assert [(path, kind) for path, kind, _ in received] == [
        ("/v1/traces", "application/x-protobuf")
    ]
    export = ExportTraceServiceRequest()
    export.ParseFromString(received[0][2])
    (resource_spans,) = export.resource_spans
    service = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
    assert service["service.name"] == "range-a"
    names = [span.name for scope in resource_spans.scope_spans for span in scope.spans]
    assert names == ["graphql Exported"]
