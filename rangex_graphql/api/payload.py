"""Expected failures of a mutation as its payload's typed error list.

A mutation resolver reads as the successful path; ``failures_into`` wraps it so that a
service's ``DomainError(s)`` become ``Payload(errors=...)`` with codes and camelCase field
paths. Anything else (bad global IDs, permissions, bugs) stays a top-level error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from ..services.errors import DomainError, DomainErrors

E = TypeVar("E")
C = TypeVar("C", bound=Enum)
P = TypeVar("P")
Params = ParamSpec("Params")

Failure = DomainError | DomainErrors

# The descriptions every payload and payload error shares.
ERRORS = (
    "Why the mutation did nothing: its expected failures (bad values, limits, state "
    "conflicts), each with a code and the input field; empty when it succeeded."
)
ERROR_CODE = "Why, as a code for clients to switch on."
ERROR_MESSAGE = "What went wrong, in English words for a person; do not parse it."


def result(what: str) -> str:
    """The description of a payload's object: ``what`` it holds, null when it failed."""
    return f"{what}; null when the mutation failed (see `errors`)."


def to_camel(field: str | None) -> str | None:
    if not field:
        return None
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)


def payload_errors(
    failure: Failure,
    codes: type[C],
    make: Callable[[str | None, C, str], E],
) -> list[E]:
    errors = failure.errors if isinstance(failure, DomainErrors) else [failure]
    return [make(to_camel(e.field), codes[e.code], e.message) for e in errors]


def failures_into(
    payload: Callable[..., P], errors: Callable[[Failure], list[Any]]
) -> Callable[[Callable[Params, Awaitable[P]]], Callable[Params, Awaitable[P]]]:
    """Decorate a mutation resolver: a failure it raises answers ``payload(errors=...)``."""

    def decorate(resolve: Callable[Params, Awaitable[P]]) -> Callable[Params, Awaitable[P]]:
        @wraps(resolve)  # Strawberry reads the arguments and return type through the wrap
        async def run(*args: Params.args, **kwargs: Params.kwargs) -> P:
            try:
                return await resolve(*args, **kwargs)
            except (DomainError, DomainErrors) as failure:
                return payload(errors=errors(failure))

        return run

    return decorate
