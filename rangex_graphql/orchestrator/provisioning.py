"""The bookkeeping of a provisioning that every engine's driver shares.

A provisioning (or an ECS resume) is an :class:`Attempt`: it has a one-off id that goes
on every resource it creates (``rangex.provision``), records what it created, lets each
creating call run to its end even when the caller is cancelled, and stacks the steps
that undo it. A failed attempt is undone by :class:`Rollbacks`, newest step first,
shielded from the cancellation that may have ended the attempt; a rollback that fails
is logged, never swallowed silently. :func:`each` runs one step per machine at once.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from rangex_graphql.orchestrator.protocol import DriverError

log = logging.getLogger(__name__)
T = TypeVar("T")
UndoStep = Callable[[], Awaitable[None]]


async def each(
    names: Sequence[str],
    calls: Sequence[Awaitable[T]],
    *,
    engine_errors: tuple[type[BaseException], ...],
    machine_failed: Callable[[str, BaseException], Exception],
) -> list[T]:
    """Await one call per machine at once; raise the first failure, in machine order.

    Every call runs to its end (none is cancelled mid-request), so that all that was
    created is known when one fails. An engine error becomes ``machine_failed(name,
    error)``; anything else is raised as it is.
    """
    results = await asyncio.gather(*calls, return_exceptions=True)
    values: list[T] = []
    for name, result in zip(names, results, strict=True):
        if isinstance(result, engine_errors):
            raise machine_failed(name, result) from result
        if isinstance(result, BaseException):
            raise result
        values.append(result)
    return values


class Attempt:
    """One provisioning attempt: its id, what it created, and how to undo it."""

    def __init__(self, attempt_id: str | None = None) -> None:
        self.id = attempt_id or uuid.uuid4().hex
        self._created: dict[str, list[str]] = {}
        self._pending: set[asyncio.Future[Any]] = set()
        self._undo_steps: list[UndoStep] = []

    def record(self, kind: str, resource_id: str) -> None:
        self._created.setdefault(kind, []).append(resource_id)

    def created(self, kind: str) -> list[str]:
        """The ids of the ``kind`` of resource created so far, in creation order."""
        return list(self._created.get(kind, ()))

    async def creating(self, call: Awaitable[T]) -> T:
        """Let a call that creates something finish even if the attempt is cancelled.

        Cancelling the request itself would leave the engine to finish it unseen, after
        the undo looked; :meth:`undo` waits for these instead.
        """
        future = asyncio.ensure_future(call)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)
        return await asyncio.shield(future)

    def on_undo(self, step: UndoStep) -> None:
        """Undo with ``step`` should the attempt fail (steps run newest first)."""
        self._undo_steps.append(step)

    async def undo(self, settle_timeout: float) -> None:
        """Wait up to ``settle_timeout`` for creations under way, then undo, newest first.

        A step that raises ends the undo: what the older steps would remove may still be
        in use by what is left. Its error is raised.
        """
        if self._pending:
            await asyncio.wait(set(self._pending), timeout=settle_timeout)
        for step in reversed(self._undo_steps):
            await step()


class Rollbacks:
    """Undoes a driver's failed attempts, each to its end even if its caller is cancelled.

    ``wait()`` (at the driver's close) lets the rollbacks under way finish.
    """

    def __init__(self, settle_timeout: float) -> None:
        self._settle_timeout = settle_timeout
        self._running: set[asyncio.Task[None]] = set()

    async def roll_back(self, session_id: str, attempt: Attempt) -> None:
        """Undo ``attempt``; a :class:`DriverError` of the undo is logged, not raised.

        The caller raises the attempt's own failure, which says more to its caller.
        """
        task = asyncio.ensure_future(attempt.undo(self._settle_timeout))
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        try:
            await asyncio.shield(task)
        except DriverError as exc:
            log.error("undoing a failed attempt on %s: %s", session_id, exc)

    async def wait(self) -> None:
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
