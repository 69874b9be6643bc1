"""The spans of one app, with OpenTelemetry's SDK (imported only when tracing is on:
``tracing.py``).

- **A GraphQL request over HTTP**: a server span from its arrival to its response sent,
  named ``graphql <operation>`` with the operation bounded as the metrics' label
  (``graphql_requests.operation_label``); attributes ``graphql.operation.name`` (that
  bounded name), ``rangex.outcome`` (``ok``, ``refused``, ``error``, or ``cancelled``:
  the client went away), ``rangex.request_id``, ``rangex.error_codes`` and
  ``rangex.sql_statements``; status ERROR when the outcome is ``error``.
- **A SQL statement** the request sent: a client span, child of the request's, from the
  statement handed to the driver (the statement counter's hook: ``sql_statements.py``)
  to the connection given back (Tortoise's connection wrappers, hooked once per process);
  attributes ``db.system.name`` and ``db.query.text`` (the SQL with its placeholders,
  never the values).
- **An orchestrator call** (``orchestrator_calls.MeteredDriver``): a client span, child of
  whatever span is current (the request's, or none in a background job: a trace of its
  own), attributes ``rangex.engine``, ``rangex.orchestrator.operation`` and
  ``rangex.outcome``.

A tracer provider per app (not OpenTelemetry's global one), exporting over OTLP/HTTP in
batches from a thread, or to the exporter a test gives, each span as it ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial, wraps
from typing import Any

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    SimpleSpanProcessor,
    SpanExporter,
)
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from ..settings import Settings
from .graphql_requests import OPERATION_NAME, OTHER, RequestObservation, operation_label
from .label_values import BoundedLabel

TRACES_PATH = "/v1/traces"
MAX_SQL_CHARACTERS = 2000
SQL_VERB = re.compile(r"\s*([A-Za-z]{1,16})")
CANCELLED = "cancelled"

# The statement span a task has open, from the statement handed to the driver to the
# connection given back (the same task, inside Tortoise's ``acquire_connection``).
_open_statement: ContextVar[Span | None] = ContextVar("rangex_sql_span", default=None)


def traces_url(endpoint: str) -> str:
    """The collector's OTLP/HTTP traces URL: ``endpoint`` with ``/v1/traces`` added
    unless it names that path already."""
    base = endpoint.rstrip("/")
    return base if base.endswith(TRACES_PATH) else base + TRACES_PATH


class Tracing:
    def __init__(
        self,
        settings: Settings,
        exporter: SpanExporter | None = None,
        operation_names: BoundedLabel | None = None,
    ) -> None:
        assert settings.otel_endpoint is not None
        resource = Resource.create({SERVICE_NAME: settings.otel_service_name})
        self.provider = TracerProvider(resource=resource)
        if exporter is None:
            otlp = OTLPSpanExporter(endpoint=traces_url(settings.otel_endpoint))
            self.provider.add_span_processor(BatchSpanProcessor(otlp))
        else:
            self.provider.add_span_processor(SimpleSpanProcessor(exporter))
        self.tracer = self.provider.get_tracer("rangex_graphql")
        self.operation_names = operation_names or BoundedLabel(
            OPERATION_NAME, settings.metrics_max_operation_names, OTHER
        )
        self.database = settings.database_url.partition(":")[0]  # sqlite, mysql
        end_statement_spans_on_release()

    # --- GraphQL requests over HTTP ----------------------------------------------------

    def request_started(self, observation: RequestObservation, request_id: str) -> Span:
        """The request's span; the request's statements become its children (unless the
        sampler left the request out: ``OTEL_TRACES_SAMPLER``)."""
        span = self.tracer.start_span(
            "graphql", kind=SpanKind.SERVER, attributes={"rangex.request_id": request_id}
        )
        if span.is_recording():
            observation.statements.on_statement = partial(
                self._statement_sent, trace.set_span_in_context(span)
            )
        return span

    @contextmanager
    def current(self, span: Span) -> Iterator[None]:
        """``span`` is the current one inside (the parent of orchestrator calls)."""
        with trace.use_span(span, record_exception=False, set_status_on_exception=False):
            yield

    def request_finished(self, span: Span, observation: RequestObservation) -> None:
        """Names the span and ends it (exported); a GraphiQL page is no GraphQL request:
        its span is dropped."""
        if not span.is_recording() or (not observation.counted and not observation.cancelled):
            return
        label = operation_label(observation, self.operation_names)
        outcome = CANCELLED if observation.cancelled else observation.outcome.value
        span.update_name(f"graphql {label}")
        span.set_attributes(
            {
                "graphql.operation.name": label,
                "rangex.outcome": outcome,
                "rangex.error_codes": observation.error_codes,
                "rangex.sql_statements": observation.statements.statements,
            }
        )
        if outcome == "error":
            span.set_status(Status(StatusCode.ERROR))
        span.end()

    # --- SQL statements ----------------------------------------------------------------

    def _statement_sent(self, parent: Context, sql: str) -> None:
        stale = _open_statement.get()
        if stale is not None:  # not given back through a hooked wrapper: ends here
            stale.end()
        verb = SQL_VERB.match(sql)
        span = self.tracer.start_span(
            verb.group(1).upper() if verb else "SQL",
            context=parent,
            kind=SpanKind.CLIENT,
            attributes={
                "db.system.name": self.database,
                "db.query.text": sql[:MAX_SQL_CHARACTERS],
            },
        )
        _open_statement.set(span)

    # --- orchestrator calls ------------------------------------------------------------

    def orchestrator_call_started(self, engine: str, operation: str) -> Span:
        return self.tracer.start_span(
            f"orchestrator {operation}",
            kind=SpanKind.CLIENT,
            attributes={"rangex.engine": engine, "rangex.orchestrator.operation": operation},
        )

    def orchestrator_call_finished(self, span: Span, outcome: str) -> None:
        span.set_attribute("rangex.outcome", outcome)
        if outcome == "error":
            span.set_status(Status(StatusCode.ERROR))
        span.end()

    def shutdown(self) -> None:
        """Exports what is queued and stops the exporter (blocking: run it in a thread)."""
        self.provider.shutdown()


def _end_open_statement(error: BaseException | None) -> None:
    span = _open_statement.get()
    if span is None:
        return
    _open_statement.set(None)
    if error is not None:
        # The type only: a driver's message can quote values (a duplicate key).
        span.set_attribute("error.type", type(error).__name__)
        span.set_status(Status(StatusCode.ERROR))
    span.end()


def end_statement_spans_on_release() -> None:
    """Wraps ``__aexit__`` of Tortoise's connection wrappers (every client, SQLite and
    MySQL, pooled or in a transaction, hands its statements to the driver inside one),
    once per process: the task's open statement span ends when its connection is given
    back. Without a span open it costs a context variable read."""
    from tortoise.backends.base.client import ConnectionWrapper, PoolConnectionWrapper

    for wrapper in (ConnectionWrapper, PoolConnectionWrapper):
        release = wrapper.__aexit__
        if getattr(release, "ends_statement_spans", False):
            continue
        wrapper.__aexit__ = _ending_statement_spans(release)  # type: ignore[method-assign]


def _ending_statement_spans(release: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(release)  # ``__wrapped__``: the original (the benchmark puts it back)
    async def __aexit__(self: object, exc_type: Any, error: Any, traceback: Any) -> Any:
        _end_open_statement(error)
        return await release(self, exc_type, error, traceback)

    __aexit__.ends_statement_spans = True  # type: ignore[attr-defined]
    return __aexit__
