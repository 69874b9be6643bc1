"""Inputs of the authoring mutations. In updates, an absent (or null) field is left as it is."""

from __future__ import annotations

from enum import Enum

import strawberry

from ...models.enums import (
    Difficulty,
    EgressPolicy,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    Visibility,
)

# --- scenarios ---------------------------------------------------------------------------


@strawberry.input
class ScenarioCreateInput:
    title: str = strawberry.field(
        description="5-100 characters. The slug is made from it once, at creation."
    )
    description: str = strawberry.field(description="At least 20 characters.")
    difficulty: Difficulty
    category: str = strawberry.field(description="1-64 characters.")
    tags: list[str] = strawberry.field(
        default_factory=list,
        description="At most 10; each trimmed and lower-cased, then 1-30 characters of "
        "a-z, 0-9 and -; duplicates count once.",
    )
    visibility: Visibility = Visibility.PUBLIC


@strawberry.input
class ScenarioUpdateInput:
    scenario_id: strawberry.ID
    title: str | None = strawberry.field(default=None, description="The slug does not change.")
    description: str | None = None
    difficulty: Difficulty | None = None
    category: str | None = None
    tags: list[str] | None = strawberry.field(default=None, description="Replaces all tags.")
    visibility: Visibility | None = None


@strawberry.input
class ScenarioDeleteInput:
    scenario_id: strawberry.ID


# --- versions ----------------------------------------------------------------------------


@strawberry.input
class VersionCreateInput:
    scenario_id: strawberry.ID
    copy_from: strawberry.ID | None = strawberry.field(
        default=None,
        description="A version of the same scenario, in any status, to deep-copy: its "
        "settings, machines, questions and answer keys. Absent: an empty version.",
    )
    changelog: str = ""


@strawberry.input
class VersionUpdateInput:
    version_id: strawberry.ID
    changelog: str | None = None
    time_limit_minutes: int | None = strawberry.field(default=None, description="30-480.")
    resource_profile: ResourceProfile | None = strawberry.field(
        default=None, description="The most CPU and memory any one machine may have."
    )


@strawberry.input
class VersionInput:
    version_id: strawberry.ID


@strawberry.enum(description="A reviewer's decision.")
class ReviewDecision(Enum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"


@strawberry.input
class VersionReviewInput:
    version_id: strawberry.ID
    decision: ReviewDecision
    reason: str | None = strawberry.field(
        default=None,
        description="Required to reject: what must change (at most 2,000 characters). "
        "The author is notified with it.",
    )


# --- machines ----------------------------------------------------------------------------


@strawberry.input(description="An environment variable of a machine's container.")
class EnvironmentVariableInput:
    name: str = strawberry.field(description="Letters, digits and _, not starting with a digit.")
    value: str


@strawberry.input
class MachineAddInput:
    version_id: strawberry.ID
    name: str = strawberry.field(
        description="Unique in the version: 1-63 characters of a-z, 0-9 and - (a DNS label)."
    )
    role: MachineRole
    image_ref: str = strawberry.field(
        description="`[registry/]name[:tag|@sha256:digest]`, lower-case, no spaces."
    )
    cpu: float | None = strawberry.field(
        default=None,
        description="vCPUs, within the version's resource profile. Absent: 0.5 for an "
        "attacker, 0.25 for the others (at most the profile's).",
    )
    memory_mib: int | None = strawberry.field(
        default=None,
        description="Within the version's resource profile. Absent: 1024 for an attacker, "
        "512 for the others (at most the profile's).",
    )
    exposed_ports: list[int] = strawberry.field(
        default_factory=list,
        description="At most 5, each once, of 22, 80, 443, 3000, 5900, 6901, 8080, 8443, 9090.",
    )
    environment: list[EnvironmentVariableInput] = strawberry.field(default_factory=list)
    network_group: str = "default"
    egress: EgressPolicy = EgressPolicy.NONE


@strawberry.input
class MachineUpdateInput:
    machine_id: strawberry.ID
    name: str | None = None
    role: MachineRole | None = None
    image_ref: str | None = None
    cpu: float | None = None
    memory_mib: int | None = None
    exposed_ports: list[int] | None = None
    environment: list[EnvironmentVariableInput] | None = strawberry.field(
        default=None, description="Replaces all variables."
    )
    network_group: str | None = None
    egress: EgressPolicy | None = None


@strawberry.input
class MachineRemoveInput:
    machine_id: strawberry.ID


# --- questions ---------------------------------------------------------------------------

SESSION_FLAG_ENV = (
    "FLAG questions only: each session gets its own generated flag, put into this "
    "environment variable of the version's non-attacker machines, and accepts only it; "
    "the question then takes no `expectedAnswers`. 1-64 characters of A-Z, 0-9 and _, not "
    "starting with a digit nor with RANGEX_LEARNER; one question per variable in a version."
)


@strawberry.input
class QuestionAddInput:
    version_id: strawberry.ID
    prompt: str
    kind: QuestionKind
    points: int = strawberry.field(description="Positive.")
    expected_answers: list[str] = strawberry.field(
        default_factory=list,
        description="At least one, none blank. For choice questions, among the choices "
        "(one only for SINGLE_CHOICE and TRUE_FALSE). None with `sessionFlagEnv`. Never "
        "shown to learners.",
    )
    max_attempts: int = 15
    choices: list[str] = strawberry.field(
        default_factory=list, description="At least two for choice questions."
    )
    case_sensitive: bool = False
    session_flag_env: str | None = strawberry.field(default=None, description=SESSION_FLAG_ENV)


@strawberry.input
class QuestionUpdateInput:
    question_id: strawberry.ID
    prompt: str | None = None
    kind: QuestionKind | None = None
    points: int | None = None
    expected_answers: list[str] | None = None
    max_attempts: int | None = None
    choices: list[str] | None = None
    case_sensitive: bool | None = None
    session_flag_env: str | None = strawberry.field(
        default=None,
        description=SESSION_FLAG_ENV + ' "" turns the per-session flag off (then give '
        "`expectedAnswers`).",
    )


@strawberry.input
class QuestionRemoveInput:
    question_id: strawberry.ID


@strawberry.input
class QuestionReorderInput:
    version_id: strawberry.ID
    question_ids: list[strawberry.ID] = strawberry.field(
        description="Every question of the version, once each, in the new order."
    )
