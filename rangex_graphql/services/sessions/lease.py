"""The lease a process holds on a session while it provisions or tears it down.

The row names the holder (``lease_owner``) and until when (``lease_expires_at``); the
holder renews it every third of its length. A lease that ran out means its holder died,
and the reconciler may take the session over.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from ...models import EnvironmentSession
from ...runtime import Runtime
from ...task_stop import stop


def lease_fields(runtime: Runtime, now: datetime | None = None) -> dict[str, Any]:
    """The columns that give ``runtime`` the lease, for a transition's ``changes``."""
    now = now or datetime.now(UTC)
    return {
        "lease_owner": runtime.instance_id,
        "lease_expires_at": now + timedelta(seconds=runtime.settings.session_lease_seconds),
    }


RELEASED: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}


async def renew(runtime: Runtime, session_id: UUID) -> bool:
    updated = await EnvironmentSession.filter(
        id=session_id, lease_owner=runtime.instance_id
    ).update(**lease_fields(runtime))
    return updated == 1


async def release(runtime: Runtime, session_id: UUID) -> None:
    await EnvironmentSession.filter(id=session_id, lease_owner=runtime.instance_id).update(
        **RELEASED
    )


@asynccontextmanager
async def renewing(runtime: Runtime, session_id: UUID) -> AsyncIterator[None]:
    """Renew the lease every third of its length for as long as the block runs."""

    async def keep() -> None:
        period = runtime.settings.session_lease_seconds / 3
        while True:
            await asyncio.sleep(period)
            await renew(runtime, session_id)

    task = asyncio.get_running_loop().create_task(keep(), name=f"lease-{session_id}")
    try:
        yield
    finally:
        await stop(task)
