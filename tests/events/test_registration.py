"""eventRegister's rules, in the service: the window, the mode, captains, team sizes,
invite codes, places, duplicates; every refusal writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.models import Event, EventParticipant, EventRegistration, User
from rangex_graphql.models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    UserRole,
    Visibility,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.secret_box import read_sealed, seal
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.events.registration import RegisterRequest, register
from rangex_graphql.services.events.registration_errors import RegistrationCode
from rangex_graphql.settings import Settings
from tests import factories
from tests.events.support import (
    META,
    as_actor,
    audited,
    published,
    team_of,
    written,
)

pytestmark = pytest.mark.usefixtures("db")
R = RegistrationCode


def soon(hours: float) -> datetime:
    return datetime.now(UTC) + timedelta(hours=hours)


async def refused(
    runtime: Runtime,
    user: User,
    event: Event,
    *,
    team: Any = None,
    code: str | None = None,
) -> tuple[RegistrationCode, str | None]:
    """The refusal's code and field, after checking it wrote nothing."""
    before = await written()
    count = (await Event.get(id=event.id)).registered_count
    request = RegisterRequest(event.id, team.id if team else None, code)
    with pytest.raises(DomainError) as raised:
        await register(runtime, as_actor(user), request, META)
    assert await written() == before
    assert (await Event.get(id=event.id)).registered_count == count
    return RegistrationCode(raised.value.code), raised.value.field


async def test_a_solo_registration_is_approved_and_takes_a_place(runtime: Runtime) -> None:
    event = await factories.event(max_participants=3)
    user = await factories.user()

    registration = await register(runtime, as_actor(user), RegisterRequest(event.id), META)

    assert registration.status is RegistrationStatus.APPROVED
    assert registration.user_id == user.id  # type: ignore[attr-defined]
    assert (await Event.get(id=event.id)).registered_count == 1
    entered = await EventParticipant.filter(event_id=event.id).values_list("user_id", flat=True)
    assert entered == [user.id]
    (logged,) = await audited("event.register")
    assert logged.actor_id == user.id  # type: ignore[attr-defined]
    assert logged.data["status"] == "APPROVED"
    assert {"type": "board", "eventId": str(event.id), "reason": "registered"} in published(runtime)


@pytest.mark.parametrize(
    "times",
    [
        {"registration_opens_at": soon(1)},  # not open yet
        {"registration_closes_at": soon(-1)},  # closed
        {"starts_at": soon(-3), "ends_at": soon(-1)},  # the event is over (by the clock)
    ],
    ids=["before-opening", "after-closing", "after-the-end"],
)
async def test_outside_the_window_is_refused(runtime: Runtime, times: dict[str, Any]) -> None:
    event = await factories.event(status=EventStatus.PUBLISHED, **times)

    code, field = await refused(runtime, await factories.user(), event)

    assert (code, field) == (R.REGISTRATION_CLOSED, "input.eventId")


async def test_the_window_is_open_between_its_times(runtime: Runtime) -> None:
    event = await factories.event(
        status=EventStatus.PUBLISHED,
        starts_at=soon(24),
        ends_at=soon(48),
        registration_opens_at=soon(-1),
        registration_closes_at=soon(1),
    )
    registration = await register(
        runtime, as_actor(await factories.user()), RegisterRequest(event.id), META
    )
    assert registration.status is RegistrationStatus.APPROVED


@pytest.mark.parametrize("status", [EventStatus.FINISHED, EventStatus.DRAFT])
async def test_drafts_and_finished_events_take_no_registration(
    runtime: Runtime, status: EventStatus
) -> None:
    creator = await factories.user()
    event = await factories.event(status=status, created_by=creator)

    code, _ = await refused(runtime, await factories.user(), event)
    assert code is (R.EVENT_NOT_FOUND if status is EventStatus.DRAFT else R.REGISTRATION_CLOSED)
    code, _ = await refused(runtime, creator, event)  # the organiser sees the draft
    assert code is R.REGISTRATION_CLOSED


async def test_a_deleted_event_is_not_found(runtime: Runtime) -> None:
    event = await factories.event(deleted_at=soon(-1))
    assert await refused(runtime, await factories.user(), event) == (
        R.EVENT_NOT_FOUND,
        "input.eventId",
    )


async def test_the_mode_must_match(runtime: Runtime) -> None:
    captain = await factories.user()
    team = await team_of(captain)
    solo = await factories.event()
    teams = await factories.event(participation_mode=ParticipationMode.TEAM)

    assert await refused(runtime, captain, solo, team=team) == (R.TEAM_NOT_ALLOWED, "input.teamId")
    assert await refused(runtime, captain, teams) == (R.TEAM_REQUIRED, "input.teamId")


async def test_only_the_captain_registers_a_team(runtime: Runtime) -> None:
    captain, member = await factories.user(), await factories.user()
    team = await team_of(captain, member)
    event = await factories.event(participation_mode=ParticipationMode.TEAM)

    assert await refused(runtime, member, event, team=team) == (R.NOT_CAPTAIN, "input.teamId")

    registration = await register(
        runtime, as_actor(captain), RegisterRequest(event.id, team.id), META
    )
    assert registration.team_id == team.id  # type: ignore[attr-defined]
    assert registration.user_id is None  # type: ignore[attr-defined]
    entered = await EventParticipant.filter(registration_id=registration.id).values_list(
        "user_id", flat=True
    )
    assert set(entered) == {captain.id, member.id}
    assert (await Event.get(id=event.id)).registered_count == 1  # one place per team


async def test_a_team_larger_than_the_limit_is_refused(runtime: Runtime) -> None:
    captain = await factories.user()
    team = await team_of(captain, await factories.user(), await factories.user())
    event = await factories.event(participation_mode=ParticipationMode.TEAM, team_size_limit=2)

    assert await refused(runtime, captain, event, team=team) == (R.TEAM_TOO_LARGE, "input.teamId")


async def test_an_unknown_team_is_not_found(runtime: Runtime) -> None:
    event = await factories.event(participation_mode=ParticipationMode.TEAM)
    ghost = await factories.team()
    ghost_id = ghost.id
    await ghost.delete()

    class Gone:
        id = ghost_id

    assert await refused(runtime, await factories.user(), event, team=Gone) == (
        R.TEAM_NOT_FOUND,
        "input.teamId",
    )


async def test_invite_codes(runtime: Runtime, settings: Settings) -> None:
    event = await factories.event(
        registration_mode=RegistrationMode.INVITE_CODE,
        invite_code_sealed=seal(settings, "letmein42"),
    )
    user = await factories.user()

    assert await refused(runtime, user, event, code="letmein43") == (
        R.INVITE_CODE_WRONG,
        "input.inviteCode",
    )
    assert await refused(runtime, user, event) == (R.INVITE_CODE_WRONG, "input.inviteCode")
    wrong = await audited("event.invite_code_wrong")
    assert [(w.actor_id, w.target_id) for w in wrong] == [(user.id, str(event.id))] * 2  # type: ignore[attr-defined]
    assert "letmein" not in str([w.data for w in wrong])  # the code given is not kept

    registration = await register(
        runtime, as_actor(user), RegisterRequest(event.id, None, "letmein42"), META
    )
    assert registration.status is RegistrationStatus.APPROVED
    assert read_sealed(settings, event.invite_code_sealed) == "letmein42"


async def test_a_private_event_is_found_only_through_its_invite_code(
    runtime: Runtime, settings: Settings
) -> None:
    """A PRIVATE event is invisible to those not in it: an outsider gets an unknown event's
    answer (even outside the window, or with a wrong code) unless it takes invite codes and
    they give the right one; its organisers need none."""
    organiser = await factories.user(role=UserRole.CREATOR)
    private: dict[str, Any] = {"visibility": Visibility.PRIVATE, "created_by": organiser}
    sealed = seal(settings, "letmein42")
    coded = await factories.event(
        registration_mode=RegistrationMode.INVITE_CODE, invite_code_sealed=sealed, **private
    )
    hidden = [
        await factories.event(**private),
        await factories.event(registration_mode=RegistrationMode.APPROVAL, **private),
        await factories.event(registration_closes_at=soon(-1), **private),
        await factories.event(participation_mode=ParticipationMode.TEAM, **private),
    ]
    outsider = await factories.user()
    gone = await factories.event(deleted_at=soon(-1))
    unknown = await refused(runtime, outsider, gone)
    assert unknown == (R.EVENT_NOT_FOUND, "input.eventId")

    for event in hidden:
        assert await refused(runtime, outsider, event) == unknown
    assert await refused(runtime, outsider, coded) == unknown
    assert await refused(runtime, outsider, coded, code="letmein43") == unknown
    assert len(await audited("event.invite_code_wrong")) == 2  # guesses are still logged

    registration = await register(
        runtime, as_actor(outsider), RegisterRequest(coded.id, None, "letmein42"), META
    )
    assert registration.status is RegistrationStatus.APPROVED
    # Once in, the event is theirs to see: a second try is told it is a duplicate.
    assert await refused(runtime, outsider, coded, code="letmein42") == (
        R.ALREADY_REGISTERED,
        "input.eventId",
    )
    mine = await register(runtime, as_actor(organiser), RegisterRequest(hidden[0].id), META)
    assert mine.status is RegistrationStatus.APPROVED
    admin = await factories.user(role=UserRole.ADMIN)
    theirs = await register(
        runtime, Actor(id=admin.id, is_admin=True), RegisterRequest(hidden[1].id), META
    )
    assert theirs.status is RegistrationStatus.PENDING


async def test_a_full_event_is_refused(runtime: Runtime) -> None:
    event = await factories.event(max_participants=1)
    await register(runtime, as_actor(await factories.user()), RegisterRequest(event.id), META)

    assert await refused(runtime, await factories.user(), event) == (R.EVENT_FULL, "input.eventId")


async def test_zero_places_is_unlimited(runtime: Runtime) -> None:
    event = await factories.event(max_participants=0)
    for _ in range(3):
        await register(runtime, as_actor(await factories.user()), RegisterRequest(event.id), META)
    assert (await Event.get(id=event.id)).registered_count == 3


async def test_a_second_solo_registration_is_refused(runtime: Runtime) -> None:
    event = await factories.event()
    user = await factories.user()
    await register(runtime, as_actor(user), RegisterRequest(event.id), META)

    assert await refused(runtime, user, event) == (R.ALREADY_REGISTERED, "input.eventId")


async def test_the_same_team_twice_is_refused(runtime: Runtime) -> None:
    captain = await factories.user()
    team = await team_of(captain, await factories.user())
    event = await factories.event(participation_mode=ParticipationMode.TEAM)
    await register(runtime, as_actor(captain), RegisterRequest(event.id, team.id), META)

    assert await refused(runtime, captain, event, team=team) == (
        R.ALREADY_REGISTERED,
        "input.teamId",
    )


async def test_a_team_with_a_member_entered_elsewhere_is_refused(runtime: Runtime) -> None:
    """A user is in one registration of an event at most: a team one of whose members is
    entered by another registration (here written directly: teams keep their members in
    sync) cannot register, and its registration row is rolled back with the rest."""
    captain, member = await factories.user(), await factories.user()
    team = await team_of(captain, member)
    event = await factories.event(participation_mode=ParticipationMode.TEAM)
    other = await EventRegistration.create(event=event, team=await factories.team())
    await EventParticipant.create(event=event, registration=other, user=member)

    assert await refused(runtime, captain, event, team=team) == (
        R.ALREADY_REGISTERED,
        "input.teamId",
    )
    assert not await EventRegistration.exists(team_id=team.id)
