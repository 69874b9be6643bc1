"""The team domain's DataLoaders, made per request by ``Context.loader``. Those the team
types read themselves are declared beside them, in ``types.py``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import TeamJoinRequest, TeamMember
from ..loader_shapes import one_by_id
from .types import TeamJoinRequestNode, TeamMemberNode, memberships_by_user

__all__ = [
    "join_requests_by_id",
    "memberships_by_user",
    "team_members_by_id",
]


def team_members_by_id() -> DataLoader[UUID, TeamMemberNode | None]:
    return one_by_id(TeamMember, TeamMemberNode.columns(), TeamMemberNode.from_row)


def join_requests_by_id() -> DataLoader[UUID, TeamJoinRequestNode | None]:
    return one_by_id(TeamJoinRequest, TeamJoinRequestNode.columns(), TeamJoinRequestNode.from_row)
