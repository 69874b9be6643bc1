"""Stopping a helper task from a ``finally`` block without losing the caller's own
cancellation."""

from __future__ import annotations

import asyncio
from typing import Any


async def stop(task: asyncio.Task[Any] | asyncio.Future[Any]) -> None:
    """Cancel ``task`` and wait for it to end.

    Its CancelledError is expected and swallowed, but not the caller's: if the caller
    was cancelled meanwhile (a job loop being shut down while it waits here), swallowing
    that too would let the caller run on, and whoever awaits it would wait for ever.
    """
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise
