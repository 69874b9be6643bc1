"""A version's hint as its author sees it: ``Hint`` (``ScenarioVersion.hints``)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from ...models import Hint
from ...models.enums import HintUnlockCondition
from ...services.authoring.visibility import can_see_unpublished
from ..context import Info
from ..errors import Forbidden
from ..loader_shapes import required
from ..node import Node, RowNode, nodes_by_id, row_node, same, to_one
from ..scenario.loaders import questions_by_id
from ..scenario.types import QuestionNode, ScenarioVersionNode, scenarios_by_id, versions_by_id

UNLOCK_THRESHOLD = (
    "Minutes of running time (0 to 480) or wrong attempts (0 to 100) before it may be "
    "unlocked, as `unlockCondition` says."
)
PENALTY = "Points deducted from the session score (and the event score) when it is unlocked: once."


@row_node(
    Hint,
    columns={
        "pk": "id",
        **same(
            "version_id",
            "question_id",
            "position",
            "title",
            "unlock_condition",
            "unlock_threshold",
            "penalty_points",
        ),
        "body_text": "body",
    },
    relations=(
        to_one("version", "ScenarioVersion", "version_id"),
        to_one("question", "Question", "question_id"),
    ),
)
@strawberry.type(
    name="Hint",
    description="A hint of a version, or of one of its questions, that a learner may "
    "unlock in a session for a penalty (when the version's hint mode is ENABLED). Its "
    "body is its author's and admins' here; learners read it in `EnvironmentSession.hints` "
    "once unlocked.",
)
class HintNode(RowNode, Node):
    title: str = strawberry.field(description="What it is about (at most 160 characters).")
    position: int = strawberry.field(
        description="Its place among its question's hints (or the version level hints): 0, 1, 2..."
    )
    unlock_condition: HintUnlockCondition = strawberry.field(
        description="What unlocks it: running time, or wrong attempts."
    )
    unlock_threshold: int = strawberry.field(description=UNLOCK_THRESHOLD)
    penalty_points: int = strawberry.field(description=PENALTY)
    pk: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]
    question_id: strawberry.Private[UUID | None]
    body_text: strawberry.Private[str]

    @strawberry.field(description="The version it belongs to.")
    async def version(self, info: Info) -> ScenarioVersionNode:
        return await required(info.context.loader(versions_by_id), self.version_id)

    @strawberry.field(
        description="The question it helps with; null for a hint of the whole version "
        "(whose wrong attempts count across the session's questions)."
    )
    async def question(self, info: Info) -> QuestionNode | None:
        if self.question_id is None:
            return None
        found: QuestionNode | None = await info.context.loader(questions_by_id).load(
            self.question_id
        )
        return found

    @strawberry.field(
        description="The hint itself, in Markdown. The scenario's author and admins only: "
        "learners are refused here, and read it in `EnvironmentSession.hints` once unlocked."
    )
    async def body(self, info: Info) -> str:
        version = await required(info.context.loader(versions_by_id), self.version_id)
        scenario = await required(info.context.loader(scenarios_by_id), version.scenario_id)
        if not can_see_unpublished(info.context.viewer, scenario.author_id):
            raise Forbidden("only the scenario's author and admins read a hint here")
        return self.body_text


hints_by_id = nodes_by_id("Hint")
