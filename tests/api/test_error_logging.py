"""What a failed operation leaves in the logs: one line for a client's mistake, a
traceback only for an unexpected error, never the document's literals."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from rangex_graphql.api.context import Context
from rangex_graphql.api.error_log import document_hash
from rangex_graphql.api.scenario import types as scenario_types
from rangex_graphql.api.schema import schema
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services import tokens
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import viewer_of

SECRET = "hunter2-secret"


async def execute(
    settings: Settings, document: str, caplog: pytest.LogCaptureFixture, **context: Any
) -> tuple[list[dict[str, Any]], list[logging.LogRecord]]:
    """Errors of one execution and every log record it wrote (any logger, any level)."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        result = await schema.execute(
            document, context_value=Context(settings=settings, request_id="req-42", **context)
        )
    return [dict(error.formatted) for error in result.errors or []], list(caplog.records)


def error_records(records: list[logging.LogRecord]) -> list[logging.LogRecord]:
    return [r for r in records if r.name in ("rangex_graphql.errors", "strawberry.execution")]


def everything_logged(records: list[logging.LogRecord]) -> str:
    formatter = logging.Formatter()
    return "\n".join(formatter.format(r) + repr(r.args) for r in records)


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ("query Big { scenarios(first: 1000) { totalCount } }", "BAD_USER_INPUT"),
        ('query Paged { scenarios(after: "not-a-cursor") { totalCount } }', "BAD_USER_INPUT"),
        ("query Everyone { users { totalCount } }", "FORBIDDEN"),
        ("query Nobody { viewer { username } nope }", "GRAPHQL_VALIDATION_FAILED"),
        ("query Broken { scenarios { ", "GRAPHQL_PARSE_FAILED"),
    ],
)
async def test_a_client_error_is_one_line_without_traceback(
    db: None, settings: Settings, caplog: pytest.LogCaptureFixture, document: str, code: str
) -> None:
    user = await factories.user(UserRole.USER)
    errors, records = await execute(settings, document, caplog, viewer=viewer_of(user))
    assert errors
    assert errors[0].get("extensions", {}).get("code", code) == code
    (record,) = error_records(records)
    assert record.exc_info is None
    assert record.exc_text is None
    assert record.levelno < logging.ERROR
    line = record.getMessage()
    assert code in line
    assert "req-42" in line
    assert document_hash(document) in line
    if not document.endswith("{ "):
        assert document.split()[1] in line  # the operation name


async def test_an_unexpected_error_is_one_traceback(
    db: None, settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    scenario = await factories.scenario()
    await factories.version(scenario)

    async def broken(keys: list[object]) -> list[object]:
        raise RuntimeError("the tags table is gone")

    monkeypatch.setattr(scenario_types, "_tags", broken)
    errors, records = await execute(
        settings, "query Tags { scenarios { nodes { title tags } } }", caplog, viewer=None
    )
    assert errors[0]["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": "req-42"}
    (record,) = error_records(records)
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None
    assert "the tags table is gone" in str(record.exc_info[1])
    assert "req-42" in record.getMessage()
    assert "Tags" in record.getMessage()


@pytest.mark.parametrize(
    "document",
    [
        # fails validation: an unknown input field beside the password
        f'mutation In {{ tokenCreate(input: {{login: "a", password: "{SECRET}", x: 1}})'
        " { errors { code } } }",
        # fails validation with the literal in the message: a string where an Int goes
        f'query Page {{ scenarios(first: "{SECRET}") {{ totalCount }} }}',
        # does not parse, the literal on the failing line
        f'mutation In {{ tokenCreate(input: {{login: "a", password: "{SECRET}" ',
        # fails while running
        f'mutation In {{ tokenCreate(input: {{login: "a", password: "{SECRET}"}})'
        " { errors { code } } }",
    ],
)
async def test_a_literal_of_a_failed_document_is_never_logged(
    db: None,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    document: str,
) -> None:
    async def outage(*args: object) -> object:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(tokens, "login", outage)
    errors, records = await execute(settings, document, caplog, viewer=None)
    assert errors
    assert error_records(records)
    assert SECRET not in everything_logged(records)
