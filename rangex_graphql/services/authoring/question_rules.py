"""The rules of a version's questions: one question's prompt, kind, points and
expected answers, and its per-session flag. Field paths and codes as in ``validation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...models.enums import MachineRole, QuestionKind
from ..errors import DomainError
from ..sessions.regex_match import PatternProblem, check_pattern
from .errors import RuleCode
from .field_checks import at, in_range, is_member, text
from .spec import MachineSpec, QuestionSpec

CHOICE_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE}
)
ONE_ANSWER_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE})
SESSION_FLAG_ENV = re.compile(r"^[A-Z_][A-Z0-9_]{0,63}$")
# Sessions put the learner's generated credentials in RANGEX_LEARNER_* variables.
RESERVED_ENV_PREFIX = "RANGEX_LEARNER"
# Bounded so that no score can outgrow a 32-bit integer (GraphQL Int, the score columns):
# a session scores at most MAX_QUESTIONS * MAX_POINTS (100,000).
POINTS = (1, 1_000)
MAX_ATTEMPTS = (1, 100)
MAX_QUESTIONS = 100
# An ORDERING question's items: as many as one answer may give (answers.MAX_VALUES).
ORDERING_ITEMS = (2, 50)
# Each pattern is probed at authoring and every one may run at answer time.
MAX_PATTERNS = 10
PATTERN_CODES = {
    PatternProblem.INVALID: RuleCode.REGEX_INVALID,
    PatternProblem.TOO_SLOW: RuleCode.REGEX_TOO_SLOW,
}


def question_errors(question: QuestionSpec, prefix: str = "") -> list[DomainError]:
    errors = []
    if not text(question.prompt):
        errors.append(DomainError(RuleCode.REQUIRED, "write the question", at(prefix, "prompt")))
    if not is_member(question.kind, QuestionKind):
        errors.append(
            DomainError(RuleCode.INVALID, f"one of {', '.join(QuestionKind)}", at(prefix, "kind"))
        )
    if not in_range(question.points, POINTS):
        low, high = POINTS
        errors.append(DomainError(RuleCode.INVALID, f"{low}-{high} points", at(prefix, "points")))
    if not in_range(question.max_attempts, MAX_ATTEMPTS):
        low, high = MAX_ATTEMPTS
        message = f"{low}-{high} attempts"
        errors.append(DomainError(RuleCode.INVALID, message, at(prefix, "maxAttempts")))
    errors += session_flag_env_errors(question, prefix)
    errors += _answer_errors(question, prefix)
    errors += regex_errors(question, prefix)
    errors += ordering_errors(question, prefix)
    return errors


def regex_errors(question: QuestionSpec, prefix: str = "") -> list[DomainError]:
    """A regular-expression answer key: SHORT_ANSWER only, each expected answer a pattern
    that compiles (REGEX_INVALID) and runs fast on long answers (REGEX_TOO_SLOW)."""
    if not question.regex:
        return []
    if question.kind != QuestionKind.SHORT_ANSWER:
        message = "only a SHORT_ANSWER question takes regular expressions"
        return [DomainError(RuleCode.INVALID, message, at(prefix, "regex"))]
    field = at(prefix, "expectedAnswers")
    patterns = [a.strip() for a in question.expected_answers if text(a)]
    if len(patterns) > MAX_PATTERNS:
        message = f"at most {MAX_PATTERNS} regular expressions"
        return [DomainError(RuleCode.TOO_MANY, message, field)]
    errors = []
    for i, answer in enumerate(question.expected_answers):
        if not text(answer):
            continue
        refused = check_pattern(answer.strip(), question.case_sensitive)
        if refused is not None:
            code = PATTERN_CODES[refused.problem]
            errors.append(DomainError(code, refused.message, at(field, i)))
    return errors


def ordering_errors(question: QuestionSpec, prefix: str = "") -> list[DomainError]:
    """An ORDERING question: its choices are the items as learners see them, distinct, 2
    to 50, not already in the right order; its expected answers are every item once, in
    the right order."""
    if question.kind != QuestionKind.ORDERING:
        return []
    low, high = ORDERING_ITEMS
    items_field, field = at(prefix, "choices"), at(prefix, "expectedAnswers")
    items = [c.strip() if isinstance(c, str) else "" for c in question.choices]
    if len(items) < low:
        return [DomainError(RuleCode.REQUIRED, f"give at least {low} items to order", items_field)]
    if len(items) > high:
        return [DomainError(RuleCode.TOO_MANY, f"at most {high} items to order", items_field)]
    errors = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not item:
            errors.append(
                DomainError(RuleCode.INVALID, "an item cannot be blank", at(items_field, i))
            )
        elif item in seen:
            errors.append(DomainError(RuleCode.DUPLICATE, "items are distinct", at(items_field, i)))
        seen.add(item)
    if errors:
        return errors
    key = [a.strip() if isinstance(a, str) else "" for a in question.expected_answers]
    placed: set[str] = set()
    for i, answer in enumerate(key):
        if answer and answer not in seen:
            errors.append(DomainError(RuleCode.INVALID, "must be one of the items", at(field, i)))
        elif answer in placed:
            errors.append(DomainError(RuleCode.DUPLICATE, "each item comes once", at(field, i)))
        placed.add(answer)
    if not errors and placed != seen:
        missing = ", ".join(repr(item) for item in items if item not in placed)
        message = f"list every item in the right order; missing {missing}"
        errors.append(DomainError(RuleCode.REQUIRED, message, field))
    if not errors and key == items:
        message = "learners see the items as listed here: list them out of the right order"
        errors.append(DomainError(RuleCode.INVALID, message, items_field))
    return errors


def _per_session_flag(question: QuestionSpec) -> bool:
    return question.session_flag_env is not None and question.kind == QuestionKind.FLAG


def session_flag_env_errors(question: QuestionSpec, prefix: str = "") -> list[DomainError]:
    """The per-session flag's variable name, on its own (uniqueness is the version's)."""
    name = question.session_flag_env
    if name is None:
        return []
    field = at(prefix, "sessionFlagEnv")
    if question.kind != QuestionKind.FLAG:
        return [DomainError(RuleCode.INVALID, "only a FLAG question has a per-session flag", field)]
    if not isinstance(name, str) or not SESSION_FLAG_ENV.match(name):
        return [
            DomainError(
                RuleCode.INVALID,
                "an environment variable name: 1-64 characters of A-Z, 0-9 and _, "
                "not starting with a digit",
                field,
            )
        ]
    if name.startswith(RESERVED_ENV_PREFIX):
        return [
            DomainError(
                RuleCode.INVALID,
                f"names starting with {RESERVED_ENV_PREFIX} are reserved for the learner's "
                "credentials",
                field,
            )
        ]
    return []


def _answer_errors(question: QuestionSpec, prefix: str) -> list[DomainError]:
    field = at(prefix, "expectedAnswers")
    answers = question.expected_answers
    if _per_session_flag(question):
        if answers:
            return [
                DomainError(
                    RuleCode.INVALID,
                    "a per-session flag is generated for each session: give no expected answers",
                    field,
                )
            ]
        return []
    errors = [
        DomainError(RuleCode.INVALID, "an expected answer cannot be blank", at(field, i))
        for i, answer in enumerate(answers)
        if not text(answer)
    ]
    if not any(text(a) for a in answers):
        errors.append(DomainError(RuleCode.REQUIRED, "give at least one expected answer", field))
    if question.kind not in CHOICE_KINDS:
        return errors
    if len(question.choices) < 2:
        errors.append(
            DomainError(
                RuleCode.REQUIRED,
                "a choice question needs at least two choices",
                at(prefix, "choices"),
            )
        )
    else:
        errors += [
            DomainError(RuleCode.INVALID, "must be one of the choices", at(field, i))
            for i, answer in enumerate(answers)
            if text(answer) and answer not in question.choices
        ]
    if question.kind in ONE_ANSWER_KINDS and len(answers) > 1:
        errors.append(
            DomainError(RuleCode.TOO_MANY, f"a {question.kind} question has one answer", field)
        )
    return errors


def question_count_errors(
    questions: Sequence[QuestionSpec], prefix: str = "questions"
) -> list[DomainError]:
    if len(questions) > MAX_QUESTIONS:
        return [DomainError(RuleCode.TOO_MANY, f"at most {MAX_QUESTIONS} questions", prefix)]
    return []


def session_flag_set_errors(
    questions: Sequence[QuestionSpec], machines: Sequence[MachineSpec], prefix: str = "questions"
) -> list[DomainError]:
    """The rules about a version's per-session flags together: one variable per question,
    a non-attacker machine to carry them, none of them set by a machine already."""
    errors = []
    carriers = [m for m in machines if m.role != MachineRole.ATTACKER]
    seen: set[str] = set()
    for i, question in enumerate(questions):
        name = question.session_flag_env
        if not _per_session_flag(question) or name is None:
            continue
        field = at(prefix, f"{i}.sessionFlagEnv")
        if name in seen:
            errors.append(
                DomainError(
                    RuleCode.DUPLICATE, f"another question's flag is already in {name}", field
                )
            )
        seen.add(name)
        if not carriers:
            errors.append(
                DomainError(
                    RuleCode.TARGET_REQUIRED,
                    "a per-session flag needs a machine other than the attacker to carry it",
                    field,
                )
            )
        errors += [
            DomainError(
                RuleCode.DUPLICATE,
                f"machine {m.name!r} sets {name} itself; the session's flag would replace it",
                field,
            )
            for m in carriers
            if name in m.environment
        ]
    return errors
