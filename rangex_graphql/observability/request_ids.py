"""The request ID of the work in progress, in a context variable.

The GraphQL view binds one at the start of each HTTP request and WebSocket connection,
the subscription server one per operation and per event it executes: every log line
written meanwhile carries it (``log_setup``'s JSON format), the request's context takes
it (``api/context.py``), and clients get it in masked errors' ``extensions.requestId``.
Tasks started meanwhile inherit it, as they inherit every context variable.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from uuid import uuid4

HEADER = "x-request-id"
MAX_SUPPLIED_LENGTH = 64

_current: ContextVar[str | None] = ContextVar("rangex_request_id", default=None)

current_request_id = _current.get


def new_request_id() -> str:
    return uuid4().hex


def request_id_or_new() -> str:
    """The bound request ID, or a new one (work outside any request: a test, a job)."""
    return _current.get() or uuid4().hex


def supplied_request_id(headers: Mapping[str, str]) -> str | None:
    """A client's own ``X-Request-Id`` (a proxy's), when it is short printable ASCII."""
    supplied = headers.get(HEADER, "")
    short = 0 < len(supplied) <= MAX_SUPPLIED_LENGTH
    return supplied if short and supplied.isascii() and supplied.isprintable() else None


@contextmanager
def bound_request_id(request_id: str) -> Iterator[str]:
    """``request_id`` is the current one inside the block."""
    token = _current.set(request_id)
    try:
        yield request_id
    finally:
        _current.reset(token)
