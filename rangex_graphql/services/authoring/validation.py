"""What a scenario version must satisfy before review, as pure functions over its spec.

``validate_version`` reports every problem at once, each a DomainError with a camelCase
field path relative to the spec (``machines.1.entrypoints.0.port``, ``scenario.title``). The
create and update mutations run the same per-entity checks with paths relative to their
input (``entrypoints.0.port``), so a problem reads the same wherever it is found.

Codes: INVALID (malformed or out of range), REQUIRED (missing), TOO_MANY (a count limit),
DUPLICATE, PORT_NOT_ALLOWED, EXCEEDS_PROFILE (cpu or memory above the version's resource
profile), TARGET_REQUIRED (no machine with the TARGET role, or none but attackers to carry
a per-session flag).

A FLAG question with ``sessionFlagEnv`` has a flag generated for each session, put into
that environment variable of the version's non-attacker machines: it takes no expected
answers (any given are refused, INVALID at ``expectedAnswers``, rather than silently
never accepted).

The rules themselves: the scenario and version settings here, a machine's in
``machine_rules``, a question's in ``question_rules``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import Enum

from ...models.enums import (
    Difficulty,
    HintMode,
    ResourceProfile,
    ScenarioType,
    ValidationMode,
    VersionScoringMode,
)
from ..errors import DomainError
from .errors import RuleCode
from .field_checks import at, in_range, is_member, positive_int, text
from .machine_rules import machine_errors, machine_set_errors
from .question_rules import question_count_errors, question_errors, session_flag_set_errors
from .spec import ScenarioSpec, VersionSpec

MAX_TAGS = 10
TITLE_LENGTH = (5, 100)
DESCRIPTION_MIN_LENGTH = 20
CATEGORY_MAX_LENGTH = 64
# The bounds of a session's duration in the original platform.
TIME_LIMIT_MINUTES = (30, 480)

# The version's content (issue 15): lengths in characters.
SHORT_DESCRIPTION_MAX_LENGTH = 400
ESTIMATED_MINUTES = (5, 480)
MISSION_MAX_LENGTH = 20_000
SOLUTION_MAX_LENGTH = 50_000
CODE_OF_ETHICS_MAX_LENGTH = 10_000
MAX_LEARNING_OUTCOMES = 10
LEARNING_OUTCOME_MAX_LENGTH = 200

TAG = re.compile(r"^[a-z0-9-]{1,30}$")


# --- scenario ---------------------------------------------------------------------------


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, lower-case, first occurrence kept. Does not drop malformed tags:
    ``tag_errors`` reports them, so a typo is never silently lost."""
    seen: dict[str, None] = {}
    for tag in tags:
        seen.setdefault(tag.strip().lower(), None)
    return list(seen)


def title_errors(title: str, field: str = "title") -> list[DomainError]:
    low, high = TITLE_LENGTH
    if not low <= len(text(title)) <= high:
        return [DomainError(RuleCode.INVALID, f"{low}-{high} characters", field)]
    return []


def description_errors(description: str, field: str = "description") -> list[DomainError]:
    if len(text(description)) < DESCRIPTION_MIN_LENGTH:
        return [
            DomainError(RuleCode.INVALID, f"at least {DESCRIPTION_MIN_LENGTH} characters", field)
        ]
    return []


def difficulty_errors(difficulty: object, field: str = "difficulty") -> list[DomainError]:
    if not is_member(difficulty, Difficulty):
        names = ", ".join(Difficulty)
        return [DomainError(RuleCode.INVALID, f"one of {names}", field)]
    return []


def category_errors(category: str, field: str = "category") -> list[DomainError]:
    trimmed = text(category)
    if not trimmed:
        return [DomainError(RuleCode.REQUIRED, "give a category", field)]
    if len(trimmed) > CATEGORY_MAX_LENGTH:
        return [DomainError(RuleCode.INVALID, f"at most {CATEGORY_MAX_LENGTH} characters", field)]
    return []


def tag_errors(tags: Sequence[str], field: str = "tags") -> list[DomainError]:
    errors = [
        DomainError(RuleCode.INVALID, "1-30 characters of a-z, 0-9 and -", at(field, i))
        for i, tag in enumerate(tags)
        if not isinstance(tag, str) or not TAG.match(tag.strip().lower())
    ]
    if len(normalize_tags(t for t in tags if isinstance(t, str))) > MAX_TAGS:
        errors.append(DomainError(RuleCode.TOO_MANY, f"at most {MAX_TAGS} tags", field))
    return errors


def scenario_errors(scenario: ScenarioSpec, prefix: str = "scenario") -> list[DomainError]:
    return [
        *title_errors(scenario.title, at(prefix, "title")),
        *description_errors(scenario.description, at(prefix, "description")),
        *difficulty_errors(scenario.difficulty, at(prefix, "difficulty")),
        *category_errors(scenario.category, at(prefix, "category")),
        *tag_errors(scenario.tags, at(prefix, "tags")),
    ]


# --- version settings -------------------------------------------------------------------


def time_limit_errors(minutes: int, field: str = "timeLimitMinutes") -> list[DomainError]:
    low, high = TIME_LIMIT_MINUTES
    if not (positive_int(minutes) and low <= minutes <= high):
        return [DomainError(RuleCode.INVALID, f"between {low} and {high} minutes", field)]
    return []


def profile_errors(profile: object, field: str = "resourceProfile") -> list[DomainError]:
    if not is_member(profile, ResourceProfile):
        return [DomainError(RuleCode.INVALID, f"one of {', '.join(ResourceProfile)}", field)]
    return []


# --- version content --------------------------------------------------------------------


def length_errors(value: object, limit: int, field: str) -> list[DomainError]:
    if not isinstance(value, str):
        return [DomainError(RuleCode.INVALID, "expected text", field)]
    if len(value) > limit:
        return [DomainError(RuleCode.INVALID, f"at most {limit:,} characters", field)]
    return []


def estimated_minutes_errors(minutes: object, field: str = "estimatedMinutes") -> list[DomainError]:
    low, high = ESTIMATED_MINUTES
    if not in_range(minutes, ESTIMATED_MINUTES):
        return [DomainError(RuleCode.INVALID, f"between {low} and {high} minutes", field)]
    return []


def learning_outcome_errors(
    outcomes: Sequence[object], field: str = "learningOutcomes"
) -> list[DomainError]:
    if len(outcomes) > MAX_LEARNING_OUTCOMES:
        return [DomainError(RuleCode.TOO_MANY, f"at most {MAX_LEARNING_OUTCOMES} outcomes", field)]
    limit = LEARNING_OUTCOME_MAX_LENGTH
    return [
        DomainError(RuleCode.INVALID, f"1-{limit} characters, not blank", at(field, i))
        for i, outcome in enumerate(outcomes)
        if not text(outcome) or len(text(outcome)) > limit
    ]


def choice_errors(value: object, members: type[Enum], field: str) -> list[DomainError]:
    if not is_member(value, members):
        names = ", ".join(member.value for member in members)
        return [DomainError(RuleCode.INVALID, f"one of {names}", field)]
    return []


def content_errors(spec: VersionSpec) -> list[DomainError]:
    """The rules of the version's content fields (not whether the required ones are there:
    ``submit_errors`` adds that)."""
    return [
        *length_errors(spec.short_description, SHORT_DESCRIPTION_MAX_LENGTH, "shortDescription"),
        *estimated_minutes_errors(spec.estimated_minutes),
        *choice_errors(spec.scenario_type, ScenarioType, "scenarioType"),
        *length_errors(spec.mission, MISSION_MAX_LENGTH, "mission"),
        *length_errors(spec.solution, SOLUTION_MAX_LENGTH, "solution"),
        *learning_outcome_errors(spec.learning_outcomes),
        *length_errors(spec.code_of_ethics, CODE_OF_ETHICS_MAX_LENGTH, "codeOfEthics"),
        *choice_errors(spec.scoring_mode, VersionScoringMode, "scoringMode"),
        *choice_errors(spec.hint_mode, HintMode, "hintMode"),
        *choice_errors(spec.validation_mode, ValidationMode, "validationMode"),
    ]


def required_content_errors(spec: VersionSpec) -> list[DomainError]:
    """What a version needs before review besides passing the rules: a mission for learners
    and a solution write-up for reviewers."""
    return [
        DomainError(RuleCode.REQUIRED, f"write the {what} before submitting", field)
        for field, value, what in (
            ("mission", spec.mission, "mission"),
            ("solution", spec.solution, "solution write-up"),
        )
        if not text(value)
    ]


# --- the whole version ------------------------------------------------------------------


def validate_version(spec: VersionSpec) -> list[DomainError]:
    """Every problem that keeps the version from review, in field order; [] when none."""
    errors = scenario_errors(spec.scenario, "scenario")
    errors += time_limit_errors(spec.time_limit_minutes)
    errors += profile_errors(spec.resource_profile)
    errors += content_errors(spec)
    errors += machine_set_errors(spec.machines)
    for i, machine in enumerate(spec.machines):
        errors += machine_errors(machine, spec.resource_profile, f"machines.{i}")
    errors += question_count_errors(spec.questions)
    for i, question in enumerate(spec.questions):
        errors += question_errors(question, f"questions.{i}")
    errors += session_flag_set_errors(spec.questions, spec.machines)
    return errors


def submit_errors(spec: VersionSpec) -> list[DomainError]:
    """``validate_version``, and the content a version needs before review (a mission and
    a solution). An import checks ``validate_version`` only: a document of format 1, which
    has neither, still imports as a DRAFT to complete."""
    problems = validate_version(spec)
    return problems + required_content_errors(spec)
