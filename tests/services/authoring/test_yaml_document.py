"""The scenario document: its exact format, its round trip, and its errors with paths."""

from __future__ import annotations

import dataclasses
import random

import pytest

from rangex_graphql.models.enums import EntrypointProtocol, MachineRole, QuestionKind
from rangex_graphql.services.authoring import yaml_document, yaml_loader
from rangex_graphql.services.authoring.spec import (
    EntrypointSpec,
    HealthcheckSpec,
    MachineSpec,
    QuestionSpec,
    ScenarioSpec,
    VersionSpec,
)
from rangex_graphql.services.authoring.validation import validate_version
from rangex_graphql.services.authoring.yaml_document import dump, parse
from rangex_graphql.services.errors import DomainError, DomainErrors

# The format, pinned: what `scenario export --include-answers` writes for a version.
EXAMPLE = """\
# RangeX scenario document WITH EXPECTED ANSWERS: it is secret, keep it out of
# public places. Import: rangex-graphql scenario import FILE
rangex: 2
scenario:
  slug: sql-injection-101
  title: SQL injection 101
  description: |
    Log in without a password, then read the flag.
    A second line: with 'quotes' and a # hash.
  difficulty: BEGINNER
  category: web
  tags:
    - sqli
    - web
  visibility: PUBLIC
changelog: First release.
timeLimitMinutes: 90
resourceProfile: SMALL
shortDescription: Bypass a login form with SQL injection.
estimatedMinutes: 45
scenarioType: CHALLENGE
mission: |
  Log in as **admin** without the password.
  Then read the flag.
solution: |
  Enter `' OR 1=1 --` as the user name.
  The flag is on the welcome page.
learningOutcomes:
  - Spot an injectable login form
  - Bypass authentication with a tautology
codeOfEthics: Attack only the machines of your session.
featured: false
scoringMode: PER_QUESTION
hintMode: ENABLED
validationMode: INSTANT
machines:
  - name: attacker
    role: ATTACKER
    imageRef: rangex/kali:2024.1
    cpu: 0.5
    memoryMib: 1024
    entrypoints:
      - protocol: SSH
        port: 22
        exposed: true
        description: ''
      - protocol: HTTPS
        port: 6901
        exposed: false
        description: Kali desktop
    environment:
      A_FIRST: 'yes'
      LAB_MODE: '1'
    networkGroup: default
    egress: NONE
    startupCommands:
      - sysctl -w net.ipv4.ip_forward=1 || true
      - exec /usr/bin/kali-desktop
    capabilities:
      - NET_ADMIN
      - NET_RAW
    sysctls:
      net.ipv4.conf.all.rp_filter: '0'
      net.ipv4.ip_forward: '1'
    ulimits:
      nofile: 4096
    healthcheck:
      command: pgrep sshd
      intervalSeconds: 10
      timeoutSeconds: 3
      retries: 3
      startPeriodSeconds: 5
  - name: web
    role: TARGET
    imageRef: rangex/dvwa:1.10
    cpu: 0.25
    memoryMib: 512
    entrypoints:
      - protocol: HTTP
        port: 80
        exposed: true
        description: DVWA
    environment: {}
    networkGroup: dmz
    egress: SESSION
    learnerMayEnter: true
    pivotHost: true
questions:
  - prompt: What is the flag?
    kind: FLAG
    points: 50
    maxAttempts: 15
    choices: []
    caseSensitive: true
    expectedAnswers:
      - FLAG{sqli_basics}
  - prompt: Which port does the web server listen on?
    kind: SINGLE_CHOICE
    points: 10
    maxAttempts: 2
    choices:
      - '22'
      - '80'
      - '443'
    caseSensitive: false
    expectedAnswers:
      - '80'
"""
ANSWERS = ("FLAG{sqli_basics}", "expectedAnswers", "caseSensitive")


def example_spec() -> VersionSpec:
    return parse(EXAMPLE)


def problems(text: str) -> list[tuple[str | None, str]]:
    """(field, message) of each problem ``parse`` reports; fails when it reports none."""
    with pytest.raises(DomainErrors) as caught:
        parse(text)
    assert caught.value.errors
    return [(e.field, e.message) for e in caught.value.errors]


def with_line(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- format and round trip ---------------------------------------------------------------


def test_example_is_valid_content() -> None:
    assert validate_version(example_spec()) == []


def test_dump_of_the_parsed_example_is_the_example_byte_for_byte() -> None:
    assert dump(example_spec(), include_answers=True) == EXAMPLE


def test_parse_reads_every_field() -> None:
    spec = example_spec()
    assert spec.scenario.slug == "sql-injection-101"
    assert spec.scenario.description.endswith("# hash.\n")
    assert spec.time_limit_minutes == 90
    attacker, web = spec.machines
    assert attacker.role is MachineRole.ATTACKER
    assert attacker.environment == {"A_FIRST": "yes", "LAB_MODE": "1"}
    assert web.network_group == "dmz"
    flag, choice = spec.questions
    assert flag.kind is QuestionKind.FLAG
    assert flag.case_sensitive is True
    assert flag.expected_answers == ["FLAG{sqli_basics}"]
    assert choice.choices == ["22", "80", "443"]
    assert choice.max_attempts == 2


def test_without_answers_no_answer_key_is_written() -> None:
    text = dump(example_spec(), include_answers=False)
    for secret in ANSWERS:
        assert secret not in text
    assert "SECRET" not in text
    spec = parse(text)
    assert [q.expected_answers for q in spec.questions] == [[], []]
    assert dump(spec, include_answers=False) == text


def test_every_spec_field_has_a_key_in_the_document() -> None:
    for entries, spec_class in (
        (yaml_document.SCENARIO, ScenarioSpec),
        (yaml_document.MACHINE, MachineSpec),
        (yaml_document.ENTRYPOINT, EntrypointSpec),
        (yaml_document.HEALTHCHECK, HealthcheckSpec),
        (yaml_document.QUESTION, QuestionSpec),
    ):
        assert {e.attr for e in entries} == {f.name for f in dataclasses.fields(spec_class)}
    version_attrs = {e.attr for e in yaml_document.VERSION} | {
        "scenario",
        "machines",
        "questions",
        "hints",
    }
    assert version_attrs == {f.name for f in dataclasses.fields(VersionSpec)}


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "no",
        "null",
        "1.0",
        "0x1F",
        "2024-01-01",
        "  leading spaces",
        "trailing spaces  ",
        "a: colon",
        "#not a comment",
        "- dash",
        "tab\there",
        "line one\n\n  indented line\n",
        "no final newline\nsecond",
        "ends with newlines\n\n\n",
        " leading space\nand a second line",
        "trailing space \non a line\n",
        "Ünïcödé — 東京 ✓",
        "'single' \"double\" `back`",
        "{not: a mapping}",
        "",
    ],
)
def test_awkward_text_round_trips(text: str) -> None:
    spec = example_spec()
    spec.scenario.description = text
    spec.questions[0].prompt = text
    spec.machines[0].environment = {"VALUE": text}
    document = dump(spec, include_answers=True)
    assert parse(document) == spec
    assert dump(parse(document), include_answers=True) == document


def test_output_is_stable_whatever_the_mapping_order_and_number_type() -> None:
    spec = example_spec()
    spec.machines[0].environment = {"LAB_MODE": "1", "A_FIRST": "yes"}  # MySQL sorts JSON keys
    spec.machines[1].cpu = 1  # an int from code; the database gives 1.0
    other = example_spec()
    other.machines[1].cpu = 1.0
    assert dump(spec, include_answers=True) == dump(other, include_answers=True)


def test_optional_keys_take_the_spec_defaults() -> None:
    text = """\
rangex: 1
scenario:
  title: Minimal scenario
  description: Only what must be there.
  difficulty: EXPERT
  category: forensics
machines:
  - name: box
    role: TARGET
    imageRef: rangex/box:1
    cpu: 1
    memoryMib: 512
questions:
  - prompt: Why?
    kind: SHORT_ANSWER
    points: 3
"""
    spec = parse(text)
    assert spec.scenario.slug is None
    assert spec.scenario.tags == []
    assert spec.changelog == ""
    assert spec.time_limit_minutes == 60
    assert spec.machines[0].cpu == 1.0
    assert spec.machines[0].entrypoints == []
    assert spec.questions[0].max_attempts == 15
    assert "slug" not in dump(spec, include_answers=False)


def test_exposed_ports_of_older_documents_become_exposed_entrypoints() -> None:
    old = with_line(
        EXAMPLE,
        "    entrypoints:\n      - protocol: HTTP\n        port: 80\n        exposed: true\n"
        "        description: DVWA\n",
        "    exposedPorts:\n      - 80\n      - 5900\n      - 6901\n      - 3000\n",
    )
    web = parse(old).machines[1]
    assert web.entrypoints == [
        EntrypointSpec(EntrypointProtocol.HTTP, 80),
        EntrypointSpec(EntrypointProtocol.VNC, 5900),
        EntrypointSpec(EntrypointProtocol.HTTPS, 6901),
        EntrypointSpec(EntrypointProtocol.HTTP, 3000),
    ]
    assert "exposedPorts" not in dump(parse(old), include_answers=True)
    found = problems(with_line(old, "      - 5900\n", "      - ssh\n"))
    assert [f for f, _ in found] == ["machines.1.exposedPorts.1"]


# --- malformed documents -----------------------------------------------------------------


def test_syntax_errors_name_the_line_and_column() -> None:
    broken = with_line(EXAMPLE, "  category: web\n", "  category: [web\n")
    [(field, message)] = problems(broken)
    assert field is None
    # Found where the flow sequence should have ended; it started on line 11.
    assert message.startswith("line 12, column ")
    assert message.endswith("(while parsing a flow sequence at line 11)")

    bad_indent = with_line(EXAMPLE, "    role: TARGET\n", "   role: TARGET\n")
    [(_, message)] = problems(bad_indent)
    assert message.startswith("line 74, column 4: expected <block end>")


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        (
            "    role: TARGET\n",
            "    role: hacker\n",
            "machines.1.role",
            'unknown value "hacker" (one of ATTACKER, TARGET, INTERNAL, SERVICE)',
        ),
        ("    points: 50\n", "", "questions.0.points", "missing"),
        ("  title: SQL injection 101\n", "", "scenario.title", "missing"),
        ("    memoryMib: 512\n", "    memoryMib: lots\n", "machines.1.memoryMib", "an integer"),
        ("    points: 50\n", "    points: true\n", "questions.0.points", "an integer"),
        ("    cpu: 0.25\n", "    cpu: '0.25'\n", "machines.1.cpu", "expected a number"),
        (
            "        port: 80\n",
            "        port: http\n",
            "machines.1.entrypoints.0.port",
            "an integer",
        ),
        (
            "      - protocol: HTTP\n",
            "      - protocol: GOPHER\n",
            "machines.1.entrypoints.0.protocol",
            'unknown value "GOPHER" (one of HTTP, HTTPS, SSH, RDP, VNC, TCP, UDP)',
        ),
        ("      LAB_MODE: '1'\n", "      LAB_MODE: 1\n", "machines.0.environment.1", "a string"),
        ("  title: SQL injection 101\n", "  title: yes\n", "scenario.title", "quote it"),
        ("  category: web\n", "  category: 2024-05-01\n", "scenario.category", "a date"),
        ("  tags:\n", "  tags: sqli\n  tagz:\n", "scenario.tags", "expected a list"),
        (
            "    egress: NONE\n",
            "    egress: NONE\n    privileged: true\n",
            "machines.0.privileged",
            "unknown key",
        ),
        ("  slug: sql-injection-101\n", "  slug: SQL Injection\n", "scenario.slug", "not a slug"),
        ("timeLimitMinutes: 90\n", "timeLimitMinutes: 1.5\n", "timeLimitMinutes", "an integer"),
        ("questions:\n", "questions: 3\nquestion:\n", "questions", "expected a list"),
    ],
)
def test_a_malformed_field_is_reported_at_its_path(
    old: str, new: str, field: str, fragment: str
) -> None:
    found = problems(with_line(EXAMPLE, old, new))
    assert any(f == field and fragment in m for f, m in found), found


def test_every_problem_is_reported_at_once() -> None:
    text = EXAMPLE
    for old, new in (
        ("    role: TARGET\n", "    role: hacker\n"),
        ("    points: 50\n", ""),
        ("    memoryMib: 512\n", "    memoryMib: lots\n"),
        ("resourceProfile: SMALL\n", "resourceProfile: HUGE\n"),
    ):
        text = with_line(text, old, new)
    fields = [field for field, _ in problems(text)]
    assert fields == [
        "resourceProfile",
        "machines.1.role",
        "machines.1.memoryMib",
        "questions.0.points",
    ]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- a list\n", "must be a mapping"),
        ("just text\n", "must be a mapping"),
        ("title: no rangex key\n", "not a RangeX scenario document"),
        ("rangex: 3\n", "format version 3 is not supported"),
        ("rangex: true\n", "not supported"),
        ("rangex: 1\nrangex: 1\n", "line 2, column 1: duplicate key 'rangex'"),
        ("rangex: 1\nscenario: &s {}\nx: *s\n", "line 3, column 4: aliases"),
        ("rangex: 1\n---\nrangex: 1\n", "line 2, column 1: found another document"),
        ("rangex: 1\nscenario: !!python/object:os.system {}\n", "line 2"),
        ("a: 'unterminated\n", "line 2"),
    ],
)
def test_documents_that_are_not_scenario_documents(text: str, fragment: str) -> None:
    found = problems(text)
    assert any(fragment in message for _, message in found), found


def test_a_huge_document_is_refused_before_parsing() -> None:
    text = EXAMPLE + "#" * yaml_loader.MAX_DOCUMENT_BYTES
    size = len(text)
    limit = yaml_loader.MAX_DOCUMENT_BYTES
    assert problems(text) == [(None, f"the document is {size} bytes, more than {limit} (UTF-8)")]


def test_the_size_limit_counts_bytes_not_characters() -> None:
    # Three bytes each in UTF-8: under the limit in characters, over it in bytes.
    text = EXAMPLE + "#" + "€" * (yaml_loader.MAX_DOCUMENT_BYTES // 3)
    assert len(text) < yaml_loader.MAX_DOCUMENT_BYTES
    [(field, message)] = problems(text)
    assert field is None
    assert "bytes, more than" in message


def test_mangled_documents_never_raise_anything_but_domain_errors() -> None:
    """Cut, doubled and swapped pieces of a valid document: a list of problems, no traceback."""
    rng = random.Random(20240501)
    lines = EXAMPLE.splitlines(keepends=True)
    for _ in range(400):
        mangled = list(lines)
        for _ in range(rng.randint(1, 3)):
            i, j = rng.randrange(len(mangled)), rng.randrange(len(mangled))
            choice = rng.random()
            if choice < 0.3:
                del mangled[i]
            elif choice < 0.6:
                mangled[i], mangled[j] = mangled[j], mangled[i]
            elif choice < 0.8:
                cut = rng.randrange(len(mangled[i]) + 1)
                mangled[i] = mangled[i][:cut] + mangled[i][cut + 1 :]
            else:
                mangled.insert(
                    i, rng.choice([": x\n", "- \n", "  ? k\n", "{\n", "&a\n", "!!int x\n"])
                )
        outcome: VersionSpec | list[DomainError]
        try:
            outcome = parse("".join(mangled))
        except DomainErrors as exc:
            outcome = exc.errors
        if isinstance(outcome, list):
            assert outcome
            assert all(isinstance(e, DomainError) and e.message for e in outcome)
