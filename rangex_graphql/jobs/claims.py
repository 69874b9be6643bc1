"""Claiming sessions for a job pass, so that of N replicas one acts on each session.

On MySQL/MariaDB the candidates are read with ``SELECT ... FOR UPDATE SKIP LOCKED``: a
replica skips the rows another one is claiming instead of waiting for them. In the same
transaction the claimed rows get this process's lease (``lease_owner``,
``lease_expires_at``), and rows under a lease that has not run out are never candidates,
so once the claim commits the other replicas leave them alone until the lease runs out
(its holder died mid-work). SQLite has a single writer: its transactions run one at a
time, which gives the same result. The transition that follows is a compare-and-set
anyway: a claim saves duplicate work, the transition decides.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from ..db.transactions import retrying_transaction
from ..models import EnvironmentSession
from ..runtime import Runtime
from ..services.sessions.lease import release


def lease_is_free(now: datetime) -> Q:
    return Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lte=now)


async def claim_sessions(
    runtime: Runtime, where: Q, now: datetime, *, limit: int, order_by: str = "id"
) -> list[UUID]:
    """Lease up to ``limit`` sessions matching ``where`` whose lease is free; their ids."""
    until = now + timedelta(seconds=runtime.settings.session_lease_seconds)

    async def claim() -> list[UUID]:
        # Model rows, not values_list(): Tortoise drops FOR UPDATE from values queries.
        rows = (
            await EnvironmentSession.filter(where, lease_is_free(now))
            .order_by(order_by)
            .limit(limit)
            .select_for_update(skip_locked=True)
            .only("id")
        )
        ids = [row.id for row in rows]
        if not ids:
            return []
        await EnvironmentSession.filter(id__in=ids).update(
            lease_owner=runtime.instance_id, lease_expires_at=until
        )
        return [UUID(str(i)) for i in ids]

    return await retrying_transaction(claim)


async def act_on_claimed(
    runtime: Runtime,
    claimed: list[UUID],
    act: Callable[[UUID], Awaitable[object | None]],
    *,
    log: logging.Logger,
    failed: str,
) -> int:
    """Run ``act`` on each claimed session, then give its lease back; how many it acted
    on (a result other than None). A failure is logged (``failed``, ``%s`` the session)
    and left to a later pass (or the reconciler, for a TERMINATING session)."""
    acted = 0
    for session_id in claimed:
        try:
            done = await act(session_id)
        except Exception:
            log.exception(failed, session_id)
            done = None
        finally:
            await release(runtime, session_id)
        if done is not None:
            acted += 1
    return acted
