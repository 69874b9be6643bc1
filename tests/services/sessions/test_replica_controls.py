"""Two replicas (two runtimes, one database, one engine) acting on one session: its engine
calls happen one at a time, in the order its transitions were won."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, User
from rangex_graphql.models.enums import ResourceProfile, SessionState
from rangex_graphql.orchestrator import Driver, MachineState
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.orchestrator.simulated_db import DatabaseStore
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions import controls, locks
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture(params=["one-engine-object", "engine-state-in-the-database"])
async def replicas(
    request: pytest.FixtureRequest, settings: Settings
) -> AsyncIterator[list[Runtime]]:
    """Two runtimes on one database and one engine: one simulated driver object for both,
    or each its own driver, sharing the engine's state through the database (as two
    servers would)."""
    if request.param == "one-engine-object":
        engine = SimulatedDriver(SimulatedDelays.none())
        built = [build_runtime(settings, driver=engine, broker=MemoryBroker()) for _ in range(2)]
    else:
        built = [
            build_runtime(
                settings,
                driver=SimulatedDriver(SimulatedDelays.none(), store=DatabaseStore()),
                broker=MemoryBroker(),
            )
            for _ in range(2)
        ]
    assert built[0].instance_id != built[1].instance_id
    yield built
    for runtime in built:
        await settle(runtime)
        await runtime.aclose()


@pytest.fixture
def engine(replicas: list[Runtime]) -> Driver:
    """The engine as the second replica sees it."""
    return replicas[1].driver


async def running_session(runtime: Runtime) -> tuple[Actor, EnvironmentSession]:
    user: User = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    me = Actor(user.id)
    session = await start(runtime, me, StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM)
    await settle(runtime)
    return me, await EnvironmentSession.get(id=session.id)


async def engine_states(engine: Driver, session: EnvironmentSession) -> set[MachineState]:
    return {m.state for m in await engine.status(str(session.id))}


def gated(engine: Driver, monkeypatch: pytest.MonkeyPatch, opened: asyncio.Event) -> asyncio.Event:
    """The engine's pause waits until ``opened``; the returned event is set when it starts."""
    pausing = asyncio.Event()
    pause = engine.pause

    async def slow_pause(session_id: str) -> None:
        pausing.set()
        await opened.wait()
        await pause(session_id)

    monkeypatch.setattr(engine, "pause", slow_pause)
    return pausing


def on_wait(monkeypatch: pytest.MonkeyPatch, waiting: asyncio.Event) -> None:
    """Set ``waiting`` when a turn has to wait for another replica's."""
    wait = locks._wait_for_turn

    async def noted(seconds: float) -> None:
        waiting.set()
        await wait(seconds)

    monkeypatch.setattr(locks, "_wait_for_turn", noted)


async def first_of(*events: asyncio.Event | Awaitable[object]) -> None:
    tasks = [asyncio.ensure_future(e.wait() if isinstance(e, asyncio.Event) else e) for e in events]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()


async def test_a_resume_on_another_replica_waits_for_the_pause_engine_call(
    replicas: list[Runtime], engine: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, other = replicas
    me, session = await running_session(one)
    opened, waiting = asyncio.Event(), asyncio.Event()
    pausing = gated(one.driver, monkeypatch, opened)
    on_wait(monkeypatch, waiting)

    pause = asyncio.ensure_future(controls.pause(one, me, session.id, SYSTEM))
    await pausing.wait()  # the row is PAUSED, the engine not yet
    resume = asyncio.ensure_future(controls.resume(other, me, session.id, SYSTEM))
    # Without a turn across replicas the resume runs to its end right here.
    await first_of(waiting, asyncio.shield(resume))
    opened.set()
    await pause
    resumed = await resume

    assert resumed.state is S.RUNNING
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING
    assert await engine_states(engine, session) == {MachineState.RUNNING}
    row = await EnvironmentSession.get(id=session.id)
    assert (row.lease_owner, row.lease_expires_at) == (None, None)


@pytest.mark.parametrize("rounds", [25])
async def test_pauses_and_resumes_split_over_two_replicas_leave_engine_and_row_agreeing(
    replicas: list[Runtime], engine: Driver, rounds: int
) -> None:
    me, session = await running_session(replicas[0])
    calls: list[Callable[[], Awaitable[EnvironmentSession]]] = []
    for n in range(rounds):
        pauser, resumer = replicas[n % 2], replicas[(n + 1) % 2]
        calls.append(functools.partial(controls.pause, pauser, me, session.id, SYSTEM))
        calls.append(functools.partial(controls.resume, resumer, me, session.id, SYSTEM))

    async def one(call: Callable[[], Awaitable[EnvironmentSession]]) -> str:
        try:
            await call()
        except DomainError as error:
            return error.code
        return "OK"

    outcomes = await asyncio.gather(*(one(c) for c in calls))

    assert set(outcomes) <= {"OK", "SESSION_NOT_RUNNING", "SESSION_NOT_PAUSED"}
    row = await EnvironmentSession.get(id=session.id)
    expected = {S.RUNNING: MachineState.RUNNING, S.PAUSED: MachineState.PAUSED}[row.state]
    assert await engine_states(engine, session) == {expected}


async def test_a_turn_held_too_long_answers_session_busy(
    replicas: list[Runtime], settings: Settings
) -> None:
    one, _ = replicas
    me, session = await running_session(one)
    await EnvironmentSession.filter(id=session.id).update(
        lease_owner="another-replica", lease_expires_at=datetime.now(UTC) + timedelta(minutes=1)
    )
    impatient = build_runtime(
        settings.model_copy(update={"session_operation_wait_seconds": 0.05}),
        driver=one.driver,
        broker=MemoryBroker(),
    )
    try:
        with pytest.raises(DomainError) as caught:
            await controls.pause(impatient, me, session.id, SYSTEM)
    finally:
        await impatient.aclose()

    assert caught.value.code == "SESSION_BUSY"
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


async def test_a_lease_left_by_a_dead_replica_does_not_block_the_turn(
    replicas: list[Runtime], engine: Driver
) -> None:
    one, _ = replicas
    me, session = await running_session(one)
    await EnvironmentSession.filter(id=session.id).update(
        lease_owner="dead-replica", lease_expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )

    paused = await controls.pause(one, me, session.id, SYSTEM)

    assert paused.state is S.PAUSED
    assert await engine_states(engine, session) == {MachineState.PAUSED}
