"""Top-level GraphQL errors, each with a stable ``extensions.code``.

Expected failures of mutations are payload errors (a service's ``DomainError``, see
``services/errors.py``, turned into the payload's error list by ``api/payload.py``);
these are for requests that cannot be answered at all.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError


class ApiError(GraphQLError):
    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


class BadUserInput(ApiError):
    code = "BAD_USER_INPUT"


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class NotFound(ApiError):
    code = "NOT_FOUND"
