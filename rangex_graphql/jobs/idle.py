"""The idle timeout: a RUNNING session nobody used for too long is terminated.

"Used" is ``last_activity_at`` (``services/sessions/heartbeat.py``: a start, an answer, a
resume, a ``sessionHeartbeat``). Idle past the run-time idle timeout (60 by default), or
``event_session_idle_minutes`` (30) for an event session, it is torn down and ends
TERMINATED with end reason ``idle``; its learner is notified. TERMINATED, not EXPIRED:
EXPIRED is the session's own clock running out (answers keep a grace period after it,
and the reconciler finishes an interrupted teardown in EXPIRED only for ``expired``); an
idle session was ended by the platform, as an event's end or a completion ends it.

PAUSED sessions never idle out (their clock is stopped; the expiry job bounds them).
Of N replicas one acts on each session: the candidates are claimed as the expiry job
claims them (``claims.py``), and the teardown is a compare-and-set. A heartbeat that
lands between the claim and the teardown is seen: the session is read again first.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from ..models import EnvironmentSession
from ..models.enums import SessionState
from ..runtime import Runtime
from ..services.notifications import notify
from ..services.sessions.heartbeat import IdleTimeouts, idle_deadline
from ..services.sessions.teardown import tear_down
from .claims import act_on_claimed, claim_sessions
from .clock import utc_now

S = SessionState
log = logging.getLogger(__name__)

END_REASON = "idle"


def idle_since(cutoff: datetime) -> Q:
    """Last active before ``cutoff`` (the start of the clock when nothing was recorded)."""
    return Q(last_activity_at__lte=cutoff) | Q(
        last_activity_at__isnull=True, started_at__lte=cutoff
    )


def idle_timeouts(runtime: Runtime) -> IdleTimeouts:
    return IdleTimeouts.of(runtime.settings, runtime.platform.current)


def idle_filter(runtime: Runtime, now: datetime) -> Q:
    idle = idle_timeouts(runtime)
    outside = now - timedelta(minutes=idle.outside_events)
    inside = now - timedelta(minutes=idle.in_events)
    return Q(state=S.RUNNING) & (
        (Q(event_id__isnull=True) & idle_since(outside))
        | (Q(event_id__isnull=False) & idle_since(inside))
    )


async def _still_idle(runtime: Runtime, session_id: UUID, now: datetime) -> bool:
    rows = await EnvironmentSession.filter(id=session_id).values(
        "state", "last_activity_at", "started_at", "event_id"
    )
    if not rows:
        return False
    row = rows[0]
    deadline = idle_deadline(
        idle_timeouts(runtime),
        S(row["state"]),
        row["last_activity_at"],
        row["started_at"],
        row["event_id"],
    )
    return deadline is not None and deadline <= now


async def end_idle_sessions(runtime: Runtime, now: datetime | None = None) -> int:
    """One pass: terminate up to a batch of idle sessions; how many this call ended."""
    now = now or utc_now()
    claimed = await claim_sessions(
        runtime, idle_filter(runtime, now), now, limit=runtime.settings.jobs_batch_size
    )

    async def end(session_id: UUID) -> object | None:
        if not await _still_idle(runtime, session_id, now):
            return None
        ended = await tear_down(
            runtime,
            session_id,
            final=S.TERMINATED,
            action="idle",
            end_reason=END_REASON,
            reason="no activity for too long",
        )
        if ended is not None:
            await _tell_learner(runtime, ended)
        return ended

    ended = await act_on_claimed(
        runtime, claimed, end, log=log, failed="ending idle session %s failed"
    )
    if ended:
        log.info("ended %d idle sessions", ended)
    return ended


async def _tell_learner(runtime: Runtime, ended: EnvironmentSession) -> None:
    minutes = idle_timeouts(runtime).minutes(ended.event_id)  # type: ignore[attr-defined]
    await notify(
        ended.user_id,  # type: ignore[attr-defined]
        "session.idle",
        "Session ended after inactivity",
        f"Nothing happened in your session for {minutes} minutes, so it was ended and its "
        "machines removed. Your answers and score are kept.",
        broker=runtime.broker,
        session_id=ended.id,
    )
