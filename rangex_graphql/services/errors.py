"""The one way services report an expected failure: a code, a field path and a message.

Mutations turn it into a payload error (``XError { field, code, message }``); nothing a
service raises this way is ever a 500.
"""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class DomainErrors(Exception):
    """Several problems found at once (validation reports all of them, not the first)."""

    def __init__(self, errors: list[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors
