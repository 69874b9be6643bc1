"""Unexpected errors reach clients as a code and a request id, never as internals.

They are logged, with their traceback, by ``error_log.ApiSchema.process_errors``.
"""

from __future__ import annotations

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from .error_log import is_unexpected

__all__ = ["INTERNAL_MESSAGE", "MaskUnexpectedErrors", "is_unexpected"]

INTERNAL_MESSAGE = "Internal server error; quote the request id when reporting it."


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
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
        return masked
