"""Every check that read an environment variable now obeys the run-time setting: a change
made through the settings service applies to the next request, without a restart."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.jobs.idle import end_idle_sessions
from rangex_graphql.models import EnvironmentSession, ScenarioVersion, User
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole, VersionStatus
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services import accounts
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.platform_settings.changes import set_maintenance, update_settings
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.files.helpers import CREATE
from tests.api.graphql import run
from tests.jobs.conftest import deployed_session
from tests.testruns.support import start_run

S = SessionState
pytestmark = pytest.mark.usefixtures("db")
PASSWORD = "correct-horse-battery-9"


async def change(runtime: Runtime, **values: Any) -> None:
    await update_settings(runtime.platform, values, None, SYSTEM)


async def attempt(
    runtime: Runtime, user: User, version: ScenarioVersion, minutes: int = 30, admin: bool = False
) -> str:
    """ "OK" or the error code of one start."""
    try:
        await start(
            runtime,
            Actor(user.id, is_admin=admin),
            StartRequest(version.id, ResourceProfile.MICRO, minutes),
            SYSTEM,
        )
    except DomainError as error:
        return error.code
    return "OK"


async def version(machines: int = 1) -> ScenarioVersion:
    return await factories.version(await factories.scenario(), machines=machines, questions=0)


async def test_a_start_is_refused_after_lowering_the_sessions_per_user(runtime: Runtime) -> None:
    user, v = await factories.user(), await version()
    await factories.session(user, v, S.RUNNING)
    await factories.session(user, v, S.RUNNING)
    assert await attempt(runtime, user, v) == "OK"
    await change(runtime, sessions_per_user=3)
    assert await attempt(runtime, user, v) == "USER_SESSION_LIMIT"
    await change(runtime, sessions_per_user=4)
    assert await attempt(runtime, user, v) == "OK"


async def test_starts_per_hour(runtime: Runtime) -> None:
    await change(runtime, starts_per_hour=2, starts_per_day=50)
    user, v = await factories.user(), await version()
    old = await factories.session(user, v, S.TERMINATED)
    # Started two hours ago: outside the hour.
    await EnvironmentSession.filter(id=old.id).update(
        created_at=datetime.now(UTC) - timedelta(hours=2)
    )
    assert await attempt(runtime, user, v) == "OK"
    assert await attempt(runtime, user, v) == "OK"
    assert await attempt(runtime, user, v) == "START_LIMIT_REACHED"
    # Another user is not counted against.
    assert await attempt(runtime, await factories.user(), v) == "OK"
    await change(runtime, starts_per_hour=3)
    assert await attempt(runtime, user, v) == "OK"


async def test_starts_per_day(runtime: Runtime) -> None:
    await change(runtime, starts_per_hour=5, starts_per_day=5)
    user, v = await factories.user(), await version()
    earlier = datetime.now(UTC) - timedelta(hours=3)
    for _ in range(4):
        old = await factories.session(user, v, S.TERMINATED)
        await EnvironmentSession.filter(id=old.id).update(created_at=earlier)
    a_day_ago = await factories.session(user, v, S.TERMINATED)
    await EnvironmentSession.filter(id=a_day_ago.id).update(
        created_at=datetime.now(UTC) - timedelta(hours=25)
    )
    assert await attempt(runtime, user, v) == "OK"
    with pytest.raises(DomainError) as refused:
        await start(runtime, Actor(user.id), StartRequest(v.id, ResourceProfile.MICRO, 30), SYSTEM)
    assert refused.value.code == "START_LIMIT_REACHED"
    assert "24 hours" in refused.value.message


async def test_maintenance_blocks_starts_but_not_admins_nor_running_sessions(
    runtime: Runtime,
) -> None:
    user, v = await factories.user(), await version()
    running = await factories.session(user, v, S.RUNNING)
    await set_maintenance(runtime.platform, True, "Upgrading the range", None, "test")
    with pytest.raises(DomainError) as refused:
        await start(runtime, Actor(user.id), StartRequest(v.id, ResourceProfile.MICRO, 30), SYSTEM)
    assert (refused.value.code, refused.value.message) == ("MAINTENANCE", "Upgrading the range")
    admin = await factories.user(UserRole.ADMIN)
    assert await attempt(runtime, admin, v, admin=True) == "OK"
    assert (await EnvironmentSession.get(id=running.id)).state is S.RUNNING

    await set_maintenance(runtime.platform, False, None, None, "test")
    assert await attempt(runtime, user, v) == "OK"


async def test_the_maximum_duration(runtime: Runtime) -> None:
    user, v = await factories.user(), await version()
    assert await attempt(runtime, user, v, minutes=300) == "OK"
    await change(runtime, max_session_minutes=180)
    assert await attempt(runtime, user, v, minutes=181) == "INVALID_DURATION"
    assert await attempt(runtime, user, v, minutes=180) == "OK"


async def test_the_platform_caps(runtime: Runtime) -> None:
    v = await version()
    busy = await factories.user()
    await factories.session(busy, v, S.RUNNING)
    await change(runtime, max_concurrent_users=1)
    assert await attempt(runtime, await factories.user(), v) == "PLATFORM_USER_LIMIT"
    assert await attempt(runtime, busy, v) == "OK"  # already counted
    await change(runtime, max_concurrent_users=None, max_active_sessions=2)
    assert await attempt(runtime, await factories.user(), v) == "PLATFORM_SESSION_LIMIT"
    await change(runtime, max_active_sessions=None)
    assert await attempt(runtime, await factories.user(), v) == "OK"


async def test_the_machine_cap(runtime: Runtime) -> None:
    v = await version(machines=2)
    await factories.session(await factories.user(), v, S.RUNNING, machines=2)
    await factories.session(await factories.user(), v, S.TERMINATED, machines=2)  # not counted
    await change(runtime, max_total_machines=3)
    assert await attempt(runtime, await factories.user(), v) == "PLATFORM_MACHINE_LIMIT"
    await change(runtime, max_total_machines=4)
    assert await attempt(runtime, await factories.user(), v) == "OK"
    assert await attempt(runtime, await factories.user(), v) == "PLATFORM_MACHINE_LIMIT"


async def register(runtime: Runtime, name: str) -> str:
    try:
        await accounts.register(runtime, f"{name}@example.test", name, PASSWORD, None, SYSTEM)
    except DomainError as error:
        return error.code
    return "OK"


async def test_registration_obeys_the_settings(runtime: Runtime) -> None:
    assert await register(runtime, "first") == "OK"
    await change(runtime, registrations_open=False)
    assert await register(runtime, "second") == "REGISTRATION_CLOSED"
    await change(runtime, registrations_open=True)
    await set_maintenance(runtime.platform, True, "Exam in progress", None, "test")
    assert await register(runtime, "third") == "MAINTENANCE"
    await set_maintenance(runtime.platform, False, None, None, "test")
    assert await register(runtime, "fourth") == "OK"
    assert await User.filter(username__in=["second", "third"]).count() == 0


async def test_registration_stops_at_the_user_cap(runtime: Runtime) -> None:
    await factories.user()
    await change(runtime, max_total_users=2)
    assert await register(runtime, "second") == "OK"
    assert await register(runtime, "third") == "USER_LIMIT_REACHED"
    # An address that has an account gets the same answer: the cap tells nothing of it.
    with pytest.raises(DomainError) as refused:
        await accounts.register(runtime, "second@example.test", "again", PASSWORD, None, SYSTEM)
    assert refused.value.code == "USER_LIMIT_REACHED"
    assert await User.all().count() == 2


async def test_the_idle_timeout(settings: Settings) -> None:
    sim = SimulatedDriver(SimulatedDelays.none())
    runtime = build_runtime(
        settings.model_copy(update={"jobs_enabled": False}), driver=sim, broker=MemoryBroker()
    )
    try:
        await runtime.platform.load()
        at = datetime.now(UTC)
        session = await deployed_session(
            sim, machines=1, last_activity_at=at - timedelta(minutes=10)
        )
        assert await end_idle_sessions(runtime, at) == 0  # 60 minutes by default
        await change(runtime, idle_timeout_minutes=5)
        assert await end_idle_sessions(runtime, at) == 1
        ended = await EnvironmentSession.get(id=session.id)
        assert (ended.state, ended.end_reason) == (S.TERMINATED, "idle")
    finally:
        await runtime.aclose()


async def upload(runtime: Runtime, user: User, size: int) -> dict[str, Any]:
    variables = {
        "input": {"kind": "AVATAR", "filename": "me.png", "contentType": "image/png", "size": size}
    }
    data, errors = await run(runtime.settings, CREATE, variables, as_user=user, runtime=runtime)
    assert not errors, errors
    assert data is not None
    result: dict[str, Any] = data["uploadCreate"]
    return result


async def test_the_storage_quotas(settings: Settings, tmp_path: Any) -> None:
    local = settings.model_copy(
        update={"files_dir": tmp_path / "objects", "files_backend": "local"}
    )
    runtime = build_runtime(local, broker=MemoryBroker())
    try:
        await runtime.platform.load()
        user = await factories.user()
        assert (await upload(runtime, user, 300_000))["errors"] == []
        await change(runtime, files_user_quota_bytes=2**19)  # 512 KiB
        refused = await upload(runtime, user, 300_000)
        assert [(e["field"], e["code"]) for e in refused["errors"]] == [
            ("input.size", "QUOTA_EXCEEDED")
        ]
        await change(runtime, files_user_quota_bytes=2**20, files_total_quota_bytes=2**19)
        refused = await upload(runtime, await factories.user(), 300_000)
        assert [e["code"] for e in refused["errors"]] == ["TOTAL_QUOTA_EXCEEDED"]
    finally:
        await runtime.aclose()


async def test_maintenance_refuses_a_creators_test_run(runtime: Runtime) -> None:
    author = await factories.user(UserRole.CREATOR)
    draft = await factories.version(await factories.scenario(author), VersionStatus.DRAFT)
    await set_maintenance(runtime.platform, True, "Back soon", None, "test")
    payload = await start_run(runtime.settings, runtime, author, draft)
    assert payload["testRun"] is None
    assert [(e["code"], e["message"]) for e in payload["errors"]] == [("MAINTENANCE", "Back soon")]
    assert await EnvironmentSession.all().count() == 0


async def test_concurrent_registrations_never_pass_the_user_cap(runtime: Runtime) -> None:
    await factories.user()
    await change(runtime, max_total_users=3)
    outcomes = await asyncio.gather(*(register(runtime, f"racer{n}") for n in range(6)))
    assert sorted(outcomes) == ["OK", "OK"] + ["USER_LIMIT_REACHED"] * 4
    assert await User.all().count() == 3


async def test_concurrent_starts_never_pass_the_hourly_limit(runtime: Runtime) -> None:
    await change(runtime, starts_per_hour=3, sessions_per_user=100)
    user, v = await factories.user(), await version()
    outcomes = await asyncio.gather(*(attempt(runtime, user, v) for _ in range(8)))
    assert sorted(outcomes) == ["OK"] * 3 + ["START_LIMIT_REACHED"] * 5
    assert await EnvironmentSession.filter(user_id=user.id).count() == 3
