"""Slow and oversized clients against a real uvicorn with `serve`'s limits
(api/http/slow_clients.py), over raw sockets."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from rangex_graphql import cli
from rangex_graphql.api.http.slow_clients import GuardedHttpToolsProtocol, uvicorn_limits
from rangex_graphql.settings import Settings

from .conftest import make_app

GET_HELLO = b"GET /graphql?query=%7Bhello%7D HTTP/1.1\r\nhost: test\r\naccept: application/json\r\n"
TRICKLE_SECONDS = 5.0  # how long a slow client would go on without the limits
STEP_SECONDS = 0.05


def settings_with(**overrides: Any) -> Settings:
    return Settings(migrate_on_start=False, graphiql=False, **overrides)


@asynccontextmanager
async def served(settings: Settings) -> AsyncIterator[int]:
    """The tiny schema's app on uvicorn, with the options `serve` gives it; the port."""
    config = uvicorn.Config(
        make_app(settings),
        host="127.0.0.1",
        port=0,
        lifespan="off",
        log_level="critical",
        **uvicorn_limits(settings),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(500):  # uvicorn offers no event for "listening"
        if server.started:
            break
        await asyncio.sleep(0.01)
    try:
        yield server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 5)


async def answer_while_trickling(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, pieces: list[bytes]
) -> tuple[bytes, int]:
    """Send ``pieces`` one per step until the server answers; (its answer until it closes,
    how many pieces were sent)."""
    for sent, piece in enumerate(pieces, start=1):
        writer.write(piece)
        try:
            first = await asyncio.wait_for(reader.read(65_536), STEP_SECONDS)
        except TimeoutError:
            continue
        rest = await asyncio.wait_for(reader.read(), 2)  # until the server closes
        return first + rest, sent
    return b"", len(pieces)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


async def test_headers_sent_one_at_a_time_are_cut_off_with_408() -> None:
    pieces = [b"x-slow-%d: 1\r\n" % i for i in range(int(TRICKLE_SECONDS / STEP_SECONDS))]
    async with served(settings_with(http_header_timeout_seconds=0.3)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(GET_HELLO)
        answer, sent = await answer_while_trickling(reader, writer, pieces)
        writer.close()

    assert status_of(answer) == 408
    assert sent < len(pieces)


async def test_a_connection_that_sends_nothing_is_closed() -> None:
    async with served(settings_with(http_header_timeout_seconds=0.3)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        answer = await asyncio.wait_for(reader.read(), TRICKLE_SECONDS)
        writer.close()

    assert status_of(answer) == 408


async def test_a_kept_alive_connection_gets_the_header_timeout_on_its_next_request() -> None:
    pieces = [b"x-slow-%d: 1\r\n" % i for i in range(int(TRICKLE_SECONDS / STEP_SECONDS))]
    async with served(settings_with(http_header_timeout_seconds=0.3)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(GET_HELLO + b"\r\n")
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 2)
        length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
        body = await asyncio.wait_for(reader.readexactly(length), 2)
        writer.write(GET_HELLO)
        answer, sent = await answer_while_trickling(reader, writer, pieces)
        writer.close()

    assert status_of(head) == 200
    assert json.loads(body) == {"data": {"hello": "hello world"}}
    assert status_of(answer) == 408
    assert sent < len(pieces)


async def test_a_head_past_the_limit_is_431() -> None:
    async with served(settings_with(http_max_head_bytes=4096)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(GET_HELLO + b"x-pad: " + b"a" * 8192 + b"\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 2)
        writer.close()

    assert status_of(answer) == 431


async def test_a_body_sent_a_byte_at_a_time_is_cut_off_with_408() -> None:
    body = b'{"query": "{ hello }"}'.ljust(1000)
    head = (
        b"POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\n"
        b"accept: application/graphql-response+json\r\ncontent-length: %d\r\n\r\n" % len(body)
    )
    pieces = [body[i : i + 1] for i in range(int(TRICKLE_SECONDS / STEP_SECONDS))]
    async with served(settings_with(http_body_timeout_seconds=0.3)) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(head)
        answer, sent = await answer_while_trickling(reader, writer, pieces)
        writer.close()

    assert status_of(answer) == 408
    assert b'"REQUEST_TIMEOUT"' in answer
    assert sent < len(pieces)


async def test_a_body_the_app_does_not_read_is_not_waited_for() -> None:
    pieces = [b"x"] * int(TRICKLE_SECONDS / STEP_SECONDS)
    async with served(settings_with()) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(GET_HELLO + b"content-length: %d\r\n\r\n" % len(pieces))
        answer, sent = await answer_while_trickling(reader, writer, pieces)
        writer.close()

    assert status_of(answer) == 200
    assert answer.endswith(b'{"data":{"hello":"hello world"}}')  # then the server closed
    assert sent < len(pieces)


async def test_a_websocket_message_past_the_limit_is_refused_by_uvicorn_with_1009() -> None:
    # The tiny app serves graphql-transport-ws with Strawberry's handler: no app-side check.
    async with served(settings_with(ws_max_message_bytes=1024)) as port:
        url = f"ws://127.0.0.1:{port}/graphql"
        async with connect(url, subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
            pad = "x" * 4096
            await socket.send(json.dumps({"type": "connection_init", "payload": {"pad": pad}}))
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), 2)

    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1009


def test_serve_runs_uvicorn_with_these_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options))
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{tmp_path / 'db.sqlite3'}")
    monkeypatch.setenv("RANGEX_MIGRATE_ON_START", "false")
    monkeypatch.setenv("RANGEX_HTTP_HEADER_TIMEOUT_SECONDS", "7")
    monkeypatch.setenv("RANGEX_WS_MAX_MESSAGE_BYTES", "4096")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(cli.app, ["serve"])

    assert result.exit_code == 0, result.output
    protocol = started["http"]
    assert isinstance(protocol, functools.partial)
    assert protocol.func is GuardedHttpToolsProtocol
    assert protocol.keywords["header_timeout_seconds"] == 7
    assert started["ws_max_size"] == 4096
