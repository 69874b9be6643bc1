"""The team domain's DataLoaders, made per request by ``Context.loader``. Those the team
types read themselves are declared beside them, in ``types.py``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import TeamMember
from ..loader_shapes import many_by_key, one_by_id
from .types import TeamMemberNode


def team_members_by_id() -> DataLoader[UUID, TeamMemberNode | None]:
    return one_by_id(TeamMember, TeamMemberNode.columns(), TeamMemberNode.from_row)


def memberships_by_user() -> DataLoader[UUID, list[TeamMemberNode]]:
    return many_by_key(
        TeamMember,
        "user_id",
        TeamMemberNode.columns(),
        TeamMemberNode.from_row,
        order_by=("created_at", "id"),
    )
