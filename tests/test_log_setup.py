"""The server's own log lines reach stderr with time, level and logger name."""

from __future__ import annotations

import logging

import pytest

from rangex_graphql.log_setup import QueryStringRedactor, configure_logging, redact_access_log
from tests.support.log_capture import unconfigured


def test_request_errors_at_info_are_written_with_their_level_and_logger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with unconfigured(monkeypatch) as stderr:
        configure_logging("info")
        configure_logging("info")  # once only
        logging.getLogger("rangex_graphql.errors").info("GraphQL request error: FORBIDDEN at x")
        logging.getLogger("rangex_graphql.errors").debug("not at info")
    (line,) = stderr.getvalue().splitlines()
    assert line.endswith("INFO rangex_graphql.errors: GraphQL request error: FORBIDDEN at x")


def test_logging_configured_elsewhere_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    with unconfigured(monkeypatch):
        logging.getLogger().addHandler(logging.NullHandler())
        configure_logging("debug")
        assert logging.getLogger("rangex_graphql").handlers == []


def test_access_lines_of_get_requests_keep_no_query_string() -> None:
    redact_access_log()
    redact_access_log()  # once only
    access = logging.getLogger("uvicorn.access")
    assert sum(isinstance(f, QueryStringRedactor) for f in access.filters) == 1
    secret = 'query=mutation{tokenCreate(input:{login:"a",password:"hunter2-secret"})}'
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/graphql?{secret}", "1.1", 200),
        None,
    )
    assert all(f.filter(record) for f in access.filters if isinstance(f, QueryStringRedactor))
    line = record.getMessage()
    assert "hunter2-secret" not in line
    assert line == '127.0.0.1:5000 - "GET /graphql?… HTTP/1.1" 200'
