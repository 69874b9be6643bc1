"""``EnvironmentSession.hints``: the learner's view of a session's hints.

Every hint of the session's version with its condition and penalty, whether it is
unlocked and whether it may be unlocked now; the body only once unlocked. The session's
owner and admins only. Five statements whatever the number of hints: the hints, the
session's unlocks, its answers, the version's hint mode and questions (for the order)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Protocol
from uuid import UUID

import strawberry

from ...models.enums import HintMode, HintUnlockCondition, SessionState
from ...services.hints.conditions import (
    Condition,
    Progress,
    is_met,
    running_minutes,
    wrong_attempts,
)
from ..context import Info
from ..errors import Forbidden
from ..scenario.loaders import questions_by_id
from ..scenario.types import QuestionNode, questions_by_version
from ..session.answers import answers_by_session
from .loaders import hint_mode_by_version, hint_order, hints_by_version, unlocks_by_session
from .types import PENALTY, UNLOCK_THRESHOLD, HintNode


class HintedSession(Protocol):
    """What of a session its hints depend on."""

    @property
    def pk(self) -> UUID: ...
    @property
    def user_id(self) -> UUID: ...
    @property
    def version_id(self) -> UUID: ...
    @property
    def state(self) -> SessionState: ...
    @property
    def started_at(self) -> datetime | None: ...


@strawberry.type(
    name="SessionHint",
    description="A hint of the session's version as its learner sees it: the title, "
    "condition and penalty always; the body once unlocked (hintUnlock).",
)
class SessionHint:
    id: strawberry.ID = strawberry.field(description="The Hint's global ID (for hintUnlock).")
    title: str = strawberry.field(description="What it is about.")
    position: int = strawberry.field(
        description="Its place among its question's hints (or the version level hints)."
    )
    unlock_condition: HintUnlockCondition = strawberry.field(
        description="What unlocks it: running time, or wrong attempts."
    )
    unlock_threshold: int = strawberry.field(description=UNLOCK_THRESHOLD)
    penalty_points: int = strawberry.field(description=PENALTY)
    unlocked: bool = strawberry.field(description="Whether it is unlocked in this session.")
    unlocked_at: datetime | None = strawberry.field(
        description="When it was unlocked (UTC); null while locked."
    )
    unlockable_now: bool = strawberry.field(
        description="Whether hintUnlock would unlock it now: locked, hints ENABLED, the "
        "session RUNNING and its condition met."
    )
    body: str | None = strawberry.field(
        description="The hint itself, in Markdown; null while locked."
    )
    pk: strawberry.Private[UUID]
    question_id: strawberry.Private[UUID | None]

    @strawberry.field(
        description="The question it helps with; null for a hint of the whole version."
    )
    async def question(self, info: Info) -> QuestionNode | None:
        if self.question_id is None:
            return None
        found: QuestionNode | None = await info.context.loader(questions_by_id).load(
            self.question_id
        )
        return found


async def session_hints(info: Info, session: HintedSession) -> list[SessionHint]:
    """The session's hints: version level first, then by question, each group in order."""
    if not info.context.is_self_or_admin(session.user_id):
        raise Forbidden("only the session's owner and admins see its hints")
    hints, unlocks, answers, mode, questions = await asyncio.gather(
        info.context.loader(hints_by_version).load(session.version_id),
        info.context.loader(unlocks_by_session).load(session.pk),
        info.context.loader(answers_by_session).load(session.pk),
        info.context.loader(hint_mode_by_version).load(session.version_id),
        info.context.loader(questions_by_version).load(session.version_id),
    )
    places = {question.pk: question.position for question in questions}
    unlocked = dict(unlocks)
    progress = Progress(
        running_minutes=running_minutes(session.started_at, datetime.now(UTC)),
        wrong_attempts=wrong_attempts((a.question_id, a.attempts, a.correct) for a in answers),
    )
    open_now = mode is HintMode.ENABLED and session.state is SessionState.RUNNING
    listed = [_view(hint, unlocked.get(hint.pk), open_now, progress) for hint in hints]
    return sorted(listed, key=lambda hint: hint_order(hint.question_id, hint.position, places))


def _view(
    hint: HintNode, unlocked_at: datetime | None, open_now: bool, progress: Progress
) -> SessionHint:
    kind = HintUnlockCondition(hint.unlock_condition)
    condition = Condition(kind, hint.unlock_threshold, hint.question_id)
    is_unlocked = unlocked_at is not None
    return SessionHint(
        id=hint.id,
        title=hint.title,
        position=hint.position,
        unlock_condition=kind,
        unlock_threshold=hint.unlock_threshold,
        penalty_points=hint.penalty_points,
        unlocked=is_unlocked,
        unlocked_at=unlocked_at,
        unlockable_now=not is_unlocked and open_now and is_met(condition, progress),
        body=hint.body_text if is_unlocked else None,
        pk=hint.pk,
        question_id=hint.question_id,
    )


def hint_of(hints: list[SessionHint], hint_id: UUID) -> SessionHint | None:
    return next((hint for hint in hints if hint.pk == hint_id), None)
