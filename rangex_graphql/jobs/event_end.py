"""The end of an event ends its sessions: active ones, paused ones included.

An event session's deadline is cut to its event's end when its clock is set, so a
RUNNING one usually expires on time by the expiry job (end reason ``expired``). This job
ends the rest, TERMINATED with end reason ``event_ended`` (no answers after it, unlike
an expiry's grace period): PAUSED sessions (no running clock), sessions whose event was
ended earlier than planned (``ends_at`` moved, status FINISHED) or deleted, and any the
expiry job has not reached yet. REQUESTED and PROVISIONING sessions are left to their
provisioning (its lease must not be taken) and ended on a later pass, once RUNNING.

The ended events are read first, then their sessions claimed as the expiry job claims
(``claims.py``, without a join, so no event row is locked), so of N replicas one acts on
each session.
"""

from __future__ import annotations

import logging
from datetime import datetime
from uuid import UUID

from tortoise.expressions import Q

from ..models import Event
from ..models.enums import EventStatus, SessionState
from ..runtime import Runtime
from ..services.sessions.teardown import tear_down
from .claims import act_on_claimed, claim_sessions
from .clock import utc_now

S = SessionState
log = logging.getLogger(__name__)

END_REASON = "event_ended"
LIVE = [S.RUNNING.value, S.PAUSED.value]


def event_over(now: datetime) -> Q:
    return Q(ends_at__lte=now) | Q(status=EventStatus.FINISHED) | Q(deleted_at__isnull=False)


async def ended_events_with_sessions(now: datetime) -> list[UUID]:
    found = (
        await Event.filter(event_over(now), sessions__state__in=LIVE)
        .distinct()
        .values_list("id", flat=True)
    )
    return [UUID(str(i)) for i in found]


async def end_event_sessions(runtime: Runtime, now: datetime | None = None) -> int:
    """One pass: end up to a batch of sessions of ended events; how many this call ended."""
    now = now or utc_now()
    events = await ended_events_with_sessions(now)
    if not events:
        return 0
    claimed = await claim_sessions(
        runtime,
        Q(event_id__in=events, state__in=LIVE),
        now,
        limit=runtime.settings.jobs_batch_size,
    )

    async def end(session_id: UUID) -> object | None:
        return await tear_down(
            runtime,
            session_id,
            final=S.TERMINATED,
            action="event_end",
            end_reason=END_REASON,
            reason="the event has ended",
        )

    ended = await act_on_claimed(
        runtime, claimed, end, log=log, failed="ending session %s of an ended event failed"
    )
    if ended:
        log.info("ended %d sessions of ended events", ended)
    return ended
