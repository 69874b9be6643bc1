"""What a scenario version must satisfy before review, as pure functions over its spec.

``validate_version`` reports every problem at once, each a DomainError with a camelCase
field path relative to the spec (``machines.1.exposedPorts.0``, ``scenario.title``). The
create and update mutations run the same per-entity checks with paths relative to their
input (``exposedPorts.0``), so a problem reads the same wherever it is found.

Codes: INVALID (malformed or out of range), REQUIRED (missing), TOO_MANY (a count limit),
DUPLICATE, PORT_NOT_ALLOWED, EXCEEDS_PROFILE (cpu or memory above the version's resource
profile), TARGET_REQUIRED (no machine with the TARGET role, or none but attackers to carry
a per-session flag).

A FLAG question with ``sessionFlagEnv`` has a flag generated for each session, put into
that environment variable of the version's non-attacker machines: it takes no expected
answers (any given are refused, INVALID at ``expectedAnswers``, rather than silently
never accepted).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from ...models.enums import (
    Difficulty,
    EgressPolicy,
    MachineRole,
    QuestionKind,
    ResourceProfile,
)
from ..errors import DomainError
from .spec import MachineSpec, QuestionSpec, ScenarioSpec, VersionSpec

ALLOWED_PORTS = frozenset({22, 80, 443, 3000, 5900, 6901, 8080, 8443, 9090})
MAX_MACHINES = 4
MAX_PORTS_PER_MACHINE = 5
MAX_TAGS = 10
TITLE_LENGTH = (5, 100)
DESCRIPTION_MIN_LENGTH = 20
CATEGORY_MAX_LENGTH = 64
# The bounds of a session's duration in the original platform.
TIME_LIMIT_MINUTES = (30, 480)
IMAGE_REF_MAX_LENGTH = 255
CHOICE_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE}
)
ONE_ANSWER_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE})


@dataclass(frozen=True, slots=True)
class Resources:
    cpu: float
    memory_mib: int


PROFILE_RESOURCES = {
    ResourceProfile.MICRO: Resources(0.25, 512),
    ResourceProfile.SMALL: Resources(0.5, 1024),
    ResourceProfile.MEDIUM: Resources(1.0, 2048),
    ResourceProfile.LARGE: Resources(2.0, 4096),
}
HARD_CAP = Resources(2.0, 4096)
# What a machine gets when its author does not say: attackers small, the others micro.
DEFAULT_PROFILE_BY_ROLE = {
    MachineRole.ATTACKER: ResourceProfile.SMALL,
    MachineRole.TARGET: ResourceProfile.MICRO,
    MachineRole.INTERNAL: ResourceProfile.MICRO,
    MachineRole.SERVICE: ResourceProfile.MICRO,
}

TAG = re.compile(r"^[a-z0-9-]{1,30}$")
DNS_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")
SESSION_FLAG_ENV = re.compile(r"^[A-Z_][A-Z0-9_]{0,63}$")
# Sessions put the learner's generated credentials in RANGEX_LEARNER_* variables.
RESERVED_ENV_PREFIX = "RANGEX_LEARNER"
# Docker's reference grammar, lower-case only: [registry[:port]/]path[:tag][@sha256:digest].
_PATH_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN_COMPONENT = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_REGISTRY = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*(?::[0-9]{{1,5}})?/)"
IMAGE_REF = re.compile(
    rf"^{_REGISTRY}?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*"
    r"(?::[a-z0-9_][a-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$"
)


def _at(prefix: str, name: str | int) -> str:
    return f"{prefix}.{name}" if prefix else str(name)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _member(value: object, enum: type[Enum]) -> bool:
    try:
        enum(value)
    except ValueError:
        return False
    return True


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


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
    if not low <= len(_text(title)) <= high:
        return [DomainError("INVALID", f"{low}-{high} characters", field)]
    return []


def description_errors(description: str, field: str = "description") -> list[DomainError]:
    if len(_text(description)) < DESCRIPTION_MIN_LENGTH:
        return [DomainError("INVALID", f"at least {DESCRIPTION_MIN_LENGTH} characters", field)]
    return []


def difficulty_errors(difficulty: object, field: str = "difficulty") -> list[DomainError]:
    if not _member(difficulty, Difficulty):
        names = ", ".join(Difficulty)
        return [DomainError("INVALID", f"one of {names}", field)]
    return []


def category_errors(category: str, field: str = "category") -> list[DomainError]:
    text = _text(category)
    if not text:
        return [DomainError("REQUIRED", "give a category", field)]
    if len(text) > CATEGORY_MAX_LENGTH:
        return [DomainError("INVALID", f"at most {CATEGORY_MAX_LENGTH} characters", field)]
    return []


def tag_errors(tags: Sequence[str], field: str = "tags") -> list[DomainError]:
    errors = [
        DomainError("INVALID", "1-30 characters of a-z, 0-9 and -", _at(field, i))
        for i, tag in enumerate(tags)
        if not isinstance(tag, str) or not TAG.match(tag.strip().lower())
    ]
    if len(normalize_tags(t for t in tags if isinstance(t, str))) > MAX_TAGS:
        errors.append(DomainError("TOO_MANY", f"at most {MAX_TAGS} tags", field))
    return errors


def scenario_errors(scenario: ScenarioSpec, prefix: str = "scenario") -> list[DomainError]:
    return [
        *title_errors(scenario.title, _at(prefix, "title")),
        *description_errors(scenario.description, _at(prefix, "description")),
        *difficulty_errors(scenario.difficulty, _at(prefix, "difficulty")),
        *category_errors(scenario.category, _at(prefix, "category")),
        *tag_errors(scenario.tags, _at(prefix, "tags")),
    ]


# --- version settings -------------------------------------------------------------------


def time_limit_errors(minutes: int, field: str = "timeLimitMinutes") -> list[DomainError]:
    low, high = TIME_LIMIT_MINUTES
    if not (_positive_int(minutes) and low <= minutes <= high):
        return [DomainError("INVALID", f"between {low} and {high} minutes", field)]
    return []


def profile_errors(profile: object, field: str = "resourceProfile") -> list[DomainError]:
    if not _member(profile, ResourceProfile):
        return [DomainError("INVALID", f"one of {', '.join(ResourceProfile)}", field)]
    return []


def profile_resources(profile: object) -> Resources:
    """What one machine may use under a version's profile (the hard cap at most)."""
    known = _member(profile, ResourceProfile)
    limit = PROFILE_RESOURCES[ResourceProfile(str(profile))] if known else HARD_CAP
    return Resources(min(limit.cpu, HARD_CAP.cpu), min(limit.memory_mib, HARD_CAP.memory_mib))


# --- machines ---------------------------------------------------------------------------


def image_ref_errors(image_ref: str, field: str = "imageRef") -> list[DomainError]:
    if (
        not isinstance(image_ref, str)
        or len(image_ref) > IMAGE_REF_MAX_LENGTH
        or not IMAGE_REF.match(image_ref)
    ):
        return [
            DomainError(
                "INVALID",
                "an image reference [registry/]name[:tag|@sha256:digest], lower-case, "
                f"no spaces, at most {IMAGE_REF_MAX_LENGTH} characters",
                field,
            )
        ]
    return []


def port_errors(ports: Sequence[int], field: str = "exposedPorts") -> list[DomainError]:
    errors = []
    if len(ports) > MAX_PORTS_PER_MACHINE:
        errors.append(
            DomainError("TOO_MANY", f"at most {MAX_PORTS_PER_MACHINE} exposed ports", field)
        )
    seen: set[int] = set()
    allowed = ", ".join(str(p) for p in sorted(ALLOWED_PORTS))
    for i, port in enumerate(ports):
        if port not in ALLOWED_PORTS:
            errors.append(DomainError("PORT_NOT_ALLOWED", f"allowed: {allowed}", _at(field, i)))
        elif port in seen:
            errors.append(DomainError("DUPLICATE", f"port {port} is listed twice", _at(field, i)))
        seen.add(port)
    return errors


def resource_errors(
    cpu: float, memory_mib: int, profile: object, prefix: str = ""
) -> list[DomainError]:
    limit = profile_resources(profile)
    errors = []
    cpu_ok = isinstance(cpu, int | float) and not isinstance(cpu, bool)
    if not cpu_ok or cpu <= 0:
        errors.append(DomainError("INVALID", "a positive number of vCPUs", _at(prefix, "cpu")))
    elif cpu > limit.cpu:
        errors.append(
            DomainError(
                "EXCEEDS_PROFILE",
                f"at most {limit.cpu:g} vCPU under the {profile} profile",
                _at(prefix, "cpu"),
            )
        )
    if not _positive_int(memory_mib):
        errors.append(DomainError("INVALID", "a positive number of MiB", _at(prefix, "memoryMib")))
    elif memory_mib > limit.memory_mib:
        errors.append(
            DomainError(
                "EXCEEDS_PROFILE",
                f"at most {limit.memory_mib} MiB under the {profile} profile",
                _at(prefix, "memoryMib"),
            )
        )
    return errors


def environment_errors(
    environment: dict[str, str], field: str = "environment"
) -> list[DomainError]:
    """Variable names, by position (names would be mangled by camelCase field paths)."""
    return [
        DomainError("INVALID", "a variable name: letters, digits and _", _at(field, i))
        for i, name in enumerate(environment)
        if not isinstance(name, str) or not ENV_NAME.match(name)
    ]


def machine_errors(machine: MachineSpec, profile: object, prefix: str = "") -> list[DomainError]:
    """One machine's own rules (not those about the version's set of machines)."""
    errors = []
    if not isinstance(machine.name, str) or not DNS_LABEL.match(machine.name):
        errors.append(
            DomainError(
                "INVALID",
                "1-63 characters of a-z, 0-9 and -, not starting or ending with -",
                _at(prefix, "name"),
            )
        )
    if not _member(machine.role, MachineRole):
        errors.append(
            DomainError("INVALID", f"one of {', '.join(MachineRole)}", _at(prefix, "role"))
        )
    errors += image_ref_errors(machine.image_ref, _at(prefix, "imageRef"))
    errors += resource_errors(machine.cpu, machine.memory_mib, profile, prefix)
    errors += port_errors(machine.exposed_ports, _at(prefix, "exposedPorts"))
    errors += environment_errors(machine.environment, _at(prefix, "environment"))
    if not isinstance(machine.network_group, str) or not DNS_LABEL.match(machine.network_group):
        errors.append(
            DomainError(
                "INVALID", "a name like a machine's: a-z, 0-9 and -", _at(prefix, "networkGroup")
            )
        )
    if not _member(machine.egress, EgressPolicy):
        errors.append(
            DomainError("INVALID", f"one of {', '.join(EgressPolicy)}", _at(prefix, "egress"))
        )
    return errors


def machine_set_errors(
    machines: Sequence[MachineSpec], prefix: str = "machines"
) -> list[DomainError]:
    """The rules about a version's machines together."""
    errors = []
    if not machines:
        errors.append(DomainError("REQUIRED", "add at least one machine", prefix))
    elif not any(m.role == MachineRole.TARGET for m in machines):
        errors.append(
            DomainError("TARGET_REQUIRED", "at least one machine needs the TARGET role", prefix)
        )
    if len(machines) > MAX_MACHINES:
        errors.append(DomainError("TOO_MANY", f"at most {MAX_MACHINES} machines", prefix))
    seen: set[str] = set()
    for i, machine in enumerate(machines):
        if machine.name in seen:
            errors.append(
                DomainError(
                    "DUPLICATE",
                    f"another machine is already named {machine.name!r}",
                    _at(prefix, f"{i}.name"),
                )
            )
        seen.add(machine.name)
    return errors


# --- questions --------------------------------------------------------------------------


def question_errors(question: QuestionSpec, prefix: str = "") -> list[DomainError]:
    errors = []
    if not _text(question.prompt):
        errors.append(DomainError("REQUIRED", "write the question", _at(prefix, "prompt")))
    if not _member(question.kind, QuestionKind):
        errors.append(
            DomainError("INVALID", f"one of {', '.join(QuestionKind)}", _at(prefix, "kind"))
        )
    if not _positive_int(question.points):
        errors.append(DomainError("INVALID", "a positive number of points", _at(prefix, "points")))
    if not _positive_int(question.max_attempts):
        errors.append(DomainError("INVALID", "at least one attempt", _at(prefix, "maxAttempts")))
    errors += session_flag_env_errors(question, prefix)
    errors += _answer_errors(question, prefix)
    return errors


def _per_session_flag(question: QuestionSpec) -> bool:
    return question.session_flag_env is not None and question.kind == QuestionKind.FLAG


def session_flag_env_errors(question: QuestionSpec, prefix: str = "") -> list[DomainError]:
    """The per-session flag's variable name, on its own (uniqueness is the version's)."""
    name = question.session_flag_env
    if name is None:
        return []
    field = _at(prefix, "sessionFlagEnv")
    if question.kind != QuestionKind.FLAG:
        return [DomainError("INVALID", "only a FLAG question has a per-session flag", field)]
    if not isinstance(name, str) or not SESSION_FLAG_ENV.match(name):
        return [
            DomainError(
                "INVALID",
                "an environment variable name: 1-64 characters of A-Z, 0-9 and _, "
                "not starting with a digit",
                field,
            )
        ]
    if name.startswith(RESERVED_ENV_PREFIX):
        return [
            DomainError(
                "INVALID",
                f"names starting with {RESERVED_ENV_PREFIX} are reserved for the learner's "
                "credentials",
                field,
            )
        ]
    return []


def _answer_errors(question: QuestionSpec, prefix: str) -> list[DomainError]:
    field = _at(prefix, "expectedAnswers")
    answers = question.expected_answers
    if _per_session_flag(question):
        if answers:
            return [
                DomainError(
                    "INVALID",
                    "a per-session flag is generated for each session: give no expected answers",
                    field,
                )
            ]
        return []
    errors = [
        DomainError("INVALID", "an expected answer cannot be blank", _at(field, i))
        for i, answer in enumerate(answers)
        if not _text(answer)
    ]
    if not any(_text(a) for a in answers):
        errors.append(DomainError("REQUIRED", "give at least one expected answer", field))
    if question.kind not in CHOICE_KINDS:
        return errors
    if len(question.choices) < 2:
        errors.append(
            DomainError(
                "REQUIRED", "a choice question needs at least two choices", _at(prefix, "choices")
            )
        )
    else:
        errors += [
            DomainError("INVALID", "must be one of the choices", _at(field, i))
            for i, answer in enumerate(answers)
            if _text(answer) and answer not in question.choices
        ]
    if question.kind in ONE_ANSWER_KINDS and len(answers) > 1:
        errors.append(DomainError("TOO_MANY", f"a {question.kind} question has one answer", field))
    return errors


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
        field = _at(prefix, f"{i}.sessionFlagEnv")
        if name in seen:
            errors.append(
                DomainError("DUPLICATE", f"another question's flag is already in {name}", field)
            )
        seen.add(name)
        if not carriers:
            errors.append(
                DomainError(
                    "TARGET_REQUIRED",
                    "a per-session flag needs a machine other than the attacker to carry it",
                    field,
                )
            )
        errors += [
            DomainError(
                "DUPLICATE",
                f"machine {m.name!r} sets {name} itself; the session's flag would replace it",
                field,
            )
            for m in carriers
            if name in m.environment
        ]
    return errors


# --- the whole version ------------------------------------------------------------------


def validate_version(spec: VersionSpec) -> list[DomainError]:
    """Every problem that keeps the version from review, in field order; [] when none."""
    errors = scenario_errors(spec.scenario, "scenario")
    errors += time_limit_errors(spec.time_limit_minutes)
    errors += profile_errors(spec.resource_profile)
    errors += machine_set_errors(spec.machines)
    for i, machine in enumerate(spec.machines):
        errors += machine_errors(machine, spec.resource_profile, f"machines.{i}")
    for i, question in enumerate(spec.questions):
        errors += question_errors(question, f"questions.{i}")
    errors += session_flag_set_errors(spec.questions, spec.machines)
    return errors
