"""Hints in the scenario document (YAML): what ``yaml_document`` / ``documents`` call.

A document's ``hints`` section is a list of mappings::

    hints:
      - title: Look at the login form
        body: "Markdown..."
        unlockCondition: AFTER_MINUTES      # or AFTER_WRONG_ATTEMPTS
        unlockThreshold: 10
        penaltyPoints: 5
        question: 0                         # the question's index in ``questions``; absent:
                                            # a hint of the whole version

Their order in the list is their order within each group. Documents without ``hints``
(every older one) import with none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

from ...models import Hint, Question
from ...models.enums import HintUnlockCondition
from ..authoring.errors import RuleCode
from ..authoring.field_checks import at, in_range
from ..errors import DomainError
from .rules import MAX_HINTS, HintSpec, hint_errors, trimmed

KEYS = ("title", "body", "unlockCondition", "unlockThreshold", "penaltyPoints", "question")


@dataclass(frozen=True, slots=True)
class DocumentHint:
    spec: HintSpec
    # Index into the document's questions; None: a hint of the whole version.
    question: int | None = None


def read_hints(
    value: object, question_count: int, path: str = "hints"
) -> tuple[list[DocumentHint], list[DomainError]]:
    """The hints of a document's ``hints`` value (None: none), and every problem found."""
    if value is None:
        return [], []
    if not isinstance(value, list):
        return [], [DomainError(RuleCode.INVALID, "a list of hints", path)]
    if len(value) > MAX_HINTS:
        return [], [DomainError(RuleCode.TOO_MANY, f"at most {MAX_HINTS} hints a version", path)]
    hints: list[DocumentHint] = []
    errors: list[DomainError] = []
    for i, item in enumerate(value):
        where = at(path, i)
        if not isinstance(item, dict):
            errors.append(DomainError(RuleCode.INVALID, "a mapping", where))
            continue
        unknown = sorted(str(k) for k in item if k not in KEYS)
        errors += [
            DomainError(RuleCode.INVALID, "not a hint field", at(where, key)) for key in unknown
        ]
        spec = HintSpec(
            title=item.get("title", ""),
            body=item.get("body", ""),
            unlock_condition=item.get("unlockCondition", HintUnlockCondition.AFTER_MINUTES),
            unlock_threshold=item.get("unlockThreshold", 0),
            penalty_points=item.get("penaltyPoints", 0),
        )
        problems = hint_errors(spec, where)
        question = item.get("question")
        if question is not None and not in_range(question, (0, question_count - 1)):
            problems.append(
                DomainError(
                    RuleCode.INVALID,
                    "the index of one of the document's questions",
                    at(where, "question"),
                )
            )
        errors += problems
        if not problems:
            hints.append(DocumentHint(trimmed(spec), question))
    return hints, errors


async def create_hints(
    version_id: UUID, hints: Sequence[DocumentHint], question_ids: Sequence[UUID]
) -> None:
    """Insert a document's hints into a new version, in the caller's transaction;
    ``question_ids`` are the version's questions in the document's order."""
    positions: dict[int | None, int] = {}
    rows = []
    for hint in hints:
        position = positions.get(hint.question, 0)
        positions[hint.question] = position + 1
        rows.append(
            Hint(
                id=uuid4(),
                version_id=version_id,
                question_id=question_ids[hint.question] if hint.question is not None else None,
                position=position,
                title=hint.spec.title,
                body=hint.spec.body,
                unlock_condition=HintUnlockCondition(hint.spec.unlock_condition),
                unlock_threshold=hint.spec.unlock_threshold,
                penalty_points=hint.spec.penalty_points,
            )
        )
    await Hint.bulk_create(rows)


def document_of(hint: DocumentHint) -> dict[str, Any]:
    """One hint as the document writes it."""
    entry: dict[str, Any] = {
        "title": hint.spec.title,
        "body": hint.spec.body,
        "unlockCondition": str(HintUnlockCondition(hint.spec.unlock_condition)),
        "unlockThreshold": hint.spec.unlock_threshold,
        "penaltyPoints": hint.spec.penalty_points,
    }
    if hint.question is not None:
        entry["question"] = hint.question
    return entry


async def version_hints(version_id: UUID) -> list[DocumentHint]:
    """A version's hints as a document holds them (what export and copies read)."""
    listed = await hints_for_document(version_id)
    hints, _errors = read_hints(listed, max([h.get("question", -1) for h in listed] + [-1]) + 1)
    return hints


async def hints_for_document(version_id: UUID) -> list[dict[str, Any]]:
    """A version's hints as the document's ``hints`` section: version level first, then
    by question, each group in order (two statements)."""
    questions = await Question.filter(version_id=version_id).order_by("position", "created_at")
    index = {str(q.id): i for i, q in enumerate(questions)}
    rows = await Hint.filter(version_id=version_id).order_by("position", "id").values()
    rows.sort(
        key=lambda row: (
            -1 if row["question_id"] is None else index.get(str(row["question_id"]), 0),
            row["position"],
        )
    )
    listed = []
    for row in rows:
        entry: dict[str, Any] = {
            "title": row["title"],
            "body": row["body"],
            "unlockCondition": str(HintUnlockCondition(row["unlock_condition"])),
            "unlockThreshold": row["unlock_threshold"],
            "penaltyPoints": row["penalty_points"],
        }
        if row["question_id"] is not None:
            entry["question"] = index[str(row["question_id"])]
        listed.append(entry)
    return listed
