"""Who is in a team: joining (by invite code, or an approved request), leaving, being
removed, handing the captaincy on.

One team per user (TeamMember is unique per user), and at most ``max_members`` members:
``member_count`` grows only through a conditional UPDATE, in the joining transaction, so
concurrent joins never overfill a team, and a refused join rolls back to the team as it
was. The UPDATE (or, for departures, ``team_for_change``) locks the team's row first, so
changes of one team's members and its event rosters take turns.
"""

from __future__ import annotations

from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from ...db.transactions import retrying_transaction, savepoint
from ...models import Team, TeamMember
from ...models.enums import TeamRole
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError
from .access import role_of, team_for_captain, team_for_change
from .errors import TeamCode
from .event_rosters import enter_member, refuse_if_locked, release_places, withdraw_member
from .invite_codes import candidate_tags, opens


async def refuse_if_in_team(user_id: UUID, field: str) -> None:
    if await TeamMember.filter(user_id=user_id).exists():
        raise DomainError(TeamCode.ALREADY_IN_TEAM, "already in a team; leave it first", field)


async def add_member(team_id: UUID, user_id: UUID, field: str) -> None:
    """Inside the caller's transaction: the user becomes a member, or nothing changes."""
    await refuse_if_in_team(user_id, field)
    grown = await Team.filter(id=team_id, member_count__lt=F("max_members")).update(
        member_count=F("member_count") + 1
    )
    if not grown:
        if not await Team.filter(id=team_id).exists():
            raise DomainError(TeamCode.TEAM_NOT_FOUND, "no such team", field)
        raise DomainError(TeamCode.TEAM_FULL, "the team has as many members as it may", field)
    await refuse_if_locked(team_id, field)
    try:
        async with savepoint():  # a savepoint: the caller's transaction decides
            await TeamMember.create(team_id=team_id, user_id=user_id, role=TeamRole.MEMBER)
    except IntegrityError:  # another team took the user meanwhile
        raise DomainError(
            TeamCode.ALREADY_IN_TEAM, "already in a team; leave it first", field
        ) from None
    rows = await Team.filter(id=team_id).values("member_count")
    await enter_member(team_id, user_id, int(rows[0]["member_count"]), field)


async def _take_out(team: Team, user_id: UUID, field: str) -> bool:
    """Inside the caller's transaction, ``team`` locked: the member goes (the oldest member
    inherits a leaving captain's role); the last one takes the team along. Whether the
    team is still there."""
    await refuse_if_locked(team.id, field)
    member = await TeamMember.filter(team_id=team.id, user_id=user_id).first()
    if member is None:
        raise DomainError(TeamCode.NOT_A_MEMBER, "not a member of this team", field)
    await member.delete()
    await withdraw_member(team.id, user_id)
    oldest = await TeamMember.filter(team_id=team.id).order_by("created_at", "id").first()
    if oldest is None:
        await release_places(team.id)
        await team.delete()
        return False
    await Team.filter(id=team.id).update(member_count=F("member_count") - 1)
    if member.role == TeamRole.CAPTAIN:
        await TeamMember.filter(id=oldest.id).update(role=TeamRole.CAPTAIN)
    return True


async def join_by_code(actor: Actor, code: str, settings: Settings, meta: RequestMeta) -> UUID:
    """Join the open team whose invite code this is; its id."""
    field = "input.inviteCode"
    tags = candidate_tags(settings, code.strip())

    async def join() -> UUID:
        team = await Team.filter(invite_code_tag__in=tags, is_open=True).first()
        if team is None or not opens(settings, team.invite_code_sealed, code.strip()):
            raise DomainError(
                TeamCode.INVALID_INVITE_CODE, "no open team has this invite code", field
            )
        await add_member(team.id, actor.id, field)
        await audit(
            "team.join",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team.id,
            via="invite_code",
        )
        return team.id

    return await retrying_transaction(join)


async def leave(actor: Actor, team_id: UUID, meta: RequestMeta) -> bool:
    """The actor leaves the team; whether the team is still there."""

    async def go() -> bool:
        team = await team_for_change(team_id)
        kept = await _take_out(team, actor.id, "input.teamId")
        await audit(
            "team.leave",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team_id,
            team_deleted=not kept,
        )
        return kept

    return await retrying_transaction(go)


async def remove_member(actor: Actor, team_id: UUID, user_id: UUID, meta: RequestMeta) -> None:
    """The captain (or an admin) removes a member other than the captain."""

    async def remove() -> None:
        team = await team_for_captain(actor, team_id)
        role = await role_of(team_id, user_id)
        if role is None:
            raise DomainError(TeamCode.NOT_A_MEMBER, "not a member of this team", "input.userId")
        if role is TeamRole.CAPTAIN:
            raise DomainError(
                TeamCode.CAPTAIN_NOT_REMOVABLE,
                "the captain is not removed; they leave, or hand the captaincy on first",
                "input.userId",
            )
        await _take_out(team, user_id, "input.userId")
        await audit(
            "team.member_remove",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team_id,
            user_id=str(user_id),
        )

    await retrying_transaction(remove)


async def transfer_captaincy(actor: Actor, team_id: UUID, user_id: UUID, meta: RequestMeta) -> None:
    """The captain (or an admin) makes another member the captain; the captain becomes a
    member."""

    async def transfer() -> None:
        await team_for_captain(actor, team_id)
        if await role_of(team_id, user_id) is None:
            raise DomainError(TeamCode.NOT_A_MEMBER, "not a member of this team", "input.userId")
        await TeamMember.filter(team_id=team_id, role=TeamRole.CAPTAIN).update(role=TeamRole.MEMBER)
        await TeamMember.filter(team_id=team_id, user_id=user_id).update(role=TeamRole.CAPTAIN)
        await audit(
            "team.captain_transfer",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team_id,
            user_id=str(user_id),
        )

    await retrying_transaction(transfer)
