"""Reading teams with their members, captain, invite code and join requests: the statement
count does not grow with the number of teams."""

from __future__ import annotations

import pytest

from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.teams.join_requests import request_to_join
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.conftest import StatementCounter
from tests.teams.helpers import as_actor, open_team

TEAMS = """
query Teams($first: Int!) {
  teams(first: $first) {
    nodes {
      name motto country isOpen maxMembers memberCount inviteCode
      captain { username }
      members { role joinedAt user { username } }
      joinRequests { status message user { username } team { name } }
    }
  }
}
"""


async def _teams(settings: Settings, count: int) -> None:
    for _ in range(count):
        team, _ = await open_team(settings, 3)
        for _ in range(2):
            await request_to_join(
                as_actor(await factories.user()), team.id, "hello", SYSTEM, broker=None
            )


@pytest.mark.usefixtures("db")
async def test_teams_read_in_the_same_statements_for_1_and_30(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    counts: list[int] = []
    sizes: list[int] = []
    for total in (1, 30):
        await _teams(settings, total - len(counts))
        sql_counter.reset()
        data = await data_of(settings, TEAMS, {"first": 100}, as_user=admin)
        counts.append(sql_counter.count)
        sizes.append(len(str(data)))
        assert len(data["teams"]["nodes"]) == total
        assert all(len(t["joinRequests"]) == 2 for t in data["teams"]["nodes"])
    assert sizes[1] > sizes[0] * 10
    # teams page; the viewer's memberships; members; join requests; users (members and
    # captains); users (applicants); the requests' teams. The two user reads are one
    # loader's: when the members and the join requests arrive in the same event-loop turn
    # (it depends on the database's timing, not on the rows) they share one statement.
    for count in counts:
        assert count in (6, 7), sql_counter.statements
