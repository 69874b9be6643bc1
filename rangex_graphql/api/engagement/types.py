from __future__ import annotations

from datetime import datetime
from enum import Enum
from uuid import UUID

import strawberry

from ...models import ScenarioRating
from ..context import Info
from ..loader_shapes import required
from ..node import (
    SCENARIO_TYPES,
    USER_TYPES,
    Node,
    RowNode,
    node_type,
    nodes_by_id,
    row_node,
    same,
    to_one,
)
from ..payload import ERROR_CODE, ERROR_MESSAGE


@strawberry.enum(description="Why a favorite or rating was refused.")
class EngagementErrorCode(Enum):
    INVALID = strawberry.enum_value(
        "INVALID", description="Out of range: stars not 1 to 5, or a comment too long."
    )
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No such scenario, or not one the viewer may open."
    )
    SESSION_REQUIRED = strawberry.enum_value(
        "SESSION_REQUIRED",
        description="Rating needs a terminated or expired session of the scenario first.",
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class EngagementError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: EngagementErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@row_node(
    ScenarioRating,
    columns=same("user_id", "scenario_id", "stars", "comment", "created_at", "updated_at"),
    relations=(
        to_one("user", "User", "user_id"),
        to_one("scenario", "Scenario", "scenario_id"),
    ),
)
@strawberry.type(
    name="ScenarioRating",
    description="A learner's stars for a scenario, given after finishing a session of it. "
    "Visible to whoever can see the scenario.",
)
class ScenarioRatingNode(RowNode, Node):
    stars: int = strawberry.field(description="1 to 5.")
    comment: str | None = strawberry.field(
        description="What the learner wrote with the stars (at most 2,000 characters); "
        "null when nothing."
    )
    created_at: datetime = strawberry.field(description="When the scenario was first rated.")
    updated_at: datetime = strawberry.field(description="When the stars were last changed.")
    user_id: strawberry.Private[UUID]
    scenario_id: strawberry.Private[UUID]

    @strawberry.field(description="Who rated.", graphql_type=node_type("UserNode", USER_TYPES))
    async def user(self, info: Info) -> RowNode:
        return await required(info.context.loader(nodes_by_id("User")), self.user_id)

    @strawberry.field(
        description="The scenario rated.",
        graphql_type=node_type("ScenarioNode", SCENARIO_TYPES),
    )
    async def scenario(self, info: Info) -> RowNode:
        return await required(info.context.loader(nodes_by_id("Scenario")), self.scenario_id)
