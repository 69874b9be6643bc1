"""The learner catalog: search over title, description and tags; ordering by rating and
popularity through keyset pages; favorites and ratings at a constant statement count."""

from __future__ import annotations

from uuid import UUID

import pytest

from rangex_graphql.models import Scenario, ScenarioFavorite, ScenarioRating, User
from rangex_graphql.models.enums import SessionState
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

PAGE = """
query Page($first: Int, $after: String, $last: Int, $before: String,
           $filter: ScenarioFilter, $orderBy: ScenarioOrder) {
  scenarios(first: $first, after: $after, last: $last, before: $before,
            filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { slug }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def _published(**fields: object) -> Scenario:
    tags = fields.pop("tags", ())
    scenario = await factories.scenario(tags=tags, **fields)  # type: ignore[arg-type]
    await factories.version(scenario, machines=0, questions=0)
    return scenario


async def _slugs(settings: Settings, variables: dict[str, object]) -> list[str]:
    data = await data_of(settings, PAGE, {"first": 50, **variables})
    return [node["slug"] for node in data["scenarios"]["nodes"]]


async def test_search_matches_title_description_and_tags(db: None, settings: Settings) -> None:
    by_title = await _published(title="Heap Overflow basics", slug="title")
    by_description = await _published(
        slug="description", description="Exploit a heap overflow in a parser."
    )
    by_tag = await _published(slug="tag", tags=("heap-overflow", "pwn"))
    await _published(slug="neither", title="SQL injection", tags=("web",))
    found = await _slugs(settings, {"filter": {"search": "  heap OVERFLOW "}})
    assert sorted(found) == ["description", "title"]
    found = await _slugs(settings, {"filter": {"search": "heap"}})
    assert sorted(found) == sorted([by_title.slug, by_description.slug, by_tag.slug])
    found = await _slugs(settings, {"filter": {"search": "PWN", "tag": "pwn"}})
    assert found == ["tag"]
    # LIKE wildcards are text, not patterns.
    assert await _slugs(settings, {"filter": {"search": "%"}}) == []


async def test_search_combines_with_the_other_filters(db: None, settings: Settings) -> None:
    await _published(slug="web-heap", category="web", title="Heap in the browser")
    await _published(slug="pwn-heap", category="pwn", title="Heap on the stack")
    found = await _slugs(settings, {"filter": {"search": "heap", "category": "pwn"}})
    assert found == ["pwn-heap"]


async def _ranked() -> list[str]:
    """Eight scenarios with their rating summary and popularity set; their slugs in
    RATING DESC order (average, then count on equal averages, then id). Ids are chosen so
    that ordering the ties by id alone would put them the other way round."""
    rows = [
        ("a", 4.5, 10, 3),
        ("b", 4.5, 2, 40),
        ("c", 5.0, 1, 7),
        ("d", 0.0, 0, 0),
        ("e", 13 / 3, 3, 40),
        ("f", 4.5, 10, 12),
        ("g", 0.0, 0, 5),
        ("h", 1.0, 4, 1),
    ]
    ids = {}
    for position, (slug, average, count, sessions) in enumerate(rows):
        scenario = await _published(slug=slug, id=UUID(int=(99 - count) * 100 + position))
        await Scenario.filter(id=scenario.id).update(
            rating_average=average, rating_count=count, sessions_started=sessions
        )
        ids[slug] = scenario.id
    order = sorted(rows, key=lambda r: (r[1], r[2], ids[r[0]]), reverse=True)
    return [r[0] for r in order]


async def _walk(
    settings: Settings, order: dict[str, str], size: int, *, backward: bool
) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        if backward:
            variables = {"first": None, "last": size, "before": cursor, "orderBy": order}
        else:
            variables = {"first": size, "after": cursor, "orderBy": order}
        data = (await data_of(settings, PAGE, variables))["scenarios"]
        page = [node["slug"] for node in data["nodes"]]
        info = data["pageInfo"]
        if backward:
            seen = page + seen
            if not info["hasPreviousPage"]:
                return seen
            cursor = info["startCursor"]
        else:
            seen += page
            if not info["hasNextPage"]:
                return seen
            cursor = info["endCursor"]


@pytest.mark.parametrize("size", [1, 3])
async def test_rating_order_pages_both_ways(db: None, settings: Settings, size: int) -> None:
    expected = await _ranked()
    desc = {"field": "RATING", "direction": "DESC"}
    asc = {"field": "RATING", "direction": "ASC"}
    assert await _walk(settings, desc, size, backward=False) == expected
    assert await _walk(settings, desc, size, backward=True) == expected
    assert await _walk(settings, asc, size, backward=False) == expected[::-1]
    assert await _walk(settings, asc, size, backward=True) == expected[::-1]


async def test_popularity_order_pages_both_ways(db: None, settings: Settings) -> None:
    await _ranked()
    rows = await Scenario.all().values("slug", "sessions_started", "id")
    expected = [
        r["slug"]
        for r in sorted(rows, key=lambda r: (r["sessions_started"], r["id"]), reverse=True)
    ]
    order = {"field": "POPULARITY"}
    assert await _walk(settings, order, 3, backward=False) == expected
    assert await _walk(settings, order, 2, backward=True) == expected
    assert expected[:2] in (["b", "e"], ["e", "b"])


async def test_newest_is_creation_order(db: None, settings: Settings) -> None:
    slugs = [(await _published(slug=f"n{i}")).slug for i in range(4)]
    assert await _walk(settings, {"field": "NEWEST"}, 3, backward=False) == slugs[::-1]


async def test_a_cursor_of_another_order_is_refused(db: None, settings: Settings) -> None:
    await _ranked()
    data = await data_of(settings, PAGE, {"first": 1, "orderBy": {"field": "TITLE"}})
    cursor = data["scenarios"]["pageInfo"]["endCursor"]
    _, errors = await run(
        settings, PAGE, {"first": 1, "after": cursor, "orderBy": {"field": "RATING"}}
    )
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


CATALOG = """
query Catalog($first: Int!) {
  scenarios(first: $first, orderBy: { field: RATING }) {
    totalCount
    nodes {
      id title tags
      viewerHasFavorited favoriteCount ratingAverage ratingCount sessionsStarted
      viewerRating { stars comment }
      ratings(first: 3) { totalCount nodes { stars comment user { username } } }
    }
  }
}
"""


async def _engaged_catalog(parents: int, learner: User, raters: list[User]) -> None:
    for i in range(parents):
        scenario = await _published(tags=("web", f"t{i}"))
        await ScenarioFavorite.create(user=learner, scenario=scenario)
        await ScenarioFavorite.create(user=raters[0], scenario=scenario)
        for rater in (learner, *raters):
            await ScenarioRating.create(user=rater, scenario=scenario, stars=1 + i % 5)
        await Scenario.filter(id=scenario.id).update(
            rating_count=len(raters) + 1, rating_average=float(1 + i % 5)
        )


async def test_the_learner_catalog_costs_the_same_for_1_and_50_scenarios(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    learner = await factories.user()
    raters = [await factories.user() for _ in range(3)]
    version = await factories.version(await factories.scenario(), machines=0, questions=0)
    await factories.session(learner, version, SessionState.TERMINATED)
    counts: list[int] = []
    sizes: list[int] = []
    for parents in (1, 50):
        await _engaged_catalog(parents if not counts else parents - 1, learner, raters)
        sql_counter.reset()
        data = await data_of(settings, CATALOG, {"first": 100}, as_user=learner)
        counts.append(sql_counter.count)
        sizes.append(len(str(data)))
        nodes = [n for n in data["scenarios"]["nodes"] if n["ratingCount"]]
        assert len(nodes) == parents
        assert all(n["viewerHasFavorited"] and n["favoriteCount"] == 2 for n in nodes)
        assert all(n["viewerRating"] and len(n["ratings"]["nodes"]) == 3 for n in nodes)
    assert sizes[1] > sizes[0] * 10, "the second run must really read many more rows"
    assert counts[0] == counts[1], sql_counter.statements
    # scenarios page + count; tags; favorited by the viewer; favorite counts; the viewer's
    # ratings; ratings window + rows + grouped count; their users
    assert counts[0] == 10, sql_counter.statements


async def test_the_anonymous_catalog_reads_no_viewer_rows(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    await _engaged_catalog(3, await factories.user(), [await factories.user()])
    sql_counter.reset()
    data = await data_of(settings, CATALOG, {"first": 100})
    assert all(not n["viewerHasFavorited"] for n in data["scenarios"]["nodes"])
    assert all(n["viewerRating"] is None for n in data["scenarios"]["nodes"])
    # as above, without the two reads of the viewer's own favorites and ratings
    assert sql_counter.count == 8, sql_counter.statements
