"""Where the server's own log lines go: uvicorn configures its loggers only, so without
this the ``rangex_graphql`` loggers reach Python's last-resort handler (warnings and up,
the bare message: no time, level or logger name)."""

from __future__ import annotations

import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: str) -> None:
    """``rangex_graphql.*`` to stderr at ``level`` (RANGEX_LOG_LEVEL), unless logging is
    configured already (a root handler: an embedding application, the test runner)."""
    logger = logging.getLogger("rangex_graphql")
    if logging.getLogger().handlers or logger.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level.upper())


class QueryStringRedactor(logging.Filter):
    """Drops the query string from uvicorn's access lines: a GET request carries its
    document and variables there, and neither may reach a log (a password literal)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        # uvicorn.access: (client address, method, path with query, HTTP version, status)
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            path, query_mark, _ = args[2].partition("?")
            if query_mark:
                record.args = (args[0], args[1], f"{path}?…", args[3], args[4])
        return True


def redact_access_log() -> None:
    """Installs :class:`QueryStringRedactor` on uvicorn's access logger, once."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, QueryStringRedactor) for f in access.filters):
        access.addFilter(QueryStringRedactor())
