"""Limits on one HTTP request's size and reading time, checked before any JSON is parsed.

- **Body**: a ``Content-Length`` over ``http_max_body_bytes`` is refused before a byte is
  read; otherwise the bytes are counted as the server delivers them (chunked bodies too)
  and reading stops at the first chunk past the limit: 413 ``PAYLOAD_TOO_LARGE``.
- **Body time**: the whole body must arrive within ``http_body_timeout_seconds`` of the
  first read, however slowly it trickles: 408 ``REQUEST_TIMEOUT``.
- **URL**: a GET query string over ``http_max_head_bytes``: 414 ``URI_TOO_LONG``
  (``rangex-graphql serve`` refuses such a request head before the app sees it).
- **Document and variables**: ``query`` over ``max_query_bytes`` (UTF-8), ``variables`` over
  ``max_variables_bytes`` (as compact JSON): 413 ``QUERY_TOO_LARGE``, ``VARIABLES_TOO_LARGE``.

Refusals from the body close the connection (``Connection: close``): the rest of a large
or slow body is never read.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from enum import StrEnum

from starlette.datastructures import Headers
from starlette.types import Message, Receive

from ...settings import Settings


class SizeCode(StrEnum):
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    REQUEST_TIMEOUT = "REQUEST_TIMEOUT"
    URI_TOO_LONG = "URI_TOO_LONG"
    QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
    VARIABLES_TOO_LARGE = "VARIABLES_TOO_LARGE"


class LimitExceeded(Exception):
    """A request over one of these limits; ``close``: the connection must not be reused."""

    def __init__(self, status_code: int, message: str, code: SizeCode, *, close: bool) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.code = code
        self.close = close


@dataclass(frozen=True)
class RequestLimits:
    max_body_bytes: int
    body_timeout_seconds: float
    max_url_bytes: int
    max_query_bytes: int
    max_variables_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> RequestLimits:
        return cls(
            max_body_bytes=settings.http_max_body_bytes,
            body_timeout_seconds=settings.http_body_timeout_seconds,
            max_url_bytes=settings.http_max_head_bytes,
            max_query_bytes=settings.max_query_bytes,
            max_variables_bytes=settings.max_variables_bytes,
        )

    def check_declared_length(self, headers: Headers) -> None:
        declared = headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > self.max_body_bytes:
            raise self.body_too_large()

    def check_url(self, query_string: bytes) -> None:
        if len(query_string) > self.max_url_bytes:
            raise LimitExceeded(
                414,
                f"The URL's query string is over {self.max_url_bytes} bytes: send the "
                "operation with POST",
                SizeCode.URI_TOO_LONG,
                close=False,
            )

    def check_operation(self, query: str | None, variables: object, body_bytes: int) -> None:
        """``body_bytes``: the size of what the parameters were decoded from; variables in a
        body no larger than their limit are within it, and are not measured again."""
        if query and _utf8_length(query) > self.max_query_bytes:
            raise LimitExceeded(
                413,
                f"The GraphQL document is over {self.max_query_bytes} bytes",
                SizeCode.QUERY_TOO_LARGE,
                close=False,
            )
        if variables and body_bytes > self.max_variables_bytes:
            encoded = json.dumps(variables, separators=(",", ":"), ensure_ascii=False)
            if _utf8_length(encoded) > self.max_variables_bytes:
                raise LimitExceeded(
                    413,
                    f"The variables are over {self.max_variables_bytes} bytes",
                    SizeCode.VARIABLES_TOO_LARGE,
                    close=False,
                )

    def bounded(self, receive: Receive) -> BoundedReceive:
        return BoundedReceive(receive, self)

    def body_too_large(self) -> LimitExceeded:
        return LimitExceeded(
            413,
            f"The request body is over {self.max_body_bytes} bytes",
            SizeCode.PAYLOAD_TOO_LARGE,
            close=True,
        )


@dataclass
class BoundedReceive:
    """An HTTP request's ``receive``, counting body bytes against a size and a deadline.

    Once the body is complete, later calls (a response waiting for ``http.disconnect``)
    pass through unbounded.
    """

    receive: Receive
    limits: RequestLimits
    received: int = 0
    body_complete: bool = False
    _deadline: float | None = field(default=None, repr=False)

    async def __call__(self) -> Message:
        if self.body_complete:
            return await self.receive()
        if self._deadline is None:
            self._deadline = asyncio.get_running_loop().time() + self.limits.body_timeout_seconds
        try:
            async with asyncio.timeout_at(self._deadline):
                message = await self.receive()
        except TimeoutError:
            raise LimitExceeded(
                408,
                f"The request body did not arrive within {self.limits.body_timeout_seconds:g} s",
                SizeCode.REQUEST_TIMEOUT,
                close=True,
            ) from None
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limits.max_body_bytes:
                raise self.limits.body_too_large()
            self.body_complete = not message.get("more_body", False)
        else:
            self.body_complete = True
        return message


def _utf8_length(text: str) -> int:
    # ASCII (the usual document) is one byte a character: no copy to measure it.
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
