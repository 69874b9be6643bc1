from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...models import Team
from ...models.enums import TeamRole
from ..context import Info
from ..node import Node
from ..pagination import After, Before, Connection, First, Last, PageRequest, SortKey, paginate
from .loaders import join_requests_by_id, team_members_by_id
from .types import TeamNode, teams_by_id, viewer_role

TEAM_SORT_KEY = SortKey("name", str)


async def resolve_team_node(info: Info, pk: UUID) -> Node | None:
    return await info.context.loader(teams_by_id).load(pk)


async def resolve_team_member_node(info: Info, pk: UUID) -> Node | None:
    return await info.context.loader(team_members_by_id).load(pk)


async def resolve_team_join_request_node(info: Info, pk: UUID) -> Node | None:
    """A join request, for its applicant, its team's captain and admins."""
    request = await info.context.loader(join_requests_by_id).load(pk)
    viewer = info.context.viewer
    if request is None or viewer is None:
        return None
    if viewer.is_admin or viewer.id == request.user_id:
        return request
    return request if await viewer_role(info, request.team_id) is TeamRole.CAPTAIN else None


@strawberry.type
class TeamQuery:
    @strawberry.field(description="Teams, by name.")
    async def teams(
        self,
        info: Info,
        search: Annotated[
            str | None,
            strawberry.argument(
                description="Only teams whose name contains this text (case ignored)."
            ),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[TeamNode]:
        settings = info.context.settings
        page = PageRequest.parse(
            TEAM_SORT_KEY,
            first=first,
            after=after,
            last=last,
            before=before,
            settings=settings,
        )
        queryset = Team.all()
        if search:
            queryset = queryset.filter(name__icontains=search.strip())
        return await paginate(
            queryset,
            page,
            TEAM_SORT_KEY,
            descending=False,
            columns=TeamNode.columns(),
            to_node=TeamNode.from_row,
        )

    @strawberry.field(description="A team by its slug; null when there is none.")
    async def team(
        self,
        info: Info,
        slug: Annotated[str, strawberry.argument(description="The team's `slug`.")],
    ) -> TeamNode | None:
        rows = await Team.filter(slug=slug).values(*TeamNode.columns())
        return TeamNode.from_row(rows[0]) if rows else None
