"""The global ``leaderboard``: learners by total score, competition ranks, cursors, hidden
profiles anonymised, and a statement count that does not grow with the rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole, UserStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

pytestmark = pytest.mark.usefixtures("db")

BOARD = """
query Board($first: Int, $after: String) {
  leaderboard(first: $first, after: $after) {
    totalCount
    edges { cursor node { rank score displayName anonymised user { id username } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""

START = datetime(2026, 1, 1, tzinfo=UTC)


async def learner(name: str, score: int, joined_day: int, **fields: Any) -> User:
    created = await factories.user(username=name, display_name=name.title(), **fields)
    await User.filter(id=created.id).update(
        total_score=score, created_at=START + timedelta(days=joined_day)
    )
    return created


async def board(
    settings: Settings, as_user: User | None = None, **variables: Any
) -> dict[str, Any]:
    data = await data_of(settings, BOARD, variables, as_user=as_user)
    result: dict[str, Any] = data["leaderboard"]
    return result


def standings(page: dict[str, Any]) -> list[tuple[int, str, int]]:
    return [
        (e["node"]["rank"], e["node"]["displayName"], e["node"]["score"]) for e in page["edges"]
    ]


async def test_learners_rank_by_score_with_ties_shared_and_earliest_first(
    settings: Settings,
) -> None:
    await learner("cleo", 30, joined_day=3)
    await learner("ada", 50, joined_day=9)
    await learner("bea", 30, joined_day=1)
    await learner("dan", 10, joined_day=0)
    await learner("zero", 0, joined_day=0)  # no points: not ranked
    await learner("gone", 99, joined_day=0, status=UserStatus.SUSPENDED)

    page = await board(settings, first=10)

    assert standings(page) == [(1, "Ada", 50), (2, "Bea", 30), (2, "Cleo", 30), (4, "Dan", 10)]
    assert page["totalCount"] == 4
    assert [e["node"]["user"]["username"] for e in page["edges"]] == ["ada", "bea", "cleo", "dan"]
    assert not page["pageInfo"]["hasNextPage"]


async def test_pages_after_a_cursor_keep_the_ranks(settings: Settings) -> None:
    for day, (name, score) in enumerate(
        [("a", 50), ("b", 30), ("c", 30), ("d", 30), ("e", 10), ("f", 10), ("g", 5)]
    ):
        await learner(name, score, joined_day=day)

    pages, after = [], None
    while True:
        page = await board(settings, first=2, after=after)
        pages.append(standings(page))
        if not page["pageInfo"]["hasNextPage"]:
            break
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        after = page["pageInfo"]["endCursor"]

    assert pages == [
        [(1, "A", 50), (2, "B", 30)],
        [(2, "C", 30), (2, "D", 30)],
        [(5, "E", 10), (5, "F", 10)],
        [(7, "G", 5)],
    ]
    # A page starting inside a tie, with a lower score after it.
    page = await board(
        settings, first=3, after=(await board(settings, first=2))["pageInfo"]["endCursor"]
    )
    assert standings(page) == [(2, "C", 30), (2, "D", 30), (5, "E", 10)]


async def test_a_hidden_profile_is_anonymised_except_to_its_owner_and_admins(
    settings: Settings,
) -> None:
    await learner("top", 90, joined_day=0)
    shy = await learner("shy", 70, joined_day=1, profile_hidden=True)
    other = await learner("other", 10, joined_day=2)
    admin = await factories.user(UserRole.ADMIN)

    for viewer in (None, other):
        node = (await board(settings, viewer))["edges"][1]["node"]
        assert node == {
            "rank": 2,
            "score": 70,
            "displayName": "Hidden learner #2",
            "anonymised": True,
            "user": None,
        }
    for viewer in (shy, admin):
        node = (await board(settings, viewer))["edges"][1]["node"]
        assert (node["displayName"], node["anonymised"]) == ("Shy", False)
        assert node["user"]["username"] == "shy"


async def test_a_learner_hides_their_profile_through_account_update(settings: Settings) -> None:
    shy = await learner("shy", 70, joined_day=1)
    change = """mutation($hidden: Boolean) {
      accountUpdate(input: {profileHidden: $hidden}) { user { profileHidden } errors { code } }
    }"""

    data = await data_of(settings, change, {"hidden": True}, as_user=shy)
    assert data["accountUpdate"] == {"user": {"profileHidden": True}, "errors": []}
    assert (await User.get(id=shy.id)).profile_hidden
    assert (await board(settings))["edges"][0]["node"]["anonymised"]

    data = await data_of(settings, change, {"hidden": False}, as_user=shy)
    assert data["accountUpdate"]["user"] == {"profileHidden": False}
    assert not (await board(settings))["edges"][0]["node"]["anonymised"]


async def test_profile_hidden_is_for_the_user_and_admins(settings: Settings) -> None:
    shy = await learner("shy", 70, joined_day=1, profile_hidden=True)
    query = "query { leaderboard { nodes { user { profileHidden } } } }"
    other = await factories.user()

    mine = await data_of(settings, query, as_user=shy)
    assert mine["leaderboard"]["nodes"] == [{"user": {"profileHidden": True}}]
    await User.filter(id=shy.id).update(profile_hidden=False)
    theirs, errors = await run(settings, query, as_user=other)
    assert theirs is not None
    assert theirs["leaderboard"]["nodes"] == [{"user": {"profileHidden": None}}]
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]


async def test_statements_do_not_depend_on_the_number_of_learners(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    counts: dict[str, list[int]] = {"first": [], "after": []}
    for size in (3, 9):
        await User.all().delete()
        for i in range(size + 1):
            await learner(f"l{size}_{i}", 100 - 10 * (i // 2), joined_day=i)
        after = (await board(settings, first=1))["pageInfo"]["endCursor"]
        sql_counter.reset()
        page = await board(settings, first=size)
        counts["first"].append(sql_counter.count)
        assert len(page["edges"]) == size
        sql_counter.reset()
        page = await board(settings, first=size, after=after)
        counts["after"].append(sql_counter.count)
        assert len(page["edges"]) == size
    assert counts["first"][0] == counts["first"][1], counts
    assert counts["after"][0] == counts["after"][1], counts
