"""The catalog page and a scenario's detail read ahead the relations the query selects.

Reading ahead must change neither the answer nor who sees what: every relation here is
compared with the same fields reached through ``node``/``nodes``, which read nothing ahead.
"""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.models import Scenario, User
from rangex_graphql.models.enums import Difficulty, UserRole, VersionStatus, Visibility
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.conftest import StatementCounter

# The benchmark's catalog page and detail (benchmarks/cases.py).
CATALOG = """
query Catalog($first: Int!) {
  scenarios(first: $first) {
    edges { node { id title difficulty author { displayName }
                   publishedVersion { number machineCount } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
DETAIL = """
query Detail($slug: String!) {
  scenario(slug: $slug) {
    id title difficulty
    versions { id number status machines { id name imageRef cpu memoryMib }
               questions { id prompt points } }
  }
}
"""
RICH = """
fragment Rich on Scenario {
  id slug
  author { displayName }
  writer: author { username }
  publishedVersion { number machineCount machines { name } }
  ... on Scenario { versions { number status machineCount machines { name } } }
  versions { questions { prompt } }
}
"""
RICH_CATALOG = RICH + "query { scenarios(first: 50) { nodes { ...Rich } } }"
RICH_NODES = RICH + "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ...Rich } }"
RICH_DETAIL = RICH + "query Detail($slug: String!) { scenario(slug: $slug) { ...Rich } }"
RICH_NODE = RICH + "query Node($id: ID!) { node(id: $id) { ...Rich } }"


async def _scenarios(count: int, author: User) -> list[Scenario]:
    """Each with an archived, a published and a draft version."""
    made = []
    for _ in range(count):
        scenario = await factories.scenario(author)
        await factories.version(scenario, VersionStatus.ARCHIVED, machines=3, questions=1)
        await factories.version(scenario, VersionStatus.PUBLISHED, machines=4, questions=2)
        await factories.version(scenario, VersionStatus.DRAFT, machines=1, questions=0)
        made.append(scenario)
    return made


async def _viewers(author: User) -> dict[str, User | None]:
    return {
        "anonymous": None,
        "learner": await factories.user(),
        "author": author,
        "admin": await factories.user(UserRole.ADMIN),
    }


async def test_catalog_and_detail_statements_do_not_grow_with_rows(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    author = await factories.user(UserRole.CREATOR)
    counts: list[tuple[int, int]] = []
    sizes = []
    for parents in (1, 30):
        made = await _scenarios(parents if not counts else parents - 1, author)
        sql_counter.reset()
        catalog = await data_of(settings, CATALOG, {"first": 50})
        catalog_count = sql_counter.count
        sql_counter.reset()
        await data_of(settings, DETAIL, {"slug": made[0].slug})
        counts.append((catalog_count, sql_counter.count))
        sizes.append(len(str(catalog)))
    assert sizes[1] > sizes[0] * 10, "the second run must really read many more rows"
    # catalog: the page with its authors, published versions with their machine counts;
    # detail: the scenario with its published versions, their machines and questions
    assert counts == [(2, 1), (2, 1)], sql_counter.statements


@pytest.mark.parametrize("viewer", ["anonymous", "learner", "author", "admin"])
async def test_read_ahead_relations_match_the_fields_reached_through_node(
    db: None, settings: Settings, viewer: str
) -> None:
    author = await factories.user(UserRole.CREATOR)
    made = await _scenarios(3, author)
    as_user = (await _viewers(author))[viewer]

    listed = (await data_of(settings, RICH_CATALOG, as_user=as_user))["scenarios"]["nodes"]
    ids = [node["id"] for node in listed]
    through_nodes = await data_of(settings, RICH_NODES, {"ids": ids}, as_user=as_user)
    assert len(listed) == 3
    assert listed == through_nodes["nodes"]

    detail = await data_of(settings, RICH_DETAIL, {"slug": made[1].slug}, as_user=as_user)
    node = await data_of(settings, RICH_NODE, {"id": detail["scenario"]["id"]}, as_user=as_user)
    assert detail["scenario"] == node["node"]


@pytest.mark.parametrize(
    ("viewer", "statuses"),
    [
        ("anonymous", ["PUBLISHED"]),
        ("learner", ["PUBLISHED"]),
        ("author", ["DRAFT", "PUBLISHED", "ARCHIVED"]),
        ("admin", ["DRAFT", "PUBLISHED", "ARCHIVED"]),
    ],
)
async def test_versions_read_ahead_are_the_ones_the_viewer_may_see(
    db: None, settings: Settings, viewer: str, statuses: list[str]
) -> None:
    author = await factories.user(UserRole.CREATOR)
    (made,) = await _scenarios(1, author)
    as_user = (await _viewers(author))[viewer]
    catalog = await data_of(settings, RICH_CATALOG, as_user=as_user)
    detail = await data_of(settings, RICH_DETAIL, {"slug": made.slug}, as_user=as_user)
    for scenario in (catalog["scenarios"]["nodes"][0], detail["scenario"]):
        assert [v["status"] for v in scenario["versions"]] == statuses
        assert scenario["publishedVersion"] == {
            "number": 2,
            "machineCount": 4,
            "machines": [{"name": f"m{i}"} for i in range(4)],
        }


@pytest.mark.parametrize(
    ("variables", "statements"),
    [
        ({"skipAuthor": False, "withVersion": True}, 2),  # authors come with the page
        ({"skipAuthor": True, "withVersion": True}, 2),
        ({"skipAuthor": True, "withVersion": False}, 1),  # the page alone
    ],
)
async def test_relations_left_out_by_directives_are_not_read(
    db: None,
    settings: Settings,
    sql_counter: StatementCounter,
    variables: dict[str, Any],
    statements: int,
) -> None:
    await _scenarios(2, await factories.user(UserRole.CREATOR))
    document = """
    query Catalog($skipAuthor: Boolean!, $withVersion: Boolean!) {
      scenarios(first: 10) {
        nodes {
          title
          author @skip(if: $skipAuthor) { displayName }
          ... @include(if: $withVersion) { publishedVersion { machineCount } }
        }
      }
    }
    """
    sql_counter.reset()
    data = await data_of(settings, document, variables)
    assert sql_counter.count == statements, sql_counter.statements
    joined = "author__display_name" in sql_counter.statements[0]
    assert joined is not variables["skipAuthor"], sql_counter.statements[0]
    nodes = data["scenarios"]["nodes"]
    assert all(("author" in node) is not variables["skipAuthor"] for node in nodes)
    assert all(("publishedVersion" in node) is variables["withVersion"] for node in nodes)


PAGE = """
query Page($first: Int, $last: Int, $filter: ScenarioFilter, $orderBy: ScenarioOrder) {
  scenarios(first: $first, last: $last, filter: $filter, orderBy: $orderBy) {
    edges { cursor node { slug author { username } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


@pytest.mark.parametrize("viewer", ["anonymous", "admin"])
@pytest.mark.parametrize(
    "page",
    [
        {"first": 3},
        {"last": 2},
        {"first": 10, "orderBy": {"field": "TITLE", "direction": "ASC"}},
        {"first": 2, "orderBy": {"field": "RATING", "direction": "DESC"}},
    ],
)
async def test_unfiltered_pages_read_with_fixed_sql_match_the_query_builder(
    db: None, settings: Settings, viewer: str, page: dict[str, Any]
) -> None:
    """Unfiltered first pages of anonymous visitors and admins reuse their SQL text; a
    filter that keeps every row goes through Tortoise's query builder every time."""
    author = await factories.user(UserRole.CREATOR)
    await _scenarios(4, author)
    hidden = await factories.scenario(author, visibility=Visibility.PRIVATE)
    await factories.version(hidden)
    as_user = (await _viewers(author))[viewer]
    every_difficulty = {"difficulty": [d.name for d in Difficulty]}
    for _ in range(2):  # the second time from the kept statement
        fixed = await data_of(settings, PAGE, page, as_user=as_user)
        built = await data_of(settings, PAGE, {**page, "filter": every_difficulty}, as_user=as_user)
        assert fixed == built
    slugs = [edge["node"]["slug"] for edge in fixed["scenarios"]["edges"]]
    if viewer == "anonymous":
        assert hidden.slug not in slugs
    elif page.get("first") == 10:
        assert hidden.slug in slugs
