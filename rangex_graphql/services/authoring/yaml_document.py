"""The scenario document: one version's content as YAML, to keep in git and import again.

The document holds content only, never database IDs, version numbers or timestamps, so
export → import → export gives the same text. Keys are camelCase (the API's field names,
so a problem's path points into the document), in a fixed order, in block style::

    rangex: 2
    scenario:
      slug: sql-injection-101
      title: SQL injection 101
      ...
    changelog: ''
    timeLimitMinutes: 60
    resourceProfile: SMALL
    machines:
      - name: attacker
        role: ATTACKER
        ...
    questions:
      - prompt: What is the flag?
        kind: FLAG
        ...

Expected answers (``caseSensitive``, ``expectedAnswers``) and the version's ``solution``
write-up are written only when asked for; such a document is secret. Format 2 added the
version's content (``shortDescription`` … ``validationMode``, after ``resourceProfile``)
and ``hints`` (after ``questions``, see ``services/hints/document``);
documents of format 1 are still read, their versions getting the content defaults. A
FLAG question's ``sessionFlagEnv`` (the variable its per-session flag goes into; absent
when it has none) is not secret and always written.
Reading (``yaml_loader``: PyYAML's safe loader, bounded) reports every problem at once as
``DomainError``s with a field path (``machines.1.role``), never a traceback; a document
with more than ``MAX_QUESTIONS`` questions or ``MAX_MACHINES`` machines is refused before
they are read one by one. Parsing is CPU work: callers on the event loop run ``parse`` in
a worker thread.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple

import yaml

from ...models.enums import (
    Difficulty,
    EgressPolicy,
    EntrypointProtocol,
    HintMode,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    ScenarioType,
    ValidationMode,
    VersionScoringMode,
    Visibility,
)
from ..errors import DomainError, DomainErrors
from ..hints.document import document_of, read_hints
from .errors import DocumentCode, RuleCode
from .machine_rules import MAX_MACHINES
from .question_rules import MAX_QUESTIONS
from .scenarios import SLUG_MAX_LENGTH
from .spec import (
    EntrypointSpec,
    HealthcheckSpec,
    MachineSpec,
    QuestionSpec,
    ScenarioSpec,
    VersionSpec,
    entrypoint_of_port,
)
from .yaml_loader import load

SCHEMA_KEY = "rangex"
SCHEMA_VERSION = 2
# Format 1 had no version content beyond the changelog and settings: still read, its
# versions get the content defaults (and a DRAFT imported from one needs a mission and a
# solution before it can be submitted).
READABLE_VERSIONS = (1, 2)
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANSWER_KEYS = frozenset({"caseSensitive", "regex", "expectedAnswers"})
# The version's keys as secret as the answers: the solution write-up.
SECRET_VERSION_KEYS = frozenset({"solution"})

HEADER = "# RangeX scenario document: rangex-graphql scenario import FILE\n"
SECRET_HEADER = (
    "# RangeX scenario document WITH EXPECTED ANSWERS: it is secret, keep it out of\n"
    "# public places. Import: rangex-graphql scenario import FILE\n"
)

Errors = list[DomainError]
Reader = Callable[[object, str, Errors], Any]


class _Mismatch(Exception):
    """A value of the wrong type or out of its set; reported at the value's path."""


# --- readers: a plain YAML value in, the spec's value out (problems go to ``errors``) -----


def _describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean (quote it to make it a string)"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime.date):
        return "a date (quote it to make it a string)"
    return type(value).__name__


def _scalar(check: Callable[[object], Any]) -> Reader:
    def read(value: object, path: str, errors: Errors) -> Any:
        try:
            return check(value)
        except _Mismatch as exc:
            errors.append(DomainError(RuleCode.INVALID, str(exc), path))
            return None

    return read


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise _Mismatch(f"expected a string, got {_describe(value)}")
    return value


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Mismatch(f"expected an integer, got {_describe(value)}")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Mismatch(f"expected a number, got {_describe(value)}")
    return float(value)


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Mismatch(f"expected true or false, got {_describe(value)}")
    return value


def _slug(value: object) -> str:
    slug = _string(value)
    if len(slug) > SLUG_MAX_LENGTH or not SLUG_PATTERN.match(slug):
        raise _Mismatch(
            f"{slug!r} is not a slug: at most {SLUG_MAX_LENGTH} characters of a-z, 0-9 "
            "and single hyphens between them"
        )
    return slug


TEXT, INTEGER, NUMBER, BOOLEAN = (
    _scalar(_string),
    _scalar(_integer),
    _scalar(_number),
    _scalar(_boolean),
)


def _enum(members: type[StrEnum]) -> Reader:
    def check(value: object) -> StrEnum:
        text = _string(value)
        try:
            return members(text)
        except ValueError:
            allowed = ", ".join(member.value for member in members)
            raise _Mismatch(f'unknown value "{text}" (one of {allowed})') from None

    return _scalar(check)


def _optional(read: Reader) -> Reader:
    """``read``, or None for null (what leaving the key out means too)."""

    def read_optional(value: object, path: str, errors: Errors) -> Any:
        return None if value is None else read(value, path, errors)

    return read_optional


def _list_of(item: Reader) -> Reader:
    def read(value: object, path: str, errors: Errors) -> list[Any]:
        if not isinstance(value, list):
            errors.append(
                DomainError(RuleCode.INVALID, f"expected a list, got {_describe(value)}", path)
            )
            return []
        return [item(element, f"{path}.{i}", errors) for i, element in enumerate(value)]

    return read


def _string_map(value: object, path: str, errors: Errors) -> dict[str, str]:
    if not isinstance(value, dict):
        errors.append(
            DomainError(RuleCode.INVALID, f"expected a mapping, got {_describe(value)}", path)
        )
        return {}
    result: dict[str, str] = {}
    # Paths by position, as validation's: a camelCased path would mangle MY_VARIABLE.
    for i, (key, element) in enumerate(value.items()):
        if isinstance(key, str):
            result[key] = TEXT(element, f"{path}.{i}", errors)
        else:
            problem = f"the name {key!r} must be a string"
            errors.append(DomainError(RuleCode.INVALID, problem, f"{path}.{i}"))
    return result


class Entry(NamedTuple):
    """One key of a section: its name in the document, the spec attribute, how to read it."""

    key: str
    attr: str
    read: Reader


SCENARIO = (
    Entry("slug", "slug", _scalar(_slug)),
    Entry("title", "title", TEXT),
    Entry("description", "description", TEXT),
    Entry("difficulty", "difficulty", _enum(Difficulty)),
    Entry("category", "category", TEXT),
    Entry("tags", "tags", _list_of(TEXT)),
    Entry("visibility", "visibility", _enum(Visibility)),
)
VERSION_V1 = (  # after ``rangex`` and ``scenario``, before ``machines`` and ``questions``
    Entry("changelog", "changelog", TEXT),
    Entry("timeLimitMinutes", "time_limit_minutes", INTEGER),
    Entry("resourceProfile", "resource_profile", _enum(ResourceProfile)),
)
VERSION = (  # format 2: the version's content after its settings
    *VERSION_V1,
    Entry("shortDescription", "short_description", TEXT),
    Entry("estimatedMinutes", "estimated_minutes", INTEGER),
    Entry("scenarioType", "scenario_type", _enum(ScenarioType)),
    Entry("mission", "mission", TEXT),
    Entry("solution", "solution", TEXT),
    Entry("learningOutcomes", "learning_outcomes", _list_of(TEXT)),
    Entry("codeOfEthics", "code_of_ethics", TEXT),
    Entry("featured", "featured", BOOLEAN),
    Entry("scoringMode", "scoring_mode", _enum(VersionScoringMode)),
    Entry("hintMode", "hint_mode", _enum(HintMode)),
    Entry("validationMode", "validation_mode", _enum(ValidationMode)),
)


def _limit_map(value: object, path: str, errors: Errors) -> dict[str, int]:
    """A machine's ulimits: names to integers, paths by position as the environment's."""
    if not isinstance(value, dict):
        problem = f"expected a mapping, got {_describe(value)}"
        errors.append(DomainError(RuleCode.INVALID, problem, path))
        return {}
    limits: dict[str, int] = {}
    for i, (key, element) in enumerate(value.items()):
        if isinstance(key, str):
            limits[key] = INTEGER(element, f"{path}.{i}", errors)
        else:
            problem = f"the name {key!r} must be a string"
            errors.append(DomainError(RuleCode.INVALID, problem, f"{path}.{i}"))
    return limits


def _healthcheck(value: object, path: str, errors: Errors) -> Any:
    return None if value is None else READ_HEALTHCHECK(value, path, errors)


def _entrypoints(value: object, path: str, errors: Errors) -> list[Any]:
    entrypoints: list[Any] = READ_ENTRYPOINTS(value, path, errors)
    return entrypoints


def _exposed_ports(value: object, path: str, errors: Errors) -> list[Any]:
    """Documents written before entrypoints: each port an exposed entrypoint, its protocol
    guessed from the port (``spec.PROTOCOL_OF_PORT``)."""
    ports = _list_of(INTEGER)(value, path, errors)
    return [entrypoint_of_port(p) if isinstance(p, int) else p for p in ports]


HEALTHCHECK = (
    Entry("command", "command", TEXT),
    Entry("intervalSeconds", "interval_seconds", INTEGER),
    Entry("timeoutSeconds", "timeout_seconds", INTEGER),
    Entry("retries", "retries", INTEGER),
    Entry("startPeriodSeconds", "start_period_seconds", INTEGER),
)
ENTRYPOINT = (
    Entry("protocol", "protocol", _enum(EntrypointProtocol)),
    Entry("port", "port", INTEGER),
    Entry("exposed", "exposed", BOOLEAN),
    Entry("description", "description", TEXT),
)
# Read, never written: ``exposedPorts`` of older documents (``entrypoints`` wins when a
# machine has both).
LEGACY_MACHINE_KEYS = frozenset({"exposedPorts"})
# Written only when not empty: most machines have none.
SPARSE_MACHINE_KEYS = ("startupCommands", "capabilities", "sysctls", "ulimits")
# Access flags are written only when not their default.
ACCESS_DEFAULTS = {
    "reachableFromAttacker": True,
    "internalConnectionsAllowed": True,
    "pivotHost": False,
}
MACHINE = (
    Entry("name", "name", TEXT),
    Entry("role", "role", _enum(MachineRole)),
    Entry("imageRef", "image_ref", TEXT),
    Entry("cpu", "cpu", NUMBER),
    Entry("memoryMib", "memory_mib", INTEGER),
    Entry("exposedPorts", "entrypoints", _exposed_ports),
    Entry("entrypoints", "entrypoints", _entrypoints),
    Entry("environment", "environment", _string_map),
    Entry("networkGroup", "network_group", TEXT),
    Entry("egress", "egress", _enum(EgressPolicy)),
    Entry("startupCommands", "startup_commands", _list_of(TEXT)),
    Entry("capabilities", "capabilities", _list_of(TEXT)),
    Entry("sysctls", "sysctls", _string_map),
    Entry("ulimits", "ulimits", _limit_map),
    Entry("healthcheck", "healthcheck", _healthcheck),
    Entry("learnerMayEnter", "learner_may_enter", _optional(BOOLEAN)),
    Entry("reachableFromAttacker", "reachable_from_attacker", BOOLEAN),
    Entry("internalConnectionsAllowed", "internal_connections_allowed", BOOLEAN),
    Entry("pivotHost", "pivot_host", BOOLEAN),
)
QUESTION = (
    Entry("prompt", "prompt", TEXT),
    Entry("kind", "kind", _enum(QuestionKind)),
    Entry("points", "points", INTEGER),
    Entry("maxAttempts", "max_attempts", INTEGER),
    Entry("choices", "choices", _list_of(TEXT)),
    Entry("sessionFlagEnv", "session_flag_env", _optional(TEXT)),
    Entry("caseSensitive", "case_sensitive", BOOLEAN),
    # Written only when true: a SHORT_ANSWER whose expected answers are regular expressions.
    Entry("regex", "regex", BOOLEAN),
    Entry("expectedAnswers", "expected_answers", _list_of(TEXT)),
)


def _required(spec_class: type) -> set[str]:
    """The attributes without a default: their keys must be in the document."""
    return {
        f.name
        for f in dataclasses.fields(spec_class)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _read_section(
    value: object,
    path: str,
    errors: Errors,
    entries: tuple[Entry, ...],
    required: set[str],
    extra: frozenset[str] = frozenset(),
) -> dict[str, Any] | None:
    """The spec's keyword arguments from the mapping ``value``; None if anything is wrong.

    Absent optional keys are left out, so they keep the spec's default; keys in ``extra``
    are allowed and left to the caller.
    """
    if not isinstance(value, dict):
        problem = f"expected a mapping, got {_describe(value)}"
        errors.append(DomainError(RuleCode.INVALID, problem, path or None))
        return None
    before = len(errors)
    known = {entry.key for entry in entries} | extra
    for key in value:
        if key not in known:
            listing = ", ".join(sorted(known))
            errors.append(
                DomainError(
                    DocumentCode.UNKNOWN_FIELD, f"unknown key (known: {listing})", _join(path, key)
                )
            )
    values: dict[str, Any] = {}
    for entry in entries:
        if entry.key in value:
            values[entry.attr] = entry.read(value[entry.key], _join(path, entry.key), errors)
        elif entry.attr in required:
            errors.append(DomainError(RuleCode.REQUIRED, "missing", _join(path, entry.key)))
    return values if len(errors) == before else None


def _record(entries: tuple[Entry, ...], spec_class: type) -> Reader:
    """A reader of one spec object (a machine, a question, the scenario)."""
    required = _required(spec_class)

    def read(value: object, path: str, errors: Errors) -> Any:
        values = _read_section(value, path, errors, entries, required)
        return None if values is None else spec_class(**values)

    return read


READ_SCENARIO = _record(SCENARIO, ScenarioSpec)
READ_ENTRYPOINTS = _list_of(_record(ENTRYPOINT, EntrypointSpec))
READ_HEALTHCHECK = _record(HEALTHCHECK, HealthcheckSpec)
READ_MACHINES = _list_of(_record(MACHINE, MachineSpec))
READ_QUESTIONS = _list_of(_record(QUESTION, QuestionSpec))
BODY = frozenset({SCHEMA_KEY, "scenario", "machines", "questions"})
BODY_V2 = BODY | {"hints"}


def _check_schema_version(data: dict[Any, Any]) -> int:
    """The document's format version; refuse a mapping that is no RangeX document, or one
    of a format this server does not read."""
    if SCHEMA_KEY not in data:
        problem = "missing: not a RangeX scenario document?"
        raise DomainErrors([DomainError(RuleCode.REQUIRED, problem, SCHEMA_KEY)])
    found = data[SCHEMA_KEY]
    if isinstance(found, bool) or not isinstance(found, int) or found not in READABLE_VERSIONS:
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        problem = f"format version {found!r} is not supported (this server reads {readable})"
        raise DomainErrors([DomainError(DocumentCode.UNSUPPORTED_VERSION, problem, SCHEMA_KEY)])
    return found


def _check_counts(data: dict[Any, Any]) -> None:
    """Refuse a document with more machines or questions than a version may have, before
    reading them one by one."""
    errors = [
        DomainError(RuleCode.TOO_MANY, f"at most {limit} {key}", key)
        for key, limit in (("machines", MAX_MACHINES), ("questions", MAX_QUESTIONS))
        if isinstance(data.get(key), list) and len(data[key]) > limit
    ]
    if errors:
        raise DomainErrors(errors)


def _version(data: object) -> VersionSpec:
    if not isinstance(data, dict):
        problem = f"the document must be a mapping of keys, not {_describe(data)}"
        raise DomainErrors([DomainError(RuleCode.INVALID, problem, None)])
    format_version = _check_schema_version(data)
    _check_counts(data)
    errors: Errors = []
    entries = VERSION if format_version >= 2 else VERSION_V1
    body = BODY_V2 if format_version >= 2 else BODY
    values = _read_section(data, "", errors, entries, set(), extra=body)
    scenario = None
    if "scenario" in data:
        scenario = READ_SCENARIO(data["scenario"], "scenario", errors)
    else:
        errors.append(DomainError(RuleCode.REQUIRED, "missing", "scenario"))
    machines = READ_MACHINES(data.get("machines", []), "machines", errors)
    questions = READ_QUESTIONS(data.get("questions", []), "questions", errors)
    hints, hint_problems = read_hints(data.get("hints"), len(questions), "hints")
    errors += hint_problems
    if errors or values is None or scenario is None:  # (each None comes with an error)
        raise DomainErrors(errors)
    return VersionSpec(
        scenario=scenario, machines=machines, questions=questions, hints=hints, **values
    )


# --- YAML in ------------------------------------------------------------------------------


def parse(text: str) -> VersionSpec:
    """The document's content; ``DomainErrors`` listing every problem when it is malformed.

    Only the document's shape is checked here (keys, types, enum values); the content
    rules are ``validation.validate_version``'s.
    """
    data = load(text)
    if data is None:
        raise DomainErrors([DomainError(RuleCode.REQUIRED, "the document is empty", None)])
    return _version(data)


# --- YAML out -----------------------------------------------------------------------------


class _DocumentDumper(yaml.SafeDumper):
    """Block style, list items indented under their key, multi-line text as ``|`` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    )


_DocumentDumper.add_representer(str, _represent_text)


def _plain(value: Any) -> Any:
    """A spec value as plain YAML data: enum values, sorted mappings (stable on MySQL too)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return {str(key): _plain(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_plain(element) for element in value]
    return value


def _dump_section(
    spec: object, entries: tuple[Entry, ...], skip: frozenset[str] = frozenset()
) -> dict[str, Any]:
    return {
        e.key: _plain(getattr(spec, e.attr))
        for e in entries
        if e.key not in skip and getattr(spec, e.attr) is not None
    }


def _regex_when_set(question: dict[str, Any]) -> dict[str, Any]:
    if question.get("regex") is False:
        del question["regex"]
    return question


def dump(spec: VersionSpec, *, include_answers: bool) -> str:
    """The document for ``spec``; expected answers only with ``include_answers``."""
    skip = frozenset() if include_answers else ANSWER_KEYS
    secret = frozenset() if include_answers else SECRET_VERSION_KEYS
    machines = [_dump_section(m, MACHINE, LEGACY_MACHINE_KEYS) for m in spec.machines]
    for machine, source in zip(machines, spec.machines, strict=True):
        machine["cpu"] = float(source.cpu)  # 1 and 1.0 are one value: always write 1.0
        machine["entrypoints"] = [_dump_section(e, ENTRYPOINT) for e in source.entrypoints]
        if source.healthcheck is not None:
            machine["healthcheck"] = _dump_section(source.healthcheck, HEALTHCHECK)
        for key in SPARSE_MACHINE_KEYS:
            if not machine[key]:
                del machine[key]
        for key, default in ACCESS_DEFAULTS.items():
            if machine.get(key) == default:
                del machine[key]
        if source.learner_may_enter is None or source.learner_may_enter == (
            source.role == MachineRole.ATTACKER
        ):
            machine.pop("learnerMayEnter", None)  # as its role: the default
    document = {
        SCHEMA_KEY: SCHEMA_VERSION,
        "scenario": _dump_section(spec.scenario, SCENARIO),
        **_dump_section(spec, VERSION, secret),
        "machines": machines,
        "questions": [_regex_when_set(_dump_section(q, QUESTION, skip)) for q in spec.questions],
    }
    if spec.hints:
        document["hints"] = [document_of(hint) for hint in spec.hints]
    body = yaml.dump(
        document,
        Dumper=_DocumentDumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        indent=2,
        width=1_000_000,  # no folding of long lines: one line of text stays one line
    )
    return (SECRET_HEADER if include_answers else HEADER) + body
