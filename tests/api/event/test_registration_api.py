"""eventRegister, eventUnregister, eventRegistrationReview and Event.viewerRegistration
through the schema: payload errors with codes and field paths, permissions, statements."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Event, EventParticipant, EventRegistration, User
from rangex_graphql.models.enums import (
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    UserRole,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter
from tests.events.support import recording_runtime, team_of

pytestmark = pytest.mark.usefixtures("db")

REGISTER = """
mutation ($input: EventRegisterInput!) {
  eventRegister(input: $input) {
    registration { id status reviewedAt user { id } team { id } }
    event { viewerRegistration { id status } }
    errors { field code message }
  }
}"""
UNREGISTER = """
mutation ($input: EventUnregisterInput!) {
  eventUnregister(input: $input) {
    event { viewerRegistration { id } }
    errors { field code message }
  }
}"""
REVIEW = """
mutation ($input: EventRegistrationReviewInput!) {
  eventRegistrationReview(input: $input) {
    registration { id status reviewedAt }
    errors { field code message }
  }
}"""
VIEWER_REGISTRATIONS = """
{ events(first: 20) { nodes { id viewerRegistration { id status } } } }
"""


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with recording_runtime(settings) as built:
        yield built


def gid(row: Event | User | EventRegistration | Any) -> str:
    return to_global_id(type(row).__name__, row.id)


async def call(
    settings: Settings, runtime: Runtime, document: str, as_user: User, **input: Any
) -> dict[str, Any]:
    data = await data_of(settings, document, {"input": input}, as_user=as_user, runtime=runtime)
    answer: dict[str, Any] = next(iter(data.values()))
    return answer


async def test_registering_alone(settings: Settings, runtime: Runtime) -> None:
    event = await factories.event()
    user = await factories.user()

    answer = await call(settings, runtime, REGISTER, user, eventId=gid(event))

    assert answer["errors"] == []
    registration = answer["registration"]
    assert registration["status"] == "APPROVED"
    assert registration["reviewedAt"] is None
    assert registration["user"] == {"id": gid(user)}
    assert registration["team"] is None
    assert answer["event"]["viewerRegistration"] == {"id": registration["id"], "status": "APPROVED"}


async def test_refusals_are_payload_errors_naming_the_field(
    settings: Settings, runtime: Runtime
) -> None:
    captain, member = await factories.user(), await factories.user()
    team = await team_of(captain, member)
    teams = await factories.event(participation_mode=ParticipationMode.TEAM)
    coded = await factories.event(registration_mode=RegistrationMode.INVITE_CODE)

    cases = [
        (captain, {"eventId": gid(teams)}, "input.teamId", "TEAM_REQUIRED"),
        (member, {"eventId": gid(teams), "teamId": gid(team)}, "input.teamId", "NOT_CAPTAIN"),
        (
            captain,
            {"eventId": gid(coded), "inviteCode": "nope"},
            "input.inviteCode",
            "INVITE_CODE_WRONG",
        ),
    ]
    for user, input, field, code in cases:
        answer = await call(settings, runtime, REGISTER, user, **input)
        assert answer["registration"] is None
        assert [(e["field"], e["code"]) for e in answer["errors"]] == [(field, code)]
    assert await EventRegistration.all().count() == 0
    assert await EventParticipant.all().count() == 0


async def test_a_team_registers_through_its_captain(settings: Settings, runtime: Runtime) -> None:
    captain, member = await factories.user(), await factories.user()
    team = await team_of(captain, member)
    event = await factories.event(participation_mode=ParticipationMode.TEAM)

    answer = await call(settings, runtime, REGISTER, captain, eventId=gid(event), teamId=gid(team))

    assert answer["errors"] == []
    assert answer["registration"]["team"] == {"id": gid(team)}
    # The member sees the team's registration as theirs.
    seen = await data_of(settings, VIEWER_REGISTRATIONS, as_user=member)
    (node,) = seen["events"]["nodes"]
    assert node["viewerRegistration"]["id"] == answer["registration"]["id"]


async def test_unregistering(settings: Settings, runtime: Runtime) -> None:
    event = await factories.event()
    user = await factories.user()
    await call(settings, runtime, REGISTER, user, eventId=gid(event))

    answer = await call(settings, runtime, UNREGISTER, user, eventId=gid(event))

    assert answer == {"event": {"viewerRegistration": None}, "errors": []}
    again = await call(settings, runtime, UNREGISTER, user, eventId=gid(event))
    assert [(e["field"], e["code"]) for e in again["errors"]] == [
        ("input.eventId", "NOT_REGISTERED")
    ]


async def test_reviewing_is_for_organisers(settings: Settings, runtime: Runtime) -> None:
    organiser = await factories.user(role=UserRole.CREATOR)
    event = await factories.event(registration_mode=RegistrationMode.APPROVAL, created_by=organiser)
    applicant = await factories.user()
    registered = await call(settings, runtime, REGISTER, applicant, eventId=gid(event))
    assert registered["registration"]["status"] == "PENDING"
    registration_id = registered["registration"]["id"]
    input = {"registrationId": registration_id, "decision": "APPROVE"}

    # A learner may not call it at all; another creator is told they do not organise it.
    data, errors = await run(settings, REVIEW, {"input": input}, as_user=applicant, runtime=runtime)
    assert errors
    assert data is None
    other = await factories.user(role=UserRole.CREATOR)
    refused = await call(settings, runtime, REVIEW, other, **input)
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("input.registrationId", "NOT_ORGANISER")
    ]

    answer = await call(settings, runtime, REVIEW, organiser, **input)

    assert answer["errors"] == []
    assert answer["registration"]["status"] == "APPROVED"
    assert answer["registration"]["reviewedAt"] is not None
    assert (await Event.get(id=event.id)).registered_count == 1


async def test_a_rejected_registration_stays_the_viewers(
    settings: Settings, runtime: Runtime
) -> None:
    organiser = await factories.user(role=UserRole.CREATOR)
    event = await factories.event(registration_mode=RegistrationMode.APPROVAL, created_by=organiser)
    applicant = await factories.user()
    registered = await call(settings, runtime, REGISTER, applicant, eventId=gid(event))
    input = {
        "registrationId": registered["registration"]["id"],
        "decision": "REJECT",
        "reason": "Full house.",
    }
    await call(settings, runtime, REVIEW, organiser, **input)

    seen = await data_of(settings, VIEWER_REGISTRATIONS, as_user=applicant)
    (node,) = seen["events"]["nodes"]
    assert node["viewerRegistration"]["status"] == "REJECTED"
    again = await call(settings, runtime, REGISTER, applicant, eventId=gid(event))
    assert [(e["field"], e["code"]) for e in again["errors"]] == [
        ("input.eventId", "REGISTRATION_REJECTED")
    ]


async def test_viewer_registrations_of_a_list_cost_one_statement(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    user = await factories.user()

    async def statements(events: int) -> int:
        await Event.all().delete()
        for i in range(events):
            event = await factories.event()
            if i % 2:
                await EventRegistration.create(
                    event=event, user=user, status=RegistrationStatus.APPROVED
                )
                registration = await EventRegistration.get(event_id=event.id, user_id=user.id)
                await EventParticipant.create(event=event, registration=registration, user=user)
        sql_counter.reset()
        seen = await data_of(settings, VIEWER_REGISTRATIONS, as_user=user)
        nodes = seen["events"]["nodes"]
        assert len(nodes) == events
        assert sum(1 for n in nodes if n["viewerRegistration"]) == events // 2
        return sql_counter.count

    assert await statements(2) == await statements(10)


async def test_anonymous_viewers_have_no_registration(settings: Settings) -> None:
    event = await factories.event()
    user = await factories.user()
    registration = await EventRegistration.create(event=event, user=user)
    await EventParticipant.create(event=event, registration=registration, user=user)

    seen = await data_of(settings, VIEWER_REGISTRATIONS)
    assert seen["events"]["nodes"] == [{"id": gid(event), "viewerRegistration": None}]
