"""Notifications: each user sees, counts and marks only their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.scopes import missing_scope
from rangex_graphql.models import Notification, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

INBOX = """
query Inbox($unreadOnly: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  viewer {
    unreadNotificationCount
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after,
                  last: $last, before: $before) {
      totalCount
      nodes { id kind title body data readAt }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}
"""
MARK = """
mutation Mark($ids: [ID!], $all: Boolean) {
  notificationMarkRead(input: { ids: $ids, all: $all }) {
    count unreadCount
    errors { field code message }
  }
}
"""


async def _inbox(user: User, count: int, *, read: int = 0) -> list[Notification]:
    """``count`` notifications, one a minute, oldest first; the oldest ``read`` already read."""
    start = datetime.now(UTC) - timedelta(hours=1)
    made = []
    for i in range(count):
        row = await Notification.create(
            user=user,
            kind="version.published",
            title=f"Notice {i}",
            body="Your version is live.",
            data={"n": i},
            read_at=start if i < read else None,
        )
        # created_at is auto_now_add: set it apart so that the order is certain.
        await Notification.filter(id=row.id).update(created_at=start + timedelta(minutes=i))
        made.append(row)
    return made


def _gid(row: Notification) -> str:
    return to_global_id("Notification", row.id)


def _titles(data: dict[str, Any]) -> list[str]:
    return [n["title"] for n in data["viewer"]["notifications"]["nodes"]]


async def test_a_user_sees_their_own_notifications_newest_first(
    db: None, settings: Settings
) -> None:
    me, other = await factories.user(), await factories.user()
    await _inbox(me, 3, read=1)
    await _inbox(other, 2)
    data = await data_of(settings, INBOX, {"first": 10}, as_user=me)
    assert _titles(data) == ["Notice 2", "Notice 1", "Notice 0"]
    assert data["viewer"]["notifications"]["totalCount"] == 3
    assert data["viewer"]["unreadNotificationCount"] == 2
    node = data["viewer"]["notifications"]["nodes"][0]
    assert node["kind"] == "version.published"
    assert node["data"] == {"n": 2}
    assert node["readAt"] is None
    data = await data_of(settings, INBOX, {"first": 10, "unreadOnly": True}, as_user=me)
    assert _titles(data) == ["Notice 2", "Notice 1"]
    assert data["viewer"]["notifications"]["totalCount"] == 2


async def test_notifications_page_both_ways(db: None, settings: Settings) -> None:
    me = await factories.user()
    await _inbox(me, 5)
    newest_first = [f"Notice {i}" for i in range(4, -1, -1)]
    seen: list[str] = []
    after = None
    while True:
        data = await data_of(settings, INBOX, {"first": 2, "after": after}, as_user=me)
        seen += _titles(data)
        info = data["viewer"]["notifications"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert seen == newest_first
    data = await data_of(settings, INBOX, {"last": 2}, as_user=me)
    assert _titles(data) == newest_first[3:]
    before = data["viewer"]["notifications"]["pageInfo"]["startCursor"]
    data = await data_of(settings, INBOX, {"last": 2, "before": before}, as_user=me)
    assert _titles(data) == newest_first[1:3]


async def test_nobody_else_reads_them_not_even_an_admin(db: None, settings: Settings) -> None:
    me = await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    (mine,) = await _inbox(me, 1)
    document = """
    query Of($id: ID!) {
      node(id: $id) { ... on User { unreadNotificationCount notifications { totalCount } } }
    }
    """
    for someone in (admin, await factories.user(), None):
        _, errors = await run(
            settings, document, {"id": to_global_id("User", me.id)}, as_user=someone
        )
        assert errors, someone
        expected = "UNAUTHENTICATED" if someone is None else "FORBIDDEN"
        assert {e["extensions"]["code"] for e in errors} == {expected}
    node = "query N($id: ID!) { node(id: $id) { ... on Notification { title } } }"
    assert (await data_of(settings, node, {"id": _gid(mine)}, as_user=me))["node"] == {
        "title": "Notice 0"
    }
    for someone in (admin, await factories.user(), None):
        assert (await data_of(settings, node, {"id": _gid(mine)}, as_user=someone))["node"] is None


async def test_mark_read_by_ids_and_all(db: None, settings: Settings) -> None:
    me = await factories.user()
    rows = await _inbox(me, 4, read=1)
    # An already read one counts for nothing; the unread ones are marked.
    data = await data_of(
        settings, MARK, {"ids": [_gid(rows[0]), _gid(rows[1]), _gid(rows[1])]}, as_user=me
    )
    assert data["notificationMarkRead"] == {"count": 1, "unreadCount": 2, "errors": []}
    assert await Notification.filter(user=me, read_at__isnull=True).count() == 2
    data = await data_of(settings, MARK, {"all": True}, as_user=me)
    assert data["notificationMarkRead"] == {"count": 2, "unreadCount": 0, "errors": []}
    data = await data_of(settings, MARK, {"all": True}, as_user=me)
    assert data["notificationMarkRead"]["count"] == 0
    data = await data_of(settings, INBOX, {"unreadOnly": True}, as_user=me)
    assert data["viewer"]["unreadNotificationCount"] == 0
    assert _titles(data) == []


async def test_marking_someone_elses_is_not_found_and_marks_nothing(
    db: None, settings: Settings
) -> None:
    me, other = await factories.user(), await factories.user()
    (mine,) = await _inbox(me, 1)
    (theirs,) = await _inbox(other, 1)
    absent = to_global_id("Notification", "00000000-0000-0000-0000-000000000001")
    data = await data_of(settings, MARK, {"ids": [_gid(mine), _gid(theirs), absent]}, as_user=me)
    payload = data["notificationMarkRead"]
    assert payload["count"] == 0
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("ids.1", "NOT_FOUND"),
        ("ids.2", "NOT_FOUND"),
    ]
    # The same words for another's and for none at all: nothing to tell them apart.
    assert payload["errors"][0]["message"] == payload["errors"][1]["message"]
    assert await Notification.filter(read_at__isnull=False).count() == 0
    # All marks only one's own.
    data = await data_of(settings, MARK, {"all": True}, as_user=me)
    assert data["notificationMarkRead"]["count"] == 1
    assert (await Notification.get(id=theirs.id)).read_at is None


async def test_mark_read_needs_ids_or_all(db: None, settings: Settings) -> None:
    me = await factories.user()
    (row,) = await _inbox(me, 1)
    for variables, field in (
        ({}, "ids"),
        ({"ids": []}, "ids"),
        ({"ids": [_gid(row)], "all": True}, "all"),
    ):
        data = await data_of(settings, MARK, variables, as_user=me)
        assert [(e["field"], e["code"]) for e in data["notificationMarkRead"]["errors"]] == [
            (field, "INVALID")
        ]
    _, errors = await run(settings, MARK, {"all": True})
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_api_token_scopes_of_the_new_mutations() -> None:
    from graphql import parse

    def needs(name: str, scopes: set[ApiScope]) -> str | None:
        return missing_scope(
            parse(f"mutation {{ {name}(input: {{}}) {{ __typename }} }}"), None, frozenset(scopes)
        )

    assert needs("notificationMarkRead", {ApiScope.READ}) is None
    assert needs("scenarioFavorite", {ApiScope.READ}) is None
    assert needs("scenarioUnfavorite", {ApiScope.READ}) is None
    assert needs("scenarioRate", {ApiScope.READ}) == "scenarioRate needs the SESSIONS scope"
    assert needs("scenarioRate", {ApiScope.SESSIONS}) is None
