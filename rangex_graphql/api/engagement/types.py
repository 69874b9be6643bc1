from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...services.errors import DomainError, DomainErrors
from ..context import Info
from ..ids import to_global_id
from ..loader_shapes import required
from ..node import Node
from ..payload import ERROR_CODE, ERROR_MESSAGE, payload_errors

if TYPE_CHECKING:
    from ..scenario.types import ScenarioNode
    from ..user.types import UserNode


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


def engagement_errors(failure: DomainError | DomainErrors) -> list[EngagementError]:
    return payload_errors(
        failure, EngagementErrorCode, lambda f, c, m: EngagementError(field=f, code=c, message=m)
    )


RATING_COLUMNS = ("id", "user_id", "scenario_id", "stars", "comment", "created_at", "updated_at")


@strawberry.type(
    name="ScenarioRating",
    description="A learner's stars for a scenario, given after finishing a session of it. "
    "Visible to whoever can see the scenario.",
)
class ScenarioRatingNode(Node):
    stars: int = strawberry.field(description="1 to 5.")
    comment: str | None = strawberry.field(
        description="What the learner wrote with the stars (at most 2,000 characters); "
        "null when nothing."
    )
    created_at: datetime = strawberry.field(description="When the scenario was first rated.")
    updated_at: datetime = strawberry.field(description="When the stars were last changed.")
    user_id: strawberry.Private[UUID]
    scenario_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ScenarioRatingNode:
        return cls(
            id=strawberry.ID(to_global_id("ScenarioRating", row["id"])),
            user_id=row["user_id"],
            scenario_id=row["scenario_id"],
            stars=row["stars"],
            comment=row["comment"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    @strawberry.field(description="Who rated.")
    async def user(self, info: Info) -> Annotated[UserNode, strawberry.lazy("..user.types")]:
        return await required(info.context.loaders.users_by_id, self.user_id)

    @strawberry.field(description="The scenario rated.")
    async def scenario(
        self, info: Info
    ) -> Annotated[ScenarioNode, strawberry.lazy("..scenario.types")]:
        return await required(info.context.loaders.scenarios_by_id, self.scenario_id)
