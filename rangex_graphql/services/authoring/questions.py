"""A version's questions and their answer keys: add, change, remove, reorder, while the
version is DRAFT or REJECTED. Each change leaves a question that passes the question
rules of ``validation``; positions stay 0, 1, 2… in the order learners see them.

A FLAG question's ``session_flag_env`` names the environment variable its per-session flag
goes into; no two questions of a version share one (DUPLICATE). Such a question takes no
expected answers. In ``QuestionChanges`` None leaves it as it is and "" clears it (the
question then needs expected answers again).

A SHORT_ANSWER key with ``regex`` holds regular expressions; they are probed for
catastrophic backtracking (``regex_match``) in a worker thread. An ORDERING question's
choices are its items, its expected answers the same items in the right order."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from uuid import UUID

from tortoise.expressions import F

from ...db.transactions import retrying_transaction
from ...models import Question, QuestionAnswerKey
from ...models.enums import QuestionKind
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from .access import Actor, require_editable, version_for_change
from .errors import AuthoringCode, RuleCode
from .question_rules import question_errors
from .spec import QuestionSpec

NOT_YOURS = "not found, or not yours to change"


@dataclass(frozen=True, slots=True)
class QuestionChanges:
    """Fields to change; None leaves one as it is."""

    prompt: str | None = None
    kind: QuestionKind | None = None
    points: int | None = None
    max_attempts: int | None = None
    choices: list[str] | None = None
    expected_answers: list[str] | None = None
    case_sensitive: bool | None = None
    # "" clears it.
    session_flag_env: str | None = None
    regex: bool | None = None


@dataclass(frozen=True, slots=True)
class NewQuestion:
    prompt: str
    kind: QuestionKind
    points: int
    # None of them with a session flag; at least one without.
    expected_answers: list[str] = field(default_factory=list)
    max_attempts: int = 15
    choices: list[str] = field(default_factory=list)
    case_sensitive: bool = False
    session_flag_env: str | None = None
    # SHORT_ANSWER: the expected answers are regular expressions.
    regex: bool = False


async def _check(spec: QuestionSpec, version_id: UUID, exclude: UUID | None = None) -> None:
    """The question's rules, and its flag variable unused by the version's other questions
    (read under the version's lock, so two requests cannot both take one name)."""
    if spec.regex:
        # The patterns are probed for up to 50 ms each: off the event loop.
        errors = await asyncio.to_thread(question_errors, spec)
    else:
        errors = question_errors(spec)
    if spec.session_flag_env is not None and not errors:
        others = Question.filter(version_id=version_id, session_flag_env=spec.session_flag_env)
        if exclude is not None:
            others = others.exclude(id=exclude)
        if await others.exists():
            errors.append(
                DomainError(
                    RuleCode.DUPLICATE,
                    f"another question's flag is already in {spec.session_flag_env}",
                    "sessionFlagEnv",
                )
            )
    if errors:
        raise DomainErrors(errors)


def _flag_env(name: str | None) -> str | None:
    """Trimmed; blank means none."""
    return (name or "").strip() or None


def _spec(new: NewQuestion | QuestionSpec) -> QuestionSpec:
    return QuestionSpec(
        prompt=new.prompt.strip(),
        kind=new.kind,
        points=new.points,
        max_attempts=new.max_attempts,
        choices=[c.strip() for c in new.choices],
        expected_answers=[a.strip() for a in new.expected_answers],
        case_sensitive=new.case_sensitive,
        session_flag_env=_flag_env(new.session_flag_env),
        regex=new.regex,
    )


async def add_question(
    actor: Actor, version_id: UUID, new: NewQuestion, meta: RequestMeta
) -> Question:
    """Add a question after the others."""
    spec = _spec(new)

    async def insert() -> Question:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        await _check(spec, version.id)
        positions = (
            await Question.filter(version_id=version.id)
            .order_by("-position")
            .limit(1)
            .values("position")
        )
        question = await Question.create(
            version_id=version.id,
            position=int(positions[0]["position"]) + 1 if positions else 0,
            prompt=spec.prompt,
            kind=spec.kind,
            points=spec.points,
            max_attempts=spec.max_attempts,
            choices=spec.choices,
            session_flag_env=spec.session_flag_env,
        )
        await QuestionAnswerKey.create(
            question_id=question.id,
            expected=spec.expected_answers,
            case_sensitive=spec.case_sensitive,
            regex=spec.regex,
        )
        await audit(
            "question.add",
            meta,
            actor_id=actor.id,
            target_type="Question",
            target_id=question.id,
            version_id=str(version.id),
            session_flag_env=spec.session_flag_env,
            regex=spec.regex,
        )
        return question

    return await retrying_transaction(insert)


async def _version_of(question_id: UUID) -> UUID:
    """Read before the transaction (see machines._version_of)."""
    found = await Question.filter(id=question_id).values_list("version_id", flat=True)
    if not found:
        raise DomainError(AuthoringCode.NOT_FOUND, NOT_YOURS, "questionId")
    return UUID(str(found[0]))


async def _question_for_change(actor: Actor, question_id: UUID, version_id: UUID) -> Question:
    access = await version_for_change(actor, version_id, "questionId")
    require_editable(access.version, "questionId")
    row = await Question.filter(id=question_id, version_id=version_id).first()
    if row is None:
        raise DomainError(AuthoringCode.NOT_FOUND, NOT_YOURS, "questionId")
    return row


async def update_question(
    actor: Actor, question_id: UUID, changes: QuestionChanges, meta: RequestMeta
) -> Question:
    version_id = await _version_of(question_id)

    async def change() -> Question:
        row = await _question_for_change(actor, question_id, version_id)
        key = await QuestionAnswerKey.filter(question_id=row.id).first()
        current = QuestionSpec(
            prompt=row.prompt,
            kind=row.kind,
            points=row.points,
            max_attempts=row.max_attempts,
            choices=list(row.choices),
            expected_answers=list(key.expected) if key else [],
            case_sensitive=key.case_sensitive if key else False,
            session_flag_env=row.session_flag_env,
            regex=key.regex if key else False,
        )
        given = {
            name: value
            for name in QuestionChanges.__dataclass_fields__
            if (value := getattr(changes, name)) is not None
        }
        spec = _spec(replace(current, **given))
        await _check(spec, version_id, exclude=row.id)
        if given:
            await Question.filter(id=row.id).update(
                prompt=spec.prompt,
                kind=spec.kind,
                points=spec.points,
                max_attempts=spec.max_attempts,
                choices=spec.choices,
                session_flag_env=spec.session_flag_env,
            )
            await QuestionAnswerKey.update_or_create(
                defaults={
                    "expected": spec.expected_answers,
                    "case_sensitive": spec.case_sensitive,
                    "regex": spec.regex,
                },
                question_id=row.id,
            )
            await audit(
                "question.update",
                meta,
                actor_id=actor.id,
                target_type="Question",
                target_id=row.id,
                version_id=str(version_id),
                fields=sorted(given),
            )
        return await Question.get(id=row.id)

    return await retrying_transaction(change)


async def remove_question(actor: Actor, question_id: UUID, meta: RequestMeta) -> UUID:
    """Remove a question and its answer key; the ones after it move up. Returns its
    version's id."""
    version_id = await _version_of(question_id)

    async def remove() -> None:
        row = await _question_for_change(actor, question_id, version_id)
        await Question.filter(id=row.id).delete()
        await Question.filter(version_id=version_id, position__gt=row.position).update(
            position=F("position") - 1
        )
        await audit(
            "question.remove",
            meta,
            actor_id=actor.id,
            target_type="Question",
            target_id=row.id,
            version_id=str(version_id),
        )

    await retrying_transaction(remove)
    return version_id


async def reorder_questions(
    actor: Actor, version_id: UUID, question_ids: list[UUID], meta: RequestMeta
) -> None:
    """Put the version's questions in the given order: every one of them, once each."""

    async def reorder() -> None:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        current = {
            UUID(str(pk))
            for pk in await Question.filter(version_id=version.id).values_list("id", flat=True)
        }
        if len(set(question_ids)) != len(question_ids) or set(question_ids) != current:
            raise DomainError(
                RuleCode.INVALID, "list every question of the version exactly once", "questionIds"
            )
        for position, question_id in enumerate(question_ids):
            await Question.filter(id=question_id).update(position=position)
        await audit(
            "question.reorder",
            meta,
            actor_id=actor.id,
            target_type="ScenarioVersion",
            target_id=version.id,
            order=[str(q) for q in question_ids],
        )

    await retrying_transaction(reorder)
