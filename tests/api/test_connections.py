"""Relay connections: paging both ways, cursors, totals, filters, ordering and bad input."""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.models.enums import Difficulty, UserRole, VersionStatus, Visibility
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

PAGE = """
query Page($first: Int, $after: String, $last: Int, $before: String,
           $filter: ScenarioFilter, $orderBy: ScenarioOrder) {
  scenarios(first: $first, after: $after, last: $last, before: $before,
            filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def _catalog(count: int) -> list[str]:
    author = await factories.user(UserRole.CREATOR)
    slugs = []
    for i in range(count):
        scenario = await factories.scenario(author, title=f"Title {i:02d}", slug=f"s-{i:02d}")
        await factories.version(scenario, machines=1, questions=0)
        slugs.append(scenario.slug)
    return slugs


def _slugs(data: dict[str, Any]) -> list[str]:
    return [edge["node"]["slug"] for edge in data["scenarios"]["edges"]]


async def test_forward_paging_visits_every_row_once_in_order(db: None, settings: Settings) -> None:
    slugs = await _catalog(7)
    order = {"field": "TITLE", "direction": "ASC"}
    seen: list[str] = []
    after = None
    while True:
        data = await data_of(settings, PAGE, {"first": 3, "after": after, "orderBy": order})
        seen += _slugs(data)
        assert data["scenarios"]["totalCount"] == 7
        info = data["scenarios"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert seen == slugs


async def test_backward_paging_returns_the_last_rows_in_list_order(
    db: None, settings: Settings
) -> None:
    slugs = await _catalog(5)
    order = {"field": "TITLE", "direction": "ASC"}
    data = await data_of(settings, PAGE, {"last": 2, "orderBy": order})
    assert _slugs(data) == slugs[3:]
    assert data["scenarios"]["pageInfo"]["hasPreviousPage"] is True
    before = data["scenarios"]["pageInfo"]["startCursor"]
    data = await data_of(settings, PAGE, {"last": 2, "before": before, "orderBy": order})
    assert _slugs(data) == slugs[1:3]
    data = await data_of(settings, PAGE, {"last": 5, "before": before, "orderBy": order})
    assert _slugs(data) == slugs[:3]
    assert data["scenarios"]["pageInfo"]["hasPreviousPage"] is False


async def test_descending_order_and_filters(db: None, settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    hard = await factories.scenario(
        author, title="Kernel exploit lab", difficulty=Difficulty.EXPERT, tags=("pwn",)
    )
    easy = await factories.scenario(author, title="Intro to SQL injection", category="web")
    for s in (hard, easy):
        await factories.version(s, machines=1, questions=0)
    newest_first = await data_of(settings, PAGE, {"first": 10})
    assert _slugs(newest_first) == [easy.slug, hard.slug]
    by_difficulty = await data_of(settings, PAGE, {"filter": {"difficulty": ["EXPERT"]}})
    assert _slugs(by_difficulty) == [hard.slug]
    by_tag = await data_of(settings, PAGE, {"filter": {"tag": " PWN "}})
    assert _slugs(by_tag) == [hard.slug]
    by_text = await data_of(settings, PAGE, {"filter": {"search": "sql"}})
    assert _slugs(by_text) == [easy.slug]
    assert by_text["scenarios"]["totalCount"] == 1


async def test_catalog_hides_drafts_private_unlisted_and_deleted_from_learners(
    db: None, settings: Settings
) -> None:
    author = await factories.user(UserRole.CREATOR)
    live = await factories.scenario(author)
    await factories.version(live)
    draft_only = await factories.scenario(author)
    await factories.version(draft_only, VersionStatus.DRAFT)
    private = await factories.scenario(author, visibility=Visibility.PRIVATE)
    await factories.version(private)
    unlisted = await factories.scenario(author, visibility=Visibility.UNLISTED)
    await factories.version(unlisted)
    from datetime import UTC, datetime

    deleted = await factories.scenario(author, deleted_at=datetime.now(UTC))
    await factories.version(deleted)

    learner = await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    as_learner = _slugs(await data_of(settings, PAGE, {"first": 50}, as_user=learner))
    anonymous = _slugs(await data_of(settings, PAGE, {"first": 50}))
    as_author = _slugs(await data_of(settings, PAGE, {"first": 50}, as_user=author))
    as_admin = _slugs(await data_of(settings, PAGE, {"first": 50}, as_user=admin))
    assert as_learner == anonymous == [live.slug]
    assert set(as_author) == {live.slug, draft_only.slug, private.slug, unlisted.slug}
    assert set(as_admin) == {live.slug, draft_only.slug, private.slug, unlisted.slug}


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": 1000}, "first must be between 0 and 100"),
        ({"first": -1}, "first must be between 0 and 100"),
        ({"last": 101}, "last must be between 0 and 100"),
        ({"first": 1, "last": 1}, "either first or last"),
        ({"after": "not-a-cursor"}, "after: not a cursor"),
        ({"before": "WzEsMl0"}, "before: not a cursor"),
    ],
)
async def test_bad_page_arguments_are_user_errors(
    db: None, settings: Settings, variables: dict[str, Any], message: str
) -> None:
    data, errors = await run(settings, PAGE, variables)
    assert data is None
    assert len(errors) == 1
    assert message in errors[0]["message"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_nested_connection_pages_each_parent_separately(db: None, settings: Settings) -> None:
    scenario = await factories.scenario()
    version = await factories.version(scenario)
    learner = await factories.user()
    for _ in range(5):
        await factories.session(learner, version)
    query = """
    query($first: Int, $after: String, $last: Int) { viewer { sessions(first: $first,
        after: $after, last: $last) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor }
    } } }"""
    first = await data_of(settings, query, {"first": 2}, as_user=learner)
    page1 = first["viewer"]["sessions"]
    assert page1["totalCount"] == 5
    assert page1["pageInfo"] == {**page1["pageInfo"], "hasNextPage": True, "hasPreviousPage": False}
    after = page1["pageInfo"]["endCursor"]
    second = await data_of(settings, query, {"first": 10, "after": after}, as_user=learner)
    page2 = second["viewer"]["sessions"]
    assert len(page2["edges"]) == 3
    assert page2["pageInfo"]["hasNextPage"] is False
    ids = [e["node"]["id"] for e in page1["edges"] + page2["edges"]]
    assert len(set(ids)) == 5
    last = await data_of(settings, query, {"last": 2}, as_user=learner)
    assert [e["node"]["id"] for e in last["viewer"]["sessions"]["edges"]] == ids[3:]
