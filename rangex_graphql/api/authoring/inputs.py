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


@strawberry.input(description="A new scenario; the viewer becomes its author.")
class ScenarioCreateInput:
    title: str = strawberry.field(
        description="5-100 characters. The slug is made from it once, at creation."
    )
    description: str = strawberry.field(description="At least 20 characters.")
    difficulty: Difficulty = strawberry.field(description="How hard it is.")
    category: str = strawberry.field(description="1-64 characters.")
    tags: list[str] = strawberry.field(
        default_factory=list,
        description="At most 10; each trimmed and lower-cased, then 1-30 characters of "
        "a-z, 0-9 and -; duplicates count once.",
    )
    visibility: Visibility = strawberry.field(
        default=Visibility.PUBLIC,
        description="Who finds it once a version is published; PUBLIC by default.",
    )


@strawberry.input(
    description="Changes to a scenario's settings; absent (or null) fields stay as they are."
)
class ScenarioUpdateInput:
    scenario_id: strawberry.ID = strawberry.field(description="The Scenario to change.")
    title: str | None = strawberry.field(
        default=None, description="5-100 characters. The slug does not change."
    )
    description: str | None = strawberry.field(default=None, description="At least 20 characters.")
    difficulty: Difficulty | None = strawberry.field(default=None, description="How hard it is.")
    category: str | None = strawberry.field(default=None, description="1-64 characters.")
    tags: list[str] | None = strawberry.field(
        default=None,
        description="Replaces all tags: at most 10, each 1-30 characters of a-z, 0-9 and - "
        "once trimmed and lower-cased.",
    )
    visibility: Visibility | None = strawberry.field(
        default=None, description="Who finds it in the catalog."
    )


@strawberry.input(description="The scenario to delete.")
class ScenarioDeleteInput:
    scenario_id: strawberry.ID = strawberry.field(description="The Scenario to delete.")


# --- versions ----------------------------------------------------------------------------


@strawberry.input(description="A new DRAFT version of a scenario, numbered after the last.")
class VersionCreateInput:
    scenario_id: strawberry.ID = strawberry.field(description="The Scenario to add it to.")
    copy_from: strawberry.ID | None = strawberry.field(
        default=None,
        description="A version of the same scenario, in any status, to deep-copy: its "
        "settings, machines, questions and answer keys. Absent: an empty version.",
    )
    changelog: str = strawberry.field(
        default="", description="What this version changes, for reviewers and learners."
    )


@strawberry.input(
    description="Changes to a version's settings; absent (or null) fields stay as they are."
)
class VersionUpdateInput:
    version_id: strawberry.ID = strawberry.field(description="The ScenarioVersion to change.")
    changelog: str | None = strawberry.field(
        default=None, description="What this version changes, for reviewers and learners."
    )
    time_limit_minutes: int | None = strawberry.field(default=None, description="30-480.")
    resource_profile: ResourceProfile | None = strawberry.field(
        default=None, description="The most CPU and memory any one machine may have."
    )


@strawberry.input(description="The version a workflow step (submit, publish, archive) acts on.")
class VersionInput:
    version_id: strawberry.ID = strawberry.field(description="A ScenarioVersion ID.")


@strawberry.enum(description="A reviewer's decision.")
class ReviewDecision(Enum):
    APPROVE = strawberry.enum_value(
        "APPROVE", description="The content is fit for learners: APPROVED, ready to publish."
    )
    REJECT = strawberry.enum_value(
        "REJECT", description="Send it back to its author (REJECTED) with a reason."
    )


@strawberry.input(description="An admin's decision on a SUBMITTED version.")
class VersionReviewInput:
    version_id: strawberry.ID = strawberry.field(description="The ScenarioVersion reviewed.")
    decision: ReviewDecision = strawberry.field(description="Approve or reject.")
    reason: str | None = strawberry.field(
        default=None,
        description="Required to reject: what must change (at most 2,000 characters). "
        "The author is notified with it.",
    )


# --- machines ----------------------------------------------------------------------------


@strawberry.input(description="An environment variable of a machine's container.")
class EnvironmentVariableInput:
    name: str = strawberry.field(description="Letters, digits and _, not starting with a digit.")
    value: str = strawberry.field(
        description="Its value; readable by whoever reaches the machine, so no real secrets."
    )


@strawberry.input(description="A new machine for a version; it comes last in order.")
class MachineAddInput:
    version_id: strawberry.ID = strawberry.field(description="The ScenarioVersion to add it to.")
    name: str = strawberry.field(
        description="Unique in the version: 1-63 characters of a-z, 0-9 and - (a DNS label)."
    )
    role: MachineRole = strawberry.field(description="What it is for in the scenario.")
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
    environment: list[EnvironmentVariableInput] = strawberry.field(
        default_factory=list,
        description="Environment variables of its container, each name once.",
    )
    network_group: str = strawberry.field(
        default="default",
        description="The network segment it belongs to: a-z, 0-9 and - (as a name).",
    )
    egress: EgressPolicy = strawberry.field(
        default=EgressPolicy.NONE,
        description="Where it may open connections to; none outside its session by default.",
    )


@strawberry.input(
    description="Changes to a machine; absent (or null) fields stay as they are. The rules "
    "are those of machineAdd."
)
class MachineUpdateInput:
    machine_id: strawberry.ID = strawberry.field(description="The Machine to change.")
    name: str | None = strawberry.field(
        default=None, description="Unique in the version: a DNS label (a-z, 0-9 and -)."
    )
    role: MachineRole | None = strawberry.field(
        default=None, description="What it is for in the scenario."
    )
    image_ref: str | None = strawberry.field(
        default=None, description="`[registry/]name[:tag|@sha256:digest]`, lower-case."
    )
    cpu: float | None = strawberry.field(
        default=None, description="vCPUs, within the version's resource profile."
    )
    memory_mib: int | None = strawberry.field(
        default=None, description="Memory in MiB, within the version's resource profile."
    )
    exposed_ports: list[int] | None = strawberry.field(
        default=None,
        description="Replaces all ports: at most 5, each once, of 22, 80, 443, 3000, 5900, "
        "6901, 8080, 8443, 9090.",
    )
    environment: list[EnvironmentVariableInput] | None = strawberry.field(
        default=None, description="Replaces all variables."
    )
    network_group: str | None = strawberry.field(
        default=None, description="The network segment it belongs to."
    )
    egress: EgressPolicy | None = strawberry.field(
        default=None, description="Where it may open connections to."
    )


@strawberry.input(description="The machine to remove.")
class MachineRemoveInput:
    machine_id: strawberry.ID = strawberry.field(description="The Machine to remove.")


# --- questions ---------------------------------------------------------------------------

SESSION_FLAG_ENV = (
    "FLAG questions only: each session gets its own generated flag, put into this "
    "environment variable of the version's non-attacker machines, and accepts only it; "
    "the question then takes no `expectedAnswers`. 1-64 characters of A-Z, 0-9 and _, not "
    "starting with a digit nor with RANGEX_LEARNER; one question per variable in a version."
)


@strawberry.input(description="A new question for a version; it comes last in order.")
class QuestionAddInput:
    version_id: strawberry.ID = strawberry.field(description="The ScenarioVersion to add it to.")
    prompt: str = strawberry.field(description="The question as learners read it; not blank.")
    kind: QuestionKind = strawberry.field(
        description="How it is answered (and what `expectedAnswers` and `choices` hold)."
    )
    points: int = strawberry.field(description="Positive.")
    expected_answers: list[str] = strawberry.field(
        default_factory=list,
        description="At least one, none blank. For choice questions, among the choices "
        "(one only for SINGLE_CHOICE and TRUE_FALSE). None with `sessionFlagEnv`. Never "
        "shown to learners.",
    )
    max_attempts: int = strawberry.field(
        default=15, description="Answers a learner may submit per session: 1 to 100."
    )
    choices: list[str] = strawberry.field(
        default_factory=list, description="At least two for choice questions."
    )
    case_sensitive: bool = strawberry.field(
        default=False,
        description="SHORT_ANSWER: whether letter case must match the expected answer.",
    )
    session_flag_env: str | None = strawberry.field(default=None, description=SESSION_FLAG_ENV)


@strawberry.input(
    description="Changes to a question; absent (or null) fields stay as they are. The rules "
    "are those of questionAdd."
)
class QuestionUpdateInput:
    question_id: strawberry.ID = strawberry.field(description="The Question to change.")
    prompt: str | None = strawberry.field(
        default=None, description="The question as learners read it; not blank."
    )
    kind: QuestionKind | None = strawberry.field(default=None, description="How it is answered.")
    points: int | None = strawberry.field(default=None, description="Positive.")
    expected_answers: list[str] | None = strawberry.field(
        default=None,
        description="Replaces the answer key: at least one, none blank; for choice "
        "questions, among the choices. Never shown to learners.",
    )
    max_attempts: int | None = strawberry.field(
        default=None, description="Answers a learner may submit per session: 1 to 100."
    )
    choices: list[str] | None = strawberry.field(
        default=None, description="Replaces the choices: at least two for choice questions."
    )
    case_sensitive: bool | None = strawberry.field(
        default=None,
        description="SHORT_ANSWER: whether letter case must match the expected answer.",
    )
    session_flag_env: str | None = strawberry.field(
        default=None,
        description=SESSION_FLAG_ENV + ' "" turns the per-session flag off (then give '
        "`expectedAnswers`).",
    )


@strawberry.input(description="The question to remove.")
class QuestionRemoveInput:
    question_id: strawberry.ID = strawberry.field(description="The Question to remove.")


@strawberry.input(description="A new order of a version's questions.")
class QuestionReorderInput:
    version_id: strawberry.ID = strawberry.field(
        description="The ScenarioVersion whose questions to reorder."
    )
    question_ids: list[strawberry.ID] = strawberry.field(
        description="Every question of the version, once each, in the new order."
    )
