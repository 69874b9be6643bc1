"""Expiry warnings: once per deadline, to the learner, announced on the broker."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.broker.protocol import topic_for_user
from rangex_graphql.jobs.expiry_warnings import warn_expiring_sessions
from rangex_graphql.models import EnvironmentSession, Notification
from rangex_graphql.models.enums import SessionState
from rangex_graphql.settings import Settings
from tests import factories

pytestmark = pytest.mark.usefixtures("db")

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


async def session_ending_in(
    minutes: float, state: SessionState = SessionState.RUNNING
) -> EnvironmentSession:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(owner), machines=0)
    session = await factories.session(owner, version, state)
    await EnvironmentSession.filter(id=session.id).update(
        expires_at=NOW + timedelta(minutes=minutes)
    )
    await session.refresh_from_db()
    return session


async def test_a_session_about_to_expire_is_warned_once(settings: Settings) -> None:
    broker = MemoryBroker()
    soon = await session_ending_in(7.5)
    later = await session_ending_in(30)
    owner_id = soon.user_id  # type: ignore[attr-defined]
    inbox = await broker.subscribe([topic_for_user(owner_id)])
    assert await warn_expiring_sessions(NOW, settings, broker) == 1
    assert await warn_expiring_sessions(NOW + timedelta(minutes=1), settings, broker) == 0
    [notification] = await Notification.filter(user_id=owner_id)
    assert notification.kind == "session.expiring"
    assert notification.title == "Your session ends in 8 minutes"
    assert notification.data["session_id"] == str(soon.id)
    message = await asyncio.wait_for(anext(aiter(inbox)), 1)
    assert message == {
        "type": "notification",
        "notificationId": str(notification.id),
        "userId": str(owner_id),
    }
    assert not await Notification.filter(user_id=later.user_id).exists()  # type: ignore[attr-defined]
    await inbox.aclose()


async def test_paused_ended_and_past_sessions_are_not_warned(settings: Settings) -> None:
    await session_ending_in(5, SessionState.PAUSED)
    await session_ending_in(5, SessionState.TERMINATED)
    await session_ending_in(-1)
    assert await warn_expiring_sessions(NOW, settings, MemoryBroker()) == 0


async def test_an_extension_arms_the_next_warning(settings: Settings) -> None:
    session = await session_ending_in(5)
    assert await warn_expiring_sessions(NOW, settings, MemoryBroker()) == 1
    await EnvironmentSession.filter(id=session.id).update(expires_at=NOW + timedelta(minutes=35))
    later = NOW + timedelta(minutes=27)
    assert await warn_expiring_sessions(later, settings, MemoryBroker()) == 1
    assert await Notification.filter(user_id=session.user_id).count() == 2  # type: ignore[attr-defined]


async def test_two_replicas_at_once_warn_once(settings: Settings) -> None:
    for _ in range(5):
        await session_ending_in(3)
    sent = await asyncio.gather(
        *(warn_expiring_sessions(NOW, settings, MemoryBroker()) for _ in range(3))
    )
    assert sum(sent) == 5
    assert await Notification.filter(kind="session.expiring").count() == 5


async def test_the_window_is_the_largest_configured(settings: Settings) -> None:
    await session_ending_in(25)
    wide = settings.model_copy(update={"expiry_warning_minutes": [5, 30]})
    assert await warn_expiring_sessions(NOW, settings, MemoryBroker()) == 0
    assert await warn_expiring_sessions(NOW, wide, MemoryBroker()) == 1
    off = settings.model_copy(update={"expiry_warning_minutes": []})
    assert await warn_expiring_sessions(NOW, off, MemoryBroker()) == 0
