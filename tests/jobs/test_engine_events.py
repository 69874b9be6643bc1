"""Engine events: a dead machine fails its row and its running session, nothing else."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from rangex_graphql.jobs.engine_events import handle_engine_event, watch_engine_events
from rangex_graphql.models import EnvironmentSession, SessionMachine
from rangex_graphql.models.enums import SessionMachineState, SessionState
from rangex_graphql.orchestrator.protocol import EngineEvent, EventKind
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from tests.jobs.conftest import broker_of, deployed_session, until

S = SessionState


async def machine_rows(session_id: object) -> dict[str, tuple[str, str | None]]:
    rows = await SessionMachine.filter(session_id=session_id).values_list(
        "machine__name", "state", "failure_reason"
    )
    return {str(name): (str(state), reason) for name, state, reason in rows}


async def wait_for_state(session_id: object, state: SessionState) -> EnvironmentSession:
    async def reached() -> bool:
        return (await EnvironmentSession.get(id=session_id)).state is state

    await until(reached)
    return await EnvironmentSession.get(id=session_id)


async def test_an_oom_killed_machine_fails_its_running_session(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    session = await deployed_session(sim, S.RUNNING, machines=2)
    watcher = runtime.spawn(lambda: watch_engine_events(runtime), name="watch")
    await asyncio.sleep(0)  # the watcher subscribes

    await sim.lose_machine(str(session.id), "m1", EventKind.OOM_KILLED)

    failed = await wait_for_state(session.id, S.FAILED)
    assert failed.end_reason == "machine_failed"
    assert failed.failure_reason == "machine m1 was killed for lack of memory"
    assert str(session.id) not in await sim.list_owned()
    machines = await machine_rows(session.id)
    assert machines["m1"] == ("FAILED", "machine m1 was killed for lack of memory")
    assert machines["m0"][0] == "STOPPED"
    events = broker_of(runtime).session_events()
    assert events[-1]["state"] == "FAILED"
    assert events[-1]["reason"] == "machine m1 was killed for lack of memory"
    watcher.cancel()


async def test_a_lost_machine_of_a_paused_session_fails_it(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    session = await deployed_session(sim, S.PAUSED, machines=1)
    handle = await SessionMachine.get(session_id=session.id).values_list("driver_handle", flat=True)
    event = EngineEvent(
        str(session.id), "m0", EventKind.LOST, str(handle), datetime.now(UTC), detail="removed"
    )
    assert await handle_engine_event(runtime, event)
    row = await EnvironmentSession.get(id=session.id)
    assert (row.state, row.failure_reason) == (S.FAILED, "machine m0 vanished from the engine")
    # The same event again (another replica, a replay) changes nothing more.
    assert not await handle_engine_event(runtime, event)


async def test_events_of_replaced_or_ending_machines_change_nothing(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    running = await deployed_session(sim, S.RUNNING, machines=1)
    ending = await deployed_session(sim, S.TERMINATING, machines=1)
    now = datetime.now(UTC)
    stale = EngineEvent(str(running.id), "m0", EventKind.DIED, "sim-replaced-by-reset", now)
    ending_handle = await SessionMachine.get(session_id=ending.id).values_list(
        "driver_handle", flat=True
    )
    teardown = EngineEvent(str(ending.id), "m0", EventKind.DIED, str(ending_handle), now)
    foreign = EngineEvent("not-a-session", "m0", EventKind.DIED, "x", now)

    for event in (stale, teardown, foreign):
        assert not await handle_engine_event(runtime, event)

    assert (await EnvironmentSession.get(id=running.id)).state is S.RUNNING
    assert (await machine_rows(running.id))["m0"][0] == SessionMachineState.RUNNING.value
    assert (await machine_rows(ending.id))["m0"][0] == SessionMachineState.RUNNING.value
    assert broker_of(runtime).session_events() == []


async def test_the_watcher_ends_when_the_driver_closes(
    runtime: Runtime, sim: SimulatedDriver
) -> None:
    watcher = asyncio.ensure_future(watch_engine_events(runtime))
    await asyncio.sleep(0)
    await sim.close()
    async with asyncio.timeout(2):
        await watcher
