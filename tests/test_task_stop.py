"""``task_stop.stop``: a helper task stopped from ``finally`` keeps the caller's own
cancellation (a job loop swallowing it ran on, and shutting the runtime down hung)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import pytest

from rangex_graphql.task_stop import stop


async def stop_by_suppressing(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def loop_that_stops_a_helper(
    stopper: Callable[[asyncio.Task[None]], Awaitable[None]], stopping: asyncio.Event
) -> int:
    """A job loop whose passes each run a helper task and stop it in ``finally``; the
    helper takes a moment to end, so a cancellation can arrive while it is being stopped."""
    passes = 0
    while passes < 50:
        passes += 1

        async def helper() -> None:
            try:
                await asyncio.Event().wait()
            finally:
                stopping.set()
                await asyncio.sleep(0.01)  # cleaning up

        task = asyncio.create_task(helper())
        await asyncio.sleep(0)
        try:
            await asyncio.sleep(0)
        finally:
            await stopper(task)
    return passes


async def cancel_while_stopping(
    stopper: Callable[[asyncio.Task[None]], Awaitable[None]],
) -> asyncio.Task[int]:
    stopping = asyncio.Event()
    job = asyncio.create_task(loop_that_stops_a_helper(stopper, stopping))
    await stopping.wait()  # the loop waits in its finally for the helper to end
    job.cancel()
    with contextlib.suppress(asyncio.CancelledError, TimeoutError):
        async with asyncio.timeout(2):
            await asyncio.gather(job, return_exceptions=False)
    return job


async def test_the_callers_cancellation_survives_stopping_a_helper() -> None:
    job = await cancel_while_stopping(stop)
    assert job.cancelled()


async def test_suppressing_the_helpers_cancellation_loses_the_callers() -> None:
    """What ``stop`` replaces: the loop runs on after being cancelled."""
    job = await cancel_while_stopping(stop_by_suppressing)
    assert not job.cancelled()
    assert await job == 50


async def test_a_helper_stopped_by_a_caller_not_cancelled_ends_quietly() -> None:
    task = asyncio.create_task(asyncio.Event().wait())
    await asyncio.sleep(0)
    await stop(task)
    assert task.cancelled()


async def test_a_helper_that_failed_raises_its_error() -> None:
    async def broken() -> None:
        raise RuntimeError("broken")

    task = asyncio.create_task(broken())
    await asyncio.sleep(0)
    with pytest.raises(RuntimeError, match="broken"):
        await stop(task)
