"""Concurrent sessions per user, platform caps, per-scenario caps; limits under concurrency."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import ResourceProfile, SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


async def attempt(runtime: Runtime, user: User, version: ScenarioVersion) -> str:
    """ "OK" or the error code of one start."""
    try:
        await start(
            runtime, Actor(user.id), StartRequest(version.id, ResourceProfile.MICRO, 30), SYSTEM
        )
    except DomainError as error:
        return error.code
    return "OK"


async def version() -> ScenarioVersion:
    return await factories.version(await factories.scenario(), machines=1, questions=0)


@pytest.fixture
async def capped(settings: Settings, request: pytest.FixtureRequest) -> AsyncIterator[Runtime]:
    overrides: dict[str, Any] = getattr(request, "param", {})
    built = build_runtime(
        settings.model_copy(update=overrides),
        driver=SimulatedDriver(SimulatedDelays.none()),
        broker=MemoryBroker(),
    )
    yield built
    await settle(built)
    await built.aclose()


async def test_a_user_holds_at_most_five_active_sessions(runtime: Runtime) -> None:
    user = await factories.user()
    v = await version()
    for state in (S.REQUESTED, S.PROVISIONING, S.RUNNING, S.PAUSED, S.TERMINATING):
        await factories.session(user, v, state)
    await factories.session(user, v, S.TERMINATED)  # ended sessions do not count
    await factories.session(user, v, S.FAILED)
    assert await attempt(runtime, user, v) == "USER_SESSION_LIMIT"
    assert await attempt(runtime, await factories.user(), v) == "OK"


@pytest.mark.parametrize("capped", [{"session_platform_max_active": 2}], indirect=True)
async def test_the_platform_caps_active_sessions(capped: Runtime) -> None:
    v = await version()
    await factories.session(await factories.user(), v, S.RUNNING)
    assert await attempt(capped, await factories.user(), v) == "OK"
    assert await attempt(capped, await factories.user(), v) == "PLATFORM_SESSION_LIMIT"


@pytest.mark.parametrize("capped", [{"session_platform_max_users": 1}], indirect=True)
async def test_the_platform_caps_active_users(capped: Runtime) -> None:
    v = await version()
    busy = await factories.user()
    await factories.session(busy, v, S.RUNNING)
    assert await attempt(capped, await factories.user(), v) == "PLATFORM_USER_LIMIT"
    assert await attempt(capped, busy, v) == "OK"  # already counted: may start another


async def test_a_scenario_caps_its_active_sessions(runtime: Runtime) -> None:
    v = await version()
    await Scenario.filter(id=v.scenario_id).update(max_active_sessions=1)  # type: ignore[attr-defined]
    assert await attempt(runtime, await factories.user(), v) == "OK"
    assert await attempt(runtime, await factories.user(), v) == "SCENARIO_SESSION_LIMIT"
    other = await version()  # another scenario is not affected
    assert await attempt(runtime, await factories.user(), other) == "OK"


async def test_two_starts_at_once_at_the_limit_let_exactly_one_through(
    runtime: Runtime,
) -> None:
    """On MariaDB the user row is locked for the check and insert; SQLite serializes."""
    user = await factories.user()
    v = await version()
    for _ in range(4):
        await factories.session(user, v, S.RUNNING)

    outcomes = await asyncio.gather(*(attempt(runtime, user, v) for _ in range(2)))

    assert sorted(outcomes) == ["OK", "USER_SESSION_LIMIT"]
    active = [s.value for s in (S.REQUESTED, S.PROVISIONING, S.RUNNING, S.PAUSED)]
    assert await EnvironmentSession.filter(user_id=user.id, state__in=active).count() == 5


async def test_ten_starts_at_once_with_a_scenario_cap_of_three(runtime: Runtime) -> None:
    v = await version()
    await Scenario.filter(id=v.scenario_id).update(max_active_sessions=3)  # type: ignore[attr-defined]
    users = [await factories.user() for _ in range(10)]

    outcomes = await asyncio.gather(*(attempt(runtime, u, v) for u in users))

    assert outcomes.count("OK") == 3
    assert outcomes.count("SCENARIO_SESSION_LIMIT") == 7
    assert (await Scenario.get(id=v.scenario_id)).sessions_started == 3  # type: ignore[attr-defined]
