from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import Team, TeamMember
from ...models.enums import TeamRole
from ..context import Info
from ..loader_shapes import many_by_key, one_by_id, required
from ..node import (
    USER_TYPES,
    Node,
    RowNode,
    node_type,
    nodes_by_id,
    row_node,
    same,
    to_many,
    to_one,
)


@row_node(
    Team,
    columns={"pk": "id", **same("name", "slug", "description", "created_at")},
    relations=(to_many("members", "TeamMember", "team_id"),),
)
@strawberry.type(name="Team", description="A group of users competing together.")
class TeamNode(RowNode, Node):
    name: str = strawberry.field(description="Its unique name (at most 80 characters).")
    slug: str = strawberry.field(
        description="Its unique URL name; `team(slug:)` finds the team by it."
    )
    description: str = strawberry.field(
        description="What the team is about, in its own words; may be empty."
    )
    created_at: datetime = strawberry.field(description="When the team was created (UTC).")
    pk: strawberry.Private[UUID]

    @strawberry.field(description="Members, captains first. Teams are small, so not paged.")
    async def members(self, info: Info) -> list[TeamMemberNode]:
        return await info.context.loader(members_by_team).load(self.pk)


@row_node(
    TeamMember,
    columns={**same("team_id", "user_id", "role"), "joined_at": "created_at"},
    relations=(to_one("team", "Team", "team_id"), to_one("user", "User", "user_id")),
)
@strawberry.type(name="TeamMember", description="A user's membership of a team.")
class TeamMemberNode(RowNode, Node):
    role: TeamRole = strawberry.field(description="Captain or member.")
    joined_at: datetime = strawberry.field(description="When the user joined the team (UTC).")
    team_id: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID]

    @strawberry.field(description="The team joined.")
    async def team(self, info: Info) -> TeamNode:
        return await required(info.context.loader(teams_by_id), self.team_id)

    @strawberry.field(description="The member.", graphql_type=node_type("UserNode", USER_TYPES))
    async def user(self, info: Info) -> RowNode:
        return await required(info.context.loader(nodes_by_id("User")), self.user_id)


# --- loaders these types read, made per request by Context.loader -------------------------


def teams_by_id() -> DataLoader[UUID, TeamNode | None]:
    return one_by_id(Team, TeamNode.columns(), TeamNode.from_row)


def members_by_team() -> DataLoader[UUID, list[TeamMemberNode]]:
    return many_by_key(
        TeamMember,
        "team_id",
        TeamMemberNode.columns(),
        TeamMemberNode.from_row,
        order_by=("role", "created_at", "id"),
    )
