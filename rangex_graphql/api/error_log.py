"""What the server logs about failed GraphQL operations.

A client's mistake (bad input, forbidden, not found, a document that does not parse or
validate) is one line without a traceback, and so is a dependency that is away (a WARNING:
``unavailable.is_outage``); only an unexpected error gets its traceback.
Neither ever carries the document, its variables or an error's message, all of which can
hold a client's literals (an inline ``password:``, a token): the line names the error
code, the path, the operation name, a hash of the document and the request id.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSyntaxError, MiddlewareManager
from strawberry.extensions import SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.types import ExecutionContext

from .extension_hooks import PreparedExtensionsRunner, middleware_manager
from .plans import PlanCache
from .unavailable import is_outage

log = logging.getLogger("rangex_graphql.errors")


def is_unexpected(error: GraphQLError) -> bool:
    """Errors raised on purpose are GraphQLErrors; anything else is a bug or an outage."""
    return error.original_error is not None and not isinstance(error.original_error, GraphQLError)


def document_hash(query: str | None) -> str:
    """Names a document in the logs without its text (and the literals in it)."""
    if not query:
        return "-"
    return hashlib.sha256(query.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def error_code(error: GraphQLError, executed: bool) -> str:
    code = (error.extensions or {}).get("code")
    if isinstance(code, str):
        return code
    if isinstance(error, GraphQLSyntaxError):
        return "GRAPHQL_PARSE_FAILED"
    if not executed:
        return "GRAPHQL_VALIDATION_FAILED"
    return "BAD_USER_INPUT" if error.path is None else "GRAPHQL_EXECUTION_FAILED"


def _path(error: GraphQLError) -> str:
    return ".".join(map(str, error.path or [])) or "-"


def log_errors(
    errors: Sequence[GraphQLError],
    *,
    operation_name: str | None,
    document: str,
    request_id: str | None,
    executed: bool = True,
) -> None:
    """One line for the client's errors of one result; a traceback per unexpected error.

    The same facts go with each line as fields (``extra``), which the JSON log format
    renders (``log_setup.EXTRA_FIELDS``)."""
    where = f"operation {operation_name or '-'}, document {document}, request id {request_id}"
    fields: dict[str, object] = {"operation": operation_name, "document": document}
    if request_id is not None:
        fields["request_id"] = request_id
    expected = [error for error in errors if not is_unexpected(error)]
    if expected:
        codes = [error_code(e, executed) for e in expected]
        problems = ", ".join(
            f"{code} at {_path(e)}" for code, e in zip(codes, expected, strict=True)
        )
        log.info(
            "GraphQL request error: %s (%s)",
            problems,
            where,
            extra={**fields, "error_codes": codes},
        )
    for error in errors:
        if not is_unexpected(error):
            continue
        extra = {**fields, "path": _path(error)}
        if is_outage(error.original_error):
            # Not a bug: no traceback per request while a dependency is away.
            log.warning(
                "dependency unavailable at %s (%s): %s",
                _path(error),
                where,
                type(error.original_error).__name__,
                extra={**extra, "error_codes": ["SERVICE_UNAVAILABLE"]},
            )
        else:
            log.error(
                "unexpected error at %s (%s)",
                _path(error),
                where,
                exc_info=error.original_error,
                extra={**extra, "error_codes": ["INTERNAL_SERVER_ERROR"]},
            )


class ApiSchema(strawberry.Schema):
    """Strawberry's schema, logging errors as above instead of with Strawberry's logger
    (which logs each error with its source excerpt and a traceback), and running queries
    from execution plans (`plans/`) where the settings say so."""

    def __init__(self, *args: Any, plan_cache_size: int = 512, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan_cache = PlanCache(maxsize=plan_cache_size)

    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return PreparedExtensionsRunner(execution_context=execution_context, extensions=extensions)

    def _get_middleware_manager(self, extensions: list[SchemaExtension]) -> MiddlewareManager:
        return middleware_manager(extensions)

    def _get_execute_function(self) -> Callable[..., Any]:
        if self.config.enable_experimental_incremental_execution:  # pragma: no cover
            return super()._get_execute_function()
        return self.plan_cache.execute

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        if execution_context is None:
            log_errors(errors, operation_name=None, document="-", request_id=None)
            return
        context: Any = execution_context.context
        log_errors(
            errors,
            operation_name=_operation_name(execution_context),
            document=document_hash(execution_context.query),
            request_id=getattr(context, "request_id", None),
            executed=execution_context.result is not None,
        )


def _operation_name(execution_context: ExecutionContext) -> str | None:
    name = execution_context.operation_name  # None for a document that did not parse
    return name[:100] if name else None
