"""A version's hints: add, change, remove, reorder, while the version is DRAFT or
REJECTED (the rules of ``questions``: the scenario's author or an admin, the version's
row locked). A hint belongs to the version or to one of its questions, fixed when it is
added; positions stay 0, 1, 2... within each group (the version level hints, and each
question's hints) in the order learners see them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID, uuid4

from tortoise.expressions import F

from ...db.transactions import retrying_transaction
from ...models import Hint, Question
from ...models.enums import HintUnlockCondition
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, require_editable, version_for_change
from ..authoring.errors import AuthoringCode, RuleCode
from ..errors import DomainError, DomainErrors
from .rules import MAX_HINTS, HintSpec, hint_errors, trimmed

NOT_YOURS = "not found, or not yours to change"
CONTENT = ("title", "body", "unlock_condition", "unlock_threshold", "penalty_points")


@dataclass(frozen=True, slots=True)
class HintChanges:
    """Fields to change; None leaves one as it is."""

    title: str | None = None
    body: str | None = None
    unlock_condition: HintUnlockCondition | None = None
    unlock_threshold: int | None = None
    penalty_points: int | None = None


def _check(spec: HintSpec) -> None:
    errors = hint_errors(spec)
    if errors:
        raise DomainErrors(errors)


def _group(version_id: UUID, question_id: UUID | None) -> dict[str, object]:
    """The filter of a hint's ordering group."""
    return {"version_id": version_id, "question_id": question_id}


async def add_hint(
    actor: Actor,
    version_id: UUID,
    question_id: UUID | None,
    spec: HintSpec,
    meta: RequestMeta,
) -> Hint:
    """Add a hint after the others of its group (its question's, or the version's)."""
    spec = trimmed(spec)
    _check(spec)

    async def insert() -> Hint:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        if (
            question_id is not None
            and not await Question.filter(id=question_id, version_id=version.id).exists()
        ):
            raise DomainError(
                AuthoringCode.NOT_FOUND, "the version has no such question", "questionId"
            )
        if await Hint.filter(version_id=version.id).count() >= MAX_HINTS:
            raise DomainError(RuleCode.TOO_MANY, f"at most {MAX_HINTS} hints a version", "hints")
        last = (
            await Hint.filter(**_group(version.id, question_id))
            .order_by("-position")
            .limit(1)
            .values("position")
        )
        hint = await Hint.create(
            version_id=version.id,
            question_id=question_id,
            position=int(last[0]["position"]) + 1 if last else 0,
            **_content(spec),
        )
        await audit(
            "hint.add",
            meta,
            actor_id=actor.id,
            target_type="Hint",
            target_id=hint.id,
            version_id=str(version.id),
            question_id=str(question_id) if question_id else None,
        )
        return hint

    return await retrying_transaction(insert)


def _content(spec: HintSpec) -> dict[str, Any]:
    return {name: getattr(spec, name) for name in CONTENT}


async def _version_of(hint_id: UUID) -> UUID:
    """Read before the transaction, which then locks the version (as questions do)."""
    found = await Hint.filter(id=hint_id).values_list("version_id", flat=True)
    if not found:
        raise DomainError(AuthoringCode.NOT_FOUND, NOT_YOURS, "hintId")
    return UUID(str(found[0]))


async def _hint_for_change(actor: Actor, hint_id: UUID, version_id: UUID) -> Hint:
    access = await version_for_change(actor, version_id, "hintId")
    require_editable(access.version, "hintId")
    row = await Hint.filter(id=hint_id, version_id=version_id).first()
    if row is None:
        raise DomainError(AuthoringCode.NOT_FOUND, NOT_YOURS, "hintId")
    return row


async def update_hint(actor: Actor, hint_id: UUID, changes: HintChanges, meta: RequestMeta) -> Hint:
    version_id = await _version_of(hint_id)

    async def change() -> Hint:
        row = await _hint_for_change(actor, hint_id, version_id)
        current = HintSpec(**{name: getattr(row, name) for name in CONTENT})
        given = {
            name: value
            for name in HintChanges.__dataclass_fields__
            if (value := getattr(changes, name)) is not None
        }
        spec = trimmed(replace(current, **given))
        _check(spec)
        if given:
            await Hint.filter(id=row.id).update(**_content(spec))
            await audit(
                "hint.update",
                meta,
                actor_id=actor.id,
                target_type="Hint",
                target_id=row.id,
                version_id=str(version_id),
                fields=sorted(given),
            )
        return await Hint.get(id=row.id)

    return await retrying_transaction(change)


async def remove_hint(actor: Actor, hint_id: UUID, meta: RequestMeta) -> UUID:
    """Remove a hint; the ones after it in its group move up. Returns its version's id."""
    version_id = await _version_of(hint_id)

    async def remove() -> None:
        row = await _hint_for_change(actor, hint_id, version_id)
        question_id = row.question_id  # type: ignore[attr-defined]
        await Hint.filter(id=row.id).delete()
        await Hint.filter(**_group(version_id, question_id), position__gt=row.position).update(
            position=F("position") - 1
        )
        await audit(
            "hint.remove",
            meta,
            actor_id=actor.id,
            target_type="Hint",
            target_id=row.id,
            version_id=str(version_id),
        )

    await retrying_transaction(remove)
    return version_id


async def reorder_hints(
    actor: Actor,
    version_id: UUID,
    question_id: UUID | None,
    hint_ids: list[UUID],
    meta: RequestMeta,
) -> None:
    """Put one group's hints (the question's, or the version level ones) in the given
    order: every one of them, once each."""

    async def reorder() -> None:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        current = {
            UUID(str(pk))
            for pk in await Hint.filter(**_group(version.id, question_id)).values_list(
                "id", flat=True
            )
        }
        if len(set(hint_ids)) != len(hint_ids) or set(hint_ids) != current:
            raise DomainError(
                RuleCode.INVALID,
                "list every hint of the question (or of the version) exactly once",
                "hintIds",
            )
        for position, hint_id in enumerate(hint_ids):
            await Hint.filter(id=hint_id).update(position=position)
        await audit(
            "hint.reorder",
            meta,
            actor_id=actor.id,
            target_type="ScenarioVersion",
            target_id=version.id,
            question_id=str(question_id) if question_id else None,
            order=[str(h) for h in hint_ids],
        )

    await retrying_transaction(reorder)


async def copy_hints(source_id: UUID, target_id: UUID, question_ids: dict[UUID, UUID]) -> None:
    """Copy a version's hints into another, in the caller's transaction (versionCreate
    with copyFrom); ``question_ids`` maps each source question to its copy."""
    copies = {str(source): target for source, target in question_ids.items()}
    rows = await Hint.filter(version_id=source_id).values("question_id", "position", *CONTENT)
    await Hint.bulk_create(
        [
            Hint(
                id=uuid4(),
                version_id=target_id,
                **{**row, "question_id": copies.get(str(row["question_id"]))},
            )
            for row in rows
        ]
    )
