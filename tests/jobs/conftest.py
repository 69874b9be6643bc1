"""Runtimes on the simulated engine (no delays), and sessions deployed on it for real."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.models import EnvironmentSession, SessionMachine
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.protocol import MachineRole, MachineSpec, SessionPlan
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.recording_broker import RecordingBroker as RecordingBroker  # re-exported


@pytest.fixture
def sim() -> SimulatedDriver:
    return SimulatedDriver(SimulatedDelays.none())


def job_settings(settings: Settings, **overrides: Any) -> Settings:
    return settings.model_copy(update={"jobs_enabled": False, **overrides})


@pytest.fixture
async def runtime(settings: Settings, sim: SimulatedDriver) -> AsyncIterator[Runtime]:
    built = build_runtime(job_settings(settings), driver=sim, broker=RecordingBroker())
    yield built
    await built.aclose()  # cancels what the test left running


@pytest.fixture
async def replicas(settings: Settings, sim: SimulatedDriver) -> AsyncIterator[list[Runtime]]:
    """Two runtimes (two replicas) on one engine, a small batch each."""
    built = [
        build_runtime(
            job_settings(settings, jobs_batch_size=3), driver=sim, broker=RecordingBroker()
        )
        for _ in range(2)
    ]
    assert built[0].instance_id != built[1].instance_id
    yield built
    for runtime in built:
        await runtime.aclose()


def broker_of(runtime: Runtime) -> RecordingBroker:
    assert isinstance(runtime.broker, RecordingBroker)
    return runtime.broker


def plan_for(session_id: str, machines: int) -> SessionPlan:
    return SessionPlan(
        session_id=session_id,
        scenario="scenario",
        creator="creator",
        scenario_version="1",
        machines=tuple(
            MachineSpec(
                name=f"m{i}",
                role=MachineRole.ATTACKER if i == 0 else MachineRole.INTERNAL,
                image="localhost/labbase:latest",
                cpu=0.25,
                memory_mib=64,
            )
            for i in range(machines)
        ),
    )


async def deployed_session(
    driver: SimulatedDriver,
    state: SessionState = SessionState.RUNNING,
    *,
    machines: int = 2,
    expires_in: timedelta = timedelta(hours=1),
    provision: bool = True,
    **fields: Any,
) -> EnvironmentSession:
    """A session row with its machines, provisioned on ``driver`` as the lifecycle would."""
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=machines)
    session = await factories.session(owner, version, state, machines=machines)
    now = datetime.now(UTC)
    await EnvironmentSession.filter(id=session.id).update(
        **{"expires_at": now + expires_in, "cost_accounted_at": now, **fields}
    )
    if provision:
        handles = await driver.provision(plan_for(str(session.id), machines))
        rows = await SessionMachine.filter(session_id=session.id).prefetch_related("machine")
        by_name = {h.name: h for h in handles}
        for row in rows:
            row.driver_handle = by_name[row.machine.name].resource_id
            row.state = "RUNNING"  # type: ignore[assignment]
            await row.save(update_fields=["driver_handle", "state"])
    return await EnvironmentSession.get(id=session.id)


async def until(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    """Wait until ``check()`` is true, polling; TimeoutError after ``within`` seconds."""
    async with asyncio.timeout(within):
        for _ in itertools.count():
            if await check():
                return
            await asyncio.sleep(0.01)
