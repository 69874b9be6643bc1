"""``hintUnlock``: a learner opens a hint of their running session, for its penalty.

Only the session's owner, only on a RUNNING session of a version whose hint mode is
ENABLED, only once the hint's condition is met (``conditions``). The penalty is deducted
from the session's score once: the unlock row is unique per (session, hint) and is
written in the same transaction as the score's ``F()`` update, after the session row's
conditional UPDATE took its lock, so concurrent unlocks of one hint run one after the
other and all but the first find the row (an already unlocked hint answers as unlocked,
with no second penalty). The user's total is computed again there, under the user's row
lock taken first (as answers do, ``sessions/answers``).

In an event session the unlock row also names the event and registration: the event's
scores subtract each hint's penalty once per registration (``hint_penalties``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from ...broker import Broker
from ...db.transactions import retrying_transaction, savepoint
from ...models import EnvironmentSession, Hint, HintUnlock, SessionAnswer
from ...models.enums import HintMode, HintUnlockCondition, SessionState
from ..audit import RequestMeta, audit
from ..errors import DomainError
from ..sessions.events import publish_session_event
from ..sessions.user_score import lock_user, recompute_total_score
from .conditions import Condition, Progress, is_met, running_minutes, why_locked, wrong_attempts
from .errors import HintCode

SESSION_FIELD = "input.session"
HINT_FIELD = "input.hint"


@dataclass(frozen=True, slots=True)
class UnlockResult:
    hint_id: UUID
    unlocked_at: datetime
    penalty_points: int
    # False when it was unlocked before: nothing deducted this time.
    newly_unlocked: bool
    session_score: int


@dataclass(frozen=True, slots=True)
class _Target:
    session_id: UUID
    user_id: UUID
    started_at: datetime | None
    event_id: UUID | None
    registration_id: UUID | None
    hint_id: UUID
    condition: Condition
    penalty: int


def _uuid(value: Any) -> UUID | None:
    return None if value is None else UUID(str(value))


async def _target(actor_id: UUID, session_id: UUID, hint_id: UUID) -> tuple[_Target, bool]:
    """The session and hint; whether the version has hints on."""
    sessions = await EnvironmentSession.filter(id=session_id, user_id=actor_id).values(
        "version_id", "started_at", "event_id", "registration_id", "version__hint_mode"
    )
    if not sessions:
        raise DomainError(HintCode.SESSION_NOT_FOUND, "no such session of yours", SESSION_FIELD)
    session = sessions[0]
    hints = await Hint.filter(id=hint_id, version_id=session["version_id"]).values(
        "question_id", "unlock_condition", "unlock_threshold", "penalty_points"
    )
    if not hints:
        raise DomainError(
            HintCode.HINT_NOT_FOUND, "the session's scenario has no such hint", HINT_FIELD
        )
    hint = hints[0]
    target = _Target(
        session_id=session_id,
        user_id=actor_id,
        started_at=session["started_at"],
        event_id=_uuid(session["event_id"]),
        registration_id=_uuid(session["registration_id"]),
        hint_id=hint_id,
        condition=Condition(
            HintUnlockCondition(hint["unlock_condition"]),
            int(hint["unlock_threshold"]),
            _uuid(hint["question_id"]),
        ),
        penalty=int(hint["penalty_points"]),
    )
    return target, HintMode(session["version__hint_mode"]) is HintMode.ENABLED


async def session_progress(
    session_id: UUID, started_at: datetime | None, now: datetime
) -> Progress:
    rows = await SessionAnswer.filter(session_id=session_id).values_list(
        "question_id", "attempts", "correct"
    )
    return Progress(
        running_minutes=running_minutes(started_at, now),
        wrong_attempts=wrong_attempts((UUID(str(q)), int(a), bool(c)) for q, a, c in rows),
    )


async def _earlier(session_id: UUID, hint_id: UUID) -> UnlockResult | None:
    rows = await HintUnlock.filter(session_id=session_id, hint_id=hint_id).values(
        "unlocked_at", "penalty_points", "session__score"
    )
    if not rows:
        return None
    row = rows[0]
    return UnlockResult(
        hint_id=hint_id,
        unlocked_at=row["unlocked_at"],
        penalty_points=int(row["penalty_points"]),
        newly_unlocked=False,
        session_score=int(row["session__score"]),
    )


async def unlock_hint(
    actor_id: UUID,
    session_id: UUID,
    hint_id: UUID,
    *,
    meta: RequestMeta,
    broker: Broker | None = None,
) -> UnlockResult:
    """Unlock a hint of the actor's session (again: the earlier unlock, no penalty)."""
    target, enabled = await _target(actor_id, session_id, hint_id)
    earlier = await _earlier(session_id, hint_id)
    if earlier is not None:
        return earlier
    if not enabled:
        raise DomainError(
            HintCode.HINTS_DISABLED, "hints are off in this scenario version", HINT_FIELD
        )
    now = datetime.now(UTC)
    progress = await session_progress(session_id, target.started_at, now)
    if not is_met(target.condition, progress):
        raise DomainError(HintCode.HINT_LOCKED, why_locked(target.condition, progress), HINT_FIELD)
    result = await retrying_transaction(lambda: _record(target, now, meta))
    if broker is not None and result.newly_unlocked:
        await publish_session_event(
            broker,
            EnvironmentSession(id=session_id, user_id=actor_id, state=SessionState.RUNNING),
            "hint_unlock",
        )
    return result


async def _record(target: _Target, now: datetime, meta: RequestMeta) -> UnlockResult:
    if target.penalty:
        # The user's total is recomputed below: their other sessions' changes wait here.
        await lock_user(target.user_id)
    running = EnvironmentSession.filter(id=target.session_id, state=SessionState.RUNNING)
    # The session row's lock serializes the unlocks (and a termination racing them).
    taken = await running.update(last_activity_at=now)
    if taken != 1 and not await running.exists():
        raise DomainError(HintCode.SESSION_NOT_RUNNING, "the session is not running", SESSION_FIELD)
    earlier = await _earlier(target.session_id, target.hint_id)
    if earlier is not None:
        return earlier
    try:
        async with savepoint():
            await HintUnlock.create(
                session_id=target.session_id,
                hint_id=target.hint_id,
                unlocked_at=now,
                penalty_points=target.penalty,
                event_id=target.event_id,
                registration_id=target.registration_id,
            )
    except IntegrityError:
        # Another unlock won (the row lock makes this all but impossible): its penalty.
        found = await _earlier(target.session_id, target.hint_id)
        assert found is not None
        return found
    if target.penalty:
        await EnvironmentSession.filter(id=target.session_id).update(
            score=F("score") - target.penalty
        )
        await recompute_total_score(target.user_id)
    await audit(
        "session.hint_unlock",
        meta,
        actor_id=target.user_id,
        target_type="EnvironmentSession",
        target_id=target.session_id,
        hint_id=str(target.hint_id),
        penalty=target.penalty,
    )
    score = await EnvironmentSession.filter(id=target.session_id).values("score")
    return UnlockResult(
        hint_id=target.hint_id,
        unlocked_at=now,
        penalty_points=target.penalty,
        newly_unlocked=True,
        session_score=int(score[0]["score"]),
    )
