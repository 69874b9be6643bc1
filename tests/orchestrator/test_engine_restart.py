"""A Docker Engine that stops and starts again under running sessions (issue 13, item 2).

Each test starts a private dockerd of its own (``tests/support/dockerd.py``), since it
stops it:

(a) without ``live-restore`` the engine stops the containers: the sessions are held, not
    failed, and nothing is charged while it is down; once it is back they end FAILED
    (``engine_restarted``), with no container, network, bridge or process left;
(b) with ``live-restore`` the containers run on: the session stays RUNNING, untouched;
(c) a provision that completes as the engine goes away never makes the session RUNNING.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import aiodocker
import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.jobs.engine_events import watch_engine_events
from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.jobs.usage import account_usage
from rangex_graphql.models import EnvironmentSession, Machine, ScenarioVersion, SessionMachine
from rangex_graphql.models.enums import MachineRole, SessionMachineState, SessionState
from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_SESSION,
    MachineHandle,
    SessionPlan,
)
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.conftest import require_service
from tests.orchestrator.conftest import driver_config
from tests.orchestrator.plans import HTTP_80
from tests.support.dockerd import (
    DockerdUnavailable,
    PrivateDockerd,
    api,
    cache_dir,
    labbase_tar,
    prepare_engine,
    start_private_dockerd,
)
from tests.support.sessions import start_session

S = SessionState
pytestmark = pytest.mark.usefixtures("db")

LAB_IMAGE = "localhost/labserve:latest"
LAB_CMD = 'CMD ["httpd", "-f", "-p", "80", "-h", "/www"]'


def import_lab_image(engine: PrivateDockerd) -> None:
    tar = labbase_tar(cache_dir(), prepare_engine(cache_dir()))
    query = urllib.parse.urlencode(
        {"fromSrc": "-", "repo": LAB_IMAGE.rsplit(":", 1)[0], "tag": "latest", "changes": LAB_CMD}
    )
    status, body = api(
        engine.socket,
        "POST",
        f"/images/create?{query}",
        body=tar.read_bytes(),
        headers={"Content-Type": "application/x-tar"},
        timeout=60,
    )
    assert status == 200, body[-300:]
    assert b'"error' not in body, body[-300:]


EngineFactory = Callable[..., PrivateDockerd]


@pytest.fixture
def engines() -> Iterator[EngineFactory]:
    """Starts private engines for this test only (it stops and starts them)."""
    started: list[PrivateDockerd] = []

    def start(*, live_restore: bool = False) -> PrivateDockerd:
        try:
            engine = start_private_dockerd(live_restore=live_restore)
        except (DockerdUnavailable, OSError, subprocess.SubprocessError) as exc:
            require_service(f"private Docker engine unavailable: {exc}")
        started.append(engine)
        import_lab_image(engine)
        return engine

    try:
        yield start
    finally:
        for engine in started:
            engine.stop()


@asynccontextmanager
async def runtime_on(
    settings: Settings, driver: DockerDriver
) -> AsyncIterator[tuple[Runtime, aiodocker.Docker]]:
    runtime = build_runtime(
        settings.model_copy(update={"jobs_enabled": False}), driver=driver, broker=MemoryBroker()
    )
    docker = aiodocker.Docker(url=driver.config.docker_url)
    try:
        yield runtime, docker
    finally:
        await docker.close()
        await runtime.aclose()


async def lab_version(machines: int = 2) -> ScenarioVersion:
    version = await factories.version(await factories.scenario(), machines=0, questions=0)
    for i in range(machines):
        await Machine.create(
            version=version,
            name=f"m{i}",
            role=MachineRole.ATTACKER if i == 0 else MachineRole.INTERNAL,
            image_ref=LAB_IMAGE,
            cpu=0.25,
            memory_mib=64,
            entrypoints=[HTTP_80] if i == 0 else [],
            position=i,
        )
    return version


async def running_session(settings: Settings, runtime: Runtime) -> str:
    learner = await factories.user()
    _, session_id = await start_session(settings, runtime, learner, await lab_version())
    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.RUNNING, row.failure_reason
    return session_id


async def on_engine(docker: aiodocker.Docker, session_id: str) -> tuple[list[Any], list[Any]]:
    label = f"{LABEL_SESSION}={session_id}"
    containers = await docker.containers.list(all=True, filters=json.dumps({"label": [label]}))
    networks = await docker.networks.list(filters={"label": label})
    return containers, networks


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 30) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, "not reached in time"
        await asyncio.sleep(0.05)


async def machine_states(session_id: str) -> set[SessionMachineState]:
    rows = await SessionMachine.filter(session_id=session_id).values_list("state", flat=True)
    return {SessionMachineState(str(state)) for state in rows}


def processes_of(container_ids: list[str]) -> list[int]:
    """Host processes in the cgroup of any of these containers."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cgroup = (entry / "cgroup").read_text()
        except OSError:
            continue
        if any(cid in cgroup for cid in container_ids):
            found.append(int(entry.name))
    return found


def bridges_of(network_ids: list[str]) -> list[str]:
    """The host's bridge interfaces of these Docker networks (``br-<id prefix>``)."""
    return [f"br-{n[:12]}" for n in network_ids if Path(f"/sys/class/net/br-{n[:12]}").exists()]


async def test_an_engine_restart_holds_the_sessions_then_fails_them_with_nothing_left(
    settings: Settings, engines: EngineFactory
) -> None:
    engine = engines()
    async with runtime_on(settings, DockerDriver(driver_config(engine))) as (runtime, docker):
        sessions = [await running_session(settings, runtime) for _ in range(2)]
        containers: list[str] = []
        networks: list[str] = []
        for session_id in sessions:
            found, nets = await on_engine(docker, session_id)
            containers += [c.id for c in found]
            networks += [n["Id"] for n in nets]
        assert processes_of(containers)
        assert bridges_of(networks)
        watcher = asyncio.ensure_future(
            watch_engine_events(runtime, hold_seconds=1.0, outage_poll_seconds=0.2)
        )
        try:
            await asyncio.to_thread(engine.shut_down)
            assert not processes_of(containers)  # the engine stopped its containers

            async def held() -> bool:
                states = [await machine_states(s) for s in sessions]
                return all(s == {SessionMachineState.PENDING} for s in states)

            await eventually(held)
            rows = [await EnvironmentSession.get(id=s) for s in sessions]
            assert [r.state for r in rows] == [S.RUNNING, S.RUNNING]
            assert [r.cost_accounted_at for r in rows] == [None, None]
            cost_when_down = [r.cost_rm for r in rows]
            # The jobs while the engine is down: nothing charged, nothing failed.
            assert await account_usage(runtime) == Decimal(0)
            await Reconciler(runtime).run_once()
            rows = [await EnvironmentSession.get(id=s) for s in sessions]
            assert [r.state for r in rows] == [S.RUNNING, S.RUNNING]

            await asyncio.to_thread(engine.start)

            async def failed() -> bool:
                states = {(await EnvironmentSession.get(id=s)).state for s in sessions}
                return states == {S.FAILED}

            await eventually(failed)
        finally:
            watcher.cancel()
        rows = [await EnvironmentSession.get(id=s) for s in sessions]
        assert [r.end_reason for r in rows] == ["engine_restarted"] * 2
        assert [r.cost_rm for r in rows] == cost_when_down
        for session_id in sessions:
            assert await on_engine(docker, session_id) == ([], [])
        assert await docker.containers.list(all=True) == []
        assert bridges_of(networks) == []
        assert processes_of(containers) == []


async def test_a_live_restore_engine_restart_leaves_the_sessions_running(
    settings: Settings, engines: EngineFactory
) -> None:
    engine = engines(live_restore=True)
    async with runtime_on(settings, DockerDriver(driver_config(engine))) as (runtime, docker):
        session_id = await running_session(settings, runtime)
        canary = await running_session(settings, runtime)
        found, _ = await on_engine(docker, session_id)
        watcher = asyncio.ensure_future(
            watch_engine_events(runtime, hold_seconds=1.0, outage_poll_seconds=0.2)
        )
        try:
            await asyncio.to_thread(engine.shut_down)
            assert processes_of([c.id for c in found])  # live-restore: they run on
            await asyncio.to_thread(engine.start)
            # A machine killed after the restart still fails its session: once it has,
            # the watcher has seen whatever the restart sent before it.
            victims, _ = await on_engine(docker, canary)
            await next(c for c in victims if c["Labels"][LABEL_MACHINE] == "m1").kill()

            async def canary_failed() -> bool:
                return (await EnvironmentSession.get(id=canary)).state is S.FAILED

            await eventually(canary_failed)
        finally:
            watcher.cancel()
        assert (await EnvironmentSession.get(id=canary)).end_reason == "machine_failed"
        await Reconciler(runtime).run_once()
        row = await EnvironmentSession.get(id=session_id)
        assert row.state is S.RUNNING
        assert row.cost_accounted_at is not None
        assert await machine_states(session_id) == {SessionMachineState.RUNNING}
        after, _ = await on_engine(docker, session_id)
        assert {c.id for c in after} == {c.id for c in found}
        assert {(await c.show())["State"]["Status"] for c in after} == {"running"}


class ShutdownAfterProvision(DockerDriver):
    """A provision that completes just as the engine goes away."""

    engine: PrivateDockerd

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        handles = await super().provision(plan)
        await asyncio.to_thread(self.engine.shut_down)
        return handles


async def test_a_provision_racing_an_engine_shutdown_never_ends_running(
    settings: Settings, engines: EngineFactory
) -> None:
    engine = engines()
    driver = ShutdownAfterProvision(driver_config(engine))
    driver.engine = engine
    async with runtime_on(settings, driver) as (runtime, docker):
        learner = await factories.user()
        _, session_id = await start_session(settings, runtime, learner, await lab_version())
        row = await EnvironmentSession.get(id=session_id)
        assert row.state is S.FAILED
        assert row.end_reason == "engine_unavailable"
        assert row.cost_rm == Decimal(0)

        await asyncio.to_thread(engine.start)
        report = await Reconciler(runtime).run_once()
        assert report.orphans_destroyed == [session_id]
        assert await on_engine(docker, session_id) == ([], [])
