"""Finding a team, and who may act on it: its captain, or an admin."""

from __future__ import annotations

from uuid import UUID

from ...models import Team, TeamMember
from ...models.enums import TeamRole
from ..authoring.access import Actor
from ..errors import DomainError
from .errors import TeamCode


async def team_for_change(team_id: UUID, field: str = "input.teamId") -> Team:
    """The team, its row locked until the transaction ends: changes of one team's members
    take turns."""
    team = await Team.filter(id=team_id).select_for_update().first()
    if team is None:
        raise DomainError(TeamCode.TEAM_NOT_FOUND, "no such team", field)
    return team


async def role_of(team_id: UUID, user_id: UUID) -> TeamRole | None:
    row = await TeamMember.filter(team_id=team_id, user_id=user_id).values("role")
    return TeamRole(row[0]["role"]) if row else None


async def require_captain(actor: Actor, team_id: UUID, field: str = "input.teamId") -> None:
    if actor.is_admin or await role_of(team_id, actor.id) is TeamRole.CAPTAIN:
        return
    raise DomainError(TeamCode.NOT_CAPTAIN, "only the team's captain (or an admin) may", field)


async def team_for_captain(actor: Actor, team_id: UUID, field: str = "input.teamId") -> Team:
    """The team, locked (``team_for_change``), when ``actor`` is its captain or an admin."""
    team = await team_for_change(team_id, field)
    await require_captain(actor, team_id, field)
    return team
