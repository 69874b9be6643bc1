"""A team registered for an event not yet running: its roster follows its members."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Event, EventParticipant, EventRegistration, Team, TeamMember
from rangex_graphql.models.enums import EventStatus, RegistrationStatus
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.teams.errors import TeamCode
from rangex_graphql.services.teams.membership import join_by_code, leave, remove_member
from rangex_graphql.settings import Settings
from tests import factories

from .helpers import as_actor, invite_code, join, open_team, snapshot

pytestmark = pytest.mark.usefixtures("db")


async def _registered(
    team: Team,
    status: EventStatus = EventStatus.PUBLISHED,
    *,
    team_size_limit: int = 5,
    registration_status: RegistrationStatus = RegistrationStatus.APPROVED,
) -> tuple[Event, EventRegistration]:
    """The team registered as the registration service leaves it: a participant row for
    each member."""
    event = await factories.event(
        status, participation_mode="TEAM", team_size_limit=team_size_limit
    )
    registration = await EventRegistration.create(
        event=event, team=team, status=registration_status
    )
    for user_id in await TeamMember.filter(team_id=team.id).values_list("user_id", flat=True):
        await EventParticipant.create(event=event, registration=registration, user_id=user_id)
    return event, registration


async def _roster(registration: EventRegistration) -> set[object]:
    return set(
        await EventParticipant.filter(registration_id=registration.id).values_list(
            "user_id", flat=True
        )
    )


@pytest.mark.parametrize(
    "registration_status", [RegistrationStatus.APPROVED, RegistrationStatus.PENDING]
)
async def test_a_new_member_enters_each_upcoming_registration(
    settings: Settings, registration_status: RegistrationStatus
) -> None:
    team, (captain,) = await open_team(settings)
    _, upcoming = await _registered(team, registration_status=registration_status)
    _, finished = await _registered(team, EventStatus.FINISHED)
    user = await join(settings, team.id)
    assert await _roster(upcoming) == {captain.id, user.id}
    assert await _roster(finished) == {captain.id}


async def test_a_member_already_in_the_event_cannot_join(settings: Settings) -> None:
    team, _ = await open_team(settings)
    event, registration = await _registered(team)
    solo = await factories.user()
    alone = await EventRegistration.create(event=event, user=solo)
    await EventParticipant.create(event=event, registration=alone, user=solo)
    before = await snapshot(team.id)
    with pytest.raises(DomainError) as failure:
        await join_by_code(as_actor(solo), await invite_code(settings, team.id), settings, SYSTEM)
    assert (failure.value.code, failure.value.field) == (
        TeamCode.MEMBER_IN_EVENT,
        "input.inviteCode",
    )
    assert await snapshot(team.id) == before
    assert not await TeamMember.filter(user_id=solo.id).exists()
    assert solo.id not in await _roster(registration)


async def test_a_join_beyond_the_event_team_size_limit_is_refused(settings: Settings) -> None:
    team, _ = await open_team(settings, 2)
    await _registered(team, team_size_limit=2)
    before = await snapshot(team.id)
    with pytest.raises(DomainError) as failure:
        await join_by_code(
            as_actor(await factories.user()),
            await invite_code(settings, team.id),
            settings,
            SYSTEM,
        )
    assert failure.value.code is TeamCode.TEAM_TOO_LARGE_FOR_EVENT
    assert await snapshot(team.id) == before
    assert await EventParticipant.all().count() == 2


async def test_leaving_or_removal_takes_the_member_out_of_upcoming_rosters(
    settings: Settings,
) -> None:
    team, (captain, leaver, removed) = await open_team(settings, 3)
    _, upcoming = await _registered(team)
    _, finished = await _registered(team, EventStatus.FINISHED)
    await leave(as_actor(leaver), team.id, SYSTEM)
    await remove_member(as_actor(captain), team.id, removed.id, SYSTEM)
    assert await _roster(upcoming) == {captain.id}
    assert await _roster(finished) == {captain.id, leaver.id, removed.id}
