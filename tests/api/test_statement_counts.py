"""A query's SQL statement count depends on its shape, never on how many rows it returns."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.conftest import StatementCounter

HEAVY = """
query Heavy($first: Int!) {
  scenarios(first: $first) {
    totalCount
    edges { cursor node {
      id title difficulty tags featured
      author { displayName }
      versions { id number status
        machines { id name imageRef cpu memoryMib }
        questions { id prompt points }
      }
      publishedVersion { number machineCount }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

FEATURED = """
query Featured($first: Int!) {
  scenarios(first: $first, filter: {featured: true}) {
    totalCount
    nodes { slug tags featured }
  }
}
"""

USERS_WITH_SESSIONS = """
query Users($first: Int!) {
  users(first: $first) {
    nodes {
      username
      sessions(first: 5) {
        totalCount
        nodes { state version { number scenario { slug } } machines { state machine { name } } }
      }
      teamMemberships { role team { name members { user { username } } } }
    }
  }
}
"""

EVENTS = """
query Events($first: Int!) {
  events(first: $first) {
    nodes {
      title
      scenarios { points version { number machines { name } } }
      registrations(first: 10) { totalCount nodes { user { username } team { name } } }
    }
  }
}
"""


async def _catalog(parents: int) -> None:
    author = await factories.user(UserRole.CREATOR)
    for i in range(parents):
        scenario = await factories.scenario(author, tags=("web", f"t{i}"))
        await factories.version(scenario, VersionStatus.ARCHIVED, machines=3, questions=2)
        await factories.version(scenario, VersionStatus.PUBLISHED, machines=4, questions=3)


async def _featured_catalog(parents: int) -> None:
    author = await factories.user(UserRole.CREATOR)
    for i in range(parents):
        scenario = await factories.scenario(author, tags=("web", f"t{i}"))
        for status in (VersionStatus.ARCHIVED, VersionStatus.PUBLISHED):
            version = await factories.version(scenario, status, machines=0, questions=0)
            version.featured = True
            await version.save(update_fields=["featured"])
        await factories.version(await factories.scenario(author), machines=0, questions=0)


async def _people(parents: int) -> None:
    scenario = await factories.scenario()
    version = await factories.version(scenario)
    for _ in range(parents):
        learner = await factories.user()
        await factories.session(learner, version, SessionState.RUNNING, machines=2)
        await factories.session(learner, version, SessionState.TERMINATED, machines=1)
        team = await factories.team(members=2)
        await factories.registration(await factories.event(), team_=team)
        from rangex_graphql.models import TeamMember

        await TeamMember.create(team=team, user=learner)


async def _events(parents: int) -> None:
    scenario = await factories.scenario()
    version = await factories.version(scenario, machines=2)
    for _ in range(parents):
        event = await factories.event()
        await factories.event_entry(event, version)
        await factories.registration(event, user_=await factories.user())
        await factories.registration(event, team_=await factories.team())


@pytest.mark.parametrize(
    ("build", "document", "expected"),
    [
        # scenarios page with their authors + count, tags, versions, published versions
        # with their machine counts, machines, questions
        (_catalog, HEAVY, 7),
        # featured scenarios page + count, their published versions (Scenario.featured),
        # tags
        (_featured_catalog, FEATURED, 4),
        # users page; sessions window + rows + grouped count; versions; scenarios; session
        # machines; machines; memberships; teams; members; member users
        (_people, USERS_WITH_SESSIONS, 12),
        # events page; entries; versions; machines; registrations window + rows + grouped
        # count; users; teams
        (_events, EVENTS, 9),
    ],
    ids=["catalog", "featured", "users", "events"],
)
async def test_statement_count_is_the_same_for_1_and_50_parents(
    db: None,
    settings: Settings,
    sql_counter: StatementCounter,
    build: Callable[[int], Awaitable[None]],
    document: str,
    expected: int,
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    counts: list[int] = []
    sizes: list[int] = []
    for parents in (1, 50):
        await build(parents if not counts else parents - 1)
        sql_counter.reset()
        data = await data_of(settings, document, {"first": 100}, as_user=admin)
        counts.append(sql_counter.count)
        sizes.append(len(str(data)))
    assert sizes[1] > sizes[0] * 10, "the second run must really read many more rows"
    assert counts[0] == counts[1], sql_counter.statements
    assert counts[0] == expected, sql_counter.statements
