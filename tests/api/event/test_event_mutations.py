"""The event mutations through GraphQL: who may organise, payload errors with camelCase
paths, partial updates, the invite code only organisers read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import AuditLog, Event, EventScenario, User
from rangex_graphql.models.enums import EventStatus, UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

FIELDS = """
  event {
    id slug title status visibility registrationMode participationMode teamSizeLimit
    maxParticipants participantCount scoringMode dynamicMinimumPercent dynamicDecay
    firstBloodPercent secondBloodPercent thirdBloodPercent startsAt endsAt freezeAt
    registrationOpensAt registrationClosesAt inviteCode createdBy { ... on User { username } }
    scenarios { position category points version { id } }
  }
  errors { field code }
"""
CREATE = f"mutation($input: EventCreateInput!) {{ eventCreate(input: $input) {{ {FIELDS} }} }}"
UPDATE = f"mutation($input: EventUpdateInput!) {{ eventUpdate(input: $input) {{ {FIELDS} }} }}"
PUBLISH = f"mutation($input: EventInput!) {{ eventPublish(input: $input) {{ {FIELDS} }} }}"
ROTATE = f"mutation($input: EventInput!) {{ eventInviteCodeRotate(input: $input) {{ {FIELDS} }} }}"
CHALLENGES = (
    "mutation($input: EventChallengeSetInput!) "
    f"{{ eventChallengeSet(input: $input) {{ {FIELDS} }} }}"
)
DELETE = """mutation($input: EventInput!) {
  eventDelete(input: $input) { deletedEventId errors { field code } } }"""
READ = """query($slug: String!) { event(slug: $slug) { title inviteCode } }"""

SOON = datetime.now(UTC) + timedelta(days=1)


def when(delta: timedelta = timedelta()) -> str:
    return (SOON + delta).isoformat()


def new_event(**fields: Any) -> dict[str, Any]:
    return {"title": "Spring CTF", "startsAt": when(), "endsAt": when(timedelta(hours=8)), **fields}


async def create(settings: Settings, user: User, **fields: Any) -> dict[str, Any]:
    data = await data_of(settings, CREATE, {"input": new_event(**fields)}, as_user=user)
    answer: dict[str, Any] = data["eventCreate"]
    return answer


async def test_a_creator_organises_an_event_from_draft_to_published(
    db: None, settings: Settings
) -> None:
    creator = await factories.user(UserRole.CREATOR, username="orga")
    created = await create(
        settings, creator, scoringMode="DYNAMIC", freezeAt=when(timedelta(hours=6))
    )
    assert created["errors"] == []
    event = created["event"]
    assert event["slug"] == "spring-ctf"
    assert (event["status"], event["scoringMode"], event["participantCount"]) == (
        "DRAFT",
        "DYNAMIC",
        0,
    )
    assert event["createdBy"] == {"username": "orga"}
    assert event["inviteCode"] is None  # OPEN registration: no code

    version = await factories.version(await factories.scenario(), questions=3)
    version_id = to_global_id("ScenarioVersion", version.id)
    challenges = {
        "eventId": event["id"],
        "challenges": [{"versionId": version_id, "category": "web"}],
    }
    chosen = await data_of(settings, CHALLENGES, {"input": challenges}, as_user=creator)
    assert chosen["eventChallengeSet"]["event"]["scenarios"] == [
        {"position": 0, "category": "web", "points": 30, "version": {"id": version_id}}
    ]
    published = await data_of(
        settings, PUBLISH, {"input": {"eventId": event["id"]}}, as_user=creator
    )
    assert published["eventPublish"]["event"]["status"] == "PUBLISHED"


async def test_a_user_cannot_create_an_event(db: None, settings: Settings) -> None:
    learner = await factories.user()
    data, errors = await run(settings, CREATE, {"input": new_event()}, as_user=learner)
    assert data is None
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
    assert await Event.all().count() == 0


async def test_bad_input_answers_codes_at_camel_case_paths_and_writes_nothing(
    db: None, settings: Settings
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"endsAt": when(-timedelta(hours=1))}, "input.endsAt", "INVALID_SCHEDULE"),
        ({"freezeAt": when(timedelta(hours=9))}, "input.freezeAt", "INVALID_SCHEDULE"),
        (
            {"registrationClosesAt": when(timedelta(hours=9))},
            "input.registrationClosesAt",
            "INVALID_SCHEDULE",
        ),
        ({"teamSizeLimit": 11}, "input.teamSizeLimit", "INVALID_VALUE"),
        ({"maxParticipants": 100_001}, "input.maxParticipants", "INVALID_VALUE"),
        ({"dynamicDecay": 1}, "input.dynamicDecay", "INVALID_VALUE"),
        ({"secondBloodPercent": 101}, "input.secondBloodPercent", "INVALID_VALUE"),
        ({"title": ""}, "input.title", "INVALID_VALUE"),
        ({"startsAt": "2031-01-01T10:00:00"}, "input.startsAt", "TIMEZONE_REQUIRED"),
    ]
    for fields, path, code in cases:
        answer = await create(settings, creator, **fields)
        assert answer["event"] is None
        assert {"field": path, "code": code} in answer["errors"], (fields, answer)
    assert await Event.all().count() == 0
    assert await AuditLog.filter(action__startswith="event.").count() == 0


async def test_update_changes_only_what_is_given_and_null_clears(
    db: None, settings: Settings
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    event = (
        await create(settings, creator, maxParticipants=40, freezeAt=when(timedelta(hours=6)))
    )["event"]
    changes = {"eventId": event["id"], "title": "Renamed", "freezeAt": None}
    updated = await data_of(settings, UPDATE, {"input": changes}, as_user=creator)
    after = updated["eventUpdate"]["event"]
    assert (after["title"], after["maxParticipants"], after["freezeAt"], after["slug"]) == (
        "Renamed",
        40,
        None,
        "spring-ctf",
    )
    bad = {"eventId": event["id"], "registrationOpensAt": when(timedelta(hours=9))}
    refused = await data_of(settings, UPDATE, {"input": bad}, as_user=creator)
    assert refused["eventUpdate"]["errors"] == [
        {"field": "input.registrationOpensAt", "code": "INVALID_SCHEDULE"}
    ]


async def test_only_organisers_read_the_invite_code(db: None, settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    event = (await create(settings, creator, registrationMode="INVITE_CODE"))["event"]
    code = event["inviteCode"]
    assert isinstance(code, str)
    assert len(code) >= 12
    await data_of(
        settings,
        CHALLENGES,
        {
            "input": {
                "eventId": event["id"],
                "challenges": [
                    {
                        "versionId": to_global_id(
                            "ScenarioVersion",
                            (await factories.version(await factories.scenario())).id,
                        )
                    }
                ],
            }
        },
        as_user=creator,
    )
    await data_of(settings, PUBLISH, {"input": {"eventId": event["id"]}}, as_user=creator)

    admin = await factories.user(UserRole.ADMIN)
    for viewer, expected in (
        (creator, code),
        (admin, code),
        (await factories.user(UserRole.CREATOR), None),
        (await factories.user(), None),
        (None, None),
    ):
        data = await data_of(settings, READ, {"slug": event["slug"]}, as_user=viewer)
        assert data["event"]["inviteCode"] == expected

    rotated = await data_of(settings, ROTATE, {"input": {"eventId": event["id"]}}, as_user=creator)
    assert rotated["eventInviteCodeRotate"]["event"]["inviteCode"] not in (None, code)


async def test_delete_hides_the_event_from_every_read(db: None, settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    event = (await create(settings, creator))["event"]
    deleted = await data_of(settings, DELETE, {"input": {"eventId": event["id"]}}, as_user=creator)
    assert deleted["eventDelete"] == {"deletedEventId": event["id"], "errors": []}
    admin = await factories.user(UserRole.ADMIN)
    for viewer in (creator, admin):
        data = await data_of(
            settings,
            """query($id: ID!, $slug: String!) {
              node(id: $id) { id } event(slug: $slug) { id } events(first: 10) { totalCount } }""",
            {"id": event["id"], "slug": event["slug"]},
            as_user=viewer,
        )
        assert data == {"node": None, "event": None, "events": {"totalCount": 0}}


async def test_deleting_a_running_event_is_refused(db: None, settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    running = await factories.event(EventStatus.RUNNING, created_by=creator)
    answer = await data_of(
        settings,
        DELETE,
        {"input": {"eventId": to_global_id("Event", running.id)}},
        as_user=creator,
    )
    assert answer["eventDelete"]["errors"] == [
        {"field": "input.eventId", "code": "STATUS_CONFLICT"}
    ]


async def test_challenge_set_errors_name_the_item(db: None, settings: Settings) -> None:
    creator = await factories.user(UserRole.CREATOR)
    event = (await create(settings, creator))["event"]
    good = await factories.version(await factories.scenario())
    gid = to_global_id("ScenarioVersion", good.id)
    answer = await data_of(
        settings,
        CHALLENGES,
        {"input": {"eventId": event["id"], "challenges": [{"versionId": gid}, {"versionId": gid}]}},
        as_user=creator,
    )
    assert answer["eventChallengeSet"]["errors"] == [
        {"field": "input.challenges.1.versionId", "code": "DUPLICATE_CHALLENGE"}
    ]
    assert await EventScenario.all().count() == 0
