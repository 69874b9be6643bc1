"""platformStatistics: users by role and status, versions by status, pending reviews,
session starts per day and the completion rate, in statements that do not grow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState, UserRole, UserStatus, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

S = SessionState
STATS = """
query($days: Int!) {
  platformStatistics(days: $days) {
    usersByRole { role count }
    usersByStatus { status count }
    scenariosByStatus { status count }
    pendingReviews
    sessionStartsPerDay { day count }
    completionRate
  }
}
"""


async def started(days_ago: int, end_reason: str | None = None, **fields: object) -> None:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=0)
    session = await factories.session(learner, version, S.TERMINATED if end_reason else S.RUNNING)
    at = datetime.now(UTC) - timedelta(days=days_ago)
    await EnvironmentSession.filter(id=session.id).update(
        started_at=at,
        ended_at=at + timedelta(minutes=5) if end_reason else None,
        end_reason=end_reason,
        **fields,
    )


async def test_the_platform_in_numbers(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    await factories.user(UserRole.CREATOR, status=UserStatus.SUSPENDED)
    submitted = await factories.scenario()  # its author: a creator
    await factories.version(submitted, VersionStatus.SUBMITTED)
    await factories.version(await factories.scenario(), VersionStatus.SUBMITTED)
    gone = await factories.scenario(deleted_at=datetime.now(UTC))
    await factories.version(gone, VersionStatus.SUBMITTED)  # of a deleted scenario
    await started(0, "completed")
    await started(0, "completed")
    await started(1, "user")
    await started(1)  # still running: not ended
    await started(2, "expired")
    await started(0, "completed", is_test=True)  # a creator's test run: left out
    await started(40, "user")  # outside the window

    sql_counter.reset()
    data = await data_of(settings, STATS, {"days": 3}, as_user=admin)
    statements = sql_counter.count
    stats = data["platformStatistics"]

    roles = {r["role"]: r["count"] for r in stats["usersByRole"]}
    # One admin, one suspended creator and five scenario authors; one learner per session.
    assert roles == {"ADMIN": 1, "CREATOR": 1 + 3 + 7, "USER": 7}
    statuses = {s["status"]: s["count"] for s in stats["usersByStatus"]}
    assert statuses == {"ACTIVE": 18, "SUSPENDED": 1, "INVITED": 0, "DELETED": 0}
    versions = {v["status"]: v["count"] for v in stats["scenariosByStatus"]}
    assert versions["SUBMITTED"] == 2
    assert versions["PUBLISHED"] == 7
    assert stats["pendingReviews"] == 2
    today = datetime.now(UTC).date()
    assert stats["sessionStartsPerDay"] == [
        {"day": (today - timedelta(days=2)).isoformat(), "count": 1},
        {"day": (today - timedelta(days=1)).isoformat(), "count": 2},
        {"day": today.isoformat(), "count": 2},
    ]
    assert stats["completionRate"] == 0.5  # 2 completed of 4 ended

    for _ in range(5):
        await started(0, "completed")
    sql_counter.reset()
    await data_of(settings, STATS, {"days": 3}, as_user=admin)
    assert sql_counter.count == statements


async def test_statistics_are_for_admins_and_take_a_bounded_window(
    db: None, settings: Settings
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    _, errors = await run(settings, STATS, {"days": 3}, as_user=await factories.user())
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    _, errors = await run(settings, STATS, {"days": 367}, as_user=admin)
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    data = await data_of(settings, STATS, {"days": 1}, as_user=admin)
    assert data["platformStatistics"]["completionRate"] is None
