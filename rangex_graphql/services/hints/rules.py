"""The rules of one hint: title, body, unlock condition and penalty. Field paths and codes
as in ``services/authoring/validation``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...models.enums import HintUnlockCondition
from ..authoring.errors import RuleCode
from ..authoring.field_checks import at, in_range, is_member, text
from ..errors import DomainError

MAX_TITLE = 160
MAX_BODY = 10_000
# Minutes of running time: at most the longest session (480 minutes).
MINUTES = (0, 480)
# Wrong attempts: at most a question's most attempts (100).
ATTEMPTS = (0, 100)
# Never more than a question is worth.
PENALTY = (0, 1_000)
MAX_HINTS = 50


@dataclass(frozen=True, slots=True)
class HintSpec:
    """A hint's content as authored; which question it belongs to is kept beside it."""

    title: str
    body: str
    unlock_condition: HintUnlockCondition
    unlock_threshold: int = 0
    penalty_points: int = 0


def trimmed(spec: HintSpec) -> HintSpec:
    return HintSpec(
        title=spec.title.strip() if isinstance(spec.title, str) else spec.title,
        body=spec.body.strip() if isinstance(spec.body, str) else spec.body,
        unlock_condition=spec.unlock_condition,
        unlock_threshold=spec.unlock_threshold,
        penalty_points=spec.penalty_points,
    )


def hint_errors(hint: HintSpec, prefix: str = "") -> list[DomainError]:
    errors = []
    if not text(hint.title):
        errors.append(DomainError(RuleCode.REQUIRED, "give the hint a title", at(prefix, "title")))
    elif len(hint.title) > MAX_TITLE:
        message = f"at most {MAX_TITLE} characters"
        errors.append(DomainError(RuleCode.INVALID, message, at(prefix, "title")))
    if not text(hint.body):
        errors.append(DomainError(RuleCode.REQUIRED, "write the hint", at(prefix, "body")))
    elif len(hint.body) > MAX_BODY:
        message = f"at most {MAX_BODY:,} characters"
        errors.append(DomainError(RuleCode.INVALID, message, at(prefix, "body")))
    if not is_member(hint.unlock_condition, HintUnlockCondition):
        message = f"one of {', '.join(HintUnlockCondition)}"
        errors.append(DomainError(RuleCode.INVALID, message, at(prefix, "unlockCondition")))
    else:
        minutes = HintUnlockCondition(hint.unlock_condition) is HintUnlockCondition.AFTER_MINUTES
        low, high = MINUTES if minutes else ATTEMPTS
        if not in_range(hint.unlock_threshold, (low, high)):
            unit = "minutes" if minutes else "wrong attempts"
            errors.append(
                DomainError(RuleCode.INVALID, f"{low}-{high} {unit}", at(prefix, "unlockThreshold"))
            )
    if not in_range(hint.penalty_points, PENALTY):
        low, high = PENALTY
        message = f"{low}-{high} penalty points"
        errors.append(DomainError(RuleCode.INVALID, message, at(prefix, "penaltyPoints")))
    return errors


def hint_count_errors(hints: Sequence[object], prefix: str = "hints") -> list[DomainError]:
    if len(hints) > MAX_HINTS:
        return [DomainError(RuleCode.TOO_MANY, f"at most {MAX_HINTS} hints a version", prefix)]
    return []
