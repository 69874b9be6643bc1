"""A TCP proxy on 127.0.0.1 that a fault benchmark can cut: refuse or black-hole.

- ``PASS``: bytes flow both ways.
- ``REFUSE``: the listening socket is closed (a new connection gets ECONNREFUSED) and every
  open connection is reset, as when the service behind it restarts.
- ``BLACKHOLE``: connections stay open and new ones are accepted, but no byte moves in
  either direction until the mode changes back: the peer sees a silent, stalled network
  (what was written meanwhile is delivered at the end, as TCP retransmits would).
"""

from __future__ import annotations

import asyncio
import contextlib
from enum import StrEnum

HOST = "127.0.0.1"
CHUNK = 1 << 16


class Mode(StrEnum):
    PASS = "pass"
    REFUSE = "refuse"
    BLACKHOLE = "blackhole"


class TcpProxy:
    def __init__(self, target_port: int, target_host: str = HOST) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self.mode = Mode.PASS
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> TcpProxy:
        self._server = await asyncio.start_server(self._accept, HOST, self.port)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def set_mode(self, mode: Mode) -> None:
        if mode is self.mode:
            return
        if self.mode is Mode.REFUSE:
            await self.start()  # the same port, again (SO_REUSEADDR)
        self.mode = mode
        if mode is Mode.BLACKHOLE:
            self._flowing.clear()
            return
        self._flowing.set()
        if mode is Mode.REFUSE:
            if self._server is not None:
                self._server.close()
                self._server = None
            for writer in list(self._writers):
                writer.transport.abort()  # RST, like a service that went away

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._flowing.set()
        for writer in list(self._writers):
            writer.transport.abort()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        upstream_writer: asyncio.StreamWriter | None = None
        try:
            await self._flowing.wait()
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
            self._writers.add(upstream_writer)
            await asyncio.gather(
                self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer)
            )
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            for end in (writer, upstream_writer):
                if end is not None:
                    self._writers.discard(end)
                    end.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(CHUNK):
                await self._flowing.wait()
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(OSError):
                writer.transport.abort()  # one side closed: close the other
