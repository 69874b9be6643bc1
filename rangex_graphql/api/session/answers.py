"""Answering a session's questions: ``answerSubmit``, and ``EnvironmentSession.answers``,
the learner's progress per question (never an expected answer, never a flag)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import SessionAnswer
from ...services.api_tokens import ApiScope
from ...services.errors import DomainError
from ...services.sessions import answers
from ...services.sessions.errors import AnswerCode
from ..context import Info
from ..errors import ApiError, Forbidden
from ..ids import from_global_id
from ..loader_shapes import many_by_key
from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, actor, mutation_payload
from ..payload import result as payload_result
from ..permissions import Allow
from ..scenario.types import QuestionNode, questions_by_version

# Never flag_sealed nor last_answer: what the API may show of an answer row.
SESSION_ANSWER_COLUMNS = (
    "id",
    "session_id",
    "question_id",
    "attempts",
    "correct",
    "points_awarded",
    "answered_at",
)


@dataclass(frozen=True, slots=True)
class AnswerRow:
    question_id: UUID
    attempts: int
    correct: bool
    points_awarded: int
    answered_at: datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AnswerRow:
        return cls(
            question_id=row["question_id"],
            attempts=row["attempts"],
            correct=bool(row["correct"]),
            points_awarded=row["points_awarded"],
            answered_at=row["answered_at"],
        )


def answers_by_session() -> DataLoader[UUID, list[AnswerRow]]:
    return many_by_key(
        SessionAnswer,
        "session_id",
        SESSION_ANSWER_COLUMNS,
        AnswerRow.from_row,
        order_by=("question_id",),
        united=True,
    )


# --- the session's answers ----------------------------------------------------------------


@strawberry.type(
    name="SessionAnswer",
    description="The learner's progress on one question of a session: never the expected "
    "answer, never a flag.",
)
class SessionAnswerNode:
    question: QuestionNode = strawberry.field(
        description="The question of the session's version this progress is on."
    )
    attempts: int = strawberry.field(description="Attempts used.")
    attempts_left: int = strawberry.field(
        description="Answers the learner may still submit to it in this session."
    )
    correct: bool = strawberry.field(
        description="Whether it was answered right; false before any attempt."
    )
    points_awarded: int = strawberry.field(
        description="Points it scored in this session: its points once right (in an "
        "ALL_OR_NOTHING version, once every question of the version is right), else 0."
    )
    answered_at: datetime | None = strawberry.field(description="When the last attempt was.")


async def session_answers(
    info: Info, session_id: UUID, version_id: UUID, owner_id: UUID
) -> list[SessionAnswerNode]:
    """Every question of the session's version, in order, with the learner's progress."""
    if not info.context.is_self_or_admin(owner_id):
        raise Forbidden("only the session's owner and admins see its answers")
    questions, rows = await asyncio.gather(
        info.context.loader(questions_by_version).load(version_id),
        info.context.loader(answers_by_session).load(session_id),
    )
    by_question = {row.question_id: row for row in rows}
    listed = []
    for question in questions:
        row = by_question.get(question.pk)
        used = row.attempts if row else 0
        listed.append(
            SessionAnswerNode(
                question=question,
                attempts=used,
                attempts_left=max(0, question.max_attempts - used),
                correct=row.correct if row else False,
                points_awarded=row.points_awarded if row else 0,
                answered_at=row.answered_at if row else None,
            )
        )
    return listed


# --- answerSubmit -------------------------------------------------------------------------


@strawberry.enum(description="Why an answer was not taken.")
class AnswerErrorCode(Enum):
    SESSION_NOT_FOUND = strawberry.enum_value(
        "SESSION_NOT_FOUND", description="No such session of yours (admins cannot answer)."
    )
    QUESTION_NOT_IN_SESSION = strawberry.enum_value(
        "QUESTION_NOT_IN_SESSION",
        description="The session's scenario version has no such question.",
    )
    SESSION_NOT_ACTIVE = strawberry.enum_value(
        "SESSION_NOT_ACTIVE",
        description="The session is not running or paused (not started yet, terminated, failed).",
    )
    TEST_SESSION = strawberry.enum_value(
        "TEST_SESSION",
        description="The session is a creator's test run: it is not scored and takes no answers.",
    )
    GRACE_PERIOD_OVER = strawberry.enum_value(
        "GRACE_PERIOD_OVER", description="The session expired longer ago than the grace."
    )
    NO_ATTEMPTS_LEFT = strawberry.enum_value(
        "NO_ATTEMPTS_LEFT", description="Every attempt at this question is used."
    )
    ALREADY_ANSWERED = strawberry.enum_value(
        "ALREADY_ANSWERED", description="Answered correctly already; it scores once."
    )
    INVALID_ANSWER = strawberry.enum_value(
        "INVALID_ANSWER",
        description="Malformed for the question's kind; it uses no attempt.",
    )
    SUBMISSION_CONFLICT = strawberry.enum_value(
        "SUBMISSION_CONFLICT", description="Other submissions kept racing this one; retry."
    )


@strawberry.type(description="Why an answer was not taken: which input field, why, in words.")
class AnswerError:
    field: str | None = strawberry.field(description="Input field path, e.g. `input.answer`.")
    code: AnswerErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="How a submitted answer fared.")
class AnswerResult:
    correct: bool = strawberry.field(description="Whether the answer is right.")
    points_awarded: int = strawberry.field(
        description="Points this answer added to the session's score. PER_QUESTION "
        "versions: the question's points when right, else 0. ALL_OR_NOTHING versions: 0, "
        "except for the answer that makes every question right, which adds the points of "
        "all the version's questions."
    )
    attempts_used: int = strawberry.field(
        description="Attempts at this question used in the session, this one included."
    )
    attempts_left: int = strawberry.field(
        description="Answers the learner may still submit to this question in the session."
    )
    session_score: int = strawberry.field(description="The session's score after this answer.")
    timed_out: bool = strawberry.field(
        description="A regular-expression answer key ran out of its time limit on this "
        "answer before deciding: the answer counts as wrong and uses its attempt."
    )


@strawberry.type(description="What answerSubmit did.")
class AnswerSubmitPayload:
    result: AnswerResult | None = strawberry.field(
        default=None, description=payload_result("How the answer fared")
    )
    errors: list[AnswerError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.input(description="One answer to one question of the viewer's session.")
class AnswerSubmitInput:
    session: strawberry.ID = strawberry.field(description="An EnvironmentSession ID.")
    question: strawberry.ID = strawberry.field(description="A Question ID of its version.")
    answer: list[str] = strawberry.field(
        description="One value for single choice, true/false, short answer and flag; the "
        "chosen values for multiple choice; `left=right` pairs for matching; every item, "
        "in order, for ordering. Each value at most 10,000 characters (longer: "
        "INVALID_ANSWER at `input.answer.<index>`)."
    )


def _pk(global_id: str, type_name: str, code: AnswerCode, field: str) -> UUID:
    """An ID of the expected type; otherwise the same error as an unknown one."""
    try:
        found, pk = from_global_id(global_id, field)
    except ApiError:
        found, pk = "", UUID(int=0)
    if found != type_name:
        raise DomainError(code, f"no such {type_name}", field)
    return pk


@strawberry.type
class AnswerMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Answer a question of your session: while it runs or is paused, and for "
        "a grace period after it expired; never once terminated. Only the session's owner "
        "answers. A right answer scores the question's points once, on the session and on "
        "you.",
    )
    @mutation_payload(AnswerSubmitPayload, AnswerCode)
    async def answer_submit(
        self,
        info: Info,
        input: Annotated[
            AnswerSubmitInput,
            strawberry.argument(description="The session, the question and the answer."),
        ],
    ) -> AnswerSubmitPayload:
        session_id = _pk(
            input.session, "EnvironmentSession", AnswerCode.SESSION_NOT_FOUND, answers.SESSION_FIELD
        )
        question_id = _pk(
            input.question, "Question", AnswerCode.QUESTION_NOT_IN_SESSION, answers.QUESTION_FIELD
        )
        result = await answers.submit_answer(
            actor(info).id,
            session_id,
            question_id,
            input.answer,
            settings=info.context.settings,
            broker=info.context.services.broker,
            meta=info.context.meta,
            runtime=info.context.services,
        )
        return AnswerSubmitPayload(
            result=AnswerResult(
                correct=result.correct,
                points_awarded=result.points_awarded,
                attempts_used=result.attempts_used,
                attempts_left=result.attempts_left,
                session_score=result.session_score,
                timed_out=result.timed_out,
            )
        )
