"""The expiry job: sessions whose time is up are torn down and end EXPIRED.

- RUNNING: ``expires_at`` has passed.
- PAUSED: the clock is stopped while paused (the time left is kept in
  ``paused_remaining_seconds`` and ``expires_at`` is set again on resume), so ``expires_at``
  says nothing. A paused session expires when no time is left
  (``paused_remaining_seconds <= 0``) or when its version's hard maximum lifetime
  (``max_lifetime_minutes`` since ``started_at``) is over: pausing cannot hold machines
  forever.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from ..models import EnvironmentSession, ScenarioVersion
from ..models.enums import SessionState
from ..runtime import Runtime
from ..services.sessions.teardown import tear_down
from .claims import act_on_claimed, claim_sessions
from .clock import utc_now

S = SessionState
log = logging.getLogger(__name__)

EXPIRED_REASON = "time limit reached"


async def paused_past_lifetime(now: datetime, limit: int) -> list[UUID]:
    """Up to ``limit`` PAUSED sessions whose version's maximum lifetime is over."""
    lifetimes = (
        await ScenarioVersion.filter(sessions__state=S.PAUSED)
        .distinct()
        .values_list("max_lifetime_minutes", flat=True)
    )
    if not lifetimes:
        return []
    over = Q(paused_remaining_seconds__lte=0)
    for minutes in {int(str(m)) for m in lifetimes}:
        over |= Q(
            version__max_lifetime_minutes=minutes,
            started_at__lte=now - timedelta(minutes=minutes),
        )
    found = (
        await EnvironmentSession.filter(over, state=S.PAUSED)
        .limit(limit)
        .values_list("id", flat=True)
    )
    return [UUID(str(i)) for i in found]


async def claim_due(runtime: Runtime, now: datetime) -> list[UUID]:
    limit = runtime.settings.jobs_batch_size
    claimed = await claim_sessions(
        runtime, Q(state=S.RUNNING, expires_at__lte=now), now, limit=limit, order_by="expires_at"
    )
    room = limit - len(claimed)
    if room > 0:
        paused = await paused_past_lifetime(now, room)
        if paused:
            # Re-checked under the claim's lock: the candidates were read without one.
            claimed += await claim_sessions(
                runtime, Q(id__in=paused, state=S.PAUSED), now, limit=room
            )
    return claimed


async def expire_sessions(runtime: Runtime, now: datetime | None = None) -> int:
    """One pass: tear down up to a batch of due sessions; how many this call expired."""
    now = now or utc_now()

    async def expire(session_id: UUID) -> object | None:
        return await tear_down(
            runtime,
            session_id,
            final=S.EXPIRED,
            action="expire",
            end_reason="expired",
            reason=EXPIRED_REASON,
        )

    claimed = await claim_due(runtime, now)
    expired = await act_on_claimed(
        runtime, claimed, expire, log=log, failed="expiring session %s failed"
    )
    if expired:
        log.info("expired %d sessions", expired)
    return expired
