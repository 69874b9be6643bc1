"""A session completes when every question of its version is answered right.

After a right answer's transaction commits, ``complete_if_solved`` counts the session's
right answers; when they cover every question of the version, the session is torn down
(its machines cost money and have nothing left to teach) and ends TERMINATED with end
reason ``completed``; the learner is notified ("Challenge completed"). Event sessions
and the rest alike. The teardown runs in the answering request, as ``sessionTerminate``'s
does, so the answer's reply already shows the session ended; a teardown that fails is
logged and leaves the answer recorded (the idle and expiry jobs end the session later).

Exactly once, even when the last two answers race: whichever of them reads after both
committed sees every answer right (at least the later one does), and of the teardowns
they start, ``tear_down``'s compare-and-set lets one through; only that one notifies.
Only a RUNNING or PAUSED session completes: one answered in its grace period after it
EXPIRED has ended already.
"""

from __future__ import annotations

import logging
from uuid import UUID

from ...models import EnvironmentSession, Question, ScenarioVersion, SessionAnswer
from ...models.enums import SessionState
from ...runtime import Runtime
from ..notifications import notify
from .teardown import tear_down

S = SessionState
log = logging.getLogger(__name__)

END_REASON = "completed"
COMPLETING_STATES = (S.RUNNING, S.PAUSED)


async def solved(session_id: UUID, version_id: UUID) -> bool:
    """Whether every question of the version is answered right in the session."""
    questions = await Question.filter(version_id=version_id).count()
    if not questions:
        return False
    right = await SessionAnswer.filter(
        session_id=session_id, correct=True, question__version_id=version_id
    ).count()
    return right >= questions


async def complete_if_solved(runtime: Runtime, session_id: UUID) -> bool:
    """End the session as completed if every question is answered right; whether this
    call ended it (of racing calls, one does)."""
    rows = await EnvironmentSession.filter(id=session_id).values("state", "version_id")
    if not rows or S(rows[0]["state"]) not in COMPLETING_STATES:
        return False
    if not await solved(session_id, UUID(str(rows[0]["version_id"]))):
        return False
    return await complete(runtime, session_id)


async def complete(runtime: Runtime, session_id: UUID) -> bool:
    """Tear the session down as completed and tell its learner, once."""
    try:
        ended = await tear_down(
            runtime,
            session_id,
            final=S.TERMINATED,
            action="complete",
            end_reason=END_REASON,
            reason="every question answered right",
        )
        if ended is None:
            return False  # ended already, or another answer's completion is ending it
        version = await ScenarioVersion.get(id=ended.version_id).prefetch_related("scenario")  # type: ignore[attr-defined]
        await notify(
            ended.user_id,  # type: ignore[attr-defined]
            "session.completed",
            "Challenge completed",
            f"You answered every question of {version.scenario.title} right, with "
            f"{ended.score} points; its machines have been removed.",
            broker=runtime.broker,
            session_id=session_id,
            version_id=version.id,
            score=ended.score,
        )
        return True
    except Exception:
        # The session keeps running; the idle and expiry jobs end it in time.
        log.exception("completing session %s failed", session_id)
        return False
