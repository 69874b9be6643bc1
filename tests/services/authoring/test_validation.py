"""``validate_version``: one case per rule, each the only problem of an otherwise valid
version, so removing the rule fails its case; and all problems reported at once."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from rangex_graphql.models.enums import (
    Difficulty,
    EntrypointProtocol,
    MachineRole,
    QuestionKind,
    ResourceProfile,
)
from rangex_graphql.services.authoring.machine_rules import image_ref_errors
from rangex_graphql.services.authoring.scenarios import slugify
from rangex_graphql.services.authoring.spec import (
    EntrypointSpec,
    HealthcheckSpec,
    MachineSpec,
    QuestionSpec,
    ScenarioSpec,
    VersionSpec,
    entrypoint_of_port,
)
from rangex_graphql.services.authoring.validation import normalize_tags, validate_version


def ports(*numbers: int) -> list[EntrypointSpec]:
    return [entrypoint_of_port(n) for n in numbers]


def valid() -> VersionSpec:
    return VersionSpec(
        scenario=ScenarioSpec(
            title="SQL injection 101",
            description="Log in without a password, then read the flag.",
            difficulty=Difficulty.BEGINNER,
            category="web",
            tags=["web", "sqli"],
        ),
        resource_profile=ResourceProfile.SMALL,
        machines=[
            MachineSpec(
                name="attacker",
                role=MachineRole.ATTACKER,
                image_ref="rangex/kali:2024.1",
                cpu=0.5,
                memory_mib=1024,
                entrypoints=ports(22, 6901),
                environment={"LAB_MODE": "1"},
            ),
            MachineSpec(
                name="web",
                role=MachineRole.TARGET,
                image_ref="registry.example.com:5000/rangex/dvwa@sha256:" + "a" * 64,
                cpu=0.25,
                memory_mib=512,
                entrypoints=ports(80),
            ),
        ],
        questions=[
            QuestionSpec(
                prompt="What is the flag?",
                kind=QuestionKind.FLAG,
                points=10,
                expected_answers=["FLAG{x}"],
            ),
            QuestionSpec(
                prompt="Which character closes the literal?",
                kind=QuestionKind.SINGLE_CHOICE,
                points=5,
                choices=["'", "#", ";"],
                expected_answers=["'"],
            ),
        ],
    )


Change = Callable[[VersionSpec], object]  # what it returns is not used


def machine(i: int, **fields: object) -> Change:
    def change(spec: VersionSpec) -> None:
        spec.machines[i] = dataclasses.replace(spec.machines[i], **fields)  # type: ignore[arg-type]

    return change


def question(i: int, **fields: object) -> Change:
    def change(spec: VersionSpec) -> None:
        spec.questions[i] = dataclasses.replace(spec.questions[i], **fields)  # type: ignore[arg-type]

    return change


def scenario(**fields: object) -> Change:
    def change(spec: VersionSpec) -> None:
        spec.scenario = dataclasses.replace(spec.scenario, **fields)  # type: ignore[arg-type]

    return change


def version(**fields: object) -> Change:
    def change(spec: VersionSpec) -> None:
        for name, value in fields.items():
            setattr(spec, name, value)

    return change


def extra_machines(count: int) -> Change:
    def change(spec: VersionSpec) -> None:
        for n in range(count):
            spec.machines.append(dataclasses.replace(spec.machines[1], name=f"extra-{n}"))

    return change


# (rule, change to a valid version, the one (code, field) it must report)
def many_questions(count: int) -> Change:
    def change(spec: VersionSpec) -> None:
        spec.questions[:] = [
            dataclasses.replace(spec.questions[0], prompt=f"Question {i}?") for i in range(count)
        ]

    return change


RULES: list[tuple[str, Change, tuple[str, str]]] = [
    ("title at least 5", scenario(title=" SQL "), ("INVALID", "scenario.title")),
    ("title at most 100", scenario(title="x" * 101), ("INVALID", "scenario.title")),
    (
        "description at least 20",
        scenario(description="Too short."),
        ("INVALID", "scenario.description"),
    ),
    ("difficulty from the enum", scenario(difficulty="HARD"), ("INVALID", "scenario.difficulty")),
    ("category not empty", scenario(category="  "), ("REQUIRED", "scenario.category")),
    ("category at most 64", scenario(category="c" * 65), ("INVALID", "scenario.category")),
    ("tag characters", scenario(tags=["web", "sql injection"]), ("INVALID", "scenario.tags.1")),
    ("tag at most 30", scenario(tags=["t" * 31]), ("INVALID", "scenario.tags.0")),
    ("tag not blank", scenario(tags=[" "]), ("INVALID", "scenario.tags.0")),
    ("at most 10 tags", scenario(tags=[f"t{n}" for n in range(11)]), ("TOO_MANY", "scenario.tags")),
    ("time limit 30-480", version(time_limit_minutes=481), ("INVALID", "timeLimitMinutes")),
    ("profile from the enum", version(resource_profile="HUGE"), ("INVALID", "resourceProfile")),
    ("at least one machine", version(machines=[]), ("REQUIRED", "machines")),
    ("a TARGET machine", machine(1, role=MachineRole.SERVICE), ("TARGET_REQUIRED", "machines")),
    ("at most 4 machines", extra_machines(3), ("TOO_MANY", "machines")),
    ("machine names unique", machine(1, name="attacker"), ("DUPLICATE", "machines.1.name")),
    ("machine name a DNS label", machine(0, name="Kali_1"), ("INVALID", "machines.0.name")),
    ("machine name not ending in -", machine(0, name="kali-"), ("INVALID", "machines.0.name")),
    ("role from the enum", machine(0, role="HACKER"), ("INVALID", "machines.0.role")),
    ("image lower-case", machine(0, image_ref="rangex/Kali:1"), ("INVALID", "machines.0.imageRef")),
    (
        "image without spaces",
        machine(0, image_ref="rangex/kali :1"),
        ("INVALID", "machines.0.imageRef"),
    ),
    (
        "image digest is sha256",
        machine(0, image_ref="kali@md5:abc"),
        ("INVALID", "machines.0.imageRef"),
    ),
    (
        "image at most 255",
        machine(0, image_ref="a/" * 127 + "kali"),
        ("INVALID", "machines.0.imageRef"),
    ),
    ("cpu positive", machine(0, cpu=0), ("INVALID", "machines.0.cpu")),
    ("cpu within the profile", machine(0, cpu=1.0), ("EXCEEDS_PROFILE", "machines.0.cpu")),
    ("memory positive", machine(0, memory_mib=-1), ("INVALID", "machines.0.memoryMib")),
    (
        "memory within the profile",
        machine(0, memory_mib=2048),
        ("EXCEEDS_PROFILE", "machines.0.memoryMib"),
    ),
    (
        "cpu within the largest profile (the hard cap)",
        lambda s: (version(resource_profile=ResourceProfile.LARGE)(s), machine(0, cpu=2.5)(s)),
        ("EXCEEDS_PROFILE", "machines.0.cpu"),
    ),
    (
        "at most 5 entrypoints",
        machine(0, entrypoints=ports(22, 80, 443, 3000, 5900, 6901)),
        ("TOO_MANY", "machines.0.entrypoints"),
    ),
    (
        "ports from the allowed list",
        machine(1, entrypoints=ports(8081)),
        ("PORT_NOT_ALLOWED", "machines.1.entrypoints.0.port"),
    ),
    (
        "ports unique",
        machine(1, entrypoints=ports(80, 443, 80)),
        ("DUPLICATE", "machines.1.entrypoints.2.port"),
    ),
    (
        "entrypoint descriptions short",
        machine(1, entrypoints=[EntrypointSpec(EntrypointProtocol.HTTP, 80, True, "x" * 201)]),
        ("INVALID", "machines.1.entrypoints.0.description"),
    ),
    (
        "capabilities from the allow-list",
        machine(1, capabilities=["NET_ADMIN", "SYS_ADMIN"]),
        ("CAPABILITY_NOT_ALLOWED", "machines.1.capabilities.1"),
    ),
    (
        "network sysctls only",
        machine(1, sysctls={"net.ipv4.ip_forward": "1", "kernel.panic": "1"}),
        ("SYSCTL_NOT_ALLOWED", "machines.1.sysctls.1"),
    ),
    (
        "ulimits by name",
        machine(1, ulimits={"memlock": 1}),
        ("ULIMIT_NOT_ALLOWED", "machines.1.ulimits.0"),
    ),
    (
        "ulimits within bounds",
        machine(1, ulimits={"nproc": 10}),
        ("INVALID", "machines.1.ulimits.0"),
    ),
    (
        "at most 10 startup commands",
        machine(1, startup_commands=["true"] * 11),
        ("TOO_MANY", "machines.1.startupCommands"),
    ),
    (
        "healthcheck interval within what ECS takes",
        machine(1, healthcheck=HealthcheckSpec("true", interval_seconds=301)),
        ("INVALID", "machines.1.healthcheck.intervalSeconds"),
    ),
    (
        "healthcheck timeout at most its interval",
        machine(1, healthcheck=HealthcheckSpec("true", interval_seconds=5, timeout_seconds=6)),
        ("INVALID", "machines.1.healthcheck.timeoutSeconds"),
    ),
    (
        "healthcheck command one line",
        machine(1, healthcheck=HealthcheckSpec("true\nfalse")),
        ("INVALID", "machines.1.healthcheck.command"),
    ),
    (
        "entrypoint protocols known",
        machine(1, entrypoints=[EntrypointSpec("GOPHER", 80)]),  # type: ignore[arg-type]
        ("INVALID", "machines.1.entrypoints.0.protocol"),
    ),
    (
        "environment names",
        machine(0, environment={"OK": "1", "NOT-OK": "2"}),
        ("INVALID", "machines.0.environment.1"),
    ),
    (
        "network group a DNS label",
        machine(0, network_group="Lab Net"),
        ("INVALID", "machines.0.networkGroup"),
    ),
    ("egress from the enum", machine(0, egress="ANYWHERE"), ("INVALID", "machines.0.egress")),
    ("prompt not blank", question(0, prompt=" "), ("REQUIRED", "questions.0.prompt")),
    ("kind from the enum", question(0, kind="ESSAY"), ("INVALID", "questions.0.kind")),
    ("points positive", question(0, points=0), ("INVALID", "questions.0.points")),
    ("attempts positive", question(0, max_attempts=0), ("INVALID", "questions.0.maxAttempts")),
    # A score beyond 2**31 - 1 broke every query returning it (GraphQL Int).
    ("points bounded", question(0, points=2**31 - 1), ("INVALID", "questions.0.points")),
    ("points at most 1000", question(0, points=1001), ("INVALID", "questions.0.points")),
    ("attempts bounded", question(0, max_attempts=101), ("INVALID", "questions.0.maxAttempts")),
    ("at most 100 questions", many_questions(101), ("TOO_MANY", "questions")),
    (
        "an expected answer",
        question(0, expected_answers=[]),
        ("REQUIRED", "questions.0.expectedAnswers"),
    ),
    (
        "no blank expected answer",
        question(0, expected_answers=["FLAG{x}", " "]),
        ("INVALID", "questions.0.expectedAnswers.1"),
    ),
    (
        "choice questions have choices",
        question(1, choices=["'"]),
        ("REQUIRED", "questions.1.choices"),
    ),
    (
        "answers among the choices",
        question(1, expected_answers=["--"]),
        ("INVALID", "questions.1.expectedAnswers.0"),
    ),
    (
        "single choice has one answer",
        question(1, expected_answers=["'", "#"]),
        ("TOO_MANY", "questions.1.expectedAnswers"),
    ),
]


def test_the_valid_version_passes() -> None:
    assert validate_version(valid()) == []


@pytest.mark.parametrize(("rule", "change", "expected"), RULES, ids=[r[0] for r in RULES])
def test_each_rule_reports_its_problem_with_a_path(
    rule: str, change: Change, expected: tuple[str, str]
) -> None:
    spec = valid()
    change(spec)
    problems = [(e.code, e.field) for e in validate_version(spec)]
    assert problems == [expected], rule
    assert all(e.message for e in validate_version(spec))


def test_every_problem_is_reported_at_once() -> None:
    spec = valid()
    for change, _ in [(c, e) for _, c, e in RULES[:3]]:
        change(spec)
    machine(1, entrypoints=ports(8081), image_ref="Bad Image")(spec)
    question(0, points=-5, expected_answers=[])(spec)
    fields = {e.field for e in validate_version(spec)}
    assert {
        "scenario.title",
        "scenario.description",
        "machines.1.entrypoints.0.port",
        "machines.1.imageRef",
        "questions.0.points",
        "questions.0.expectedAnswers",
    } <= fields


def test_a_version_without_any_content_lists_what_is_missing() -> None:
    spec = VersionSpec(
        scenario=ScenarioSpec(title="", description="", difficulty=Difficulty.EXPERT, category="")
    )
    assert [(e.code, e.field) for e in validate_version(spec)] == [
        ("INVALID", "scenario.title"),
        ("INVALID", "scenario.description"),
        ("REQUIRED", "scenario.category"),
        ("REQUIRED", "machines"),
    ]


@pytest.mark.parametrize(
    "ref",
    [
        "nginx",
        "nginx:1.27-alpine",
        "rangex/kali-lite:2024.1",
        "ghcr.io/rangex/web_app:v2",
        "localhost:5000/lab/db",
        "registry.example.com/a/b/c@sha256:" + "0" * 64,
        "nginx:1.27@sha256:" + "f" * 64,
    ],
)
def test_well_formed_image_references(ref: str) -> None:
    assert image_ref_errors(ref) == []


@pytest.mark.parametrize(
    "ref",
    ["", "Nginx", "nginx:", "nginx latest", "/nginx", "nginx/", "-nginx", "nginx@sha256:abc"],
)
def test_malformed_image_references(ref: str) -> None:
    assert [e.code for e in image_ref_errors(ref)] == ["INVALID"]


def test_tags_are_trimmed_lower_cased_and_deduplicated_in_order() -> None:
    assert normalize_tags([" Web ", "SQLi", "web", "sqli ", "xss"]) == ["web", "sqli", "xss"]
    assert normalize_tags([]) == []


def test_eleven_tags_that_are_ten_after_deduplication_pass() -> None:
    spec = valid()
    scenario(tags=[f"t{n}" for n in range(10)] + ["T0 "])(spec)
    assert validate_version(spec) == []


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("SQL Injection 101: Login!", "sql-injection-101-login"),
        ("  Café — crème brûlée  ", "cafe-creme-brulee"),
        ("日本語", "scenario"),
        ("x" * 120, "x" * 80),
    ],
)
def test_slugs_from_titles(title: str, slug: str) -> None:
    assert slugify(title) == slug
