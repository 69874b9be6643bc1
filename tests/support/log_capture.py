"""The server's log output as a process would write it: logging unconfigured (as under
uvicorn, which configures its own loggers only) until ``configure_logging`` runs, stderr
captured; everything put back afterwards (the test runner's handlers too)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from rangex_graphql.log_setup import UVICORN_LOGGERS


@contextmanager
def unconfigured(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Nobody configured logging yet; what reaches stderr is in the returned buffer."""
    root, ours = logging.getLogger(), logging.getLogger("rangex_graphql")
    saved = (root.handlers[:], ours.handlers[:], ours.level)
    uvicorn_formatters = [
        (handler, handler.formatter)
        for name in UVICORN_LOGGERS
        for handler in logging.getLogger(name).handlers
    ]
    root.handlers.clear()
    ours.handlers.clear()
    stderr = io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    try:
        yield stderr
    finally:
        root.handlers[:], ours.handlers[:] = saved[0], saved[1]
        ours.setLevel(saved[2])
        for handler, formatter in uvicorn_formatters:
            handler.setFormatter(formatter)
