"""The learner is still there: ``sessionHeartbeat`` keeps a RUNNING session from idling out.

A RUNNING session with no activity for the run-time idle timeout (services/
platform_settings; 60 by default), or ``event_session_idle_minutes`` (30) for an event
session, is terminated by the idle job
(``jobs/idle.py``, end reason ``idle``). Activity is ``last_activity_at``: set when the
session starts running, by every answer, by a resume, and by a heartbeat. A PAUSED
session does not idle out (its clock is stopped); a heartbeat on it is accepted all the
same.

A frontend may beat as often as it likes: a heartbeat writes only when the last activity
is ``WRITE_AFTER_SECONDS`` old or more, so a chatty client costs one read, not a write.
Only the session's owner beats (an admin too gets SESSION_NOT_FOUND for someone else's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from ...models import EnvironmentSession
from ...models.enums import SessionState
from ...settings import Settings
from ..errors import DomainError
from ..platform_settings.values import PlatformValues, from_settings
from .errors import SessionCode
from .transitions import FINAL_STATES

S = SessionState
FIELD = "input.sessionId"
WRITE_AFTER_SECONDS = 15
BEATING_STATES = (S.RUNNING, S.PAUSED)


@dataclass(frozen=True, slots=True)
class Beat:
    session_id: UUID
    idle_deadline: datetime | None


@dataclass(frozen=True, slots=True)
class IdleTimeouts:
    """Minutes without activity before the idle job ends a session: outside events (the
    run-time setting) and in events (the environment's)."""

    outside_events: int
    in_events: int

    @classmethod
    def of(cls, settings: Settings, platform: PlatformValues | None = None) -> IdleTimeouts:
        """``platform``: the run-time settings (None: the environment's defaults)."""
        platform = platform or from_settings(settings)
        return cls(platform.idle_timeout_minutes, settings.event_session_idle_minutes)

    def minutes(self, event_id: UUID | None) -> int:
        return self.outside_events if event_id is None else self.in_events


def idle_deadline(
    idle: IdleTimeouts,
    state: SessionState,
    last_activity_at: datetime | None,
    started_at: datetime | None,
    event_id: UUID | None,
) -> datetime | None:
    """When the idle job ends the session unless it hears from the learner; None unless
    RUNNING (a paused or ended session does not idle out)."""
    since = last_activity_at or started_at
    if state is not S.RUNNING or since is None:
        return None
    return since + timedelta(minutes=idle.minutes(event_id))


async def heartbeat(
    idle: IdleTimeouts, user_id: UUID, session_id: UUID, now: datetime | None = None
) -> Beat:
    """Record that the owner is active on the session; its new idle deadline."""
    now = now or datetime.now(UTC)
    rows = await EnvironmentSession.filter(id=session_id, user_id=user_id).values(
        "state", "last_activity_at", "started_at", "event_id"
    )
    if not rows:
        raise DomainError(SessionCode.SESSION_NOT_FOUND, "no such session of yours", FIELD)
    row = rows[0]
    state = S(row["state"])
    if state in FINAL_STATES or state is S.TERMINATING:
        raise DomainError(SessionCode.SESSION_ENDED, f"the session has ended ({state})", FIELD)
    if state not in BEATING_STATES:
        raise DomainError(SessionCode.SESSION_NOT_RUNNING, f"the session is {state}", FIELD)
    last: datetime | None = row["last_activity_at"]
    stale = now - timedelta(seconds=WRITE_AFTER_SECONDS)
    if last is None or last <= stale:
        # Conditional: a concurrent beat (or a state change) that came first wins.
        written = await EnvironmentSession.filter(
            Q(last_activity_at__isnull=True) | Q(last_activity_at__lte=stale),
            id=session_id,
            state__in=[s.value for s in BEATING_STATES],
        ).update(last_activity_at=now)
        if written:
            last = now
    event_id = row["event_id"]
    deadline = idle_deadline(
        idle, state, last, row["started_at"], UUID(str(event_id)) if event_id else None
    )
    return Beat(session_id, deadline)
