"""Structured logs (RANGEX_LOG_FORMAT=json): one JSON object per line, the request ID the
client gets on every line written while its request runs, a user error in one line, an
internal error with its exception, no secret in any line; text stays the default."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any
from uuid import UUID

import httpx
import pytest
from starlette.applications import Starlette

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.scenario import types as scenario_types
from rangex_graphql.api.session import types as session_types
from rangex_graphql.app import create_app
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.log_setup import (
    QueryStringRedactor,
    configure_logging,
    json_formatter,
    redact_access_log,
)
from rangex_graphql.models.enums import UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.security.passwords import hash_password
from rangex_graphql.services import tokens
from rangex_graphql.settings import LogFormat, Settings
from tests import factories
from tests.api.subscriptions.client import Client, serve
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.support.log_capture import unconfigured

GRAPHQL_RESPONSE = {"accept": "application/graphql-response+json"}
TAGS = "query Tags { scenarios { nodes { title tags } } }"
EVERYONE = "query Everyone { users { totalCount } }"
LOGIN = (
    "mutation SignIn($in: TokenCreateInput!) "
    "{ tokenCreate(input: $in) { tokens { accessToken } errors { code } } }"
)
PASSWORD = "correct-horse-7f3a9c-password"
LOGIN_NAME = "login-variable-5e1d"
BEARER = "bearer-secret-0c4b2e91d7a8f6"
# Fails validation, the password a literal in the document.
INLINE_PASSWORD = (
    f'{{ tokenCreate(input: {{login: "a", password: "{PASSWORD}", x: 1}}) {{ __typename }} }}'
)
TEXT_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+: ")


def parsed(output: str) -> list[dict[str, Any]]:
    """Every line of ``output`` as JSON (each must be one object)."""
    lines = [json.loads(line) for line in output.splitlines()]
    assert lines, "nothing was logged"
    assert all(isinstance(line, dict) for line in lines)
    return lines


@contextmanager
def server_logs(
    monkeypatch: pytest.MonkeyPatch, log_format: LogFormat, level: str = "info"
) -> Iterator[io.StringIO]:
    with unconfigured(monkeypatch) as stderr:
        configure_logging(level, log_format)
        yield stderr


@asynccontextmanager
async def client_of(app: Starlette, runtime: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client
    finally:
        await runtime.aclose()


@pytest.fixture
def app_with(settings: Settings, db: None) -> Callable[..., Any]:
    """``app_with(**overrides)``: the whole app (``create_app``: logging configured from
    its settings), without its lifespan (the test database is open already)."""

    def build(**overrides: Any) -> Any:
        app = create_app(settings.model_copy(update={"graphiql": False, **overrides}))
        return client_of(app, app.state.runtime)

    return build


@pytest.fixture
def broken_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scenarios' tags fail as a bug would, after a log line of their own that does
    not name the request (it must get the request ID from the context variable)."""

    async def broken(keys: list[UUID]) -> list[list[str]]:
        logging.getLogger("rangex_graphql.api.scenario").warning("reading tags")
        raise RuntimeError("the tags table is gone")

    monkeypatch.setattr(scenario_types, "_tags", broken)


async def post(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    return await client.post("/graphql", json=body, headers=GRAPHQL_RESPONSE | (headers or {}))


@pytest.mark.usefixtures("broken_tags")
@pytest.mark.parametrize("supplied", [None, "edge-proxy-4d2f"])
async def test_every_line_of_a_request_carries_the_id_its_masked_error_gives_the_client(
    app_with: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, supplied: str | None
) -> None:
    await factories.version(await factories.scenario())
    headers = {"x-request-id": supplied} if supplied else {}
    with server_logs(monkeypatch, LogFormat.JSON) as stderr:
        async with app_with(log_format=LogFormat.JSON) as client:
            first = await post(client, TAGS, headers=headers)
            second = await post(client, TAGS, headers=headers)
    ids = [r.json()["errors"][0]["extensions"]["requestId"] for r in (first, second)]
    if supplied:
        assert ids == [supplied, supplied]
    else:
        assert ids[0] != ids[1]
    lines = parsed(stderr.getvalue())
    for request_id in set(ids):
        mine = [line for line in lines if line.get("request_id") == request_id]
        # Per request: the resolver's own line (twice: the suite verifies each planned
        # query with graphql-core) and one for the error.
        requests = 2 if supplied else 1
        loggers = [line["logger"] for line in mine]
        assert loggers.count("rangex_graphql.errors") == requests
        assert loggers.count("rangex_graphql.api.scenario") >= requests
        assert set(loggers) == {"rangex_graphql.api.scenario", "rangex_graphql.errors"}
        assert mine[0]["event"] == "reading tags"
        assert mine[0]["level"] == "warning"
    assert all("request_id" in line for line in lines)
    timestamp = lines[0]["timestamp"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", timestamp), timestamp
    assert list(lines[0])[:5] == ["timestamp", "level", "logger", "event", "request_id"]


@pytest.mark.usefixtures("broken_tags")
async def test_a_user_error_is_one_line_and_an_internal_error_carries_its_exception(
    app_with: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    await factories.version(await factories.scenario())
    with server_logs(monkeypatch, LogFormat.JSON) as stderr:
        async with app_with(log_format=LogFormat.JSON) as client:
            refused = await post(client, EVERYONE, headers={"x-request-id": "user-error"})
            crashed = await post(client, TAGS, headers={"x-request-id": "internal-error"})
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert crashed.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    output = stderr.getvalue()
    lines = parsed(output)
    assert len(lines) == len(output.splitlines())

    (user_error,) = [line for line in lines if line["request_id"] == "user-error"]
    assert user_error["level"] == "info"
    assert user_error["error_codes"] == ["UNAUTHENTICATED"]
    assert user_error["operation"] == "Everyone"
    assert "exception" not in user_error
    assert "Traceback" not in json.dumps(user_error)

    (internal,) = [line for line in lines if line["logger"] == "rangex_graphql.errors"][1:]
    assert internal["request_id"] == "internal-error"
    assert internal["level"] == "error"
    assert internal["error_codes"] == ["INTERNAL_SERVER_ERROR"]
    assert internal["path"] == "scenarios.nodes.0.tags"
    assert internal["exception"].startswith("Traceback (most recent call last):")
    assert "RuntimeError: the tags table is gone" in internal["exception"]
    assert "exc_info" not in internal


async def test_text_stays_the_default_format(
    app_with: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Settings(_env_file=None).log_format is LogFormat.TEXT
    with server_logs(monkeypatch, LogFormat.TEXT) as stderr, monkeypatch.context() as env:
        env.delenv("RANGEX_LOG_FORMAT", raising=False)
        async with app_with() as client:
            await post(client, EVERYONE, headers={"x-request-id": "text-format"})
    (line,) = stderr.getvalue().splitlines()
    assert TEXT_LINE.match(line), line
    assert line.endswith(
        "INFO rangex_graphql.errors: GraphQL request error: UNAUTHENTICATED at users "
        "(operation Everyone, document "
        f"{line.split('document ')[1].split(',')[0]}, request id text-format)"
    )
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)


async def test_the_app_configures_the_format_its_settings_name(
    app_with: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for log_format in LogFormat:
        with unconfigured(monkeypatch) as stderr:
            async with app_with(log_format=log_format) as client:
                await post(client, EVERYONE)
        (line,) = stderr.getvalue().splitlines()
        if log_format is LogFormat.JSON:
            assert json.loads(line)["event"].startswith("GraphQL request error: UNAUTHENTICATED")
        else:
            assert TEXT_LINE.match(line), line


@pytest.fixture
async def learner(db: None) -> None:
    await factories.user(
        UserRole.USER, username=LOGIN_NAME, password_hash=await hash_password(PASSWORD)
    )


@pytest.mark.usefixtures("learner")
async def test_no_password_token_or_variable_reaches_any_line(
    app_with: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in = {"in": {"login": LOGIN_NAME, "password": PASSWORD}}
    with server_logs(monkeypatch, LogFormat.JSON, level="debug") as stderr:
        async with app_with(log_format=LogFormat.JSON) as client:
            signed_in = await post(client, LOGIN, sign_in)
            wrong = await post(
                client, LOGIN, {"in": {"login": LOGIN_NAME, "password": "x" + PASSWORD}}
            )
            bearer = await post(
                client, LOGIN, sign_in, headers={"authorization": f"Bearer {BEARER}"}
            )
            literal = await post(client, INLINE_PASSWORD)

            async def outage(*args: object, **kwargs: object) -> object:
                raise RuntimeError("sign-in broke")

            monkeypatch.setattr(tokens, "login", outage)
            crashed = await post(client, LOGIN, sign_in)
    assert signed_in.json()["data"]["tokenCreate"]["tokens"]["accessToken"]
    assert wrong.json()["data"]["tokenCreate"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    assert bearer.status_code == 401
    assert literal.status_code == 400
    assert crashed.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    access_token = signed_in.json()["data"]["tokenCreate"]["tokens"]["accessToken"]

    output = stderr.getvalue()
    lines = parsed(output)
    assert any("exception" in line for line in lines)  # the crash was logged, with traceback
    for secret in (PASSWORD, LOGIN_NAME, BEARER, access_token, "Bearer", "authorization"):
        assert secret.lower() not in output.lower(), secret


def test_access_lines_in_json_keep_no_query_string(monkeypatch: pytest.MonkeyPatch) -> None:
    access = logging.getLogger("uvicorn.access")
    own = logging.StreamHandler(io.StringIO())  # as uvicorn's own handler would be
    access.addHandler(own)
    level = access.level
    access.setLevel(logging.INFO)
    try:
        with server_logs(monkeypatch, LogFormat.JSON):
            redact_access_log()
            assert isinstance(own.formatter, type(json_formatter()))
            access.info(
                '%s - "%s %s HTTP/%s" %d',
                "127.0.0.1:5000",
                "GET",
                f"/graphql?query={{viewer{{id}}}}&variables={{%22password%22:%22{PASSWORD}%22}}",
                "1.1",
                200,
            )
    finally:
        access.removeHandler(own)
        access.setLevel(level)
    assert any(isinstance(f, QueryStringRedactor) for f in access.filters)
    stream = own.stream
    assert isinstance(stream, io.StringIO)
    (line,) = parsed(stream.getvalue())
    assert line["logger"] == "uvicorn.access"
    assert line["event"] == '127.0.0.1:5000 - "GET /graphql?… HTTP/1.1" 200'
    assert PASSWORD not in stream.getvalue()


async def test_each_websocket_operation_and_event_logs_under_the_id_its_client_gets(
    settings: Settings, db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        logging.getLogger("rangex_graphql.api.session").warning("reading the clock")
        raise RuntimeError("the clock stopped")

    monkeypatch.setattr(session_types, "time_left_seconds", broken)
    owner, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    watch = "subscription W($id: ID!) { sessionUpdated(id: $id) { id timeLeftSeconds } }"
    once = "query Q($id: ID!) { node(id: $id) { ... on EnvironmentSession { timeLeftSeconds } } }"
    runtime = build_runtime(
        settings.model_copy(update={"log_format": LogFormat.JSON}),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
    )
    given: list[dict[str, Any]] = []
    with server_logs(monkeypatch, LogFormat.JSON) as stderr:
        try:
            async with (
                serve(runtime) as server,
                Client.open(server.url, token_for(settings, owner)) as client,
            ):
                await client.subscribe("s", watch, {"id": gid})  # the welcome event
                given.append((await client.receive())["payload"]["errors"][0])
                await changed(runtime, session)  # an event
                given.append((await client.receive())["payload"]["errors"][0])
                await client.subscribe("q", once, {"id": gid})  # a query over the socket
                given.append((await client.receive())["payload"]["errors"][0])
        finally:
            await runtime.aclose()
    ids = [error["extensions"]["requestId"] for error in given]
    assert [error["extensions"]["code"] for error in given] == ["INTERNAL_SERVER_ERROR"] * 3
    assert len(set(ids)) == 3
    clock = [line for line in parsed(stderr.getvalue()) if line["event"] == "reading the clock"]
    assert {line.get("request_id") for line in clock} == set(ids)
