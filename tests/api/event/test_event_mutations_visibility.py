"""Who sees an event (by list, slug and node): organisers always; nobody a deleted one;
others no DRAFT, a PRIVATE one only as participants, an UNLISTED one only by slug or ID."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Event, EventParticipant, User
from rangex_graphql.models.enums import EventStatus, UserRole, Visibility
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.conftest import StatementCounter

SEES = """query($id: ID!, $slug: String!) {
  node(id: $id) { id }
  event(slug: $slug) { id }
  events(first: 50) { nodes { slug } }
}"""


async def seen(settings: Settings, event: Event, viewer: User | None) -> tuple[bool, bool, bool]:
    """(by node, by slug, in the list)."""
    data = await data_of(
        settings,
        SEES,
        {"id": to_global_id("Event", event.id), "slug": event.slug},
        as_user=viewer,
    )
    listed = {node["slug"] for node in data["events"]["nodes"]}
    return data["node"] is not None, data["event"] is not None, event.slug in listed


async def enter(event: Event, user: User) -> None:
    registration = await factories.registration(event, user_=user)
    await EventParticipant.create(event=event, registration=registration, user=user)


async def test_a_creator_does_not_see_another_creators_draft(db: None, settings: Settings) -> None:
    owner = await factories.user(UserRole.CREATOR)
    other = await factories.user(UserRole.CREATOR)
    draft = await factories.event(EventStatus.DRAFT, created_by=owner)
    assert await seen(settings, draft, other) == (False, False, False)
    assert await seen(settings, draft, await factories.user()) == (False, False, False)
    assert await seen(settings, draft, None) == (False, False, False)
    assert await seen(settings, draft, owner) == (True, True, True)
    assert await seen(settings, draft, await factories.user(UserRole.ADMIN)) == (True, True, True)


async def test_a_private_event_is_seen_by_its_participants_only(
    db: None, settings: Settings
) -> None:
    owner = await factories.user(UserRole.CREATOR)
    private = await factories.event(
        EventStatus.PUBLISHED, created_by=owner, visibility=Visibility.PRIVATE
    )
    participant = await factories.user()
    await enter(private, participant)
    assert await seen(settings, private, participant) == (True, True, True)
    assert await seen(settings, private, await factories.user()) == (False, False, False)
    assert await seen(settings, private, None) == (False, False, False)
    assert await seen(settings, private, owner) == (True, True, True)


async def test_an_unlisted_event_is_reached_by_slug_and_id_but_not_listed(
    db: None, settings: Settings
) -> None:
    unlisted = await factories.event(EventStatus.PUBLISHED, visibility=Visibility.UNLISTED)
    public = await factories.event(EventStatus.PUBLISHED)
    for viewer in (None, await factories.user()):
        assert await seen(settings, unlisted, viewer) == (True, True, False)
        assert await seen(settings, public, viewer) == (True, True, True)


async def test_a_deleted_event_is_seen_by_nobody(db: None, settings: Settings) -> None:
    owner = await factories.user(UserRole.CREATOR)
    gone = await factories.event(
        EventStatus.FINISHED, created_by=owner, deleted_at=datetime.now(UTC)
    )
    for viewer in (None, owner, await factories.user(UserRole.ADMIN)):
        assert await seen(settings, gone, viewer) == (False, False, False)


async def test_the_status_read_is_the_one_the_clock_gives(db: None, settings: Settings) -> None:
    now = datetime.now(UTC)
    late = await factories.event(
        EventStatus.PUBLISHED,
        starts_at=now - timedelta(minutes=1),
        ends_at=now + timedelta(hours=1),
    )
    data = await data_of(
        settings, "query($s: String!) { event(slug: $s) { status } }", {"s": late.slug}
    )
    assert data["event"]["status"] == "RUNNING"  # before the job's next pass


LIST = """query { events(first: 100) { totalCount nodes { slug status inviteCode
  scenarios { category } } } }"""


async def test_the_list_costs_the_same_statements_for_few_and_many_events(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    viewer = await factories.user(UserRole.CREATOR)
    counts: list[int] = []
    for events in (1, 30):
        for _ in range(events - (1 if counts else 0)):
            await factories.event(EventStatus.PUBLISHED)
            await factories.event(EventStatus.DRAFT, created_by=viewer)
            private = await factories.event(EventStatus.PUBLISHED, visibility=Visibility.PRIVATE)
            await enter(private, viewer)
        sql_counter.reset()
        data = await data_of(settings, LIST, as_user=viewer)
        assert data["events"]["totalCount"] == 3 * events
        counts.append(sql_counter.count)
    assert counts[0] == counts[1], sql_counter.statements
