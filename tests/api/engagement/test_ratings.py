"""Ratings: only after a finished session, one per user (re-rating replaces it), and the
scenario's average and count exact, concurrent raters included."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Scenario, ScenarioRating, ScenarioVersion, User
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

RATE = """
mutation Rate($id: ID!, $stars: Int!, $comment: String) {
  scenarioRate(input: { scenarioId: $id, stars: $stars, comment: $comment }) {
    rating { id stars comment user { username } }
    scenario { ratingAverage ratingCount viewerRating { stars } }
    errors { field code message }
  }
}
"""
RATINGS = """
query Ratings($slug: String!, $first: Int, $after: String) {
  scenario(slug: $slug) {
    ratingAverage ratingCount
    viewerRating { stars comment }
    ratings(first: $first, after: $after) {
      totalCount
      nodes { id stars comment user { username } scenario { slug } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""


async def _published() -> tuple[Scenario, ScenarioVersion]:
    scenario = await factories.scenario()
    version = await factories.version(scenario, machines=0, questions=0)
    return scenario, version


async def _finisher(
    version: ScenarioVersion, state: SessionState = SessionState.TERMINATED
) -> User:
    learner = await factories.user()
    await factories.session(learner, version, state)
    return learner


async def _rate(
    settings: Settings, user: User, scenario: Scenario, stars: int, comment: str | None = None
) -> dict[str, Any]:
    variables = {"id": to_global_id("Scenario", scenario.id), "stars": stars, "comment": comment}
    data = await data_of(settings, RATE, variables, as_user=user)
    rated: dict[str, Any] = data["scenarioRate"]
    return rated


async def test_rating_needs_a_finished_session_of_the_scenario(
    db: None, settings: Settings
) -> None:
    scenario, version = await _published()
    other_scenario, other_version = await _published()
    learner = await factories.user()
    refused = await _rate(settings, learner, scenario, 4)
    assert refused["errors"] == [
        {
            "field": "scenarioId",
            "code": "SESSION_REQUIRED",
            "message": "finish a session of this scenario before rating it",
        }
    ]
    assert refused["rating"] is None
    await factories.session(learner, version, SessionState.RUNNING)
    await factories.session(learner, version, SessionState.FAILED)
    await factories.session(learner, other_version, SessionState.TERMINATED)
    assert (await _rate(settings, learner, scenario, 4))["errors"][0]["code"] == "SESSION_REQUIRED"
    assert await ScenarioRating.all().count() == 0
    # An expired session of an older version of the scenario counts.
    archived = await factories.version(scenario, VersionStatus.ARCHIVED, machines=0, questions=0)
    await factories.session(learner, archived, SessionState.EXPIRED)
    accepted = await _rate(settings, learner, scenario, 4, "  Solid lab.  ")
    assert accepted["errors"] == []
    assert accepted["rating"]["stars"] == 4
    assert accepted["rating"]["comment"] == "Solid lab."
    assert accepted["scenario"] == {
        "ratingAverage": 4.0,
        "ratingCount": 1,
        "viewerRating": {"stars": 4},
    }
    assert other_scenario.id != scenario.id


async def test_rating_again_replaces_the_rating(db: None, settings: Settings) -> None:
    scenario, version = await _published()
    learner = await _finisher(version)
    first = await _rate(settings, learner, scenario, 2, "meh")
    second = await _rate(settings, learner, scenario, 5)
    assert second["rating"]["id"] == first["rating"]["id"]
    assert second["rating"]["comment"] is None
    assert second["scenario"]["ratingAverage"] == 5.0
    assert second["scenario"]["ratingCount"] == 1
    row = await ScenarioRating.get(user=learner)
    # A nullable column, which Tortoise's types do not say.
    assert (row.stars, cast("str | None", row.comment)) == (5, None)
    assert row.updated_at > row.created_at


@pytest.mark.parametrize("stars", [0, 6, -1])
async def test_stars_out_of_range_is_a_payload_error_on_stars(
    db: None, settings: Settings, stars: int
) -> None:
    scenario, version = await _published()
    payload = await _rate(settings, await _finisher(version), scenario, stars)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("stars", "INVALID")]
    assert await ScenarioRating.all().count() == 0


async def test_a_comment_has_at_most_2000_characters(db: None, settings: Settings) -> None:
    scenario, version = await _published()
    learner = await _finisher(version)
    payload = await _rate(settings, learner, scenario, 9, "x" * 2001)
    assert {(e["field"], e["code"]) for e in payload["errors"]} == {
        ("stars", "INVALID"),
        ("comment", "INVALID"),
    }
    assert (await _rate(settings, learner, scenario, 3, "x" * 2000))["errors"] == []


async def test_average_and_count_are_exact(db: None, settings: Settings) -> None:
    scenario, version = await _published()
    stars = [5, 4, 4, 1, 3, 5, 2]
    for n in stars:
        await _rate(settings, await _finisher(version), scenario, n)
    row = await Scenario.get(id=scenario.id)
    assert row.rating_count == len(stars)
    assert row.rating_average == sum(stars) / len(stars)
    data = await data_of(settings, RATINGS, {"slug": scenario.slug, "first": 100})
    assert data["scenario"]["ratingAverage"] == sum(stars) / len(stars)
    assert data["scenario"]["ratingCount"] == len(stars)
    assert data["scenario"]["viewerRating"] is None
    assert data["scenario"]["ratings"]["totalCount"] == len(stars)
    # Newest first.
    assert [n["stars"] for n in data["scenario"]["ratings"]["nodes"]] == stars[::-1]


async def test_concurrent_raters_leave_an_exact_summary(db: None, settings: Settings) -> None:
    scenario, version = await _published()
    raters = [await _finisher(version) for _ in range(12)]
    stars = [1 + i % 5 for i in range(len(raters))]
    payloads = await asyncio.gather(
        *(_rate(settings, u, scenario, n) for u, n in zip(raters, stars, strict=True)),
        # The same learner twice at once still makes one rating.
        _rate(settings, raters[0], scenario, stars[0]),
    )
    assert all(p["errors"] == [] for p in payloads)
    assert await ScenarioRating.filter(scenario=scenario).count() == len(raters)
    row = await Scenario.get(id=scenario.id)
    assert row.rating_count == len(raters)
    assert row.rating_average == sum(stars) / len(stars)
    # Everyone changes their mind at once.
    await asyncio.gather(*(_rate(settings, u, scenario, 5) for u in raters))
    row = await Scenario.get(id=scenario.id)
    assert (row.rating_count, row.rating_average) == (len(raters), 5.0)


async def test_ratings_are_public_with_the_scenario(db: None, settings: Settings) -> None:
    scenario, version = await _published()
    learner = await _finisher(version)
    rated = await _rate(settings, learner, scenario, 4, "good")
    rating_id = rated["rating"]["id"]
    node = (
        "query N($id: ID!) { node(id: $id) { ... on ScenarioRating { stars scenario { slug } } } }"
    )
    data = await data_of(settings, node, {"id": rating_id})
    assert data["node"] == {"stars": 4, "scenario": {"slug": scenario.slug}}
    data = await data_of(settings, RATINGS, {"slug": scenario.slug}, as_user=learner)
    assert data["scenario"]["viewerRating"] == {"stars": 4, "comment": "good"}
    assert data["scenario"]["ratings"]["nodes"][0]["user"] == {"username": learner.username}
    # Once the scenario is hidden, so are its ratings, to all but its author and admins.
    await ScenarioVersion.filter(scenario=scenario).update(status=VersionStatus.ARCHIVED)
    data = await data_of(settings, node, {"id": rating_id}, as_user=learner)
    assert data["node"] is None
    admin = await factories.user(UserRole.ADMIN)
    data = await data_of(settings, node, {"id": rating_id}, as_user=admin)
    assert data["node"]["stars"] == 4


async def test_a_hidden_scenario_cannot_be_rated(db: None, settings: Settings) -> None:
    scenario, version = await _published()
    learner = await _finisher(version)
    await ScenarioVersion.filter(scenario=scenario).update(status=VersionStatus.ARCHIVED)
    payload = await _rate(settings, learner, scenario, 4)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("scenarioId", "NOT_FOUND")]
    _, errors = await run(settings, RATE, {"id": to_global_id("Scenario", scenario.id), "stars": 4})
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
