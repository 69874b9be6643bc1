"""Teams made through the services, as the API makes them."""

from __future__ import annotations

from uuid import UUID

from rangex_graphql.models import Team, TeamMember, User
from rangex_graphql.security.secret_box import read_sealed
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.teams.membership import join_by_code
from rangex_graphql.services.teams.teams import TeamSpec, create_team
from rangex_graphql.settings import Settings
from tests import factories


def as_actor(user: User) -> Actor:
    return Actor(id=user.id, is_admin=user.role == "ADMIN")


async def open_team(
    settings: Settings, members: int = 1, *, name: str | None = None, max_members: int = 10
) -> tuple[Team, list[User]]:
    """An open team of ``members`` (its captain first), joined by its invite code."""
    captain = await factories.user()
    team_id = await create_team(
        as_actor(captain),
        TeamSpec(name=name or f"Team of {captain.username}", is_open=True),
        settings,
        SYSTEM,
    )
    await Team.filter(id=team_id).update(max_members=max_members)
    users = [captain]
    for _ in range(members - 1):
        users.append(await join(settings, team_id))
    return await Team.get(id=team_id), users


async def invite_code(settings: Settings, team_id: UUID) -> str:
    team = await Team.get(id=team_id)
    code = read_sealed(settings, team.invite_code_sealed)
    assert code is not None
    return code


async def join(settings: Settings, team_id: UUID, user: User | None = None) -> User:
    user = user or await factories.user()
    await join_by_code(as_actor(user), await invite_code(settings, team_id), settings, SYSTEM)
    return user


async def member_ids(team_id: UUID) -> set[UUID]:
    rows = await TeamMember.filter(team_id=team_id).values("user_id")
    return {row["user_id"] for row in rows}


async def snapshot(team_id: UUID) -> tuple[object, ...]:
    """Everything a join may change, to compare before and after a refused one."""
    team = await Team.get(id=team_id)
    members = sorted(
        (str(m["user_id"]), str(m["role"]))
        for m in await TeamMember.filter(team_id=team_id).values("user_id", "role")
    )
    return (team.member_count, tuple(members))
