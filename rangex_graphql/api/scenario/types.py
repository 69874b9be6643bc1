from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...db.rows import row_reader
from ...models import Machine, Question, QuestionAnswerKey, Scenario, ScenarioTag, ScenarioVersion
from ...models.enums import (
    Difficulty,
    EgressPolicy,
    HintMode,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    ScenarioType,
    ValidationMode,
    VersionScoringMode,
    VersionStatus,
    Visibility,
)
from ...services.authoring.visibility import can_see_unpublished
from ..context import Info
from ..engagement.loaders import (
    favorite_count_by_scenario,
    favorited_by_user,
    rating_by_user,
    rating_pages_by_scenario,
)
from ..engagement.types import ScenarioRatingNode
from ..errors import Forbidden
from ..files.fields import cover_url, version_assets
from ..files.types import VersionAssetType
from ..hint.loaders import HINT_TYPES, hint_mode_by_version, hint_order, hints_by_version
from ..loader_shapes import (
    count_by_key,
    loaded,
    loaded_required,
    loaded_then,
    many_by_key,
    one_by_id,
    required,
)
from ..nested_pagination import NestedKey, NestedPage
from ..node import (
    USER_TYPES,
    Computed,
    Node,
    RowNode,
    node_type,
    nodes_by_id,
    row_node,
    same,
    to_many,
    to_one,
)
from ..pagination import After, Before, Connection, First, Last
from ..request_loader import RequestLoader
from ..session.latest import SESSION_TYPES, latest_session_by_viewer_and_version
from ..testrun.loaders import TEST_RUN_TYPES
from ..testrun.queries import latest_run_of_version, runs_of_version
from .entrypoints import (
    EntrypointInfo,
    HealthcheckInfo,
    SysctlInfo,
    UlimitInfo,
    entrypoints_of,
    healthcheck_of,
    sysctls_of,
    ulimits_of,
)


def visible_versions(info: Info, author_id: UUID) -> DataLoader[UUID, list[ScenarioVersionNode]]:
    """The loader of a scenario's versions the viewer sees: every version for its author
    and admins, the published ones for everyone else."""
    if can_see_unpublished(info.context.viewer, author_id):
        return info.context.loader(versions_by_scenario)
    return info.context.loader(published_versions_by_scenario)


def _newest(published: list[ScenarioVersionNode]) -> ScenarioVersionNode | None:
    return published[0] if published else None


def _featured(published: list[ScenarioVersionNode]) -> bool:
    newest = _newest(published)
    return newest is not None and newest.featured


def _rating_average(row: Mapping[str, Any]) -> float | None:
    return row["rating_average"] if row["rating_count"] else None  # no rating: no average


def _is_deleted(row: Mapping[str, Any]) -> bool:
    return row["deleted_at"] is not None


@row_node(
    Scenario,
    columns={
        "pk": "id",
        **same(
            "author_id",
            "title",
            "slug",
            "description",
            "difficulty",
            "category",
            "visibility",
            "created_at",
            "updated_at",
            "rating_count",
            "sessions_started",
            "max_active_sessions",
        ),
    },
    computed={
        "rating_average": Computed(("rating_average", "rating_count"), _rating_average),
        "is_deleted": Computed(("deleted_at",), _is_deleted),
    },
    relations=(
        to_one("author", "User", "author_id"),
        to_many("versions", "ScenarioVersion", "scenario_id"),
        to_many("ratings", "ScenarioRating", "scenario_id"),
    ),
)
@strawberry.type(name="Scenario", description="A challenge, authored in versions.")
class ScenarioNode(RowNode, Node):
    title: str = strawberry.field(description="Its name in the catalog (5 to 100 characters).")
    slug: str = strawberry.field(
        description="URL name made from the title at creation (`-2`, `-3`… when taken); "
        "it never changes. `scenario(slug:)` finds it by it."
    )
    description: str = strawberry.field(
        description="What the learner faces and sets out to do (at least 20 characters)."
    )
    difficulty: Difficulty = strawberry.field(description="How hard it is.")
    category: str = strawberry.field(
        description="Its field of security, as the catalog groups it (`web`, `network`…)."
    )
    visibility: Visibility = strawberry.field(
        description="Who finds it: listed in the catalog, by link only, or its author alone."
    )
    created_at: datetime = strawberry.field(description="When its author created it (UTC).")
    updated_at: datetime = strawberry.field(
        description="When it or its settings last changed (UTC)."
    )
    rating_average: float | None = strawberry.field(
        description="Mean stars (1 to 5) of its ratings; null before the first rating."
    )
    rating_count: int = strawberry.field(description="How many users rated it.")
    sessions_started: int = strawberry.field(
        description="Sessions started on any of its versions (its popularity)."
    )
    max_active_sessions: int | None = strawberry.field(
        description="Most active sessions of it at once (a start beyond it gets "
        "SCENARIO_SESSION_LIMIT); null: no cap of its own. Admins set it (scenarioCapSet)."
    )
    pk: strawberry.Private[UUID]
    author_id: strawberry.Private[UUID]
    is_deleted: strawberry.Private[bool]
    # Relations read ahead for the query (prefetch.py), served as they are; None: not read.
    author_read: strawberry.Private[RowNode | None] = None
    published_read: strawberry.Private[list[ScenarioVersionNode] | None] = None
    versions_read: strawberry.Private[list[ScenarioVersionNode] | None] = None

    @strawberry.field(description="Normalized tags, alphabetical.")
    async def tags(self, info: Info) -> list[str]:
        return await info.context.loader(tags_by_scenario).load(self.pk)

    @strawberry.field(
        description="Who wrote the scenario.",
        graphql_type=node_type("UserNode", USER_TYPES),
    )
    def author(self, info: Info) -> RowNode | Awaitable[RowNode]:
        if self.author_read is not None:
            return self.author_read
        return loaded_required(info.context.loader(nodes_by_id("User")), self.author_id)

    @strawberry.field(
        description="Versions, newest first. Learners see published versions only; "
        "the author and admins see every version.",
        graphql_type="list[ScenarioVersionNode]",
    )
    def versions(
        self, info: Info
    ) -> list[ScenarioVersionNode] | Awaitable[list[ScenarioVersionNode]]:
        if self.versions_read is not None:
            return self.versions_read
        return loaded(visible_versions(info, self.author_id), self.pk)

    @strawberry.field(
        description="The version learners start now, if one is published.",
        graphql_type="ScenarioVersionNode | None",
    )
    def published_version(
        self, info: Info
    ) -> ScenarioVersionNode | Awaitable[ScenarioVersionNode | None] | None:
        if self.published_read is not None:
            return _newest(self.published_read)
        return loaded_then(info.context.loader(published_versions_by_scenario), self.pk, _newest)

    @strawberry.field(
        description="Whether the catalog features it: its published version's `featured` "
        "flag (set by admins with versionFeature); false while none is published.",
        graphql_type=bool,
    )
    def featured(self, info: Info) -> bool | Awaitable[bool]:
        if self.published_read is not None:
            return _featured(self.published_read)
        return loaded_then(info.context.loader(published_versions_by_scenario), self.pk, _featured)

    @strawberry.field(
        description="Whether the viewer saved it as a favorite; false when anonymous."
    )
    async def viewer_has_favorited(self, info: Info) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            return False
        return await info.context.loader(favorited_by_user).load((viewer.id, self.pk))

    @strawberry.field(description="How many users saved it as a favorite.")
    async def favorite_count(self, info: Info) -> int:
        return await info.context.loader(favorite_count_by_scenario).load(self.pk)

    @strawberry.field(description="The viewer's rating; null when anonymous or not rated yet.")
    async def viewer_rating(self, info: Info) -> ScenarioRatingNode | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return await info.context.loader(rating_by_user).load((viewer.id, self.pk))

    @strawberry.field(description="Its ratings, newest first.")
    async def ratings(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ScenarioRatingNode]:
        page = NestedPage.parse(
            first=first, after=after, last=last, before=before, settings=info.context.settings
        )
        return await info.context.loader(rating_pages_by_scenario).load(NestedKey(self.pk, page))


@row_node(
    ScenarioVersion,
    columns={
        "pk": "id",
        **same(
            "scenario_id",
            "number",
            "status",
            "changelog",
            "time_limit_minutes",
            "resource_profile",
            "published_at",
            "created_at",
            "submitted_at",
            "reviewed_at",
            "reviewed_by_id",
            "rejection_reason",
            "archived_at",
            "short_description",
            "estimated_minutes",
            "scenario_type",
            "learning_outcomes",
            "featured",
            "scoring_mode",
            "hint_mode",
            "validation_mode",
        ),
    },
    relations=(
        to_one("scenario", "Scenario", "scenario_id"),
        to_one("reviewed_by", "User", "reviewed_by_id"),
        to_many("machines", "Machine", "version_id"),
        to_many("questions", "Question", "version_id"),
    ),
)
@strawberry.type(name="ScenarioVersion", description="One version of a scenario's content.")
class ScenarioVersionNode(RowNode, Node):
    number: int = strawberry.field(description="1 for a scenario's first version, then 2, 3…")
    status: VersionStatus = strawberry.field(
        description="Where it is in the authoring workflow; only PUBLISHED versions are "
        "started by learners."
    )
    changelog: str = strawberry.field(
        description="What changed since the previous version, in the author's words; may "
        "be empty, as for a first version."
    )
    time_limit_minutes: int = strawberry.field(
        description="How long a session of it is meant to take, in minutes (30 to 480)."
    )
    resource_profile: ResourceProfile = strawberry.field(
        description="The largest size any of its machines may have (CPU and memory)."
    )
    published_at: datetime | None = strawberry.field(
        description="When it was published (UTC); null while never published."
    )
    created_at: datetime = strawberry.field(description="When it was created (UTC).")
    submitted_at: datetime | None = strawberry.field(
        description="When it was last submitted for review (UTC); null before that."
    )
    reviewed_at: datetime | None = strawberry.field(
        description="When an admin last approved or rejected it (UTC); null before that."
    )
    rejection_reason: str | None = strawberry.field(
        description="Why a reviewer rejected it (REJECTED versions), or why an admin took "
        "its approval back (versionRevertToDraft)."
    )
    archived_at: datetime | None = strawberry.field(
        description="When it was archived (UTC); null unless ARCHIVED."
    )
    short_description: str = strawberry.field(
        description="A line or two for the catalog card (at most 400 characters)."
    )
    estimated_minutes: int = strawberry.field(
        description="How long a learner typically needs, in minutes (5 to 480)."
    )
    scenario_type: ScenarioType = strawberry.field(description="What kind of exercise it is.")
    learning_outcomes: list[str] = strawberry.field(
        description="What a learner takes away from it, in the author's words (at most 10)."
    )
    featured: bool = strawberry.field(description="Whether admins feature it in the catalog.")
    scoring_mode: VersionScoringMode = strawberry.field(
        description="How a session of it scores its questions."
    )
    hint_mode: HintMode = strawberry.field(description="Whether learners may unlock hints.")
    validation_mode: ValidationMode = strawberry.field(description="When answers are checked.")
    pk: strawberry.Private[UUID]
    scenario_id: strawberry.Private[UUID]
    reviewed_by_id: strawberry.Private[UUID | None]
    # Relations read ahead for the query (prefetch.py), served as they are; None: not read.
    machines_read: strawberry.Private[list[MachineNode] | None] = None
    questions_read: strawberry.Private[list[QuestionNode] | None] = None
    machine_count_read: strawberry.Private[int | None] = None

    @strawberry.field(
        description="The admin who approved or rejected it.",
        graphql_type=node_type("UserNode", USER_TYPES) | None,
    )
    async def reviewed_by(self, info: Info) -> RowNode | None:
        if self.reviewed_by_id is None:
            return None
        loaded: RowNode | None = await info.context.loader(nodes_by_id("User")).load(
            self.reviewed_by_id
        )
        return loaded

    @strawberry.field(description="The scenario it is a version of.")
    async def scenario(self, info: Info) -> ScenarioNode:
        return await required(info.context.loader(scenarios_by_id), self.scenario_id)

    @strawberry.field(
        description="What the learner sets out to do (Markdown); required to submit.",
        graphql_type=str,
    )
    def mission(self, info: Info) -> str | Awaitable[str]:
        return loaded_then(info.context.loader(version_texts), self.pk, _mission)

    @strawberry.field(
        description="Rules of conduct the learner accepts (Markdown); may be empty.",
        graphql_type=str,
    )
    def code_of_ethics(self, info: Info) -> str | Awaitable[str]:
        return loaded_then(info.context.loader(version_texts), self.pk, _code_of_ethics)

    @strawberry.field(
        description="The write-up of how to solve it (Markdown). The scenario's author and "
        "admins only: learners are refused, whichever way they reach the version."
    )
    async def solution(self, info: Info) -> str:
        scenario = await required(info.context.loader(scenarios_by_id), self.scenario_id)
        if not can_see_unpublished(info.context.viewer, scenario.author_id):
            raise Forbidden("only the scenario's author and admins read its solution")
        return await info.context.loader(solutions_by_version).load(self.pk)

    @strawberry.field(
        description="Machines deployed for a session, in order.",
        graphql_type="list[MachineNode]",
    )
    def machines(self, info: Info) -> list[MachineNode] | Awaitable[list[MachineNode]]:
        if self.machines_read is not None:
            return self.machines_read
        return loaded(info.context.loader(machines_by_version), self.pk)

    @strawberry.field(
        description="How many machines a session of this version runs.", graphql_type=int
    )
    def machine_count(self, info: Info) -> int | Awaitable[int]:
        if self.machine_count_read is not None:
            return self.machine_count_read
        return loaded(info.context.loader(machine_count_by_version), self.pk)

    @strawberry.field(
        description="Questions, in order. Expected answers are never exposed.",
        graphql_type="list[QuestionNode]",
    )
    def questions(self, info: Info) -> list[QuestionNode] | Awaitable[list[QuestionNode]]:
        if self.questions_read is not None:
            return self.questions_read
        return loaded(info.context.loader(questions_by_version), self.pk)

    @strawberry.field(
        description="Hints learners may unlock in a session (when `hintMode` is ENABLED): "
        "the version level ones first, then each question's, in order. Their bodies are "
        "the author's and admins' here (`Hint.body`); learners read them in "
        "`EnvironmentSession.hints` once unlocked.",
        graphql_type=list[node_type("HintNode", HINT_TYPES)],  # type: ignore[misc]
    )
    async def hints(self, info: Info) -> list[Any]:
        hints, questions = await asyncio.gather(
            info.context.loader(hints_by_version).load(self.pk),
            info.context.loader(questions_by_version).load(self.pk),
        )
        places = {question.pk: question.position for question in questions}
        return sorted(hints, key=lambda hint: hint_order(hint.question_id, hint.position, places))

    @strawberry.field(
        description="A short-lived link to its cover image (PNG, JPEG or WebP); null "
        "without one. Set with uploadCreate(kind: COVER) and uploadComplete."
    )
    async def cover_url(self, info: Info) -> str | None:
        return await cover_url(info, self.pk)

    @strawberry.field(
        description="Files it brings along, oldest first: every one for the scenario's "
        "author and admins; the DOWNLOAD ones (without placement) for learners."
    )
    async def assets(self, info: Info) -> list[VersionAssetType]:
        scenario = await required(info.context.loader(scenarios_by_id), self.scenario_id)
        return await version_assets(info, self.pk, scenario.author_id)

    @strawberry.field(
        description="Its creator test runs, newest first: the scenario's author and admins "
        "only (reviewers see them before approving); FORBIDDEN for anyone else.",
        graphql_type=Connection[node_type("VersionTestRunNode", TEST_RUN_TYPES)],  # type: ignore[misc]
    )
    async def test_runs(self, info: Info, first: First = None, after: After = None) -> Any:
        scenario = await required(info.context.loader(scenarios_by_id), self.scenario_id)
        return await runs_of_version(info, self.pk, scenario.author_id, first, after)

    @strawberry.field(
        description="Its newest test run with its checks; null before any. The scenario's "
        "author and admins only; FORBIDDEN for anyone else.",
        graphql_type=node_type("VersionTestRunNode", TEST_RUN_TYPES) | None,
    )
    async def latest_test_run(self, info: Info) -> Any:
        scenario = await required(info.context.loader(scenarios_by_id), self.scenario_id)
        return await latest_run_of_version(info, self.pk, scenario.author_id)

    @strawberry.field(
        description="The signed-in viewer's most recent session of this version (creator "
        "test runs left out), whatever its state: what a challenge page shows beside the "
        "content (state, score, answers, unlocked hints). Null when anonymous or when the "
        "viewer has none.",
        graphql_type=node_type("EnvironmentSessionNode", SESSION_TYPES) | None,
    )
    async def viewer_latest_session(self, info: Info) -> Any:
        viewer = info.context.viewer
        if viewer is None:
            return None
        # The session's hints read the version's hint mode: this row holds it.
        info.context.loader(hint_mode_by_version).prime(self.pk, self.hint_mode)
        return await info.context.loader(latest_session_by_viewer_and_version).load(
            (viewer.id, self.pk)
        )


@row_node(
    Machine,
    columns=same(
        "version_id",
        "name",
        "role",
        "image_ref",
        "cpu",
        "memory_mib",
        "network_group",
        "egress",
        "capabilities",
        "startup_commands",
        "ssh_username",
        "ssh_password_sealed",
        "learner_may_enter",
        "reachable_from_attacker",
        "internal_connections_allowed",
    )
    | {"pivot_host_read": "pivot_host"},
    computed={
        "entrypoints_read": Computed(("entrypoints",), entrypoints_of),
        "sysctls": Computed(("sysctls",), sysctls_of),
        "ulimits": Computed(("ulimits",), ulimits_of),
        "healthcheck_read": Computed(("healthcheck",), healthcheck_of),
    },
    also_read=("position",),  # the detail page's join orders by it
    relations=(to_one("version", "ScenarioVersion", "version_id"),),
)
@strawberry.type(name="Machine", description="A container a session of the version runs.")
class MachineNode(RowNode, Node):
    name: str = strawberry.field(
        description="Its host name in the session: a DNS label (a-z, 0-9 and -), unique in "
        "the version."
    )
    role: MachineRole = strawberry.field(description="What it is for in the scenario.")
    image_ref: str = strawberry.field(
        description="The container image it runs: `[registry/]name[:tag|@sha256:digest]`, "
        "lower-case."
    )
    cpu: float = strawberry.field(description="vCPUs.")
    memory_mib: int = strawberry.field(description="Memory, in MiB.")
    network_group: str = strawberry.field(
        description="The network segment it belongs to in the scenario's design "
        "(`default` unless its author names one); the engine labels the machine with it."
    )
    egress: EgressPolicy = strawberry.field(
        description="Where it may open connections to outside its session."
    )
    capabilities: list[str] = strawberry.field(
        description="Linux capabilities it gets back after all are dropped (an allow-list)."
    )
    sysctls: list[SysctlInfo] = strawberry.field(
        description="Kernel parameters of its network namespace, by name."
    )
    ulimits: list[UlimitInfo] = strawberry.field(description="Resource limits, by name.")
    learner_may_enter: bool = strawberry.field(
        description="The learner connects to it from outside the session (its exposed "
        "entrypoints are published in a session)."
    )
    reachable_from_attacker: bool = strawberry.field(
        description="The attacker machine may connect to it (the intended segmentation)."
    )
    internal_connections_allowed: bool = strawberry.field(
        description="The session's other machines may connect to it (the intended design)."
    )
    version_id: strawberry.Private[UUID]
    entrypoints_read: strawberry.Private[list[EntrypointInfo]]
    pivot_host_read: strawberry.Private[bool]
    startup_commands: strawberry.Private[list[str]]
    healthcheck_read: strawberry.Private[HealthcheckInfo | None]
    # The login learners get: the password only ever through a session's `connection`.
    ssh_username: strawberry.Private[str | None]
    ssh_password_sealed: strawberry.Private[str | None]

    @strawberry.field(description="The version that defines it.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loader(versions_by_id), self.version_id)

    @strawberry.field(
        description="The ports its services listen on (at most 5), in order: every one for "
        "the scenario's author and admins, the exposed ones for everyone else (internal "
        "entrypoints are for the learner to discover). The entry machine's exposed "
        "entrypoints are published to the learner in a session."
    )
    async def entrypoints(self, info: Info) -> list[EntrypointInfo]:
        if all(e.exposed for e in self.entrypoints_read):
            return self.entrypoints_read
        if await self._authored_by_viewer(info):
            return self.entrypoints_read
        return [e for e in self.entrypoints_read if e.exposed]

    @strawberry.field(
        description="Shell command lines it runs in place of its image's command, in order. "
        "The scenario's author and admins only (null for anyone else: they may give the "
        "lab away).",
        name="startupCommands",
    )
    async def startup_commands_seen(self, info: Info) -> list[str] | None:
        return list(self.startup_commands) if await self._authored_by_viewer(info) else None

    @strawberry.field(
        description="How the engine tells it is ready; null when it has none. The "
        "scenario's author and admins only (null for anyone else)."
    )
    async def healthcheck(self, info: Info) -> HealthcheckInfo | None:
        return self.healthcheck_read if await self._authored_by_viewer(info) else None

    @strawberry.field(
        description="The user name of the login learners get for it (its password is never "
        "shown here); null when it has none. The scenario's author and admins only.",
        name="sshUsername",
    )
    async def ssh_username_seen(self, info: Info) -> str | None:
        return self.ssh_username if await self._authored_by_viewer(info) else None

    @strawberry.field(
        description="A machine the learner goes through to reach others. The scenario's "
        "author and admins only (null for anyone else: it gives the path away).",
    )
    async def pivot_host(self, info: Info) -> bool | None:
        return self.pivot_host_read if await self._authored_by_viewer(info) else None

    async def _authored_by_viewer(self, info: Info) -> bool:
        """Whether the viewer is the scenario's author or an admin."""
        version = await required(info.context.loader(versions_by_id), self.version_id)
        scenario = await required(info.context.loader(scenarios_by_id), version.scenario_id)
        return can_see_unpublished(info.context.viewer, scenario.author_id)

    @strawberry.field(
        description="The ports of its exposed entrypoints.",
        deprecation_reason="Use `entrypoints`, which also says each port's protocol.",
    )
    def exposed_ports(self) -> list[int]:
        return [e.port for e in self.entrypoints_read if e.exposed]


@row_node(
    Question,
    columns={
        "pk": "id",
        **same("version_id", "prompt", "kind", "points", "position", "max_attempts", "choices"),
        "session_flag_env_read": "session_flag_env",
    },
    relations=(to_one("version", "ScenarioVersion", "version_id"),),
)
@strawberry.type(name="Question", description="A question a learner answers in a session.")
class QuestionNode(RowNode, Node):
    prompt: str = strawberry.field(description="The question as the learner reads it.")
    kind: QuestionKind = strawberry.field(
        description="How it is answered, and so what form `answerSubmit` takes."
    )
    points: int = strawberry.field(
        description="What a right answer scores, once per session (1 to 1,000)."
    )
    position: int = strawberry.field(
        description="Its place among the version's questions: 0, 1, 2… in the order "
        "learners see them."
    )
    max_attempts: int = strawberry.field(
        description="How many answers a learner may submit to it per session (1 to 100)."
    )
    choices: list[str] = strawberry.field(description="Options of a choice question.")
    version_id: strawberry.Private[UUID]
    pk: strawberry.Private[UUID]
    # Read with the question row (no statement of its own); served to authors only.
    session_flag_env_read: strawberry.Private[str | None]

    @strawberry.field(description="The version it belongs to.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loader(versions_by_id), self.version_id)

    async def _require_author(self, info: Info, refusal: str) -> None:
        """Refuse anyone but the scenario's author and admins (learners would learn from
        it how to answer)."""
        version = await required(info.context.loader(versions_by_id), self.version_id)
        scenario = await required(info.context.loader(scenarios_by_id), version.scenario_id)
        if not can_see_unpublished(info.context.viewer, scenario.author_id):
            raise Forbidden(refusal)

    @strawberry.field(
        description="Accepted answers. The scenario's author and admins only: learners are "
        "refused, whichever way they reach the question."
    )
    async def expected_answers(self, info: Info) -> list[str] | None:
        await self._require_author(
            info, "only the scenario's author and admins see expected answers"
        )
        return await info.context.loader(answers_by_question).load(self.pk)

    @strawberry.field(
        description="The environment variable that carries each session's own flag (FLAG "
        "questions with a per-session flag); null when the question has a static flag or "
        "answers. The scenario's author and admins only: learners are refused, whichever "
        "way they reach the question."
    )
    async def session_flag_env(self, info: Info) -> str | None:
        await self._require_author(
            info, "only the scenario's author and admins see session flag variables"
        )
        return self.session_flag_env_read


# --- loaders these types read, made per request by Context.loader -------------------------


async def _tags(keys: list[UUID]) -> list[list[str]]:
    rows = (
        await ScenarioTag.filter(scenario_id__in=keys)
        .order_by("tag")
        .values_list("scenario_id", "tag")
    )
    tags: dict[UUID, list[str]] = {key: [] for key in keys}
    for scenario_id, tag in rows:
        tags[scenario_id].append(tag)
    return [tags[key] for key in keys]


async def _answers(keys: list[UUID]) -> list[list[str]]:
    rows = await QuestionAnswerKey.filter(question_id__in=keys).values_list(
        "question_id", "expected"
    )
    found: dict[UUID, list[str]] = dict(rows)
    return [found.get(key, []) for key in keys]


async def _texts(keys: list[UUID]) -> list[tuple[str, str]]:
    # Fixed SQL text (db/rows.py): the query builder would cost more than the read.
    reader = row_reader(ScenarioVersion, ("id", "mission", "code_of_ethics"), "id")
    rows = await reader.where_in(keys)
    found = {row["id"]: (row["mission"], row["code_of_ethics"]) for row in rows}
    return [found.get(key, ("", "")) for key in keys]


async def _solutions(keys: list[UUID]) -> list[str]:
    rows = await ScenarioVersion.filter(id__in=keys).values_list("id", "solution")
    found: dict[UUID, str] = dict(rows)
    return [found.get(key, "") for key in keys]


def _mission(texts: tuple[str, str]) -> str:
    return texts[0]


def _code_of_ethics(texts: tuple[str, str]) -> str:
    return texts[1]


def version_texts() -> DataLoader[UUID, tuple[str, str]]:
    """A version's long texts learners read (mission, code of ethics): not in the node's
    columns, so lists of versions do not carry them."""
    return RequestLoader(load_fn=_texts)


def solutions_by_version() -> DataLoader[UUID, str]:
    """The solution write-up, read only once the reader is known to be allowed it."""
    return RequestLoader(load_fn=_solutions)


scenarios_by_id = nodes_by_id("Scenario")


def tags_by_scenario() -> DataLoader[UUID, list[str]]:
    return RequestLoader(load_fn=_tags)


def versions_by_id() -> DataLoader[UUID, ScenarioVersionNode | None]:
    return one_by_id(ScenarioVersion, ScenarioVersionNode.columns(), ScenarioVersionNode.from_row)


def published_versions_by_scenario() -> DataLoader[UUID, list[ScenarioVersionNode]]:
    """Only the published version (one row per scenario), for catalog listings."""
    return many_by_key(
        ScenarioVersion,
        "scenario_id",
        ScenarioVersionNode.columns(),
        ScenarioVersionNode.from_row,
        order_by=("-number",),
        where={"status": VersionStatus.PUBLISHED},
    )


def versions_by_scenario() -> DataLoader[UUID, list[ScenarioVersionNode]]:
    return many_by_key(
        ScenarioVersion,
        "scenario_id",
        ScenarioVersionNode.columns(),
        ScenarioVersionNode.from_row,
        order_by=("-number",),
    )


def machines_by_version() -> DataLoader[UUID, list[MachineNode]]:
    return many_by_key(Machine, "version_id", MachineNode.columns(), MachineNode.from_row)


def machine_count_by_version() -> DataLoader[UUID, int]:
    return count_by_key(Machine, "version_id")


def questions_by_version() -> DataLoader[UUID, list[QuestionNode]]:
    return many_by_key(Question, "version_id", QuestionNode.columns(), QuestionNode.from_row)


def answers_by_question() -> DataLoader[UUID, list[str]]:
    return RequestLoader(load_fn=_answers)
