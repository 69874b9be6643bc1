"""Event sessions: who may start one, for which version, when; their limit and deadline."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Event,
    EventParticipant,
    EventRegistration,
    Scenario,
    ScenarioVersion,
    Team,
    User,
)
from rangex_graphql.models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationStatus,
    ResourceProfile,
    SessionState,
    VersionStatus,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions import controls
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.support.sessions import START, settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


def now() -> datetime:
    return datetime.now(UTC)


async def challenge(event: Event, questions: int = 0) -> ScenarioVersion:
    version = await factories.version(await factories.scenario(), machines=1, questions=questions)
    await factories.event_entry(event, version)
    return version


async def enter(
    event: Event,
    user: User,
    *,
    status: RegistrationStatus = RegistrationStatus.APPROVED,
    team: Team | None = None,
) -> EventRegistration:
    """A registration entering ``user`` (alone, or as a member of ``team``)."""
    registration = await EventRegistration.create(
        event=event, user=None if team else user, team=team, status=status
    )
    await EventParticipant.create(event=event, registration=registration, user=user)
    return registration


async def attempt(
    runtime: Runtime, user: User, version_id: UUID, event_id: UUID | None, minutes: int = 60
) -> EnvironmentSession | DomainError:
    try:
        return await start(
            runtime,
            Actor(user.id),
            StartRequest(version_id, ResourceProfile.MICRO, minutes, event_id),
            SYSTEM,
        )
    except DomainError as error:
        return error


async def entered(event: Event) -> tuple[ScenarioVersion, User]:
    """A new challenge of ``event``, and a learner registered for it alone."""
    version = await challenge(event)
    learner = await factories.user()
    await enter(event, learner)
    return version, learner


async def started(
    runtime: Runtime, event: Event
) -> tuple[User, EventRegistration, EnvironmentSession]:
    """A learner entered in ``event`` and their session (60 minutes asked for) on a new
    challenge of it, provisioned."""
    version = await challenge(event)
    learner = await factories.user()
    registration = await enter(event, learner)
    session = await attempt(runtime, learner, version.id, event.id, minutes=60)
    assert isinstance(session, EnvironmentSession)
    await settle(runtime)
    return learner, registration, session


def failure(outcome: EnvironmentSession | DomainError) -> tuple[str, str | None]:
    assert isinstance(outcome, DomainError), outcome
    return outcome.code, outcome.field


async def nothing_written(user: User, version: ScenarioVersion) -> None:
    assert not await EnvironmentSession.filter(user_id=user.id).exists()
    assert not await AuditLog.filter(action="session.start", actor_id=user.id).exists()
    scenario = await Scenario.get(id=version.scenario_id)  # type: ignore[attr-defined]
    assert scenario.sessions_started == 0


# --- who, what, when ------------------------------------------------------------------------


async def test_a_registered_learner_starts_an_event_session_cut_at_the_event_end(
    runtime: Runtime,
) -> None:
    ends = now() + timedelta(minutes=20)
    event = await factories.event(starts_at=now() - timedelta(hours=1), ends_at=ends)

    _, registration, session = await started(runtime, event)

    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert (row.event_id, row.registration_id, row.team_id) == (  # type: ignore[attr-defined]
        event.id,
        registration.id,
        None,
    )
    # 60 minutes asked for, 20 left in the event: the deadline is the event's end.
    assert abs((row.expires_at - ends).total_seconds()) < 0.01  # type: ignore[operator]
    assert row.last_activity_at is not None
    audits = await AuditLog.filter(action="session.start", target_id=str(session.id))
    assert [a.data["event_id"] for a in audits if "duration_minutes" in a.data] == [str(event.id)]


async def test_a_session_far_from_the_event_end_keeps_its_own_deadline(runtime: Runtime) -> None:
    event = await factories.event(starts_at=now() - timedelta(hours=1))  # ends in a day

    _, _, session = await started(runtime, event)

    row = await EnvironmentSession.get(id=session.id)
    assert row.expires_at is not None
    assert row.started_at is not None
    assert abs((row.expires_at - row.started_at).total_seconds() - 3600) < 5


async def test_a_team_member_plays_for_the_team_registration(runtime: Runtime) -> None:
    event = await factories.event(participation_mode=ParticipationMode.TEAM)
    version = await challenge(event)
    team = await factories.team()
    member = await factories.user()
    registration = await enter(event, member, team=team)

    session = await attempt(runtime, member, version.id, event.id)

    assert isinstance(session, EnvironmentSession)
    row = await EnvironmentSession.get(id=session.id)
    assert (row.registration_id, row.team_id) == (registration.id, team.id)  # type: ignore[attr-defined]


async def test_the_pinned_version_runs_in_the_event_after_a_newer_one_is_published(
    runtime: Runtime,
) -> None:
    event = await factories.event()
    pinned = await challenge(event)
    await ScenarioVersion.filter(id=pinned.id).update(status=VersionStatus.ARCHIVED)
    newer = await factories.version(
        await Scenario.get(id=pinned.scenario_id),  # type: ignore[attr-defined]
        machines=1,
    )
    learner = await factories.user()
    await enter(event, learner)

    assert failure(await attempt(runtime, learner, newer.id, event.id)) == (
        "NOT_IN_EVENT",
        "input.version",
    )
    assert isinstance(await attempt(runtime, learner, pinned.id, event.id), EnvironmentSession)
    # Outside the event the archived version does not run.
    assert failure(await attempt(runtime, learner, pinned.id, None))[0] == "VERSION_NOT_FOUND"


async def test_a_version_not_in_the_event_is_refused_and_nothing_is_written(
    runtime: Runtime,
) -> None:
    event = await factories.event()
    await challenge(event)
    elsewhere = await factories.version(await factories.scenario(), machines=1)
    learner = await factories.user()
    await enter(event, learner)

    outcome = await attempt(runtime, learner, elsewhere.id, event.id)

    assert failure(outcome) == ("NOT_IN_EVENT", "input.version")
    await nothing_written(learner, elsewhere)


async def test_a_private_version_outside_the_event_stays_not_found(runtime: Runtime) -> None:
    from rangex_graphql.models.enums import Visibility

    event = await factories.event()
    await challenge(event)
    private = await factories.version(
        await factories.scenario(visibility=Visibility.PRIVATE), machines=1
    )
    learner = await factories.user()
    await enter(event, learner)

    outcome = await attempt(runtime, learner, private.id, event.id)

    assert failure(outcome) == ("VERSION_NOT_FOUND", "input.version")


@pytest.mark.parametrize(
    "registration",
    ["none", "pending", "rejected", "other_event"],
)
async def test_only_approved_participants_start(runtime: Runtime, registration: str) -> None:
    event = await factories.event()
    version = await challenge(event)
    learner = await factories.user()
    if registration == "pending":
        await enter(event, learner, status=RegistrationStatus.PENDING)
    elif registration == "rejected":
        await enter(event, learner, status=RegistrationStatus.REJECTED)
    elif registration == "other_event":
        await enter(await factories.event(), learner)

    outcome = await attempt(runtime, learner, version.id, event.id)

    assert failure(outcome) == ("NOT_REGISTERED", "input.eventId")
    await nothing_written(learner, version)


@pytest.mark.parametrize(
    ("status", "starts_in", "ends_in"),
    [
        (EventStatus.PUBLISHED, timedelta(hours=1), timedelta(hours=2)),  # before the start
        (EventStatus.RUNNING, timedelta(hours=-2), timedelta(seconds=-1)),  # job not run yet
        (EventStatus.FINISHED, timedelta(hours=-2), timedelta(hours=-1)),
        (EventStatus.FINISHED, timedelta(hours=-2), timedelta(hours=1)),  # ended early
    ],
)
async def test_outside_the_event_window_nothing_starts(
    runtime: Runtime, status: EventStatus, starts_in: timedelta, ends_in: timedelta
) -> None:
    event = await factories.event(status, starts_at=now() + starts_in, ends_at=now() + ends_in)
    version, learner = await entered(event)

    outcome = await attempt(runtime, learner, version.id, event.id)

    assert failure(outcome) == ("EVENT_NOT_RUNNING", "input.eventId")
    await nothing_written(learner, version)


@pytest.mark.parametrize("status", [EventStatus.PUBLISHED, EventStatus.RUNNING, EventStatus.FROZEN])
async def test_inside_the_window_the_event_takes_sessions(
    runtime: Runtime, status: EventStatus
) -> None:
    """PUBLISHED past its start: the schedule job has not moved it to RUNNING yet."""
    event = await factories.event(status, starts_at=now() - timedelta(minutes=1))
    version, learner = await entered(event)

    assert isinstance(await attempt(runtime, learner, version.id, event.id), EnvironmentSession)


@pytest.mark.parametrize("which", ["unknown", "deleted", "draft"])
async def test_an_unknown_deleted_or_draft_event_is_not_found(runtime: Runtime, which: str) -> None:
    event = await factories.event(EventStatus.DRAFT if which == "draft" else EventStatus.RUNNING)
    version, learner = await entered(event)
    if which == "deleted":
        await Event.filter(id=event.id).update(deleted_at=now())

    outcome = await attempt(
        runtime, learner, version.id, uuid4() if which == "unknown" else event.id
    )

    assert failure(outcome) == ("EVENT_NOT_FOUND", "input.eventId")
    await nothing_written(learner, version)


# --- limits -----------------------------------------------------------------------------------


async def event_session(user: User, version: ScenarioVersion, event: Event, **fields: Any) -> None:
    session = await factories.session(user, version, S.RUNNING)
    await EnvironmentSession.filter(id=session.id).update(event_id=event.id, **fields)


async def test_event_sessions_have_their_own_limit_per_event(runtime: Runtime) -> None:
    event, other = await factories.event(), await factories.event()
    version, other_version = await challenge(event), await challenge(other)
    learner = await factories.user()
    await enter(event, learner)
    await enter(other, learner)
    await event_session(learner, version, event)
    await event_session(learner, version, event, state=S.PAUSED)
    ended = await factories.session(learner, version, S.TERMINATED)
    await EnvironmentSession.filter(id=ended.id).update(event_id=event.id)  # does not count

    assert failure(await attempt(runtime, learner, version.id, event.id)) == (
        "EVENT_SESSION_LIMIT",
        "input.eventId",
    )
    assert await EnvironmentSession.filter(user_id=learner.id).count() == 3
    # Another event has its own count.
    assert isinstance(
        await attempt(runtime, learner, other_version.id, other.id), EnvironmentSession
    )


async def test_event_and_normal_sessions_do_not_count_against_each_other(
    runtime: Runtime,
) -> None:
    event = await factories.event()
    version, learner = await entered(event)
    normal = await factories.version(await factories.scenario(), machines=1)
    for _ in range(5):  # the per-user limit, reached outside events
        await factories.session(learner, normal, S.RUNNING)

    assert failure(await attempt(runtime, learner, normal.id, None))[0] == "USER_SESSION_LIMIT"
    assert isinstance(await attempt(runtime, learner, version.id, event.id), EnvironmentSession)

    await EnvironmentSession.filter(user_id=learner.id, event_id__isnull=True).limit(1).delete()
    # 4 normal + 1 event session: a fifth normal one still fits.
    assert isinstance(await attempt(runtime, learner, normal.id, None), EnvironmentSession)


async def test_three_event_starts_at_once_at_a_limit_of_two_let_two_through(
    runtime: Runtime,
) -> None:
    """The user's row is locked for the count and the insert (MariaDB); SQLite serializes."""
    event = await factories.event()
    version, learner = await entered(event)

    outcomes = await asyncio.gather(
        *(attempt(runtime, learner, version.id, event.id) for _ in range(3))
    )

    codes = sorted(o.code if isinstance(o, DomainError) else "OK" for o in outcomes)
    assert codes == ["EVENT_SESSION_LIMIT", "OK", "OK"]
    assert await EnvironmentSession.filter(user_id=learner.id, event_id=event.id).count() == 2


async def test_an_unregistration_committed_before_the_insert_is_seen(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registration is read again under the user's lock."""
    from rangex_graphql.services.sessions import start as start_module

    event = await factories.event()
    version = await challenge(event)
    learner = await factories.user()
    registration = await enter(event, learner)
    calls: list[int] = []

    from rangex_graphql.services.sessions.event_sessions import registration_of

    async def withdrawn_meanwhile(user_id: UUID, event_id: UUID) -> tuple[UUID, UUID | None]:
        calls.append(1)
        await EventRegistration.filter(id=registration.id).delete()
        return await registration_of(user_id, event_id)

    monkeypatch.setattr(start_module, "registration_of", withdrawn_meanwhile)

    outcome = await attempt(runtime, learner, version.id, event.id)

    assert calls == [1]
    assert failure(outcome) == ("NOT_REGISTERED", "input.eventId")
    assert not await EnvironmentSession.filter(user_id=learner.id).exists()


# --- resume and extend never pass the event's end -------------------------------------------


async def test_a_resume_is_cut_at_the_event_end(runtime: Runtime) -> None:
    event = await factories.event()
    learner, _, session = await started(runtime, event)
    await controls.pause(runtime, Actor(learner.id), session.id, SYSTEM)
    ends = now() + timedelta(minutes=10)  # the organiser moved the end closer
    await Event.filter(id=event.id).update(ends_at=ends)

    resumed = await controls.resume(runtime, Actor(learner.id), session.id, SYSTEM)

    assert resumed.state is S.RUNNING
    assert resumed.expires_at is not None
    assert abs((resumed.expires_at - ends).total_seconds()) < 0.01


async def test_a_paused_event_session_does_not_resume_after_the_event(runtime: Runtime) -> None:
    event = await factories.event(
        starts_at=now() - timedelta(hours=2), ends_at=now() - timedelta(seconds=1)
    )
    version = await challenge(event)
    learner = await factories.user()
    session = await factories.session(learner, version, S.PAUSED)
    await EnvironmentSession.filter(id=session.id).update(
        event_id=event.id, expires_at=None, paused_remaining_seconds=3600
    )

    with pytest.raises(DomainError) as caught:
        await controls.resume(runtime, Actor(learner.id), session.id, SYSTEM)

    assert (caught.value.code, caught.value.field) == ("EVENT_NOT_RUNNING", "input.sessionId")
    assert (await EnvironmentSession.get(id=session.id)).state is S.PAUSED


async def test_an_extension_stops_at_the_event_end(runtime: Runtime) -> None:
    ends = now() + timedelta(minutes=10)  # inside the extension window (15 minutes)
    event = await factories.event(ends_at=ends)
    version = await challenge(event)
    learner = await factories.user()
    session = await factories.session(learner, version, S.RUNNING)
    await EnvironmentSession.filter(id=session.id).update(
        event_id=event.id, expires_at=now() + timedelta(minutes=5)
    )

    extended = await controls.extend(runtime, Actor(learner.id), session.id, 30, SYSTEM)

    assert extended.expires_at is not None
    assert abs((extended.expires_at - ends).total_seconds()) < 0.01
    # At the event's end already: no further extension.
    await EnvironmentSession.filter(id=session.id).update(expires_at=ends, extensions_used=0)
    with pytest.raises(DomainError) as caught:
        await controls.extend(runtime, Actor(learner.id), session.id, 30, SYSTEM)
    assert (caught.value.code, caught.value.field) == ("LIFETIME_LIMIT", "input.minutes")
    assert (await EnvironmentSession.get(id=session.id)).expires_at == ends


# --- through the API ---------------------------------------------------------------------


async def test_session_start_takes_an_event_id(settings: Settings, runtime: Runtime) -> None:
    event = await factories.event()
    version = await challenge(event)
    learner, stranger = await factories.user(), await factories.user()
    await enter(event, learner)
    variables = {
        "input": {
            "versionId": to_global_id("ScenarioVersion", version.id),
            "eventId": to_global_id("Event", event.id),
        }
    }

    refused, errors = await run(settings, START, variables, as_user=stranger, runtime=runtime)
    started, more_errors = await run(settings, START, variables, as_user=learner, runtime=runtime)
    await settle(runtime)

    assert not errors
    assert not more_errors
    assert refused
    assert started
    assert refused["sessionStart"]["session"] is None
    assert [(e["code"], e["field"]) for e in refused["sessionStart"]["errors"]] == [
        ("NOT_REGISTERED", "input.eventId")
    ]
    assert started["sessionStart"]["errors"] == []
    row = await EnvironmentSession.get(user_id=learner.id)
    assert row.event_id == event.id  # type: ignore[attr-defined]
    assert not await EnvironmentSession.filter(user_id=stranger.id).exists()


async def test_an_event_id_of_another_type_is_a_bad_input(
    settings: Settings, runtime: Runtime
) -> None:
    version = await factories.version(await factories.scenario(), machines=1)
    learner = await factories.user()
    variables = {
        "input": {
            "versionId": to_global_id("ScenarioVersion", version.id),
            "eventId": to_global_id("User", learner.id),
        }
    }

    _data, errors = await run(settings, START, variables, as_user=learner, runtime=runtime)

    assert errors
    assert "eventId" in errors[0]["message"]
    assert not await EnvironmentSession.filter(user_id=learner.id).exists()
