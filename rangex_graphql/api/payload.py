"""Expected failures of a mutation as its payload's typed error list.

A mutation resolver reads as the successful path. ``mutation_payload(Payload, *codes)``
wraps it: a service's ``DomainError(s)`` become ``Payload(errors=...)``, each code mapped
by value onto the payload's GraphQL code enum and each field path camelCased; after a
success the request's loaders are reset, so the payload's fields read what the mutation
wrote. ``codes`` are the service enums the mutation may raise; each of their values must
be in the payload's code enum, or the module does not import (a missing code is found at
start-up, not as a 500). Anything else (bad global IDs, permissions, bugs) stays a
top-level error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from functools import wraps
from typing import Any, ParamSpec, TypeVar, cast

from strawberry.types import Info as StrawberryInfo
from strawberry.types.base import StrawberryList, get_object_definition
from strawberry.types.enum import StrawberryEnumDefinition

from ..broker import Broker
from ..services.authoring.access import Actor
from ..services.errors import DomainError, DomainErrors, ErrorCode
from .context import Context, Info

E = TypeVar("E")
C = TypeVar("C", bound=Enum)
P = TypeVar("P")
Params = ParamSpec("Params")

Failure = DomainError | DomainErrors
Resolver = Callable[Params, Awaitable[P]]

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


def broker_of(info: Info) -> Broker | None:
    """Where the app announces notifications; None for an in-process execution without a
    runtime."""
    runtime = info.context.runtime
    return runtime.broker if runtime is not None else None


def actor(info: Info) -> Actor:
    """The viewer as the services know it (the field's permission guarantees one)."""
    viewer = info.context.viewer
    assert viewer is not None
    return Actor(id=viewer.id, is_admin=viewer.is_admin)


def payload_errors(
    failure: Failure,
    codes: type[C],
    make: Callable[[str | None, C, str], E],
) -> list[E]:
    """The failure's errors, each code mapped by value onto ``codes``."""
    errors = failure.errors if isinstance(failure, DomainErrors) else [failure]
    return [make(to_camel(e.field), codes(e.code), e.message) for e in errors]


def failures_into(
    payload: Callable[..., P], errors: Callable[[Failure], list[Any]]
) -> Callable[[Resolver[Params, P]], Resolver[Params, P]]:
    """Decorate a resolver: a failure it raises answers ``payload(errors=errors(failure))``."""

    def decorate(resolve: Resolver[Params, P]) -> Resolver[Params, P]:
        @wraps(resolve)  # Strawberry reads the arguments and return type through the wrap
        async def run(*args: Params.args, **kwargs: Params.kwargs) -> P:
            try:
                return await resolve(*args, **kwargs)
            except (DomainError, DomainErrors) as failure:
                return payload(errors=errors(failure))

        return run

    return decorate


@dataclass(frozen=True, slots=True)
class PayloadErrors:
    """What a payload's ``errors`` field holds: the error type and its code enum."""

    error_type: type[Any]
    codes: type[Enum]

    @classmethod
    def of(cls, payload: type[Any]) -> PayloadErrors:
        definition = get_object_definition(payload, strict=True)
        listed = next(f.type for f in definition.fields if f.python_name == "errors")
        if not isinstance(listed, StrawberryList) or not isinstance(listed.of_type, type):
            raise TypeError(f"{payload.__name__}.errors is not a list of an error type")
        error_type = listed.of_type
        error = get_object_definition(error_type, strict=True)
        code = next(f.type for f in error.fields if f.python_name == "code")
        if not isinstance(code, StrawberryEnumDefinition):
            raise TypeError(f"{error_type.__name__}.code is not an enum")
        return cls(error_type, cast(type[Enum], code.wrapped_cls))

    def missing(self, raises: Iterable[type[ErrorCode]]) -> set[str]:
        """The values of ``raises`` this payload's code enum lacks."""
        known = {member.value for member in self.codes}
        return {member.value for enum in raises for member in enum} - known

    def build(self, failure: Failure) -> list[Any]:
        return payload_errors(
            failure, self.codes, lambda f, c, m: self.error_type(field=f, code=c, message=m)
        )


@dataclass(frozen=True, slots=True)
class Declared:
    """What a mutation answers with and which service codes it may raise."""

    payload: type[Any]
    errors: PayloadErrors
    raises: tuple[type[ErrorCode], ...]


# Each decorated resolver's declaration, for the test that every mutation has one.
DECLARED: dict[Callable[..., Any], Declared] = {}


def _context(args: Iterable[object]) -> Context | None:
    for value in args:
        if isinstance(value, StrawberryInfo) and isinstance(value.context, Context):
            return value.context
    return None


def mutation_payload(
    payload: type[P], *raises: type[ErrorCode]
) -> Callable[[Resolver[Params, P]], Resolver[Params, P]]:
    """Decorate a mutation resolver: the failures of ``raises`` it meets answer
    ``payload(errors=...)``; a success resets the request's loaders first, so the
    payload's fields (and later mutations of the document) read afresh."""
    if not raises:
        raise TypeError(f"{payload.__name__}: name the service codes the mutation may raise")
    errors = PayloadErrors.of(payload)
    missing = errors.missing(raises)
    if missing:
        raise TypeError(
            f"{errors.codes.__name__} lacks {sorted(missing)}, which "
            f"{', '.join(enum.__name__ for enum in raises)} may raise"
        )

    answer_with: Callable[..., P] = payload

    def decorate(resolve: Resolver[Params, P]) -> Resolver[Params, P]:
        @wraps(resolve)  # Strawberry reads the arguments and return type through the wrap
        async def run(*args: Params.args, **kwargs: Params.kwargs) -> P:
            try:
                answer = await resolve(*args, **kwargs)
            except (DomainError, DomainErrors) as failure:
                return answer_with(errors=errors.build(failure))
            context = _context((*args, *kwargs.values()))
            if context is not None:
                context.reset_loaders()
            return answer

        DECLARED[run] = Declared(payload, errors, raises)
        return run

    return decorate
