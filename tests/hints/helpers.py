"""Builders of hints for the hint tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from rangex_graphql.models import EnvironmentSession, Hint, Question, ScenarioVersion, SessionAnswer
from rangex_graphql.models.enums import HintMode, HintUnlockCondition


async def hint(
    version: ScenarioVersion,
    *,
    question: Question | None = None,
    position: int = 0,
    condition: HintUnlockCondition = HintUnlockCondition.AFTER_MINUTES,
    threshold: int = 0,
    penalty: int = 5,
    **fields: Any,
) -> Hint:
    return await Hint.create(
        version=version,
        question=question,
        position=position,
        title=fields.pop("title", f"Hint {position}"),
        body=fields.pop("body", f"Body of hint {position}"),
        unlock_condition=condition,
        unlock_threshold=threshold,
        penalty_points=penalty,
        **fields,
    )


async def enable_hints(version: ScenarioVersion) -> None:
    await ScenarioVersion.filter(id=version.id).update(hint_mode=HintMode.ENABLED)


async def started_minutes_ago(session: EnvironmentSession, minutes: int) -> None:
    started = datetime.now(UTC) - timedelta(minutes=minutes, seconds=5)
    await EnvironmentSession.filter(id=session.id).update(started_at=started)


async def wrong_attempts(
    session: EnvironmentSession, question: Question, attempts: int, *, correct: bool = False
) -> None:
    await SessionAnswer.create(
        session=session, question=question, attempts=attempts, correct=correct
    )
