"""mySessions, notifications and platformActivity over graphql-transport-ws."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.broker.protocol import topic_for_user
from rangex_graphql.models import EnvironmentSession, UsageDaily
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole
from rangex_graphql.services.notifications import notify
from rangex_graphql.services.sessions.cost import rounded, session_hourly_rm
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client
from tests.api.subscriptions.conftest import (
    changed,
    learner_with_session,
    listening,
    token_for,
)

MY_SESSIONS = "subscription { mySessions { id state } }"
NOTIFICATIONS = "subscription { notifications { id kind title read: readAt } }"
PLATFORM = """
subscription {
  platformActivity {
    activeSessions activeUsers spendThisMonthRm budgetHardRm budgetUsed
    todaySpendRm burnRatePerHourRm budgetDailyRm grace { cap }
    sessionsByState { state count }
  }
}
"""


async def test_my_sessions_reports_each_change_of_each_session(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    owner, first = await learner_with_session()
    second = await factories.session(owner, await first.version)
    test_run = await factories.session(owner, await first.version)
    await EnvironmentSession.filter(id=test_run.id).update(is_test=True)
    _, stranger_session = await learner_with_session()
    async with Client.open(server.url, token_for(settings, owner)) as client:
        await client.subscribe("mine", MY_SESSIONS)
        await listening(server.runtime, topic_for_user(owner.id))
        await changed(server.runtime, stranger_session)  # on another user's topic
        await changed(server.runtime, test_run)  # a test run: not the learner's play
        await changed(server.runtime, first)
        await EnvironmentSession.filter(id=second.id).update(state=SessionState.PAUSED)
        await second.refresh_from_db()
        await changed(server.runtime, second)
        got = [(await client.receive())["payload"]["data"]["mySessions"] for _ in range(2)]
        assert got == [
            {"id": to_global_id("EnvironmentSession", first.id), "state": "RUNNING"},
            {"id": to_global_id("EnvironmentSession", second.id), "state": "PAUSED"},
        ]


async def test_notifications_arrive_for_their_recipient_only(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    user = await factories.user()
    other = await factories.user()
    async with Client.open(server.url, token_for(settings, user)) as client:
        await client.subscribe("n", NOTIFICATIONS)
        await listening(server.runtime, topic_for_user(user.id))
        broker = server.runtime.broker
        await notify(other.id, "version.approved", "Not yours", broker=broker)
        mine = await notify(
            user.id, "session.expiring", "Your session ends in 10 minutes", broker=broker
        )
        received = await client.receive()
        assert received["payload"]["data"]["notifications"] == {
            "id": to_global_id("Notification", mine.id),
            "kind": "session.expiring",
            "title": "Your session ends in 10 minutes",
            "read": None,
        }


async def test_platform_activity_counts_and_coalesces_bursts(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(
        platform_activity_interval_seconds=0.3,
        budget_monthly_rm=Decimal(100),
        budget_daily_rm=Decimal(50),
    )
    admin = await factories.user(UserRole.ADMIN)
    owner, session = await learner_with_session()
    await EnvironmentSession.filter(id=session.id).update(cost_accounted_at=datetime.now(UTC))
    today = datetime.now(UTC).date()
    for day, total in ((today, "25"), (today - timedelta(days=40), "70")):
        await UsageDaily.create(
            day=day,
            session_id=session.id,
            user_id=owner.id,
            resource_profile=ResourceProfile.SMALL,
            total_rm=Decimal(total),
        )
    hourly = await session_hourly_rm(
        settings,
        session.version_id,  # type: ignore[attr-defined]
        session.resource_profile,
    )
    async with Client.open(server.url, token_for(settings, admin)) as client:
        await client.subscribe("p", PLATFORM)
        first = (await client.receive())["payload"]["data"]["platformActivity"]
        assert first["activeSessions"] == 1
        assert first["activeUsers"] == 1
        assert Decimal(first["spendThisMonthRm"]) == Decimal(25)
        assert first["budgetUsed"] == 0.25
        assert Decimal(first["todaySpendRm"]) == Decimal(25)
        assert Decimal(first["budgetDailyRm"]) == Decimal(50)
        assert Decimal(first["burnRatePerHourRm"]) == rounded(hourly) > 0
        assert first["grace"] is None
        counts = {c["state"]: c["count"] for c in first["sessionsByState"]}
        assert counts["RUNNING"] == 1
        assert counts["PAUSED"] == 0
        hub = server.subscriptions.hub
        before = hub.executions
        await factories.session(owner, await session.version)
        for _ in range(10):
            await changed(server.runtime, session)
        second = (await client.receive())["payload"]["data"]["platformActivity"]
        assert second["activeSessions"] == 2
        await asyncio.sleep(0.5)  # let a trailing push, if any, happen
        # Ten changes within the interval: at most a leading and a trailing push.
        assert hub.executions - before <= 2
