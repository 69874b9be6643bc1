"""Unexpected errors reach clients as a code and a request id, never as internals.

They are logged, with their traceback, by ``error_log.ApiSchema.process_errors``. A
dependency that is away (``unavailable.is_outage``: the database or Redis refused, dropped
or stalled) is no bug: it reaches clients as ``SERVICE_UNAVAILABLE``, to be retried.
"""

from __future__ import annotations

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from .error_log import is_unexpected
from .unavailable import SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, is_outage

__all__ = ["INTERNAL_MESSAGE", "MaskUnexpectedErrors", "is_unexpected", "public_error"]

INTERNAL_MESSAGE = "Internal server error; quote the request id when reporting it."


def public_error(error: GraphQLError) -> tuple[str, str]:
    """The message and code a client sees for an unexpected error."""
    if is_outage(error.original_error):
        return UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE
    return INTERNAL_MESSAGE, "INTERNAL_SERVER_ERROR"


class MaskUnexpectedErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message=INTERNAL_MESSAGE)

    def _process_result(self, result: object) -> None:
        # Strawberry checks the result against a runtime Protocol here, an isinstance that
        # walks the protocol's attributes on every request. The same test, cheaper.
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = getattr(self.execution_context.context, "request_id", None)
        message, code = public_error(error)
        masked = GraphQLError(
            message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
        )
        masked.extensions = {"code": code, "requestId": request_id}
        return masked
