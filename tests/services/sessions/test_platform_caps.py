"""The platform-wide caps are exact under concurrent starts by different users.

Run on SQLite and on MariaDB (``RANGEX_TEST_DATABASE_URL``): on MariaDB the starts run on
separate pooled connections at once, and only the platform lock keeps them from all
counting the same active sessions and passing the cap together.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any, cast

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.db.config import dialect_of
from rangex_graphql.models import EnvironmentSession, PlatformLock, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.sessions import start as start_module
from rangex_graphql.services.sessions.platform_lock import SESSION_STARTS
from rangex_graphql.services.sessions.transitions import ACTIVE_STATES
from rangex_graphql.settings import Settings
from tests import factories
from tests.conftest import StatementCounter
from tests.services.sessions.test_limits import attempt
from tests.support.sessions import settle

S = SessionState
ACTIVE = [s.value for s in ACTIVE_STATES]
STARTS = 30
pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def slow_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every start pauses between its counts and its insert: without the lock, starts on
    MariaDB then all count before any inserts, and the caps fail every time."""
    check = start_module._check_limits

    async def check_then_pause(*args: Any) -> None:
        await check(*args)
        await asyncio.sleep(0.01)

    monkeypatch.setattr(start_module, "_check_limits", check_then_pause)


@asynccontextmanager
async def platform(settings: Settings, **overrides: Any) -> AsyncIterator[Runtime]:
    built = build_runtime(
        settings.model_copy(update=overrides),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
    )
    try:
        yield built
        await settle(built)
    finally:
        await built.aclose()


async def at_once(runtime: Runtime, starts: Iterable[tuple[User, ScenarioVersion]]) -> list[str]:
    return list(await asyncio.gather(*(attempt(runtime, u, v) for u, v in starts)))


async def version() -> ScenarioVersion:
    return await factories.version(await factories.scenario(), machines=1, questions=0)


async def new_users(count: int) -> list[User]:
    return [await factories.user() for _ in range(count)]


async def active_sessions() -> int:
    return await EnvironmentSession.filter(state__in=ACTIVE).count()


async def active_users() -> int:
    ids = await EnvironmentSession.filter(state__in=ACTIVE).values_list("user_id", flat=True)
    return len(set(ids))


@pytest.mark.usefixtures("slow_checks")
async def test_thirty_users_at_once_at_a_cap_of_seven_sessions(settings: Settings) -> None:
    v = await version()
    await factories.session(await factories.user(), v, S.RUNNING)
    async with platform(settings, session_platform_max_active=7) as runtime:
        outcomes = await at_once(runtime, [(u, v) for u in await new_users(STARTS)])

        assert outcomes.count("OK") == 6
        assert outcomes.count("PLATFORM_SESSION_LIMIT") == STARTS - 6
        assert await active_sessions() == 7

        # Three sessions end: three more starts get their places, no more.
        ended = (
            await EnvironmentSession.filter(state__in=ACTIVE).limit(3).values_list("id", flat=True)
        )
        await EnvironmentSession.filter(id__in=ended).update(state=S.TERMINATED)
        outcomes = await at_once(runtime, [(u, v) for u in await new_users(STARTS)])

        assert outcomes.count("OK") == 3
        assert outcomes.count("PLATFORM_SESSION_LIMIT") == STARTS - 3
        assert await active_sessions() == 7


@pytest.mark.usefixtures("slow_checks")
async def test_thirty_new_users_at_once_at_a_cap_of_seven_users(settings: Settings) -> None:
    v = await version()
    busy = await factories.user()
    await factories.session(busy, v, S.RUNNING)
    async with platform(settings, session_platform_max_users=7) as runtime:
        newcomers = await new_users(STARTS)
        outcomes = await at_once(runtime, [(busy, v)] + [(u, v) for u in newcomers])

        assert outcomes[0] == "OK"  # already counted: a second session adds no user
        assert outcomes[1:].count("OK") == 6
        assert outcomes[1:].count("PLATFORM_USER_LIMIT") == STARTS - 6
        assert await active_users() == 7
        assert await EnvironmentSession.filter(user_id=busy.id, state__in=ACTIVE).count() == 2


@pytest.mark.usefixtures("slow_checks")
async def test_every_lock_at_once_ends_in_answers_not_deadlocks(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """Platform, user and scenario locks all in play: each start gets OK or a limit code
    without a deadlock (one would be retried, and logged), and every limit holds."""
    capped, free = await version(), await version()
    await Scenario.filter(id=capped.scenario_id).update(max_active_sessions=3)  # type: ignore[attr-defined]
    users = await new_users(10)
    starts = [(u, v) for u in users for v in (capped, free, capped, free)]
    async with platform(settings, session_platform_max_active=9, session_max_per_user=2) as runtime:
        outcomes = await at_once(runtime, starts)

    assert not [r for r in caplog.records if r.name.endswith("platform_lock")]
    assert set(outcomes) <= {
        "OK",
        "PLATFORM_SESSION_LIMIT",
        "USER_SESSION_LIMIT",
        "SCENARIO_SESSION_LIMIT",
    }
    assert outcomes.count("OK") == 9 == await active_sessions()
    in_capped = EnvironmentSession.filter(version_id=capped.id, state__in=ACTIVE)
    assert await in_capped.count() == 3
    for user in users:
        assert await EnvironmentSession.filter(user_id=user.id, state__in=ACTIVE).count() <= 2


@pytest.mark.parametrize(
    "caps",
    [{"session_platform_max_active": 50}, {"session_platform_max_users": 50}],
    ids=["sessions", "users"],
)
async def test_a_platform_cap_takes_the_lock_once_per_start(
    settings: Settings, sql_counter: StatementCounter, caps: dict[str, int]
) -> None:
    v = await version()
    async with platform(settings, **caps) as runtime:
        assert await attempt(runtime, await factories.user(), v) == "OK"

    locks = [sql for sql in sql_counter.statements if "platform_lock" in sql]
    assert len(locks) == 1
    if dialect_of(settings.database_url) == "mysql":
        assert "FOR UPDATE" in locks[0]


async def test_without_platform_caps_no_lock_is_taken(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    assert settings.session_platform_max_active is None
    assert settings.session_platform_max_users is None
    v = await version()
    async with platform(settings) as runtime:
        outcomes = await at_once(runtime, [(u, v) for u in await new_users(3)])

    assert outcomes == ["OK"] * 3
    assert sql_counter.statements  # the counter saw the starts
    assert not [sql for sql in sql_counter.statements if "platform_lock" in sql]


async def test_the_migrations_make_the_lock_row() -> None:
    assert await PlatformLock.exists(name=SESSION_STARTS)


@pytest.mark.usefixtures("slow_checks")
async def test_a_deleted_lock_row_is_remade_and_the_cap_still_holds(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """The migration inserts the row; without it, starts remake it, racing each other."""
    await PlatformLock.all().delete()
    v = await version()
    async with platform(settings, session_platform_max_active=5) as runtime:
        outcomes = await at_once(runtime, [(u, v) for u in await new_users(STARTS)])

    assert outcomes.count("OK") == 5
    assert outcomes.count("PLATFORM_SESSION_LIMIT") == STARTS - 5
    assert await active_sessions() == 5
    names = await PlatformLock.all().values_list("name", flat=True)
    assert cast("list[str]", names) == [SESSION_STARTS]  # flat: Tortoise's types say tuples
    assert "was missing" in caplog.text
