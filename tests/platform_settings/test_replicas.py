"""Replicas converge on a settings change: within a second through the broker (two
runtimes on Redis, as two app instances), and within the refresh interval when the
message never reaches one."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from uuid import uuid4

import pytest

from rangex_graphql.broker import Broker, MemoryBroker
from rangex_graphql.broker.redis import RedisBroker
from rangex_graphql.models import PlatformSettingsRecord
from rangex_graphql.models.enums import UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.platform_settings.cache import SETTINGS_TOPIC
from rangex_graphql.settings import Settings
from tests import factories

from .helpers import update

pytestmark = pytest.mark.usefixtures("db")


@asynccontextmanager
async def replica(settings: Settings, broker: Broker, refresh: float) -> AsyncIterator[Runtime]:
    """A runtime started as the app's lifespan starts it."""
    built = build_runtime(
        settings.model_copy(
            update={"jobs_enabled": False, "platform_settings_refresh_seconds": refresh}
        ),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=broker,
    )
    try:
        await built.start_platform_settings()
        await asyncio.wait_for(built.platform.following.wait(), 5)
        yield built
    finally:
        await built.aclose()


async def seconds_until(check: Callable[[], bool], within: float) -> float:
    started = time.monotonic()
    while not check():
        elapsed = time.monotonic() - started
        if elapsed > within:
            raise AssertionError(f"not converged within {within} s")
        await asyncio.sleep(0.01)
    return time.monotonic() - started


async def test_two_replicas_on_redis_converge_within_a_second(
    settings: Settings, redis_url: str
) -> None:
    prefix = f"test-settings-{uuid4().hex}:"
    admin = await factories.user(UserRole.ADMIN)
    # A refresh interval far away: only the broker message can bring the change in time.
    async with (
        replica(settings, RedisBroker(redis_url, channel_prefix=prefix), 600) as a,
        replica(settings, RedisBroker(redis_url, channel_prefix=prefix), 600) as b,
    ):
        assert b.platform.current.sessions_per_user == settings.session_max_per_user
        result = await update(a, admin, sessionsPerUser=2, registrationsOpen=False)
        assert result["errors"] == []
        took = await seconds_until(lambda: b.platform.current.sessions_per_user == 2, 1.0)
        assert took < 1.0
        assert b.platform.current.registrations_open is False
        assert b.platform.current.version == a.platform.current.version


async def test_a_replica_that_misses_the_message_converges_within_the_interval(
    settings: Settings, redis_url: str
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    interval = 0.5
    # B listens on other channels: A's message never reaches it.
    async with (
        replica(settings, RedisBroker(redis_url, channel_prefix=f"a-{uuid4().hex}:"), 600) as a,
        replica(
            settings, RedisBroker(redis_url, channel_prefix=f"b-{uuid4().hex}:"), interval
        ) as b,
    ):
        await update(a, admin, maxActiveSessions=7)
        took = await seconds_until(
            lambda: b.platform.current.max_active_sessions == 7, interval + 0.5
        )
        assert took <= interval + 0.5


async def test_a_gap_reported_by_the_broker_rereads_at_once(settings: Settings) -> None:
    broker = MemoryBroker()
    async with replica(settings, broker, 600) as runtime:
        # Changed behind the replica's back, as a lost message would leave it.
        await PlatformSettingsRecord.all().update(sessions_per_user=1, version=99)
        await asyncio.sleep(0.05)
        assert runtime.platform.current.sessions_per_user == settings.session_max_per_user
        await broker.publish(SETTINGS_TOPIC, {"type": "missed", "count": None})
        await seconds_until(lambda: runtime.platform.current.sessions_per_user == 1, 1.0)
        assert runtime.platform.current.version == 99


async def test_a_message_of_the_version_held_reads_nothing(settings: Settings) -> None:
    broker = MemoryBroker()
    async with replica(settings, broker, 600) as runtime:
        held = runtime.platform.current
        await PlatformSettingsRecord.all().update(sessions_per_user=1)
        await broker.publish(SETTINGS_TOPIC, {"type": "changed", "version": held.version})
        await asyncio.sleep(0.1)
        assert runtime.platform.current is held
