"""Joining, leaving, removal, captaincy: one team per user, never more than maxMembers,
and a refused join leaves the team exactly as it was."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.models import AuditLog, Team, TeamMember, User
from rangex_graphql.models.enums import EventStatus, TeamRole
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.teams.errors import TeamCode
from rangex_graphql.services.teams.membership import (
    join_by_code,
    leave,
    remove_member,
    transfer_captaincy,
)
from rangex_graphql.settings import Settings
from tests import factories

from .helpers import as_actor, invite_code, join, member_ids, open_team, snapshot

pytestmark = pytest.mark.usefixtures("db")


async def _refused(settings: Settings, team: Team, user: User) -> DomainError:
    with pytest.raises(DomainError) as failure:
        await join_by_code(as_actor(user), await invite_code(settings, team.id), settings, SYSTEM)
    return failure.value


async def test_a_full_team_refuses_a_join_and_stays_as_it_was(settings: Settings) -> None:
    team, _ = await open_team(settings, 2, max_members=2)
    before = await snapshot(team.id)
    outsider = await factories.user()
    failure = await _refused(settings, team, outsider)
    assert (failure.code, failure.field) == (TeamCode.TEAM_FULL, "input.inviteCode")
    assert await snapshot(team.id) == before
    assert not await TeamMember.filter(user_id=outsider.id).exists()


async def test_a_member_of_another_team_cannot_join(settings: Settings) -> None:
    team, _ = await open_team(settings)
    _, (elsewhere,) = await open_team(settings)
    before = await snapshot(team.id)
    assert (await _refused(settings, team, elsewhere)).code is TeamCode.ALREADY_IN_TEAM
    assert await snapshot(team.id) == before


async def test_concurrent_joins_fill_exactly_the_free_places(settings: Settings) -> None:
    team, founders = await open_team(settings, 2, max_members=5)
    code = await invite_code(settings, team.id)
    joiners = [await factories.user() for _ in range(20)]

    async def attempt(user: User) -> str:
        try:
            await join_by_code(as_actor(user), code, settings, SYSTEM)
        except DomainError as failure:
            return str(failure.code)
        return "JOINED"

    outcomes = await asyncio.gather(*(attempt(u) for u in joiners))
    assert sorted(set(outcomes)) == ["JOINED", "TEAM_FULL"]
    assert outcomes.count("JOINED") == 3
    assert len(await member_ids(team.id)) == 5
    assert (await Team.get(id=team.id)).member_count == 5
    assert {u.id for u in founders} <= await member_ids(team.id)


async def test_one_user_joining_two_teams_at_once_ends_in_one(settings: Settings) -> None:
    first, _ = await open_team(settings)
    second, _ = await open_team(settings)
    user = await factories.user()
    codes = [await invite_code(settings, t.id) for t in (first, second)]
    results = await asyncio.gather(
        *(join_by_code(as_actor(user), c, settings, SYSTEM) for c in codes),
        return_exceptions=True,
    )
    refused = [r for r in results if isinstance(r, DomainError)]
    assert [r.code for r in refused] == [TeamCode.ALREADY_IN_TEAM]
    counts = sorted([(await Team.get(id=t.id)).member_count for t in (first, second)])
    assert counts == [1, 2]
    assert await TeamMember.filter(user_id=user.id).count() == 1


async def test_a_leaving_captain_hands_over_to_the_oldest_member(settings: Settings) -> None:
    team, (captain, oldest, youngest) = await open_team(settings, 3)
    assert await leave(as_actor(captain), team.id, SYSTEM) is True
    roles = dict(await TeamMember.filter(team_id=team.id).values_list("user_id", "role"))
    assert roles == {oldest.id: TeamRole.CAPTAIN, youngest.id: TeamRole.MEMBER}
    assert (await Team.get(id=team.id)).member_count == 2
    assert await AuditLog.filter(action="team.leave", actor_id=captain.id).count() == 1


async def test_the_last_member_leaving_deletes_the_team(settings: Settings) -> None:
    team, (captain, member) = await open_team(settings, 2)
    await leave(as_actor(member), team.id, SYSTEM)
    assert await leave(as_actor(captain), team.id, SYSTEM) is False
    assert not await Team.filter(id=team.id).exists()


async def test_leaving_a_team_one_is_not_in_is_refused(settings: Settings) -> None:
    team, _ = await open_team(settings)
    with pytest.raises(DomainError) as failure:
        await leave(as_actor(await factories.user()), team.id, SYSTEM)
    assert failure.value.code is TeamCode.NOT_A_MEMBER


async def test_the_captain_removes_members_but_not_themself(settings: Settings) -> None:
    team, (captain, member, other) = await open_team(settings, 3)
    with pytest.raises(DomainError) as failure:
        await remove_member(as_actor(member), team.id, other.id, SYSTEM)
    assert failure.value.code is TeamCode.NOT_CAPTAIN
    with pytest.raises(DomainError) as failure:
        await remove_member(as_actor(captain), team.id, captain.id, SYSTEM)
    assert (failure.value.code, failure.value.field) == (
        TeamCode.CAPTAIN_NOT_REMOVABLE,
        "input.userId",
    )
    await remove_member(as_actor(captain), team.id, member.id, SYSTEM)
    assert await member_ids(team.id) == {captain.id, other.id}
    assert (await Team.get(id=team.id)).member_count == 2
    # The removed member may join another team now.
    elsewhere, _ = await open_team(settings)
    await join(settings, elsewhere.id, member)


async def test_the_captaincy_is_transferred_to_a_member(settings: Settings) -> None:
    team, (captain, member) = await open_team(settings, 2)
    with pytest.raises(DomainError) as failure:
        await transfer_captaincy(as_actor(captain), team.id, (await factories.user()).id, SYSTEM)
    assert failure.value.code is TeamCode.NOT_A_MEMBER
    await transfer_captaincy(as_actor(captain), team.id, member.id, SYSTEM)
    roles = dict(await TeamMember.filter(team_id=team.id).values_list("user_id", "role"))
    assert roles == {captain.id: TeamRole.MEMBER, member.id: TeamRole.CAPTAIN}
    with pytest.raises(DomainError) as failure:
        await transfer_captaincy(as_actor(captain), team.id, captain.id, SYSTEM)
    assert failure.value.code is TeamCode.NOT_CAPTAIN


@pytest.mark.parametrize("status", [EventStatus.RUNNING, EventStatus.FROZEN])
async def test_a_team_playing_in_an_event_cannot_change_members(
    settings: Settings, status: EventStatus
) -> None:
    team, (captain, member) = await open_team(settings, 2)
    event = await factories.event(status, participation_mode="TEAM")
    await factories.registration(event, team_=team)
    before = await snapshot(team.id)
    assert (await _refused(settings, team, await factories.user())).code is TeamCode.TEAM_LOCKED
    for act in (
        leave(as_actor(member), team.id, SYSTEM),
        remove_member(as_actor(captain), team.id, member.id, SYSTEM),
    ):
        with pytest.raises(DomainError) as failure:
            await act
        assert failure.value.code is TeamCode.TEAM_LOCKED
    assert await snapshot(team.id) == before


async def test_a_finished_or_rejected_registration_does_not_lock(settings: Settings) -> None:
    team, _ = await open_team(settings)
    finished = await factories.event(EventStatus.FINISHED, participation_mode="TEAM")
    await factories.registration(finished, team_=team)
    running = await factories.event(EventStatus.RUNNING, participation_mode="TEAM")
    registration = await factories.registration(running, team_=team)
    registration.status = "REJECTED"  # type: ignore[assignment]
    await registration.save()
    await join(settings, team.id)
    assert (await Team.get(id=team.id)).member_count == 2
