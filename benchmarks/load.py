"""Closed-loop HTTP load: ``concurrency`` workers, each sending its next request as soon as
the previous answer is in, for a fixed time after a warm-up.

Two clients: ``raw`` writes pre-encoded HTTP/1.1 requests on keep-alive sockets and reads
answers by ``content-length`` (a few µs of client CPU per request), ``httpx`` uses
``httpx.AsyncClient`` with a connection pool (what most Python tooling would use; it costs
far more client CPU, which on 2 cores is taken from the server under test).
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from enum import StrEnum

import httpx
from cases import HttpRequest
from servers import HOST, Server

MAX_REQUESTS_PER_WORKER = 5_000_000  # a bound on every loop, far above any real run
READ_LIMIT = 1 << 20

Send = Callable[[int], Awaitable[tuple[int, bytes]]]
"""Sends request number n (of the cycled list) and returns (status, body)."""


class ClientKind(StrEnum):
    RAW = "raw"
    HTTPX = "httpx"


@dataclass
class LoadResult:
    requests: int = 0
    failures: int = 0
    seconds: float = 0.0
    server_cpu_seconds: float = 0.0
    client_cpu_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list, repr=False)

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile_ms(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def server_cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_seconds / self.requests if self.requests else 0.0

    @property
    def client_cpu_share(self) -> float:
        """Client CPU time over wall time (1.0 = one core busy)."""
        return self.client_cpu_seconds / self.seconds if self.seconds else 0.0

    def add(self, other: LoadResult) -> None:
        """Fold another phase of the same server into this result."""
        self.requests += other.requests
        self.failures += other.failures
        self.seconds += other.seconds
        self.server_cpu_seconds += other.server_cpu_seconds
        self.client_cpu_seconds += other.client_cpu_seconds
        self.latencies.extend(other.latencies)

    def summary(self) -> dict[str, float | int]:
        return {
            "requests": self.requests,
            "failures": self.failures,
            "seconds": round(self.seconds, 3),
            "requests_per_second": round(self.requests_per_second, 1),
            "p50_ms": round(self.percentile_ms(0.50), 3),
            "p99_ms": round(self.percentile_ms(0.99), 3),
            "mean_ms": round(1000 * statistics.fmean(self.latencies), 3) if self.latencies else 0,
            "server_cpu_ms_per_request": round(self.server_cpu_ms_per_request, 3),
            "client_cpu_share": round(self.client_cpu_share, 3),
        }


def encode(request: HttpRequest, port: int) -> bytes:
    lines = [
        f"{request.method} {request.path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        "Accept: application/json",
    ]
    if request.bearer:
        lines.append(f"Authorization: Bearer {request.bearer}")
    if request.body:
        lines += ["Content-Type: application/json", f"Content-Length: {len(request.body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + request.body


class RawConnection:
    """One keep-alive HTTP/1.1 connection; answers must carry ``content-length``."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    @classmethod
    async def open(cls, port: int) -> RawConnection:
        connection = cls(port)
        await connection.connect()
        return connection

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port, limit=READ_LIMIT)

    async def exchange(self, payload: bytes) -> tuple[int, bytes]:
        try:
            return await self._exchange_once(payload)
        except asyncio.IncompleteReadError as error:
            if error.partial:
                raise
        # The server closed the idle keep-alive connection: reconnect and send again, once.
        await self.close()
        await self.connect()
        return await self._exchange_once(payload)

    async def _exchange_once(self, payload: bytes) -> tuple[int, bytes]:
        if self.reader is None or self.writer is None:
            raise ConnectionError("not connected")
        self.writer.write(payload)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lowered = head.lower()
        start = lowered.find(b"\r\ncontent-length:")
        if start < 0:
            raise RuntimeError(f"answer without content-length: {head[:200]!r}")
        end = lowered.find(b"\r\n", start + 2)
        length = int(lowered[start + 17 : end])
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
            self.reader = self.writer = None


async def _worker(send: Send, offset: int, deadline: float, result: LoadResult) -> None:
    clock = time.perf_counter
    for n in range(offset, offset + MAX_REQUESTS_PER_WORKER):
        started = clock()
        if started >= deadline:
            return
        status, body = await send(n)
        result.latencies.append(clock() - started)
        if status != 200 or b'"errors"' in body:
            result.failures += 1


class LoadSession:
    """Open connections to one server; each ``phase`` loads it for a fixed time.

    Requests are cycled, each worker from its own offset, and continue where the previous
    phase stopped.
    """

    def __init__(
        self,
        server: Server,
        requests: Sequence[HttpRequest],
        *,
        concurrency: int,
        client: ClientKind = ClientKind.RAW,
    ) -> None:
        self.server = server
        self.requests = list(requests)
        self.concurrency = concurrency
        self.client = client
        self.senders: list[Send] = []
        self._stack = AsyncExitStack()
        self._sent = 0

    async def __aenter__(self) -> LoadSession:
        if self.client is ClientKind.HTTPX:
            self.senders = [await self._httpx_sender()] * self.concurrency
        else:
            payloads = [encode(request, self.server.port) for request in self.requests]
            for _ in range(self.concurrency):
                connection = await RawConnection.open(self.server.port)
                self._stack.push_async_callback(connection.close)
                self.senders.append(_raw_sender(connection, payloads))
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._stack.aclose()

    async def phase(self, seconds: float) -> LoadResult:
        result = LoadResult()
        cpu_before, client_before = self.server.cpu_seconds(), time.process_time()
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _worker(send, self._sent + i * 17, deadline, result)
                for i, send in enumerate(self.senders)
            )
        )
        result.seconds = time.perf_counter() - started
        result.server_cpu_seconds = self.server.cpu_seconds() - cpu_before
        result.client_cpu_seconds = time.process_time() - client_before
        result.requests = len(result.latencies)
        self._sent += result.requests
        return result

    async def _httpx_sender(self) -> Send:
        limits = httpx.Limits(
            max_connections=self.concurrency, max_keepalive_connections=self.concurrency
        )
        http = await self._stack.enter_async_context(
            httpx.AsyncClient(
                base_url=f"http://{HOST}:{self.server.port}", limits=limits, timeout=60
            )
        )
        requests = self.requests

        async def send(n: int) -> tuple[int, bytes]:
            request = requests[n % len(requests)]
            headers = {"accept": "application/json"}
            if request.bearer:
                headers["authorization"] = f"Bearer {request.bearer}"
            if request.body:
                headers["content-type"] = "application/json"
            answer = await http.request(
                request.method, request.path, content=request.body or None, headers=headers
            )
            return answer.status_code, answer.content

        return send


def _raw_sender(connection: RawConnection, payloads: Sequence[bytes]) -> Send:
    async def send(n: int) -> tuple[int, bytes]:
        return await connection.exchange(payloads[n % len(payloads)])

    return send


async def fetch_once(server: Server, request: HttpRequest) -> tuple[int, bytes]:
    connection = await RawConnection.open(server.port)
    try:
        return await connection.exchange(encode(request, server.port))
    finally:
        await connection.close()
