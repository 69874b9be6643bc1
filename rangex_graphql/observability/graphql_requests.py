"""Metrics of GraphQL requests over HTTP: how many, by operation name and outcome; how
long; which top-level errors by code; how many SQL statements each sent.

The view starts an observation when a request arrives, notes what it learns (the
operation name, the errors' codes, a refusal), ends it once the response is sent and
records it here (and in the request's span when tracing is on: ``spans.py``).

Outcome of a request:

- ``ok``: no top-level error (a mutation's payload errors are answers, not failures);
- ``error``: the server failed it: an unexpected error (``INTERNAL_SERVER_ERROR``), a
  dependency away (``SERVICE_UNAVAILABLE``), any 5xx;
- ``refused``: every error is the server declining the request on purpose: limits (size,
  depth, cost, rate), authentication and permissions, parse and validation failures,
  bad input, not found.

The ``operation`` label is the client's ``operationName``: a name is admitted as a label
value only from a request that reached execution (its document defines the operation),
if it is a GraphQL name of at most 64 characters, and while fewer than
``metrics_max_operation_names`` names are known; otherwise ``other``. ``anonymous``: no
name; ``unknown``: refused before its name was read (malformed body, size limits).
"""

from __future__ import annotations

import time
from contextvars import Token
from dataclasses import dataclass, field
from enum import StrEnum

from prometheus_client import CollectorRegistry

from .label_values import BoundedLabel
from .loop_counter import LoopCounter, LoopCounterChild
from .loop_histogram import LoopHistogram
from .sql_statements import StatementCount, start_counting, stop_counting

SERVER_FAULTS = frozenset({"INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"})
OPERATION_NAME = r"[A-Za-z_][A-Za-z0-9_]{0,63}"
ERROR_CODE = r"[A-Z][A-Z0-9_]{0,63}"
MAX_ERROR_CODES = 100  # codes are the server's own words; the bound is a safety net
ANONYMOUS = "anonymous"
UNKNOWN = "unknown"
OTHER = "other"
SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
STATEMENT_BUCKETS = (0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64, 128)


class Outcome(StrEnum):
    OK = "ok"
    ERROR = "error"
    REFUSED = "refused"


@dataclass(slots=True)
class RequestObservation:
    started: float
    statements: StatementCount
    token: Token[StatementCount | None]
    operation_name: str | None = None
    name_read: bool = False
    executed: bool = False
    error_codes: list[str] = field(default_factory=list)
    server_fault: bool = False
    counted: bool = True  # False: GraphiQL's page, or a request cancelled before its answer
    cancelled: bool = False  # the client went away before the answer

    def read_operation(self, name: str | None) -> None:
        self.operation_name = name
        self.name_read = True

    def answered(self, codes: list[str], *, executed: bool) -> None:
        """The result's top-level errors (their codes), and whether execution started."""
        self.error_codes = codes
        self.executed = executed
        self.server_fault = any(code in SERVER_FAULTS for code in codes)

    def refused(self, code: str, status_code: int) -> None:
        """Refused by the endpoint itself, before or outside GraphQL execution."""
        self.error_codes = [code]
        self.server_fault = status_code >= 500 or code in SERVER_FAULTS

    @property
    def outcome(self) -> Outcome:
        if self.server_fault:
            return Outcome.ERROR
        return Outcome.REFUSED if self.error_codes else Outcome.OK

    def end(self) -> None:
        """The response is sent: statements sent from now on are not this request's."""
        stop_counting(self.token)


def observe_request() -> RequestObservation:
    """Observe a request from now on (metrics or tracing on); its SQL statements are
    counted until it ends."""
    count, token = start_counting()
    return RequestObservation(time.perf_counter(), count, token)


class RequestMetrics:
    def __init__(self, registry: CollectorRegistry, max_operation_names: int) -> None:
        self.requests = LoopCounter(
            "rangex_graphql_requests",
            "GraphQL requests over HTTP, by operation name and outcome (ok, error, refused)",
            ["operation", "outcome"],
            registry=registry,
        )
        self.seconds = LoopHistogram(
            "rangex_graphql_request_seconds",
            "Time from a GraphQL request's arrival to its response sent, by outcome",
            ["outcome"],
            buckets=SECONDS_BUCKETS,
            registry=registry,
        )
        self.errors = LoopCounter(
            "rangex_graphql_errors",
            "Top-level errors in GraphQL responses over HTTP, by extensions.code",
            ["code"],
            registry=registry,
        )
        self.statements = LoopHistogram(
            "rangex_graphql_sql_statements_per_request",
            "SQL statements one GraphQL request over HTTP sent",
            buckets=STATEMENT_BUCKETS,
            registry=registry,
        )
        self.operation_names = BoundedLabel(OPERATION_NAME, max_operation_names, OTHER)
        self.error_codes = BoundedLabel(ERROR_CODE, MAX_ERROR_CODES, "OTHER")
        # Children by label values: ``labels()`` validates and locks on every call.
        self._requests: dict[tuple[str, Outcome], LoopCounterChild] = {}
        self._seconds = {outcome: self.seconds.labels(outcome.value) for outcome in Outcome}
        self._errors: dict[str, LoopCounterChild] = {}

    def record(self, observation: RequestObservation) -> None:
        """Count a request that has ended (``RequestObservation.end``)."""
        if not observation.counted:
            return
        outcome = observation.outcome
        self._seconds[outcome].observe(time.perf_counter() - observation.started)
        self.statements.observe(observation.statements.statements)
        key = (operation_label(observation, self.operation_names), outcome)
        counter = self._requests.get(key)
        if counter is None:
            counter = self._requests[key] = self.requests.labels(key[0], outcome.value)
        counter.inc()
        for code in observation.error_codes:
            label = self.error_codes.value(code)
            errors = self._errors.get(label)
            if errors is None:
                errors = self._errors[label] = self.errors.labels(label)
            errors.inc()


def operation_label(observation: RequestObservation, names: BoundedLabel) -> str:
    """The bounded name of the request's operation (``names`` admits a name once its
    request reached execution): ``unknown``, ``anonymous``, a name or ``other``."""
    if not observation.name_read:
        return UNKNOWN
    if observation.operation_name is None:
        return ANONYMOUS
    return names.value(observation.operation_name, admit=observation.executed)
