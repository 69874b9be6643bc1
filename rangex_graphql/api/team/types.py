from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader

from ...models import Team, TeamJoinRequest, TeamMember
from ...models.enums import JoinRequestStatus, TeamRole
from ...security.secret_box import read_sealed
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

USER_NODE = node_type("UserNode", USER_TYPES)


@row_node(
    Team,
    columns={
        "pk": "id",
        **same(
            "name",
            "slug",
            "description",
            "motto",
            "country",
            "is_open",
            "max_members",
            "member_count",
            "invite_code_sealed",
            "created_at",
        ),
    },
    relations=(
        to_many("members", "TeamMember", "team_id"),
        to_many("join_requests", "TeamJoinRequest", "team_id"),
    ),
)
@strawberry.type(name="Team", description="A group of users competing together.")
class TeamNode(RowNode, Node):
    name: str = strawberry.field(description="Its unique name (at most 80 characters).")
    slug: str = strawberry.field(
        description="Its unique URL name, made from its first name; `team(slug:)` finds the "
        "team by it. A rename keeps it."
    )
    description: str = strawberry.field(
        description="What the team is about, in its own words; may be empty."
    )
    motto: str = strawberry.field(description="A line the team stands by; may be empty.")
    country: str | None = strawberry.field(
        description="Where the team comes from: an ISO 3166-1 alpha-2 code (`MY`); null "
        "when not told."
    )
    is_open: bool = strawberry.field(
        description="Whether anyone holding its invite code joins without the captain's "
        "review (`teamJoin`); otherwise one asks with `teamJoinRequest`."
    )
    max_members: int = strawberry.field(description="The most members the team may have.")
    member_count: int = strawberry.field(description="How many members it has now.")
    created_at: datetime = strawberry.field(description="When the team was created (UTC).")
    pk: strawberry.Private[UUID]
    invite_code_sealed: strawberry.Private[str | None]

    @strawberry.field(description="Members, captains first. Teams are small, so not paged.")
    async def members(self, info: Info) -> list[TeamMemberNode]:
        return await info.context.loader(members_by_team).load(self.pk)

    @strawberry.field(description="The team's captain.", graphql_type=USER_NODE | None)
    async def captain(self, info: Info) -> RowNode | None:
        members = await info.context.loader(members_by_team).load(self.pk)
        for member in members:
            if member.role == TeamRole.CAPTAIN:
                captain: RowNode | None = await info.context.loader(nodes_by_id("User")).load(
                    member.user_id
                )
                return captain
        return None

    @strawberry.field(
        description="The invite code of an open team, for its members to pass on; null "
        "for anyone else, and for a closed team. `teamInviteCodeRotate` replaces it."
    )
    async def invite_code(self, info: Info) -> str | None:
        if self.invite_code_sealed is None or await viewer_role(info, self.pk) is None:
            return None
        return read_sealed(info.context.settings, self.invite_code_sealed)

    @strawberry.field(
        description="Requests to join the team, pending ones first, then the newest: for "
        "its captain and admins; null for anyone else."
    )
    async def join_requests(self, info: Info) -> list[TeamJoinRequestNode] | None:
        viewer = info.context.viewer
        if viewer is None:
            return None
        if not viewer.is_admin and await viewer_role(info, self.pk) is not TeamRole.CAPTAIN:
            return None
        requests = await info.context.loader(join_requests_by_team).load(self.pk)
        return sorted(requests, key=lambda r: r.status != JoinRequestStatus.PENDING)


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

    @strawberry.field(description="The member.", graphql_type=USER_NODE)
    async def user(self, info: Info) -> RowNode:
        return await required(info.context.loader(nodes_by_id("User")), self.user_id)


@row_node(
    TeamJoinRequest,
    columns={
        "pk": "id",
        **same("team_id", "user_id", "message", "status", "created_at", "reviewed_at"),
    },
    relations=(to_one("team", "Team", "team_id"), to_one("user", "User", "user_id")),
)
@strawberry.type(
    name="TeamJoinRequest",
    description="A user's request to join a team, for its captain to approve or reject.",
)
class TeamJoinRequestNode(RowNode, Node):
    message: str = strawberry.field(description="What the applicant wrote; may be empty.")
    status: JoinRequestStatus = strawberry.field(description="Where the request stands.")
    created_at: datetime = strawberry.field(description="When it was made (UTC).")
    reviewed_at: datetime | None = strawberry.field(
        description="When the captain decided (UTC); null while PENDING."
    )
    pk: strawberry.Private[UUID]
    team_id: strawberry.Private[UUID]
    user_id: strawberry.Private[UUID]

    @strawberry.field(description="The team asked.")
    async def team(self, info: Info) -> TeamNode:
        return await required(info.context.loader(teams_by_id), self.team_id)

    @strawberry.field(description="The applicant.", graphql_type=USER_NODE)
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


def memberships_by_user() -> DataLoader[UUID, list[TeamMemberNode]]:
    return many_by_key(
        TeamMember,
        "user_id",
        TeamMemberNode.columns(),
        TeamMemberNode.from_row,
        order_by=("created_at", "id"),
    )


def join_requests_by_team() -> DataLoader[UUID, list[TeamJoinRequestNode]]:
    return many_by_key(
        TeamJoinRequest,
        "team_id",
        TeamJoinRequestNode.columns(),
        TeamJoinRequestNode.from_row,
        order_by=("-created_at", "id"),
    )


async def viewer_role(info: Info, team_id: UUID) -> TeamRole | None:
    """The viewer's role in the team; None when not a member (or not signed in)."""
    viewer = info.context.viewer
    if viewer is None:
        return None
    for membership in await info.context.loader(memberships_by_user).load(viewer.id):
        if membership.team_id == team_id:
            return membership.role
    return None
