"""What a call to AWS fails with, and how the ECS driver tells it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

import aiohttp
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.protocol import DriverError, EngineUnavailable

#: What a call to AWS can fail with.
ENGINE_ERRORS: tuple[type[BaseException], ...] = (
    ClientError,
    BotoCoreError,
    aiohttp.ClientError,
    OSError,
    asyncio.TimeoutError,
)
ENGINE_OR_DRIVER_ERRORS: tuple[type[BaseException], ...] = (*ENGINE_ERRORS, DriverError)


class MachineFailed(Exception):
    """One machine could not be started; the caller says for which operation."""

    def __init__(self, machine: str, reason: str) -> None:
        self.machine = machine
        self.reason = reason
        super().__init__(f"{machine}: {reason}")


def machine_failed(machine: str, exc: BaseException) -> MachineFailed:
    return MachineFailed(machine, reason(exc))


def error_code(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", ""))
    return ""


def reason(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        return f"{error.get('Code', 'error')}: {error.get('Message', '')}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


@contextmanager
def engine(what: str) -> Iterator[None]:
    """Raise an AWS failure inside as :class:`EngineUnavailable`, saying ``what`` failed."""
    try:
        yield
    except ENGINE_ERRORS as exc:
        raise EngineUnavailable(f"{what}: {reason(exc)}") from exc
