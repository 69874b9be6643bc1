from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from ...models.enums import TeamRole
from ..context import Info
from ..ids import to_global_id
from ..loader_shapes import required
from ..node import Node

if TYPE_CHECKING:
    from ..user.types import UserNode


TEAM_COLUMNS = ("id", "name", "slug", "description", "created_at")
TEAM_MEMBER_COLUMNS = ("id", "team_id", "user_id", "role", "created_at")


@strawberry.type(name="Team", description="A group of users competing together.")
class TeamNode(Node):
    name: str = strawberry.field(description="Its unique name (at most 80 characters).")
    slug: str = strawberry.field(
        description="Its unique URL name; `team(slug:)` finds the team by it."
    )
    description: str = strawberry.field(
        description="What the team is about, in its own words; may be empty."
    )
    created_at: datetime = strawberry.field(description="When the team was created (UTC).")
    pk: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TeamNode:
        return cls(
            id=strawberry.ID(to_global_id("Team", row["id"])),
            pk=row["id"],
            name=row["name"],
            slug=row["slug"],
            description=row["description"],
            created_at=row["created_at"],
        )

    @strawberry.field(description="Members, captains first. Teams are small, so not paged.")
    async def members(self, info: Info) -> list[TeamMemberNode]:
        return await info.context.loaders.members_by_team.load(self.pk)


@strawberry.type(name="TeamMember", description="A user's membership of a team.")
class TeamMemberNode(Node):
    role: TeamRole = strawberry.field(description="Captain or member.")
    joined_at: datetime = strawberry.field(description="When the user joined the team (UTC).")
    team_id: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> TeamMemberNode:
        return cls(
            id=strawberry.ID(to_global_id("TeamMember", row["id"])),
            team_id=row["team_id"],
            user_id=row["user_id"],
            role=row["role"],
            joined_at=row["created_at"],
        )

    @strawberry.field(description="The team joined.")
    async def team(self, info: Info) -> TeamNode:
        return await required(info.context.loaders.teams_by_id, self.team_id)

    @strawberry.field(description="The member.")
    async def user(self, info: Info) -> Annotated[UserNode, strawberry.lazy("..user.types")]:
        return await required(info.context.loaders.users_by_id, self.user_id)
