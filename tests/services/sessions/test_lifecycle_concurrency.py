"""Many controls at once on one session end in one consistent state, nothing leaked."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator
from uuid import UUID

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import ResourceProfile, SessionMachineState, SessionState
from rangex_graphql.orchestrator import MachineState
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions import controls
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.sessions import settle

from .conftest import machine_states

S = SessionState
pytestmark = pytest.mark.usefixtures("db")

ENGINE_STATE = {S.RUNNING: MachineState.RUNNING, S.PAUSED: MachineState.PAUSED}
MACHINE_STATE = {
    S.RUNNING: SessionMachineState.RUNNING,
    S.PAUSED: SessionMachineState.PAUSED,
    S.TERMINATED: SessionMachineState.STOPPED,
}


async def running_session(runtime: Runtime) -> tuple[Actor, EnvironmentSession]:
    user = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    me = Actor(user.id)
    session = await start(runtime, me, StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM)
    await settle(runtime)
    return me, await EnvironmentSession.get(id=session.id)


async def assert_consistent(runtime: Runtime, session_id: UUID) -> SessionState:
    row = await EnvironmentSession.get(id=session_id)
    engine = await runtime.driver.status(str(session_id))
    machines = await machine_states(session_id)
    assert machines == {MACHINE_STATE[row.state]}
    if row.state is S.TERMINATED:
        assert engine == []
        assert await runtime.driver.list_owned() == {}
    else:
        assert {m.state for m in engine} == {ENGINE_STATE[row.state]}
    return row.state


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_fifty_mixed_controls_end_in_one_consistent_state(
    runtime: Runtime, seed: int
) -> None:
    me, session = await running_session(runtime)
    rng = random.Random(seed)
    kinds = ["pause"] * 24 + ["resume"] * 24 + ["terminate"] * 2
    rng.shuffle(kinds)
    actions = {"pause": controls.pause, "resume": controls.resume, "terminate": controls.terminate}

    async def one(kind: str) -> str:
        try:
            await actions[kind](runtime, me, session.id, SYSTEM)
        except DomainError as error:
            return error.code
        return "OK"

    outcomes = await asyncio.gather(*(one(kind) for kind in kinds))

    final = await assert_consistent(runtime, session.id)
    assert final is S.TERMINATED
    assert outcomes.count("OK") >= 2  # a terminate and at least one other won
    assert set(outcomes) <= {
        "OK",
        "SESSION_NOT_RUNNING",
        "SESSION_NOT_PAUSED",
        "SESSION_ENDED",
    }
    terminations = [o for k, o in zip(kinds, outcomes, strict=True) if k == "terminate"]
    assert sorted(terminations) == ["OK", "SESSION_ENDED"]


async def test_fifty_pauses_and_resumes_leave_engine_and_row_agreeing(
    runtime: Runtime,
) -> None:
    me, session = await running_session(runtime)
    kinds = [controls.pause, controls.resume] * 25

    async def one(action: object) -> None:
        with contextlib.suppress(DomainError):
            await action(runtime, me, session.id, SYSTEM)  # type: ignore[operator]

    await asyncio.gather(*(one(action) for action in kinds))

    final = await assert_consistent(runtime, session.id)
    assert final in (S.RUNNING, S.PAUSED)
    row = await EnvironmentSession.get(id=session.id)
    if final is S.PAUSED:
        assert row.expires_at is None
        assert row.paused_remaining_seconds is not None
    else:
        assert row.expires_at is not None
        assert row.paused_remaining_seconds is None
    await controls.terminate(runtime, me, session.id, SYSTEM)
    assert await runtime.driver.list_owned() == {}


@pytest.fixture
async def slow_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Engine calls that take real (tiny) time, so concurrent calls truly interleave."""
    delays = SimulatedDelays(network=0.002, machine_start=0.003, pause=0.001, resume=0.001)
    built = build_runtime(settings, driver=SimulatedDriver(delays), broker=MemoryBroker())
    yield built
    await settle(built)
    await built.aclose()


async def test_fifty_controls_racing_the_provisioning_leave_nothing_behind(
    slow_runtime: Runtime,
) -> None:
    runtime = slow_runtime
    user = await factories.user()
    version = await factories.version(await factories.scenario(), machines=3, questions=0)
    me = Actor(user.id)
    session = await start(runtime, me, StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM)
    kinds = ["pause", "resume"] * 24 + ["terminate", "reset"]
    random.Random(7).shuffle(kinds)
    actions = {
        "pause": controls.pause,
        "resume": controls.resume,
        "terminate": controls.terminate,
        "reset": controls.reset,
    }

    async def one(kind: str) -> str:
        await asyncio.sleep(random.Random(kind).random() * 0.01)
        try:
            await actions[kind](runtime, me, session.id, SYSTEM)
        except DomainError as error:
            return error.code
        return "OK"

    outcomes = await asyncio.gather(*(one(kind) for kind in kinds))
    await settle(runtime)

    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.TERMINATED
    assert row.lease_owner is None
    assert await runtime.driver.list_owned() == {}
    assert await machine_states(session.id) == {SessionMachineState.STOPPED}
    assert outcomes[kinds.index("terminate")] == "OK"
