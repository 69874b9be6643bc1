"""A scenario version's content as plain data: what validation checks, what export
writes and import reads. Independent of the database and of GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...models.enums import (
    Difficulty,
    EgressPolicy,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    Visibility,
)


@dataclass
class MachineSpec:
    name: str
    role: MachineRole
    image_ref: str
    cpu: float
    memory_mib: int
    exposed_ports: list[int] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    network_group: str = "default"
    egress: EgressPolicy = EgressPolicy.NONE


@dataclass
class QuestionSpec:
    prompt: str
    kind: QuestionKind
    points: int
    max_attempts: int = 15
    choices: list[str] = field(default_factory=list)
    # Never shown to learners; exported only for admins.
    expected_answers: list[str] = field(default_factory=list)
    case_sensitive: bool = False
    # FLAG questions: each session gets its own generated flag in this environment variable
    # of the non-attacker machines; the question then has no expected answers.
    session_flag_env: str | None = None


@dataclass
class ScenarioSpec:
    title: str
    description: str
    difficulty: Difficulty
    category: str
    tags: list[str] = field(default_factory=list)
    visibility: Visibility = Visibility.PUBLIC
    # The scenario's stable name across databases: import adds a version to the scenario
    # with this slug, or creates it. None: derived from the title.
    slug: str | None = None


@dataclass
class VersionSpec:
    """One version: the scenario's metadata plus the version's own content, in order."""

    scenario: ScenarioSpec
    changelog: str = ""
    time_limit_minutes: int = 60
    resource_profile: ResourceProfile = ResourceProfile.SMALL
    machines: list[MachineSpec] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)
