"""Favorites: idempotent save and remove, the scenario's counters, the user's list."""

from __future__ import annotations

from datetime import UTC, datetime

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Scenario, ScenarioFavorite, ScenarioVersion
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

FAVORITE = """
mutation Favorite($id: ID!) {
  scenarioFavorite(input: { scenarioId: $id }) {
    scenario { slug viewerHasFavorited favoriteCount }
    errors { field code message }
  }
}
"""
UNFAVORITE = """
mutation Unfavorite($id: ID!) {
  scenarioUnfavorite(input: { scenarioId: $id }) {
    scenario { slug viewerHasFavorited favoriteCount }
    errors { field code }
  }
}
"""
FAVORITES = """
query Favorites($first: Int, $after: String, $last: Int, $before: String) {
  viewer {
    favorites(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      nodes { slug viewerHasFavorited }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}
"""
COUNTERS = """
query Counters($slug: String!) { scenario(slug: $slug) { viewerHasFavorited favoriteCount } }
"""


async def _published() -> Scenario:
    scenario = await factories.scenario()
    await factories.version(scenario, machines=0, questions=0)
    return scenario


def _gid(scenario: Scenario) -> str:
    return to_global_id("Scenario", scenario.id)


async def test_favorite_and_unfavorite_are_idempotent(db: None, settings: Settings) -> None:
    scenario = await _published()
    learner, other = await factories.user(), await factories.user()
    await data_of(settings, FAVORITE, {"id": _gid(scenario)}, as_user=other)
    for _ in range(2):
        data = await data_of(settings, FAVORITE, {"id": _gid(scenario)}, as_user=learner)
        payload = data["scenarioFavorite"]
        assert payload["errors"] == []
        assert payload["scenario"] == {
            "slug": scenario.slug,
            "viewerHasFavorited": True,
            "favoriteCount": 2,
        }
    assert await ScenarioFavorite.filter(user=learner).count() == 1
    for _ in range(2):
        data = await data_of(settings, UNFAVORITE, {"id": _gid(scenario)}, as_user=learner)
        payload = data["scenarioUnfavorite"]
        assert payload["errors"] == []
        assert payload["scenario"]["viewerHasFavorited"] is False
        assert payload["scenario"]["favoriteCount"] == 1
    assert await ScenarioFavorite.filter(user=learner).count() == 0


async def test_counters_read_false_and_zero_for_the_anonymous(db: None, settings: Settings) -> None:
    scenario = await _published()
    await ScenarioFavorite.create(user=await factories.user(), scenario=scenario)
    data = await data_of(settings, COUNTERS, {"slug": scenario.slug})
    assert data["scenario"] == {"viewerHasFavorited": False, "favoriteCount": 1}


async def test_a_scenario_one_may_not_see_cannot_be_favorited(db: None, settings: Settings) -> None:
    draft = await factories.scenario()
    await factories.version(draft, VersionStatus.DRAFT, machines=0, questions=0)
    learner = await factories.user()
    for document, name in ((FAVORITE, "scenarioFavorite"), (UNFAVORITE, "scenarioUnfavorite")):
        data = await data_of(settings, document, {"id": _gid(draft)}, as_user=learner)
        assert data[name]["scenario"] is None
        assert data[name]["errors"][0]["code"] == "NOT_FOUND"
        assert data[name]["errors"][0]["field"] == "scenarioId"
    assert await ScenarioFavorite.all().count() == 0
    _, errors = await run(settings, FAVORITE, {"id": _gid(draft)})
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_viewer_favorites_pages_last_saved_first(db: None, settings: Settings) -> None:
    learner = await factories.user()
    scenarios = [await _published() for _ in range(5)]
    for scenario in scenarios:
        await data_of(settings, FAVORITE, {"id": _gid(scenario)}, as_user=learner)
    expected = [s.slug for s in reversed(scenarios)]
    seen: list[str] = []
    after = None
    while True:
        data = await data_of(settings, FAVORITES, {"first": 2, "after": after}, as_user=learner)
        favorites = data["viewer"]["favorites"]
        assert favorites["totalCount"] == 5
        assert all(node["viewerHasFavorited"] for node in favorites["nodes"])
        seen += [node["slug"] for node in favorites["nodes"]]
        if not favorites["pageInfo"]["hasNextPage"]:
            break
        after = favorites["pageInfo"]["endCursor"]
    assert seen == expected
    data = await data_of(settings, FAVORITES, {"last": 2}, as_user=learner)
    assert [n["slug"] for n in data["viewer"]["favorites"]["nodes"]] == expected[3:]
    before = data["viewer"]["favorites"]["pageInfo"]["startCursor"]
    data = await data_of(settings, FAVORITES, {"last": 2, "before": before}, as_user=learner)
    assert [n["slug"] for n in data["viewer"]["favorites"]["nodes"]] == expected[1:3]


async def test_favorites_leave_out_scenarios_that_are_no_longer_visible(
    db: None, settings: Settings
) -> None:
    learner = await factories.user()
    kept, deleted, unpublished = [await _published() for _ in range(3)]
    for scenario in (kept, deleted, unpublished):
        await data_of(settings, FAVORITE, {"id": _gid(scenario)}, as_user=learner)
    await Scenario.filter(id=deleted.id).update(deleted_at=datetime.now(UTC))
    await ScenarioVersion.filter(scenario=unpublished).update(status=VersionStatus.ARCHIVED)
    data = await data_of(settings, FAVORITES, {"first": 10}, as_user=learner)
    assert [n["slug"] for n in data["viewer"]["favorites"]["nodes"]] == [kept.slug]
    assert data["viewer"]["favorites"]["totalCount"] == 1


async def test_favorites_are_for_the_user_and_admins_only(db: None, settings: Settings) -> None:
    learner, other = await factories.user(), await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    scenario = await _published()
    await data_of(settings, FAVORITE, {"id": _gid(scenario)}, as_user=learner)
    document = """
    query Of($id: ID!) { node(id: $id) { ... on User { favorites { nodes { slug } } } } }
    """
    variables = {"id": to_global_id("User", learner.id)}
    seen = await data_of(settings, document, variables, as_user=admin)
    assert seen["node"]["favorites"]["nodes"] == [{"slug": scenario.slug}]
    _, errors = await run(settings, document, variables, as_user=other)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
