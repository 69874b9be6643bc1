"""Turning a service's DomainError(s) into a mutation payload's typed error list."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from ..services.errors import DomainError, DomainErrors

E = TypeVar("E")
C = TypeVar("C", bound=Enum)


def to_camel(field: str | None) -> str | None:
    if not field:
        return None
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)


def payload_errors(
    failure: DomainError | DomainErrors,
    codes: type[C],
    make: Callable[[str | None, C, str], E],
) -> list[E]:
    errors = failure.errors if isinstance(failure, DomainErrors) else [failure]
    return [make(to_camel(e.field), codes[e.code], e.message) for e in errors]
