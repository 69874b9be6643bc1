"""teamCreate, teamUpdate, teamDelete and invite codes, at the service."""

from __future__ import annotations

import pytest

from rangex_graphql.models import AuditLog, Event, Team, TeamMember
from rangex_graphql.models.enums import EventStatus, RegistrationStatus, TeamRole, UserRole
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.teams.errors import TeamCode
from rangex_graphql.services.teams.membership import join_by_code
from rangex_graphql.services.teams.teams import (
    TeamChanges,
    TeamSpec,
    create_team,
    delete_team,
    rotate_invite_code,
    update_team,
)
from rangex_graphql.settings import Settings
from tests import factories

from .helpers import as_actor, invite_code, join, open_team

pytestmark = pytest.mark.usefixtures("db")


async def test_the_creator_becomes_captain_of_a_team_of_one(settings: Settings) -> None:
    user = await factories.user()
    team_id = await create_team(
        as_actor(user),
        TeamSpec(name="  Red   Herrings ", motto="We bite", country="MY"),
        settings.model_copy(update={"team_max_members": 4}),
        SYSTEM,
    )
    team = await Team.get(id=team_id)
    assert (team.name, team.slug, team.motto, team.country) == (
        "Red Herrings",
        "red-herrings",
        "We bite",
        "MY",
    )
    assert (team.member_count, team.max_members, team.is_open) == (1, 4, False)
    assert (team.invite_code_sealed, team.invite_code_tag) == (None, None)
    member = await TeamMember.get(team_id=team_id)
    assert (member.user_id, member.role) == (user.id, TeamRole.CAPTAIN)  # type: ignore[attr-defined]
    assert await AuditLog.filter(action="team.create", target_id=str(team_id)).count() == 1


async def test_a_member_of_a_team_cannot_create_another(settings: Settings) -> None:
    _, (captain,) = await open_team(settings)
    with pytest.raises(DomainError) as failure:
        await create_team(as_actor(captain), TeamSpec(name="Second"), settings, SYSTEM)
    assert failure.value.code is TeamCode.ALREADY_IN_TEAM
    assert await Team.all().count() == 1


async def test_names_are_unique_ignoring_case_and_slugs_stay_distinct(settings: Settings) -> None:
    await open_team(settings, name="Blue Team")
    with pytest.raises(DomainError) as failure:
        await create_team(
            as_actor(await factories.user()), TeamSpec(name="BLUE team"), settings, SYSTEM
        )
    assert (failure.value.code, failure.value.field) == (TeamCode.NAME_TAKEN, "input.name")
    other = await create_team(
        as_actor(await factories.user()), TeamSpec(name="Blue-Team"), settings, SYSTEM
    )
    assert (await Team.get(id=other)).slug == "blue-team-2"


@pytest.mark.parametrize("country", ["my", "MYS", "M1", "É"])
async def test_a_country_is_two_upper_case_letters(settings: Settings, country: str) -> None:
    with pytest.raises(DomainError) as failure:
        await create_team(
            as_actor(await factories.user()), TeamSpec(name="X", country=country), settings, SYSTEM
        )
    assert (failure.value.code, failure.value.field) == (TeamCode.INVALID_VALUE, "input.country")


async def test_only_the_captain_or_an_admin_updates(settings: Settings) -> None:
    team, (captain, member) = await open_team(settings, 2)
    with pytest.raises(DomainError) as failure:
        await update_team(as_actor(member), team.id, TeamChanges(motto="x"), settings, SYSTEM)
    assert failure.value.code is TeamCode.NOT_CAPTAIN
    await update_team(
        as_actor(captain), team.id, TeamChanges(motto="Go", country=""), settings, SYSTEM
    )
    admin = await factories.user(UserRole.ADMIN)
    await update_team(as_actor(admin), team.id, TeamChanges(name="Renamed"), settings, SYSTEM)
    changed = await Team.get(id=team.id)
    assert (changed.name, changed.motto, changed.country, changed.slug) == (
        "Renamed",
        "Go",
        None,
        team.slug,
    )


async def test_closing_a_team_voids_its_code_and_rotation_replaces_it(settings: Settings) -> None:
    team, (captain,) = await open_team(settings)
    first = await invite_code(settings, team.id)
    await rotate_invite_code(as_actor(captain), team.id, settings, SYSTEM)
    second = await invite_code(settings, team.id)
    assert second != first
    with pytest.raises(DomainError) as failure:
        await join_by_code(as_actor(await factories.user()), first, settings, SYSTEM)
    assert failure.value.code is TeamCode.INVALID_INVITE_CODE
    await update_team(as_actor(captain), team.id, TeamChanges(is_open=False), settings, SYSTEM)
    with pytest.raises(DomainError) as failure:
        await join_by_code(as_actor(await factories.user()), second, settings, SYSTEM)
    assert failure.value.code is TeamCode.INVALID_INVITE_CODE
    with pytest.raises(DomainError) as failure:
        await rotate_invite_code(as_actor(captain), team.id, settings, SYSTEM)
    assert failure.value.code is TeamCode.TEAM_NOT_OPEN
    assert await TeamMember.filter(team_id=team.id).count() == 1


async def test_the_invite_code_is_sealed_at_rest(settings: Settings) -> None:
    team, _ = await open_team(settings)
    code = await invite_code(settings, team.id)
    stored = await Team.get(id=team.id)
    assert code not in f"{stored.invite_code_sealed} {stored.invite_code_tag}"


async def test_delete_is_refused_while_the_team_plays(settings: Settings) -> None:
    team, (captain, member) = await open_team(settings, 2)
    event = await factories.event(EventStatus.FROZEN, participation_mode="TEAM")
    await factories.registration(event, team_=team)
    with pytest.raises(DomainError) as failure:
        await delete_team(as_actor(captain), team.id, SYSTEM)
    assert failure.value.code is TeamCode.TEAM_LOCKED
    await Event.filter(id=event.id).update(status=EventStatus.FINISHED)
    with pytest.raises(DomainError) as failure:
        await delete_team(as_actor(member), team.id, SYSTEM)
    assert failure.value.code is TeamCode.NOT_CAPTAIN
    await delete_team(as_actor(captain), team.id, SYSTEM)
    assert not await Team.filter(id=team.id).exists()
    assert not await TeamMember.filter(team_id=team.id).exists()


async def test_deleting_a_registered_team_gives_its_event_place_back(settings: Settings) -> None:
    team, (captain,) = await open_team(settings)
    event = await factories.event(EventStatus.PUBLISHED, registered_count=1)
    registration = await factories.registration(event, team_=team)
    assert registration.status == RegistrationStatus.APPROVED
    await delete_team(as_actor(captain), team.id, SYSTEM)
    assert (await Event.get(id=event.id)).registered_count == 0


async def test_joining_by_code_is_audited(settings: Settings) -> None:
    team, _ = await open_team(settings)
    user = await join(settings, team.id)
    assert await AuditLog.filter(action="team.join", actor_id=user.id).count() == 1
