"""The Docker driver's ping opens a connection of its own (no engine needed).

A dockerd that is stopping closes its listener first, then stops the containers, while
the connections already open (the driver's pool) are still answered: a ping over the
pool would call that engine alive and let its die events fail every session.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from rangex_graphql.orchestrator.docker import DockerDriver, DockerDriverConfig
from rangex_graphql.orchestrator.protocol import EngineUnavailable

VERSION = json.dumps({"ApiVersion": "1.41", "Version": "20.10.24"}).encode()


async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer every request with the engine's version, keeping the connection open."""
    try:
        while await reader.readuntil(b"\r\n\r\n"):
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(VERSION)}\r\n\r\n".encode()
                + VERSION
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


async def test_ping_fails_once_the_engine_stops_listening_though_open_connections_answer(
    tmp_path: Path,
) -> None:
    socket_path = tmp_path / "docker.sock"
    listener = await asyncio.start_unix_server(answer, path=str(socket_path))
    driver = DockerDriver(DockerDriverConfig(url=str(socket_path), api_timeout=2))
    try:
        await driver.ping()
        await driver._docker().version()  # the pool now holds an open connection
        listener.close()  # what a stopping dockerd does first

        assert await driver._docker().version()  # still answered on the open one
        with pytest.raises(EngineUnavailable):
            await driver.ping()
    finally:
        await driver.close()
