"""Inputs of the authoring mutations. In updates, an absent (or null) field is left as it is."""

from __future__ import annotations

from enum import Enum

import strawberry

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
    short_description: str | None = strawberry.field(
        default=None, description="A line or two for the catalog card: at most 400 characters."
    )
    estimated_minutes: int | None = strawberry.field(
        default=None, description="How long a learner typically needs: 5-480 minutes."
    )
    scenario_type: ScenarioType | None = strawberry.field(
        default=None, description="What kind of exercise it is."
    )
    mission: str | None = strawberry.field(
        default=None,
        description="What the learner sets out to do (Markdown, at most 20,000 characters); "
        "required to submit.",
    )
    solution: str | None = strawberry.field(
        default=None,
        description="The write-up of how to solve it (Markdown, at most 50,000 characters); "
        "required to submit. Read by the scenario's author and admins only.",
    )
    learning_outcomes: list[str] | None = strawberry.field(
        default=None,
        description="Replaces the outcomes: at most 10, each 1-200 characters once trimmed.",
    )
    code_of_ethics: str | None = strawberry.field(
        default=None,
        description="Rules of conduct the learner accepts (Markdown, at most 10,000 characters).",
    )
    featured: bool | None = strawberry.field(
        default=None,
        description="Whether the catalog features it: admins only (ADMIN_ONLY for anyone else).",
    )
    scoring_mode: VersionScoringMode | None = strawberry.field(
        default=None, description="How a session scores its questions."
    )
    hint_mode: HintMode | None = strawberry.field(
        default=None, description="Whether learners may unlock hints."
    )
    validation_mode: ValidationMode | None = strawberry.field(
        default=None, description="When answers are checked."
    )


@strawberry.input(
    description="The version a workflow step (submit, publish, withdraw, unpublish, archive, "
    "delete) acts on."
)
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


@strawberry.input(description="An admin's taking back of an approval, with the reason.")
class VersionRevertToDraftInput:
    version_id: strawberry.ID = strawberry.field(description="The APPROVED ScenarioVersion.")
    reason: str = strawberry.field(
        description="What must change (1-2,000 characters); kept on the version as "
        "`rejectionReason`, and the author is notified with it."
    )


@strawberry.input(description="A version to copy into a new scenario of the viewer's.")
class ScenarioDuplicateInput:
    version_id: strawberry.ID = strawberry.field(
        description="A ScenarioVersion the viewer may read in full (answer keys included): "
        "of their own scenario, or any for an admin; in any status."
    )
    title: str | None = strawberry.field(
        default=None,
        description="The new scenario's title (5-100 characters); absent: the source's.",
    )


# --- machines ----------------------------------------------------------------------------


@strawberry.input(description="An environment variable of a machine's container.")
class EnvironmentVariableInput:
    name: str = strawberry.field(description="Letters, digits and _, not starting with a digit.")
    value: str = strawberry.field(
        description="Its value; readable by whoever reaches the machine, so no real secrets."
    )


@strawberry.input(description="A port a machine's service listens on, and how to use it.")
class EntrypointInput:
    protocol: EntrypointProtocol = strawberry.field(description="How to talk to it.")
    port: int = strawberry.field(
        description="The container port: one of 22, 80, 443, 3000, 5900, 6901, 8080, 8443, "
        "9090, each once per machine."
    )
    exposed: bool = strawberry.field(
        default=True,
        description="Shown to the learner (published on the entry machine); false keeps it "
        "internal to the session.",
    )
    description: str = strawberry.field(
        default="", description="What it is, for the learner: at most 200 characters."
    )


ENTRYPOINTS = "At most 5, each on its own port."


@strawberry.input(description="A kernel parameter of a machine (network ones only).")
class SysctlInput:
    name: str = strawberry.field(
        description="net.ipv4.ip_forward, net.ipv4.conf.all.* / default.*, "
        "net.ipv6.conf.all.* / default.*, or net.ipv4 ip_unprivileged_port_start, "
        "ping_group_range, tcp_syncookies, icmp_echo_ignore_all, "
        "icmp_echo_ignore_broadcasts."
    )
    value: str = strawberry.field(description="1-64 characters of letters, digits, space . _ -.")


@strawberry.input(description="A resource limit of a machine's processes (soft = hard).")
class UlimitInput:
    name: str = strawberry.field(description="nofile (256-16384) or nproc (64-16384).")
    limit: int = strawberry.field(description="The limit, within the name's bounds.")


@strawberry.input(
    description="A shell command the engine runs in the machine: healthy when it exits 0. "
    "A session's machine with one counts as running only once healthy (Docker)."
)
class HealthcheckInput:
    command: str = strawberry.field(
        description="One line of at most 1,000 characters, run by /bin/sh."
    )
    interval_seconds: int = strawberry.field(default=30, description="5 to 300.")
    timeout_seconds: int = strawberry.field(default=5, description="2 to 60, at most the interval.")
    retries: int = strawberry.field(
        default=3, description="Failures in a row before unhealthy: 1 to 10."
    )
    start_period_seconds: int = strawberry.field(
        default=0, description="Failures that do not count while it starts: 0 to 300."
    )


@strawberry.input(
    description="The login the learner gets for a machine (the image must create it, from "
    "RANGEX_SSH_USERNAME and RANGEX_SSH_PASSWORD in its environment)."
)
class SshLoginInput:
    username: str = strawberry.field(
        description="1-32 characters of a-z, 0-9, _ and -, starting with a letter or _."
    )
    password: str = strawberry.field(
        description="1-128 characters on one line; stored encrypted, shown only to the "
        "owner of a running session, never to authors again."
    )


ACCESS = {
    "learner_may_enter": "The learner connects to it from outside the session: its "
    "exposed entrypoints are published (as the attacker machine's are).",
    "reachable_from_attacker": "The attacker machines may connect to it (and it to them); "
    "enforced by the engines' networks and security groups.",
    "internal_connections_allowed": "The other machines of its network group may connect to "
    "it (and it to them); when false only the attackers (if reachable) and pivot hosts do.",
    "pivot_host": "Reaches, and is reached by, every machine of every network group: the "
    "learner goes through it to reach the others.",
}
MACHINE_RUNTIME = {
    "startup_commands": "Shell command lines run in order by /bin/sh in place of the "
    "image's command, stopping at the first that fails: end with the machine's service "
    "(`exec ...`). At most 10 lines of at most 1,000 characters.",
    "capabilities": "Linux capabilities added back after all are dropped: Docker's "
    "defaults (less MKNOD), NET_ADMIN and SYS_PTRACE; on ECS, beyond the defaults only "
    "SYS_PTRACE. A machine is never privileged and never gets the engine's socket nor the "
    "host's network.",
    "sysctls": "Kernel parameters of its network namespace, each name once.",
    "ulimits": "Resource limits, each name once.",
}


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
    entrypoints: list[EntrypointInput] = strawberry.field(
        default_factory=list, description="The ports its services listen on. " + ENTRYPOINTS
    )
    startup_commands: list[str] = strawberry.field(
        default_factory=list, description=MACHINE_RUNTIME["startup_commands"]
    )
    capabilities: list[str] = strawberry.field(
        default_factory=list, description=MACHINE_RUNTIME["capabilities"]
    )
    sysctls: list[SysctlInput] = strawberry.field(
        default_factory=list, description=MACHINE_RUNTIME["sysctls"]
    )
    ulimits: list[UlimitInput] = strawberry.field(
        default_factory=list, description=MACHINE_RUNTIME["ulimits"]
    )
    healthcheck: HealthcheckInput | None = strawberry.field(
        default=None, description="How the engine tells it is ready; none by default."
    )
    ssh_login: SshLoginInput | None = strawberry.field(
        default=None, description="The login the learner gets for it; none by default."
    )
    learner_may_enter: bool | None = strawberry.field(
        default=None, description=ACCESS["learner_may_enter"] + " Absent: an attacker is."
    )
    reachable_from_attacker: bool = strawberry.field(
        default=True, description=ACCESS["reachable_from_attacker"]
    )
    internal_connections_allowed: bool = strawberry.field(
        default=True, description=ACCESS["internal_connections_allowed"]
    )
    pivot_host: bool = strawberry.field(default=False, description=ACCESS["pivot_host"])
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
    entrypoints: list[EntrypointInput] | None = strawberry.field(
        default=None, description="Replaces all entrypoints. " + ENTRYPOINTS
    )
    startup_commands: list[str] | None = strawberry.field(
        default=None, description="Replaces all. " + MACHINE_RUNTIME["startup_commands"]
    )
    capabilities: list[str] | None = strawberry.field(
        default=None, description="Replaces all. " + MACHINE_RUNTIME["capabilities"]
    )
    sysctls: list[SysctlInput] | None = strawberry.field(
        default=None, description="Replaces all. " + MACHINE_RUNTIME["sysctls"]
    )
    ulimits: list[UlimitInput] | None = strawberry.field(
        default=None, description="Replaces all. " + MACHINE_RUNTIME["ulimits"]
    )
    healthcheck: HealthcheckInput | None = strawberry.field(
        default=None, description="Replaces the healthcheck."
    )
    clear_healthcheck: bool = strawberry.field(
        default=False, description="Remove the healthcheck (with no `healthcheck` given)."
    )
    ssh_login: SshLoginInput | None = strawberry.field(
        default=None, description="Replaces the login the learner gets for it."
    )
    clear_ssh_login: bool = strawberry.field(
        default=False, description="Remove the login (with no `sshLogin` given)."
    )
    learner_may_enter: bool | None = strawberry.field(
        default=None, description=ACCESS["learner_may_enter"]
    )
    reachable_from_attacker: bool | None = strawberry.field(
        default=None, description=ACCESS["reachable_from_attacker"]
    )
    internal_connections_allowed: bool | None = strawberry.field(
        default=None, description=ACCESS["internal_connections_allowed"]
    )
    pivot_host: bool | None = strawberry.field(default=None, description=ACCESS["pivot_host"])
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

REGEX = (
    "SHORT_ANSWER only: the expected answers are regular expressions (Python `regex` syntax, "
    "at most 10) that the whole trimmed answer must match, ignoring case unless "
    "`caseSensitive`. Refused as REGEX_INVALID when one does not compile and REGEX_TOO_SLOW "
    "when it backtracks catastrophically on long answers; at answer time matching stops at "
    "a time limit and the answer counts as wrong."
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
        "(one only for SINGLE_CHOICE and TRUE_FALSE); for ORDERING, every item once in the "
        "right order. None with `sessionFlagEnv`. Never shown to learners.",
    )
    max_attempts: int = strawberry.field(
        default=15, description="Answers a learner may submit per session: 1 to 100."
    )
    choices: list[str] = strawberry.field(
        default_factory=list,
        description="At least two for choice questions; for ORDERING the items to put in "
        "order (2 to 50, distinct), shown to learners as listed, so not in the right order.",
    )
    case_sensitive: bool = strawberry.field(
        default=False,
        description="SHORT_ANSWER: whether letter case must match the expected answer.",
    )
    session_flag_env: str | None = strawberry.field(default=None, description=SESSION_FLAG_ENV)
    regex: bool = strawberry.field(default=False, description=REGEX)


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
    regex: bool | None = strawberry.field(
        default=None,
        description=REGEX + " Changing the kind away from SHORT_ANSWER needs `regex: false`.",
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
