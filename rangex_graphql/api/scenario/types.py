from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import (
    Difficulty,
    EgressPolicy,
    MachineRole,
    QuestionKind,
    ResourceProfile,
    VersionStatus,
    Visibility,
)
from ..context import Info
from ..errors import Forbidden
from ..ids import to_global_id
from ..loader_shapes import loaded, loaded_required, loaded_then, required
from ..node import Node
from ..pagination import After, Before, Connection, First, Last
from .visibility import can_see_unpublished

if TYPE_CHECKING:
    from strawberry.dataloader import DataLoader

    from ..engagement.types import ScenarioRatingNode
    from ..user.types import UserNode


SCENARIO_COLUMNS = (
    "id",
    "author_id",
    "title",
    "slug",
    "description",
    "difficulty",
    "category",
    "visibility",
    "created_at",
    "updated_at",
    "deleted_at",
    "rating_average",
    "rating_count",
    "sessions_started",
)
VERSION_COLUMNS = (
    "id",
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
)
MACHINE_COLUMNS = (
    "id",
    "version_id",
    "name",
    "role",
    "image_ref",
    "cpu",
    "memory_mib",
    "exposed_ports",
    "network_group",
    "egress",
    "position",  # the detail page's join orders by it
)
QUESTION_COLUMNS = (
    "id",
    "version_id",
    "prompt",
    "kind",
    "points",
    "position",
    "max_attempts",
    "choices",
    "session_flag_env",
)


def visible_versions(info: Info, author_id: UUID) -> DataLoader[UUID, list[ScenarioVersionNode]]:
    """The loader of a scenario's versions the viewer sees: every version for its author
    and admins, the published ones for everyone else."""
    loaders = info.context.loaders
    if can_see_unpublished(info.context.viewer, author_id):
        return loaders.versions_by_scenario
    return loaders.published_versions_by_scenario


def _newest(published: list[ScenarioVersionNode]) -> ScenarioVersionNode | None:
    return published[0] if published else None


@strawberry.type(name="Scenario", description="A challenge, authored in versions.")
class ScenarioNode(Node):
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
    pk: strawberry.Private[UUID]
    author_id: strawberry.Private[UUID]
    is_deleted: strawberry.Private[bool]
    # Relations read ahead for the query (prefetch.py), served as they are; None: not read.
    author_read: strawberry.Private[UserNode | None] = None
    published_read: strawberry.Private[list[ScenarioVersionNode] | None] = None
    versions_read: strawberry.Private[list[ScenarioVersionNode] | None] = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ScenarioNode:
        return cls(
            id=strawberry.ID(to_global_id("Scenario", row["id"])),
            pk=row["id"],
            author_id=row["author_id"],
            title=row["title"],
            slug=row["slug"],
            description=row["description"],
            difficulty=row["difficulty"],
            category=row["category"],
            visibility=row["visibility"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            rating_average=row["rating_average"] if row["rating_count"] else None,
            rating_count=row["rating_count"],
            sessions_started=row["sessions_started"],
            is_deleted=row["deleted_at"] is not None,
        )

    @strawberry.field(description="Normalized tags, alphabetical.")
    async def tags(self, info: Info) -> list[str]:
        return await info.context.loaders.tags_by_scenario.load(self.pk)

    @strawberry.field(
        description="Who wrote the scenario.",
        graphql_type=Annotated["UserNode", strawberry.lazy("..user.types")],
    )
    def author(self, info: Info) -> UserNode | Awaitable[UserNode]:
        if self.author_read is not None:
            return self.author_read
        return loaded_required(info.context.loaders.users_by_id, self.author_id)

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
        return loaded_then(info.context.loaders.published_versions_by_scenario, self.pk, _newest)

    @strawberry.field(
        description="Whether the viewer saved it as a favorite; false when anonymous."
    )
    async def viewer_has_favorited(self, info: Info) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            return False
        return await info.context.loaders.favorited_by_user.load((viewer.id, self.pk))

    @strawberry.field(description="How many users saved it as a favorite.")
    async def favorite_count(self, info: Info) -> int:
        return await info.context.loaders.favorite_count_by_scenario.load(self.pk)

    @strawberry.field(description="The viewer's rating; null when anonymous or not rated yet.")
    async def viewer_rating(
        self, info: Info
    ) -> Annotated[ScenarioRatingNode, strawberry.lazy("..engagement.types")] | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        return await info.context.loaders.rating_by_user.load((viewer.id, self.pk))

    @strawberry.field(description="Its ratings, newest first.")
    async def ratings(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Annotated[ScenarioRatingNode, strawberry.lazy("..engagement.types")]]:
        from ..engagement.queries import ratings_of_scenario

        return await ratings_of_scenario(info, self.pk, first, after, last, before)


@strawberry.type(name="ScenarioVersion", description="One version of a scenario's content.")
class ScenarioVersionNode(Node):
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
        description="Why a reviewer rejected it (REJECTED versions)."
    )
    archived_at: datetime | None = strawberry.field(
        description="When it was archived (UTC); null unless ARCHIVED."
    )
    pk: strawberry.Private[UUID]
    scenario_id: strawberry.Private[UUID]
    reviewed_by_id: strawberry.Private[UUID | None]
    # Relations read ahead for the query (prefetch.py), served as they are; None: not read.
    machines_read: strawberry.Private[list[MachineNode] | None] = None
    questions_read: strawberry.Private[list[QuestionNode] | None] = None
    machine_count_read: strawberry.Private[int | None] = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ScenarioVersionNode:
        return cls(
            id=strawberry.ID(to_global_id("ScenarioVersion", row["id"])),
            pk=row["id"],
            scenario_id=row["scenario_id"],
            number=row["number"],
            status=row["status"],
            changelog=row["changelog"],
            time_limit_minutes=row["time_limit_minutes"],
            resource_profile=row["resource_profile"],
            published_at=row["published_at"],
            created_at=row["created_at"],
            submitted_at=row["submitted_at"],
            reviewed_at=row["reviewed_at"],
            rejection_reason=row["rejection_reason"],
            archived_at=row["archived_at"],
            reviewed_by_id=row["reviewed_by_id"],
        )

    @strawberry.field(description="The admin who approved or rejected it.")
    async def reviewed_by(
        self, info: Info
    ) -> Annotated[UserNode, strawberry.lazy("..user.types")] | None:
        if self.reviewed_by_id is None:
            return None
        return await info.context.loaders.users_by_id.load(self.reviewed_by_id)

    @strawberry.field(description="The scenario it is a version of.")
    async def scenario(self, info: Info) -> ScenarioNode:
        return await required(info.context.loaders.scenarios_by_id, self.scenario_id)

    @strawberry.field(
        description="Machines deployed for a session, in order.",
        graphql_type="list[MachineNode]",
    )
    def machines(self, info: Info) -> list[MachineNode] | Awaitable[list[MachineNode]]:
        if self.machines_read is not None:
            return self.machines_read
        return loaded(info.context.loaders.machines_by_version, self.pk)

    @strawberry.field(
        description="How many machines a session of this version runs.", graphql_type=int
    )
    def machine_count(self, info: Info) -> int | Awaitable[int]:
        if self.machine_count_read is not None:
            return self.machine_count_read
        return loaded(info.context.loaders.machine_count_by_version, self.pk)

    @strawberry.field(
        description="Questions, in order. Expected answers are never exposed.",
        graphql_type="list[QuestionNode]",
    )
    def questions(self, info: Info) -> list[QuestionNode] | Awaitable[list[QuestionNode]]:
        if self.questions_read is not None:
            return self.questions_read
        return loaded(info.context.loaders.questions_by_version, self.pk)


@strawberry.type(name="Machine", description="A container a session of the version runs.")
class MachineNode(Node):
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
    exposed_ports: list[int] = strawberry.field(
        description="TCP ports its services listen on (at most 5, from 22, 80, 443, 3000, "
        "5900, 6901, 8080, 8443, 9090); the entry machine's are published to the learner."
    )
    network_group: str = strawberry.field(
        description="The network segment it belongs to in the scenario's design "
        "(`default` unless its author names one); the engine labels the machine with it."
    )
    egress: EgressPolicy = strawberry.field(
        description="Where it may open connections to outside its session."
    )
    version_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MachineNode:
        return cls(
            id=strawberry.ID(to_global_id("Machine", row["id"])),
            version_id=row["version_id"],
            name=row["name"],
            role=row["role"],
            image_ref=row["image_ref"],
            cpu=row["cpu"],
            memory_mib=row["memory_mib"],
            exposed_ports=row["exposed_ports"],
            network_group=row["network_group"],
            egress=row["egress"],
        )

    @strawberry.field(description="The version that defines it.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loaders.versions_by_id, self.version_id)


@strawberry.type(name="Question", description="A question a learner answers in a session.")
class QuestionNode(Node):
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

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> QuestionNode:
        return cls(
            id=strawberry.ID(to_global_id("Question", row["id"])),
            pk=row["id"],
            version_id=row["version_id"],
            prompt=row["prompt"],
            kind=row["kind"],
            points=row["points"],
            position=row["position"],
            max_attempts=row["max_attempts"],
            choices=row["choices"],
            session_flag_env_read=row["session_flag_env"],
        )

    @strawberry.field(description="The version it belongs to.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loaders.versions_by_id, self.version_id)

    async def _require_author(self, info: Info, refusal: str) -> None:
        """Refuse anyone but the scenario's author and admins (learners would learn from
        it how to answer)."""
        version = await required(info.context.loaders.versions_by_id, self.version_id)
        scenario = await required(info.context.loaders.scenarios_by_id, version.scenario_id)
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
        return await info.context.loaders.answers_by_question.load(self.pk)

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
