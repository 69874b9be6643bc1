"""When a hint may be unlocked in a session: pure functions of what the session did.

Running time is counted from the session's ``started_at`` (when its machines first ran).
Wrong attempts are the attempts that were not right: a question hint counts its
question's, a version level hint those of every question of the session."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from ...models.enums import HintUnlockCondition


@dataclass(frozen=True, slots=True)
class Condition:
    kind: HintUnlockCondition
    threshold: int
    question_id: UUID | None


@dataclass(frozen=True, slots=True)
class Progress:
    """What a session did so far: minutes it ran, wrong attempts per question."""

    running_minutes: int
    wrong_attempts: dict[UUID, int]

    def wrong_on(self, question_id: UUID | None) -> int:
        if question_id is None:
            return sum(self.wrong_attempts.values())
        return self.wrong_attempts.get(question_id, 0)


def running_minutes(started_at: datetime | None, now: datetime) -> int:
    """Whole minutes since the machines first ran; 0 before."""
    if started_at is None:
        return 0
    return max(0, int((now - started_at).total_seconds() // 60))


def wrong_attempts(rows: Iterable[tuple[UUID, int, bool]]) -> dict[UUID, int]:
    """Per question, from (question, attempts, correct): a right answer is its last one."""
    return {question: attempts - (1 if correct else 0) for question, attempts, correct in rows}


def is_met(condition: Condition, progress: Progress) -> bool:
    if condition.kind is HintUnlockCondition.AFTER_MINUTES:
        return progress.running_minutes >= condition.threshold
    return progress.wrong_on(condition.question_id) >= condition.threshold


def why_locked(condition: Condition, progress: Progress) -> str:
    if condition.kind is HintUnlockCondition.AFTER_MINUTES:
        left = condition.threshold - progress.running_minutes
        return f"unlocks after {condition.threshold} minutes of running time ({left} more minutes)"
    left = condition.threshold - progress.wrong_on(condition.question_id)
    return f"unlocks after {condition.threshold} wrong attempts ({left} more)"
