"""``rangex-graphql serve``'s HTTP protocol: uvicorn's, with a deadline and a size for the
request head.

uvicorn has no header timeout: a client sending one header a second, or connecting and
sending nothing, holds its socket for as long as it likes. Here each request's line and
headers must be complete within ``http_header_timeout_seconds`` of the connection (or of
the request's first byte, on a kept-alive connection): else 408 and the connection closes.
A head past ``http_max_head_bytes`` gets 431 and the connection closes, and so does a
connection whose request was answered before its body was read. Bodies are bounded in the
app (``request_limits.py``); WebSocket messages by uvicorn's ``ws_max_size``.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any, cast

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.server import ServerState

from ...settings import Settings


class HeadTooLarge(Exception):
    pass


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        *,
        header_timeout_seconds: float,
        max_head_bytes: int,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_timeout_seconds = header_timeout_seconds
        self.max_head_bytes = max_head_bytes
        self._head_timer: asyncio.TimerHandle | None = None
        self._reading_head = False
        self._head_bytes = 0
        self._head_too_large = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._await_head()

    def on_headers_complete(self) -> None:
        self._reading_head = False
        self._stop_head_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        if self.cycle.more_body and not self.transport.is_closing():
            # Answered without reading the whole body (a GET with one, say): uvicorn would
            # read and discard the rest for as long as the client sends it.
            self.transport.close()
        super().on_response_complete()

    def on_url(self, url: bytes) -> None:
        self._count_head(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count_head(len(name) + len(value))
        super().on_header(name, value)

    def send_400_response(self, msg: str) -> None:
        if self._head_too_large:
            self._refuse(431, "Request line and headers are too large")
        else:
            super().send_400_response(msg)

    def _count_head(self, size: int) -> None:
        self._head_bytes += size
        if self._head_bytes > self.max_head_bytes:
            # Raised in a parser callback: the parser stops, and uvicorn answers its
            # parse failure with send_400_response.
            self._head_too_large = True
            raise HeadTooLarge

    def _await_head(self) -> None:
        self._reading_head = True
        self._head_bytes = 0
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(
                self.header_timeout_seconds, self._head_timed_out
            )

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._reading_head:
            self._refuse(408, "Request headers were not received in time")

    def _refuse(self, status: int, message: str) -> None:
        self._reading_head = False
        self._stop_head_timer()
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete:
            # Not in the middle of another response (a pipelined request's head).
            body = message.encode("ascii")
            self.transport.write(
                b"".join(
                    [
                        STATUS_LINE[status],
                        b"content-type: text/plain; charset=utf-8\r\n",
                        b"content-length: %d\r\n" % len(body),
                        b"connection: close\r\n\r\n",
                        body,
                    ]
                )
            )
        self.transport.close()


def uvicorn_limits(settings: Settings) -> dict[str, Any]:
    """The options of ``uvicorn.run`` (or ``uvicorn.Config``) that bound slow and large
    requests and WebSocket messages (1009 past ``ws_max_message_bytes``)."""
    return {"http": guarded_http_protocol(settings), "ws_max_size": settings.ws_max_message_bytes}


def guarded_http_protocol(settings: Settings) -> type[asyncio.Protocol]:
    """The class uvicorn builds each connection's protocol with (``http=`` of its config);
    a partial, so that it pickles into worker processes."""
    factory = functools.partial(
        GuardedHttpToolsProtocol,
        header_timeout_seconds=settings.http_header_timeout_seconds,
        max_head_bytes=settings.http_max_head_bytes,
    )
    return cast("type[asyncio.Protocol]", factory)
