"""A TCP proxy for fault tests, put between the server under test and MariaDB or Redis.

- forwarding (the start, and after ``heal()``): bytes flow both ways;
- ``cut()``: every open connection is closed and new ones are refused (ECONNREFUSED), as
  when the service behind it is down;
- ``blackhole()``: connections stay open and new ones are accepted, but no byte moves in
  either direction: a silent, stalled network. Bytes held meanwhile flow after ``heal()``,
  as TCP retransmissions would deliver them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

HOST = "127.0.0.1"
CHUNK = 65536


class FaultProxy:
    def __init__(self, target_port: int, target_host: str = HOST) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._pumps: set[asyncio.Task[None]] = set()

    @property
    def url_netloc(self) -> str:
        return f"{HOST}:{self.port}"

    async def start(self) -> None:
        # The same port every time: the clients keep the address they were given.
        self._server = await asyncio.start_server(self._accept, HOST, self.port)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def cut(self) -> None:
        self._flowing.set()
        await self._stop_listening()
        self._drop_connections()

    def blackhole(self) -> None:
        self._flowing.clear()

    async def heal(self) -> None:
        if self._server is None:
            await self.start()
        self._flowing.set()

    async def close(self) -> None:
        await self._stop_listening()
        self._drop_connections()
        for pump in tuple(self._pumps):
            pump.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)

    async def _stop_listening(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def _drop_connections(self) -> None:
        for writer in tuple(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, up_writer))
        loop = asyncio.get_running_loop()
        for source, sink in ((reader, up_writer), (up_reader, writer)):
            pump = loop.create_task(self._pump(source, sink))
            self._pumps.add(pump)
            pump.add_done_callback(self._pumps.discard)

    async def _pump(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while True:
                await self._flowing.wait()
                data = await source.read(CHUNK)
                if not data:
                    break
                await self._flowing.wait()  # read during a black hole: held until healed
                sink.write(data)
                await sink.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            self._writers.discard(sink)
            with contextlib.suppress(OSError, RuntimeError):
                sink.close()


@asynccontextmanager
async def fault_proxy(target_port: int, target_host: str = HOST) -> AsyncIterator[FaultProxy]:
    proxy = FaultProxy(target_port, target_host)
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.close()
