"""``Event.leaderboard``, ``Event.scoreTimeline`` and ``Event.solves`` over GraphQL: who
sees what (freeze, organisers, hidden profiles), pages, and statements per request."""

from __future__ import annotations

from typing import Any

from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter
from tests.events.leaderboard_world import World, at, event_world, solo, solve, team_entry

BOARD = """
query Board($slug: String!, $first: Int, $after: String, $truth: Boolean! = false) {
  event(slug: $slug) {
    leaderboard(first: $first, after: $after, truth: $truth) {
      frozen asOf
      edges { cursor node { rank score solves lastSolveAt live displayName
        participant { __typename ... on User { username } ... on Team { name } } } }
      pageInfo { hasNextPage endCursor }
      viewerEntry { rank score solves live }
    }
  }
}
"""


async def board(
    settings: Settings, world: World, as_user: User | None = None, **variables: Any
) -> dict[str, Any]:
    data = await data_of(settings, BOARD, {"slug": world.event.slug, **variables}, as_user=as_user)
    result: dict[str, Any] = data["event"]["leaderboard"]
    return result


async def test_the_board_ranks_users_and_anonymises_hidden_profiles(
    settings: Settings, db: None
) -> None:
    world = await event_world((100, 200))
    shown = await factories.user(username="shown_one")
    hidden = await factories.user(username="hidden_one", profile_hidden=True)
    await solve(world, await solo(world, shown), 1, at(5))
    await solve(world, await solo(world, hidden), 0, at(6))
    result = await board(settings, world)
    nodes = [edge["node"] for edge in result["edges"]]
    assert [(n["rank"], n["score"], n["solves"], n["live"]) for n in nodes] == [
        (1, 200, 1, True),
        (2, 100, 1, True),
    ]
    assert nodes[0]["participant"] == {"__typename": "User", "username": "shown_one"}
    assert nodes[1]["participant"] is None
    assert nodes[1]["displayName"] == "Hidden participant"
    assert not result["frozen"]
    assert result["viewerEntry"] is None
    # The hidden user sees themselves.
    mine = await board(settings, world, as_user=hidden)
    assert mine["edges"][1]["node"]["participant"] == {
        "__typename": "User",
        "username": "hidden_one",
    }
    assert mine["viewerEntry"] == {"rank": 2, "score": 100, "solves": 1, "live": True}


async def test_a_team_event_ranks_teams(settings: Settings, db: None) -> None:
    world = await event_world((100,))
    team = await factories.team()
    member = await factories.user()
    registration = await team_entry(world, team, [member])
    await solve(world, registration, 0, at(1), user=member)
    result = await board(settings, world, as_user=member)
    node = result["edges"][0]["node"]
    assert node["participant"] == {"__typename": "Team", "name": team.name}
    assert node["displayName"] == team.name
    assert result["viewerEntry"]["score"] == 100  # through the team


async def test_while_frozen_the_public_sees_the_freeze_and_each_their_live_entry(
    settings: Settings, db: None
) -> None:
    world = await event_world((100, 200), freeze_at=at(30))
    me, rival = await factories.user(), await factories.user()
    mine, theirs = await solo(world, me), await solo(world, rival)
    await solve(world, theirs, 0, at(10))
    await solve(world, mine, 1, at(40))  # after the freeze
    public = await board(settings, world, as_user=me)
    assert public["frozen"] is True
    assert public["asOf"].startswith("2026-06-01T12:30:00")
    assert [(e["node"]["score"], e["node"]["live"]) for e in public["edges"]] == [
        (100, False),
        (0, False),
    ]
    assert public["viewerEntry"] == {"rank": 1, "score": 200, "solves": 1, "live": True}

    _data, errors = await run(
        settings, BOARD, {"slug": world.event.slug, "truth": True}, as_user=me
    )
    assert errors
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"

    for organiser in (world.creator, await factories.user(UserRole.ADMIN)):
        truth = await board(settings, world, as_user=organiser, truth=True)
        assert truth["frozen"] is False
        assert [e["node"]["score"] for e in truth["edges"]] == [200, 100]


async def test_pages_continue_after_the_cursor(settings: Settings, db: None) -> None:
    world = await event_world((100, 200, 300))
    people = [await solo(world) for _ in range(5)]
    for i, person in enumerate(people):
        await solve(world, person, i % 3, at(i))
    whole = await board(settings, world, first=10)
    first = await board(settings, world, first=2)
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await board(settings, world, first=10, after=first["pageInfo"]["endCursor"])
    assert rest["pageInfo"]["hasNextPage"] is False
    assert [e["node"] for e in first["edges"] + rest["edges"]] == [
        e["node"] for e in whole["edges"]
    ]
    _, errors = await run(settings, BOARD, {"slug": world.event.slug, "after": "bogus"})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_statements_do_not_grow_with_the_participants(
    settings: Settings, db: None, sql_counter: StatementCounter
) -> None:
    counts = []
    for size in (3, 30):
        world = await event_world((100, 200, 300))
        viewer = await factories.user()
        await solo(world, viewer)
        for i in range(size):
            person = await solo(world, await factories.user(profile_hidden=i % 2 == 0))
            await solve(world, person, i % 3, at(i))
        team = await factories.team()
        await team_entry(world, team, [await factories.user()])
        sql_counter.reset()
        await board(settings, world, as_user=viewer, first=50)
        counts.append(sql_counter.count)
    assert counts[0] == counts[1], counts
    assert counts[0] <= 9, counts


TIMELINE = """
query T($slug: String!, $top: Int!) {
  event(slug: $slug) {
    scoreTimeline(top: $top) {
      frozen
      lines { entry { rank score displayName } points { at score } }
    }
  }
}
"""


async def test_the_timeline_of_the_top_stops_at_the_freeze(settings: Settings, db: None) -> None:
    world = await event_world((100, 200), freeze_at=at(30))
    leader, second = await solo(world), await solo(world)
    await solve(world, leader, 0, at(1), blood=1, bonus=5)
    await solve(world, leader, 1, at(20))
    await solve(world, second, 0, at(2), blood=2, bonus=3)
    await solve(world, second, 1, at(35))  # after the freeze
    data = await data_of(settings, TIMELINE, {"slug": world.event.slug, "top": 5})
    timeline = data["event"]["scoreTimeline"]
    assert timeline["frozen"] is True
    lines = timeline["lines"]
    assert [line["entry"]["score"] for line in lines] == [305, 103]
    assert [p["score"] for p in lines[0]["points"]] == [105, 305]
    assert [p["score"] for p in lines[1]["points"]] == [103]
    _, errors = await run(settings, TIMELINE, {"slug": world.event.slug, "top": 51})
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


SOLVES = """
query S($slug: String!, $first: Int, $after: String) {
  event(slug: $slug) {
    solves(first: $first, after: $after) {
      edges { node { solvedAt blood bonusPoints participantName
        solver { username } question { id prompt } challenge { points } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""


async def test_the_solve_feed_is_newest_first_and_frozen_for_the_public(
    settings: Settings, db: None
) -> None:
    world = await event_world((100, 200), freeze_at=at(30))
    solver = await factories.user(username="solver_x")
    registration = await solo(world, solver)
    await solve(world, registration, 0, at(10), blood=1, bonus=5)
    await solve(world, registration, 1, at(40))
    public = await data_of(settings, SOLVES, {"slug": world.event.slug})
    edges = public["event"]["solves"]["edges"]
    assert len(edges) == 1
    node = edges[0]["node"]
    assert (node["blood"], node["bonusPoints"]) == (1, 5)
    assert node["participantName"] == solver.display_name
    assert node["solver"] == {"username": "solver_x"}
    assert node["question"]["prompt"] == "Question 0?"
    assert node["challenge"] == {"points": 300}

    organiser = await data_of(
        settings, SOLVES, {"slug": world.event.slug, "first": 1}, as_user=world.creator
    )
    page = organiser["event"]["solves"]
    assert [e["node"]["solvedAt"][:16] for e in page["edges"]] == ["2026-06-01T12:40"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await data_of(
        settings,
        SOLVES,
        {"slug": world.event.slug, "after": page["pageInfo"]["endCursor"]},
        as_user=world.creator,
    )
    assert [e["node"]["solvedAt"][:16] for e in rest["event"]["solves"]["edges"]] == [
        "2026-06-01T12:10"
    ]
