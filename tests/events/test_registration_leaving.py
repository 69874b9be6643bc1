"""eventUnregister and eventRegistrationReview in the service: places given back and
taken, solves off the board, event sessions ended, applicants notified."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.models import (
    EnvironmentSession,
    Event,
    EventParticipant,
    EventQuestion,
    EventRegistration,
    EventSolve,
    Notification,
    Question,
    User,
)
from rangex_graphql.models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    SessionState,
    Visibility,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.events.registration import RegisterRequest, register, unregister
from rangex_graphql.services.events.registration_errors import RegistrationCode
from rangex_graphql.services.events.registration_review import Decision, review
from tests import factories
from tests.events.support import (
    META,
    as_actor,
    audited,
    published,
    team_of,
)
from tests.support.sessions import settle

pytestmark = pytest.mark.usefixtures("db")
R = RegistrationCode


async def entered(runtime: Runtime, user: User, event: Event) -> EventRegistration:
    return await register(runtime, as_actor(user), RegisterRequest(event.id), META)


async def count_of(event: Event) -> int:
    return (await Event.get(id=event.id)).registered_count


async def code_of(work: object) -> tuple[RegistrationCode, str | None]:
    with pytest.raises(DomainError) as raised:
        await work  # type: ignore[misc]
    return RegistrationCode(raised.value.code), raised.value.field


# --- unregistering ---------------------------------------------------------------------


async def test_unregistering_removes_solves_frees_the_place_and_ends_sessions(
    runtime: Runtime,
) -> None:
    event = await factories.event(max_participants=2)
    version = await factories.version(await factories.scenario(), questions=2)
    challenge = await factories.event_entry(event, version)
    questions = await Question.filter(version=version).order_by("position")
    counters = [
        await EventQuestion.create(
            event=event, challenge=challenge, question=q, initial_points=10, solves=2
        )
        for q in questions
    ]
    leaver, stayer = await factories.user(), await factories.user()
    leaving = await entered(runtime, leaver, event)
    staying = await entered(runtime, stayer, event)
    now = datetime.now(UTC)
    for q in questions:
        await EventSolve.create(event=event, registration=leaving, question=q, solved_at=now)
        await EventSolve.create(event=event, registration=staying, question=q, solved_at=now)
    playing = await factories.session(leaver, version, SessionState.RUNNING)
    await EnvironmentSession.filter(id=playing.id).update(registration_id=leaving.id)
    other = await factories.session(stayer, version, SessionState.RUNNING)
    await EnvironmentSession.filter(id=other.id).update(registration_id=staying.id)

    await unregister(runtime, as_actor(leaver), event.id, META)
    await settle(runtime)

    assert not await EventRegistration.exists(id=leaving.id)
    assert not await EventParticipant.exists(user_id=leaver.id)
    assert await EventSolve.filter(event_id=event.id).count() == 2  # the stayer's
    assert [(await EventQuestion.get(id=c.id)).solves for c in counters] == [1, 1]
    assert await count_of(event) == 1
    ended = await EnvironmentSession.get(id=playing.id)
    assert ended.state is SessionState.TERMINATED
    assert ended.end_reason == "unregistered"
    assert (await EnvironmentSession.get(id=other.id)).state is SessionState.RUNNING
    (logged,) = await audited("event.unregister")
    assert logged.data["solves_removed"] == 2
    assert logged.data["sessions_ended"] == 1
    assert {"type": "board", "eventId": str(event.id), "reason": "unregistered"} in published(
        runtime
    )


async def test_a_pending_registration_gives_no_place_back(runtime: Runtime) -> None:
    event = await factories.event(registration_mode=RegistrationMode.APPROVAL)
    await entered(runtime, await factories.user(), await factories.event())  # elsewhere
    pending_user = await factories.user()
    await entered(runtime, pending_user, event)
    await Event.filter(id=event.id).update(registered_count=3)

    await unregister(runtime, as_actor(pending_user), event.id, META)

    assert await count_of(event) == 3
    assert not await EventRegistration.exists(event_id=event.id)


async def test_only_the_captain_withdraws_a_team(runtime: Runtime) -> None:
    captain, member = await factories.user(), await factories.user()
    team = await team_of(captain, member)
    event = await factories.event(participation_mode=ParticipationMode.TEAM)
    await register(runtime, as_actor(captain), RegisterRequest(event.id, team.id), META)

    assert await code_of(unregister(runtime, as_actor(member), event.id, META)) == (
        R.NOT_CAPTAIN,
        "input.eventId",
    )
    assert await EventParticipant.filter(event_id=event.id).count() == 2

    await unregister(runtime, as_actor(captain), event.id, META)
    assert not await EventParticipant.filter(event_id=event.id).exists()
    assert await count_of(event) == 0


async def test_unregistering_without_a_registration_or_after_the_end(runtime: Runtime) -> None:
    event = await factories.event()
    user = await factories.user()
    assert await code_of(unregister(runtime, as_actor(user), event.id, META)) == (
        R.NOT_REGISTERED,
        "input.eventId",
    )
    await entered(runtime, user, event)
    await Event.filter(id=event.id).update(status=EventStatus.FINISHED)

    assert await code_of(unregister(runtime, as_actor(user), event.id, META)) == (
        R.EVENT_FINISHED,
        "input.eventId",
    )
    assert await EventRegistration.exists(event_id=event.id)
    assert await count_of(event) == 1


async def test_a_private_event_is_not_found_by_those_not_in_it(runtime: Runtime) -> None:
    """Withdrawing from a PRIVATE event one is not in gets an unknown event's answer, not
    NOT_REGISTERED (or EVENT_FINISHED), which would tell that it exists."""
    event = await factories.event(visibility=Visibility.PRIVATE)
    finished = await factories.event(visibility=Visibility.PRIVATE, status=EventStatus.FINISHED)
    user, outsider = await factories.user(), await factories.user()
    registration = await factories.registration(event, user_=user)
    await EventParticipant.create(event=event, registration=registration, user=user)

    for hidden in (event, finished):
        assert await code_of(unregister(runtime, as_actor(outsider), hidden.id, META)) == (
            R.EVENT_NOT_FOUND,
            "input.eventId",
        )
    await unregister(runtime, as_actor(user), event.id, META)  # a participant sees it
    assert not await EventRegistration.exists(event_id=event.id)


# --- reviewing -------------------------------------------------------------------------


async def approval_event(**fields: Any) -> tuple[Event, User]:
    organiser = await factories.user()
    event = await factories.event(
        registration_mode=RegistrationMode.APPROVAL, created_by=organiser, **fields
    )
    return event, organiser


async def test_an_approval_registration_waits_without_a_place(runtime: Runtime) -> None:
    event, _ = await approval_event(max_participants=1)
    registration = await entered(runtime, await factories.user(), event)
    assert registration.status is RegistrationStatus.PENDING
    assert await count_of(event) == 0


async def test_approving_takes_a_place_and_tells_the_applicant(runtime: Runtime) -> None:
    event, organiser = await approval_event()
    applicant = await factories.user()
    pending = await entered(runtime, applicant, event)

    approved = await review(runtime, as_actor(organiser), pending.id, Decision.APPROVE, None, META)

    assert approved.status is RegistrationStatus.APPROVED
    assert approved.reviewed_by_id == organiser.id  # type: ignore[attr-defined]
    assert approved.reviewed_at is not None
    assert await count_of(event) == 1
    (told,) = await Notification.filter(user_id=applicant.id)
    assert told.kind == "event.registration_approved"
    assert told.data["event_id"] == str(event.id)
    (logged,) = await audited("event.registration_review")
    assert logged.data["decision"] == "APPROVE"
    assert any(m.get("type") == "notification" for m in published(runtime))
    assert {"type": "board", "eventId": str(event.id), "reason": "registered"} in published(runtime)


async def test_rejecting_frees_the_users_but_bars_the_applicant(runtime: Runtime) -> None:
    event, organiser = await approval_event(participation_mode=ParticipationMode.TEAM)
    captain, member = await factories.user(), await factories.user()
    team = await team_of(captain, member)
    pending = await register(runtime, as_actor(captain), RegisterRequest(event.id, team.id), META)

    rejected = await review(
        runtime, as_actor(organiser), pending.id, Decision.REJECT, "Too late, sorry.", META
    )

    assert rejected.status is RegistrationStatus.REJECTED
    assert not await EventParticipant.filter(registration_id=pending.id).exists()
    assert await count_of(event) == 0
    (told,) = await Notification.filter(user_id=captain.id)
    assert told.kind == "event.registration_rejected"
    assert told.body == "Too late, sorry."
    assert not await Notification.filter(user_id=member.id).exists()
    with pytest.raises(DomainError) as again:
        await register(runtime, as_actor(captain), RegisterRequest(event.id, team.id), META)
    assert (again.value.code, again.value.field) == (R.REGISTRATION_REJECTED, "input.teamId")
    assert await EventRegistration.filter(event_id=event.id).count() == 1


async def test_a_rejected_solo_user_may_not_register_again(runtime: Runtime) -> None:
    event, organiser = await approval_event()
    user = await factories.user()
    pending = await entered(runtime, user, event)
    await review(runtime, as_actor(organiser), pending.id, Decision.REJECT, None, META)

    assert await code_of(entered(runtime, user, event)) == (
        R.REGISTRATION_REJECTED,
        "input.eventId",
    )


async def test_approving_into_a_full_event_is_refused(runtime: Runtime) -> None:
    event, organiser = await approval_event(max_participants=1)
    first = await entered(runtime, await factories.user(), event)
    second = await entered(runtime, await factories.user(), event)
    await review(runtime, as_actor(organiser), first.id, Decision.APPROVE, None, META)

    assert await code_of(
        review(runtime, as_actor(organiser), second.id, Decision.APPROVE, None, META)
    ) == (R.EVENT_FULL, "input.registrationId")
    still = await EventRegistration.get(id=second.id)
    assert still.status is RegistrationStatus.PENDING
    assert still.reviewed_at is None
    assert await count_of(event) == 1
    assert await Notification.all().count() == 1  # the first applicant's only


async def test_only_organisers_review_and_only_pending_registrations(runtime: Runtime) -> None:
    event, organiser = await approval_event()
    pending = await entered(runtime, await factories.user(), event)
    stranger = await factories.user()

    assert await code_of(
        review(runtime, as_actor(stranger), pending.id, Decision.APPROVE, None, META)
    ) == (R.NOT_ORGANISER, "input.registrationId")
    admin = Actor(id=(await factories.user()).id, is_admin=True)
    await review(runtime, admin, pending.id, Decision.APPROVE, None, META)
    assert await code_of(
        review(runtime, as_actor(organiser), pending.id, Decision.REJECT, None, META)
    ) == (R.NOT_PENDING, "input.registrationId")
    assert (await EventRegistration.get(id=pending.id)).status is RegistrationStatus.APPROVED
    assert await count_of(event) == 1


async def test_unregistering_an_approved_registration_frees_its_place(runtime: Runtime) -> None:
    event, organiser = await approval_event(
        max_participants=1, ends_at=datetime.now(UTC) + timedelta(hours=2)
    )
    user = await factories.user()
    pending = await entered(runtime, user, event)
    await review(runtime, as_actor(organiser), pending.id, Decision.APPROVE, None, META)
    await unregister(runtime, as_actor(user), event.id, META)
    assert await count_of(event) == 0
