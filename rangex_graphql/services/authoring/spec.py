"""A scenario version's content as plain data: what validation checks, what export
writes and import reads. Independent of the database and of GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
from ..hints.document import DocumentHint


@dataclass
class EntrypointSpec:
    """A port a machine's service listens on: how to talk to it, and whether the learner
    is shown it (``exposed``) or it is internal to the session."""

    protocol: EntrypointProtocol
    port: int
    exposed: bool = True
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        """The form stored in ``Machine.entrypoints``."""
        return {
            "protocol": str(self.protocol),
            "port": self.port,
            "exposed": self.exposed,
            "description": self.description,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> EntrypointSpec:
        return cls(
            protocol=EntrypointProtocol(value["protocol"]),
            port=int(value["port"]),
            exposed=bool(value.get("exposed", True)),
            description=str(value.get("description", "")),
        )


# The protocol an old ``exposedPorts`` entry gets (documents of format 1, the migration):
# what the allowed ports serve in the images labs use. 6901 is the browser desktop of
# Kasm images, served over HTTPS.
PROTOCOL_OF_PORT = {
    22: EntrypointProtocol.SSH,
    80: EntrypointProtocol.HTTP,
    443: EntrypointProtocol.HTTPS,
    3000: EntrypointProtocol.HTTP,
    5900: EntrypointProtocol.VNC,
    6901: EntrypointProtocol.HTTPS,
    8080: EntrypointProtocol.HTTP,
    8443: EntrypointProtocol.HTTPS,
    9090: EntrypointProtocol.HTTP,
}


def entrypoint_of_port(port: int) -> EntrypointSpec:
    """An exposed entrypoint for an old exposed port (TCP when the port is not known)."""
    return EntrypointSpec(PROTOCOL_OF_PORT.get(port, EntrypointProtocol.TCP), port)


# The version's content beyond its settings: one name for the model's column and the
# spec's attribute alike, copied as they are by versionCreate(copyFrom:) and scenarioDuplicate.
VERSION_CONTENT = (
    "short_description",
    "estimated_minutes",
    "scenario_type",
    "mission",
    "solution",
    "learning_outcomes",
    "code_of_ethics",
    "featured",
    "scoring_mode",
    "hint_mode",
    "validation_mode",
)


@dataclass
class HealthcheckSpec:
    """A shell command run in the machine: healthy when it exits 0. Times in seconds."""

    command: str
    interval_seconds: int = 30
    timeout_seconds: int = 5
    retries: int = 3
    start_period_seconds: int = 0

    def to_json(self) -> dict[str, Any]:
        """The form stored in ``Machine.healthcheck``."""
        return {
            "command": self.command,
            "interval_seconds": self.interval_seconds,
            "timeout_seconds": self.timeout_seconds,
            "retries": self.retries,
            "start_period_seconds": self.start_period_seconds,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any] | None) -> HealthcheckSpec | None:
        if value is None:
            return None
        return cls(
            command=str(value["command"]),
            interval_seconds=int(value["interval_seconds"]),
            timeout_seconds=int(value["timeout_seconds"]),
            retries=int(value["retries"]),
            start_period_seconds=int(value["start_period_seconds"]),
        )


@dataclass
class MachineSpec:
    name: str
    role: MachineRole
    image_ref: str
    cpu: float
    memory_mib: int
    entrypoints: list[EntrypointSpec] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    network_group: str = "default"
    egress: EgressPolicy = EgressPolicy.NONE
    startup_commands: list[str] = field(default_factory=list)
    capabilities: list[str] = field(default_factory=list)
    sysctls: dict[str, str] = field(default_factory=dict)
    ulimits: dict[str, int] = field(default_factory=dict)
    healthcheck: HealthcheckSpec | None = None
    # None: as its role (the attacker machine is entered, the others not).
    learner_may_enter: bool | None = None
    reachable_from_attacker: bool = True
    internal_connections_allowed: bool = True
    pivot_host: bool = False

    @property
    def entered(self) -> bool:
        """Whether the learner enters it: as said, else as its role."""
        if self.learner_may_enter is None:
            return self.role == MachineRole.ATTACKER
        return self.learner_may_enter


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
    # SHORT_ANSWER: the expected answers are regular expressions the whole answer matches.
    regex: bool = False


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
    short_description: str = ""
    estimated_minutes: int = 60
    scenario_type: ScenarioType = ScenarioType.CHALLENGE
    mission: str = ""
    # The write-up: never shown to learners; exported only with the answers.
    solution: str = ""
    learning_outcomes: list[str] = field(default_factory=list)
    code_of_ethics: str = ""
    # Set by admins only: an import or an edit by anyone else that sets it is refused.
    featured: bool = False
    scoring_mode: VersionScoringMode = VersionScoringMode.ALL_OR_NOTHING
    hint_mode: HintMode = HintMode.DISABLED
    validation_mode: ValidationMode = ValidationMode.INSTANT
    machines: list[MachineSpec] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)
    # Per version or per question (by its index in ``questions``), in order.
    hints: list[DocumentHint] = field(default_factory=list)
