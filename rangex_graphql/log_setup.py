"""Where the server's own log lines go, and in which format: uvicorn configures its loggers
only, so without this the ``rangex_graphql`` loggers reach Python's last-resort handler
(warnings and up, the bare message: no time, level or logger name).

Two formats (``RANGEX_LOG_FORMAT``):

- ``text`` (the default): ``time LEVEL logger: message``, a traceback on the lines after;
- ``json``: one JSON object per line, rendered by structlog's ``ProcessorFormatter`` from
  the standard library's records (the code logs with ``logging`` as before):
  ``timestamp`` (ISO 8601, UTC), ``level``, ``logger``, ``event`` (the message),
  ``request_id`` while a request is handled (``observability/request_ids.py``), the
  fields a line adds with ``extra=`` among :data:`EXTRA_FIELDS`, and ``exception`` (the
  traceback) when the record has one. uvicorn's lines are rendered alike, its access
  lines still without their query string (:class:`QueryStringRedactor`).
"""

from __future__ import annotations

import copy
import json
import logging
import sys
from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any

import orjson
from structlog.processors import JSONRenderer, format_exc_info
from structlog.stdlib import ExtraAdder, ProcessorFormatter

from .observability.request_ids import current_request_id
from .settings import LogFormat

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# What a line may add with ``extra=`` (api/error_log.py): never a message, document or
# variables. Other extras (uvicorn's ``color_message``) are left out.
# ``request_id`` there is the one the error's context names (the same as the bound one).
EXTRA_FIELDS = ("operation", "document", "error_codes", "path", "request_id")
# uvicorn's loggers with handlers of their own (``uvicorn.error`` propagates to ``uvicorn``).
UVICORN_LOGGERS = ("uvicorn", "uvicorn.access")

EventDict = MutableMapping[str, Any]


def configure_logging(level: str, log_format: LogFormat = LogFormat.TEXT) -> None:
    """``rangex_graphql.*`` to stderr at ``level`` (RANGEX_LOG_LEVEL) in ``log_format``,
    unless logging is configured already (a root handler: an embedding application, the
    test runner).

    With the json format the handler is the root logger's, so that the other libraries'
    warnings are JSON lines too (not the last-resort handler's bare text in between), and
    uvicorn's handlers get the JSON formatter."""
    logger = logging.getLogger("rangex_graphql")
    root = logging.getLogger()
    if root.handlers or logger.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    logger.setLevel(level.upper())
    if log_format is LogFormat.TEXT:
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
        return
    handler.setFormatter(json_formatter())
    root.addHandler(handler)
    for name in UVICORN_LOGGERS:
        for uvicorn_handler in logging.getLogger(name).handlers:
            uvicorn_handler.setFormatter(json_formatter())


def json_formatter() -> logging.Formatter:
    """Renders each record as one JSON object on one line (see the module's docstring)."""
    return ProcessorFormatter(
        foreign_pre_chain=[_standard_fields, ExtraAdder(EXTRA_FIELDS), format_exc_info],
        processors=[ProcessorFormatter.remove_processors_meta, JSONRenderer(serializer=_dumps)],
    )


def uvicorn_log_config(log_format: LogFormat) -> dict[str, Any]:
    """uvicorn's own logging configuration (``serve``), every formatter JSON with the
    json format: the lines of uvicorn's supervisor (several workers, ``--reload``), which
    runs no app, are JSON too."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    if log_format is LogFormat.JSON:
        config["formatters"] = {
            name: {"()": f"{__name__}.json_formatter"} for name in config["formatters"]
        }
    return config


def _standard_fields(logger: object, method: str, event_dict: EventDict) -> EventDict:
    """timestamp, level, logger, event and request_id first, in that order."""
    record: logging.LogRecord = event_dict["_record"]
    fields: EventDict = {
        "timestamp": datetime.fromtimestamp(record.created, UTC)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z"),
        "level": record.levelname.lower(),
        "logger": record.name,
        "event": event_dict.pop("event"),
    }
    request_id = current_request_id()
    if request_id is not None:
        fields["request_id"] = request_id
    fields.update(event_dict)
    return fields


def _dumps(value: Any, **options: Any) -> str:
    try:
        return orjson.dumps(value, default=options.get("default")).decode()
    except TypeError:  # a key that is no string, an integer beyond 64 bits
        return json.dumps(value, default=repr)


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
