"""Answering a session's questions: checking, counting attempts, scoring.

Only the session's owner answers (an admin cannot answer for someone). A session takes
answers while RUNNING or PAUSED, and for ``answer_grace_minutes`` after it EXPIRED; never
once terminated or failed. A question answered correctly is closed: submitting again is
ALREADY_ANSWERED, never a second award.

Answer formats (``answer`` is a list of strings), by question kind:

- SINGLE_CHOICE, TRUE_FALSE: one value, one of the question's choices.
- MULTIPLE_CHOICE: the chosen values, each a choice, no repeats; right when the set
  equals the expected set (order does not matter).
- SHORT_ANSWER: one value, trimmed; right when it equals any expected value, ignoring
  case unless the answer key is case-sensitive. With a ``regex`` answer key, right when
  one expected pattern matches the whole value (``regex_match``), all of them within
  ``answer_regex_timeout_ms``; running out of time is a wrong answer (``timed_out``),
  audited as ``session.answer_regex_timeout``.
- FLAG: one value, trimmed, compared exactly. A question with its own flag per session
  accepts only that session's flag; a flag minted for another session is wrong and is
  audited (``session.flag_foreign``).
- MATCHING: ``left=right`` pairs, one per left item; right when the set of pairs equals
  the expected set.
- ORDERING: every item (the question's choices) once, in order; right when the list
  equals the expected list exactly.

Each value is at most ``MAX_VALUE_LENGTH`` (10,000) characters.

Scoring follows the version's ``scoring_mode``. PER_QUESTION: a right answer adds its
question's points to the session's score. ALL_OR_NOTHING: right answers score nothing
until the one that makes every question of the version right, which adds the sum of all
their points at once (each answer row then shows its question's points). Either way the
score only ever moves by an ``F()`` increment, never by writing a computed total, so
another change of the score (a hint's penalty) is never lost. Event solves are recorded
per question whatever the mode.

Concurrent submissions for one question are serialized by the conditional UPDATE of the
session row, and each attempt is a compare-and-set on ``SessionAnswer.lock_version``; the
session's score grows by an ``F()`` update in the same transaction, and the user's total
(the sum over versions of their best session score, ``user_score``) is computed again
there, under the user's row lock taken first.

A right answer in an event session, inside the event's window, also records the solve of
the session's registration (``services.events.scoring``), in the same transaction; the
solve is published, and a first blood announced, after the commit.
"""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Case, F, Q, Value, When

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import EnvironmentSession, Question, QuestionAnswerKey, SessionAnswer
from ...models.enums import QuestionKind, SessionState, VersionScoringMode
from ...runtime import Runtime
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..errors import DomainError
from ..events.scoring import Solve, publish_recorded_solve, record_solve
from .completion import complete_if_solved
from .errors import AnswerCode
from .events import publish_session_event
from .flags import minted_here, session_flags, session_holding_flag
from .regex_match import MatchOutcome, match_any
from .user_score import lock_user, recompute_total_score

K = QuestionKind
log = logging.getLogger(__name__)
ANSWERING_STATES = (SessionState.RUNNING, SessionState.PAUSED)
ONE_VALUE_KINDS = frozenset({K.SINGLE_CHOICE, K.TRUE_FALSE, K.SHORT_ANSWER, K.FLAG})
MAX_VALUES = 50
MAX_VALUE_LENGTH = 10_000
# Rounds of the compare-and-set before giving up; the session row's lock makes a lost
# round rare, so this bounds a pathological case only.
CAS_ROUNDS = 5

SESSION_FIELD = "input.session"
QUESTION_FIELD = "input.question"
ANSWER_FIELD = "input.answer"


@dataclass(frozen=True, slots=True)
class AnswerResult:
    question_id: UUID
    correct: bool
    points_awarded: int
    attempts_used: int
    attempts_left: int
    session_score: int
    # A regular-expression answer key ran out of time: counted as wrong.
    timed_out: bool = False


@dataclass(frozen=True, slots=True)
class AnswerKey:
    kind: QuestionKind
    choices: tuple[str, ...]
    expected: tuple[str, ...]
    case_sensitive: bool
    # Set for a question with a flag per session: the only accepted answer.
    session_flag: str | None = None
    per_session: bool = False
    # SHORT_ANSWER: ``expected`` holds regular expressions.
    regex: bool = False


# --- checking an answer -------------------------------------------------------------------


def _invalid(message: str) -> DomainError:
    return DomainError(AnswerCode.INVALID_ANSWER, message, ANSWER_FIELD)


def _pair(value: str) -> tuple[str, str]:
    left, sep, right = value.partition("=")
    left, right = left.strip(), right.strip()
    if not sep or not left or not right:
        raise _invalid(f"{value!r} is not a left=right pair")
    return left, right


def normalized(key: AnswerKey, answer: list[str]) -> list[str]:
    """The answer, trimmed, in the shape its kind takes; INVALID_ANSWER when malformed
    (a malformed answer does not use an attempt)."""
    if not answer:
        raise _invalid("give an answer")
    if len(answer) > MAX_VALUES:
        raise _invalid(f"at most {MAX_VALUES} values")
    for i, value in enumerate(answer):
        if len(value) > MAX_VALUE_LENGTH:
            raise DomainError(
                AnswerCode.INVALID_ANSWER,
                f"at most {MAX_VALUE_LENGTH:,} characters (this one has {len(value):,})",
                f"{ANSWER_FIELD}.{i}",
            )
    values = [v.strip() for v in answer]
    if any(not v for v in values):
        raise _invalid("an answer value cannot be blank")
    if key.kind in ONE_VALUE_KINDS and len(values) != 1:
        raise _invalid(f"a {key.kind.value} question takes exactly one value")
    if len(set(values)) != len(values):
        raise _invalid("a value is given twice")
    choice_kind = key.kind in (K.SINGLE_CHOICE, K.TRUE_FALSE, K.MULTIPLE_CHOICE)
    if choice_kind and key.choices and any(v not in key.choices for v in values):
        raise _invalid("choose among the question's choices")
    if key.kind is K.MATCHING:
        pairs = [_pair(v) for v in values]
        lefts = [left for left, _ in pairs]
        if len(set(lefts)) != len(lefts):
            raise _invalid("each left item is matched once")
        if key.choices and any(right not in key.choices for _, right in pairs):
            raise _invalid("match each item with one of the question's choices")
        values = [f"{left}={right}" for left, right in pairs]
    if key.kind is K.ORDERING and sorted(values) != sorted(c.strip() for c in key.choices):
        raise _invalid("give every item of the question once, in your order")
    return values


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def is_correct(key: AnswerKey, values: list[str]) -> bool:
    """Whether normalized ``values`` answer the question; secrets compared in constant time."""
    if key.kind is K.FLAG:
        if key.per_session:
            return key.session_flag is not None and _same(values[0], key.session_flag)
        return _any_equal(values[0], key.expected)
    if key.kind is K.SHORT_ANSWER:
        if key.case_sensitive:
            return _any_equal(values[0], key.expected)
        return _any_equal(values[0].casefold(), tuple(e.casefold() for e in key.expected))
    if key.kind is K.MATCHING:
        return set(values) == {_expected_pair(e) for e in key.expected}
    if key.kind is K.ORDERING:
        return values == [e.strip() for e in key.expected]
    return set(values) == {e.strip() for e in key.expected}


def _expected_pair(expected: str) -> str:
    left, _, right = expected.partition("=")
    return f"{left.strip()}={right.strip()}"


def _any_equal(value: str, expected: tuple[str, ...]) -> bool:
    # Every candidate compared, so the time does not tell which one (or none) matched.
    found = False
    for candidate in expected:
        found |= _same(value, candidate.strip())
    return found


# --- reading what an answer needs --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    session_id: UUID
    user_id: UUID
    state: SessionState
    question_id: UUID
    points: int
    max_attempts: int
    key: AnswerKey
    own_flags: frozenset[str]
    version_id: UUID
    scoring_mode: VersionScoringMode
    # Event sessions: the event and the registration the session plays for.
    event_id: UUID | None = None
    registration_id: UUID | None = None


async def _target(
    actor_id: UUID, session_id: UUID, question_id: UUID, settings: Settings
) -> _Target:
    sessions = await EnvironmentSession.filter(id=session_id, user_id=actor_id).values(
        "user_id",
        "version_id",
        "state",
        "event_id",
        "registration_id",
        "version__scoring_mode",
        "is_test",
    )
    if not sessions:
        raise DomainError(AnswerCode.SESSION_NOT_FOUND, "no such session of yours", SESSION_FIELD)
    session = sessions[0]
    if session["is_test"]:
        raise DomainError(
            AnswerCode.TEST_SESSION, "a test run's session is not scored", SESSION_FIELD
        )
    questions = await Question.filter(id=question_id, version_id=session["version_id"]).values(
        "kind", "points", "max_attempts", "choices", "session_flag_env"
    )
    if not questions:
        raise DomainError(
            AnswerCode.QUESTION_NOT_IN_SESSION,
            "the session's scenario has no such question",
            QUESTION_FIELD,
        )
    question = questions[0]
    keys = await QuestionAnswerKey.filter(question_id=question_id).values(
        "expected", "case_sensitive", "regex"
    )
    kind = K(question["kind"])
    per_session = kind is K.FLAG and bool(question["session_flag_env"])
    flags = await session_flags(session_id, settings) if per_session else {}
    key = AnswerKey(
        kind=kind,
        choices=tuple(question["choices"] or ()),
        expected=tuple(keys[0]["expected"]) if keys else (),
        case_sensitive=bool(keys[0]["case_sensitive"]) if keys else False,
        session_flag=flags.get(question_id),
        per_session=per_session,
        regex=kind is K.SHORT_ANSWER and bool(keys[0]["regex"]) if keys else False,
    )
    return _Target(
        session_id=session_id,
        user_id=UUID(str(session["user_id"])),
        state=SessionState(session["state"]),
        question_id=question_id,
        points=int(question["points"]),
        max_attempts=int(question["max_attempts"]),
        key=key,
        own_flags=frozenset(flags.values()),
        version_id=UUID(str(session["version_id"])),
        scoring_mode=VersionScoringMode(session["version__scoring_mode"]),
        event_id=_uuid(session["event_id"]),
        registration_id=_uuid(session["registration_id"]),
    )


def _uuid(value: Any) -> UUID | None:
    return None if value is None else UUID(str(value))


# --- when a session takes answers --------------------------------------------------------


def _answerable(now: datetime, grace: timedelta) -> Q:
    cutoff = now - grace
    return (
        Q(state__in=[s.value for s in ANSWERING_STATES])
        | Q(state=SessionState.EXPIRED.value, ended_at__gte=cutoff)
        | Q(state=SessionState.EXPIRED.value, ended_at__isnull=True, expires_at__gte=cutoff)
    )


async def _not_answerable(session_id: UUID) -> DomainError:
    """Why the session (which just matched no answerable state) takes no answer."""
    found = await EnvironmentSession.filter(id=session_id).values_list("state", flat=True)
    if found and SessionState(str(found[0])) is SessionState.EXPIRED:
        return DomainError(
            AnswerCode.GRACE_PERIOD_OVER,
            "the session expired too long ago to answer",
            SESSION_FIELD,
        )
    return DomainError(AnswerCode.SESSION_NOT_ACTIVE, "the session is not running", SESSION_FIELD)


# --- submitting ---------------------------------------------------------------------------


class _LostRace(Exception):
    """Another submission changed the answer row first: read again and retry."""


async def submit_answer(
    actor_id: UUID,
    session_id: UUID,
    question_id: UUID,
    answer: list[str],
    *,
    settings: Settings,
    broker: Broker,
    meta: RequestMeta,
    runtime: Runtime | None = None,
) -> AnswerResult:
    """Check and record one answer of the session's owner; publish an ``answer`` event.
    With ``runtime``, a session whose questions are now all answered right completes."""
    target = await _target(actor_id, session_id, question_id, settings)
    values = normalized(target.key, answer)
    timed_out = False
    if target.key.regex:
        outcome = await match_any(
            [e.strip() for e in target.key.expected],
            values[0],
            case_sensitive=target.key.case_sensitive,
            budget_seconds=settings.answer_regex_timeout_ms / 1000,
        )
        correct, timed_out = outcome is MatchOutcome.MATCHED, outcome is MatchOutcome.TIMED_OUT
    else:
        correct = is_correct(target.key, values)
    if timed_out:
        await _audit_regex_timeout(target, len(values[0]), settings, meta)
    if not correct and target.key.per_session:
        await _audit_foreign_flag(target, values[0], settings, meta)
    grace = timedelta(minutes=settings.answer_grace_minutes)
    for _ in range(CAS_ROUNDS):
        try:
            result, solve = await _record(target, values, correct, grace, meta)
            if timed_out:
                result = replace(result, timed_out=True)
        except _LostRace:
            continue
        # After the commit.
        await publish_session_event(
            broker,
            EnvironmentSession(id=session_id, user_id=target.user_id, state=target.state),
            "answer",
        )
        if solve is not None:
            await publish_recorded_solve(broker, solve)
        if correct and runtime is not None:
            await complete_if_solved(runtime, session_id)
        return result
    raise DomainError(
        AnswerCode.SUBMISSION_CONFLICT,
        "other submissions kept changing this answer; submit again",
        None,
    )


async def _record(
    target: _Target, values: list[str], correct: bool, grace: timedelta, meta: RequestMeta
) -> tuple[AnswerResult, Solve | None]:
    now = datetime.now(UTC)
    per_question = target.scoring_mode is VersionScoringMode.PER_QUESTION
    # ALL_OR_NOTHING: nothing now; the whole version's points if this answer completes it.
    award = target.points if correct and per_question else 0

    async def record() -> tuple[AnswerResult, Solve | None]:
        if correct:
            # The user's total is recomputed below from all their sessions: answers in
            # their other sessions wait here, so none computes from a stale score.
            await lock_user(target.user_id)
        # Then the session row: its lock serializes the session's submissions (and a
        # termination racing them), and its state decides whether answers are taken.
        answerable = EnvironmentSession.filter(_answerable(now, grace), id=target.session_id)
        taken = await answerable.update(score=F("score") + award, last_activity_at=now)
        # MySQL counts changed rows only: an unchanged row (same instant, no points) is
        # still locked and still taken.
        if taken != 1 and not await answerable.exists():
            raise await _not_answerable(target.session_id)
        rows = await SessionAnswer.filter(
            session_id=target.session_id, question_id=target.question_id
        ).values("id", "attempts", "correct", "lock_version")
        row: dict[str, Any] | None = rows[0] if rows else None
        used = int(row["attempts"]) if row else 0
        if row and row["correct"]:
            raise DomainError(
                AnswerCode.ALREADY_ANSWERED, "answered correctly already", QUESTION_FIELD
            )
        if used >= target.max_attempts:
            raise DomainError(AnswerCode.NO_ATTEMPTS_LEFT, "no attempts left", QUESTION_FIELD)
        changes: dict[str, Any] = {
            "attempts": used + 1,
            "correct": correct,
            "points_awarded": award,
            # A submitted flag is a secret: not kept in the clear.
            "last_answer": None if target.key.kind is K.FLAG else json.dumps(values),
            "answered_at": now,
        }
        await _write_answer(target, row, changes)
        scored = award
        if correct and not per_question:
            scored = await _award_if_all_right(target)
        if scored:
            await recompute_total_score(target.user_id)
        solve = None
        if correct and target.event_id is not None and target.registration_id is not None:
            solve = await record_solve(
                event_id=target.event_id,
                registration_id=target.registration_id,
                question_id=target.question_id,
                user_id=target.user_id,
                session_id=target.session_id,
                solved_at=now,
            )
        score = await EnvironmentSession.filter(id=target.session_id).values("score")
        await audit(
            "session.answer",
            meta,
            actor_id=target.user_id,
            target_type="EnvironmentSession",
            target_id=target.session_id,
            question_id=str(target.question_id),
            correct=correct,
            attempt=used + 1,
            points=scored,
            scoring_mode=target.scoring_mode.value,
        )
        result = AnswerResult(
            question_id=target.question_id,
            correct=correct,
            points_awarded=scored,
            attempts_used=used + 1,
            attempts_left=target.max_attempts - used - 1,
            session_score=int(score[0]["score"]),
        )
        return result, solve

    return await retrying_transaction(record)


def _constant(value: int) -> Any:
    """An integer in a CASE (Tortoise types ``then`` as an expression, takes a value)."""
    return Value(value)


async def _award_if_all_right(target: _Target) -> int:
    """ALL_OR_NOTHING, after a right answer was written under the session row's lock: when
    every question of the version is now right, add all their points to the session at
    once and show each question's points on its answer row; the points added, else 0.

    The lock serializes the session's answers, so of two racing last answers the later
    one reads the earlier one's row and is the one that completes: the award is made once.
    """
    questions = await Question.filter(version_id=target.version_id).values_list("id", "points")
    right = set(
        await SessionAnswer.filter(session_id=target.session_id, correct=True).values_list(
            "question_id", flat=True
        )
    )
    points = {UUID(str(pk)): int(p) for pk, p in questions}
    if not points or not set(points) <= {UUID(str(pk)) for pk in right}:
        return 0
    total = sum(points.values())
    await EnvironmentSession.filter(id=target.session_id).update(score=F("score") + total)
    await SessionAnswer.filter(session_id=target.session_id, correct=True).update(
        points_awarded=Case(
            *(When(question_id=pk, then=_constant(p)) for pk, p in points.items()),
            default=_constant(0),
        )
    )
    return total


async def _write_answer(
    target: _Target, row: dict[str, Any] | None, changes: dict[str, Any]
) -> None:
    """The compare-and-set of one attempt: on the row version read, or the first insert."""
    if row is None:
        try:
            await SessionAnswer.create(
                session_id=target.session_id,
                question_id=target.question_id,
                lock_version=1,
                **changes,
            )
        except IntegrityError:
            raise _LostRace from None
        return
    written = await SessionAnswer.filter(id=row["id"], lock_version=row["lock_version"]).update(
        lock_version=F("lock_version") + 1, updated_at=changes["answered_at"], **changes
    )
    if written != 1:
        raise _LostRace


async def _audit_regex_timeout(
    target: _Target, length: int, settings: Settings, meta: RequestMeta
) -> None:
    """A regular-expression key ran out of time on an answer: a pattern that slipped past
    the authoring probes, or an answer crafted against it. Logged and audited."""
    log.warning(
        "answer regex timed out after %d ms: question %s, session %s, answer of %d characters",
        settings.answer_regex_timeout_ms,
        target.question_id,
        target.session_id,
        length,
    )
    await audit(
        "session.answer_regex_timeout",
        meta,
        actor_id=target.user_id,
        target_type="EnvironmentSession",
        target_id=target.session_id,
        question_id=str(target.question_id),
        timeout_ms=settings.answer_regex_timeout_ms,
        answer_length=length,
    )


async def _audit_foreign_flag(
    target: _Target, value: str, settings: Settings, meta: RequestMeta
) -> None:
    """A flag this platform minted, but not for this session: someone shared it."""
    if not minted_here(settings, value) or value in target.own_flags:
        return
    source = await session_holding_flag(
        target.question_id, value, settings, besides=target.session_id
    )
    owner = None
    if source is not None:
        found = await EnvironmentSession.filter(id=source).values_list("user_id", flat=True)
        owner = str(found[0]) if found else None
    await audit(
        "session.flag_foreign",
        meta,
        actor_id=target.user_id,
        target_type="EnvironmentSession",
        target_id=target.session_id,
        question_id=str(target.question_id),
        source_session_id=str(source) if source else None,
        source_user_id=owner,
    )
