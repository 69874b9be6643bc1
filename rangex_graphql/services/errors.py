"""The one way services report an expected failure: a code, a field path and a message.

Each domain declares its codes as an ``ErrorCode`` enum (``services/account_errors.py``,
``services/sessions/errors.py`` …), so a misspelt code is a type error, not a 500.
Mutations turn a failure into a payload error (``XError { field, code, message }``),
mapping the code by value onto the payload's GraphQL enum (``api/payload.py``); nothing a
service raises this way is ever a 500.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """The base of every domain's codes. It has no members: an enum with members cannot
    be subclassed, and each domain's enum subclasses this one."""


class DomainError(Exception):
    def __init__(self, code: ErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class DomainErrors(Exception):
    """Several problems found at once (validation reports all of them, not the first)."""

    def __init__(self, errors: list[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors
