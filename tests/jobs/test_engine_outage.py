"""An engine that does not answer is an outage, not machines dying (no Docker needed).

Machine deaths reported while the engine does not answer hold the sessions (machines
PENDING, billing stopped) instead of failing them; when it answers again each session is
restored or failed with ``engine_restarted``. The reconciler ends no session on an engine
that does not answer, and a provision the engine cannot confirm never ends RUNNING.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from rangex_graphql.jobs.engine_events import HeldEvents, watch_engine_events
from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.jobs.usage import account_usage
from rangex_graphql.models import AuditLog, EnvironmentSession, SessionMachine
from rangex_graphql.models.enums import ResourceProfile, SessionMachineState, SessionState
from rangex_graphql.orchestrator.protocol import (
    EngineEvent,
    EngineUnavailable,
    EventKind,
    MachineHandle,
    MachineStatus,
    SessionPlan,
)
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions.outage import hold_sessions
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.services.sessions.teardown import tear_down
from tests import factories
from tests.jobs.conftest import deployed_session, until

S = SessionState
M = SessionMachineState


class OutageDriver(SimulatedDriver):
    """The simulated engine, able to stop answering (``down``) like a stopped dockerd."""

    def __init__(self) -> None:
        super().__init__(SimulatedDelays.none())
        self.down = False
        self.down_after_provision = False
        self.destroy_calls = 0

    def _answer(self) -> None:
        if self.down:
            raise EngineUnavailable("connection refused")

    async def ping(self) -> None:
        self._answer()

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        handles = await super().provision(plan)
        self.down = self.down or self.down_after_provision
        return handles

    async def status(self, session_id: str) -> list[MachineStatus]:
        self._answer()
        return await super().status(session_id)

    async def status_many(self, session_ids: list[str]) -> dict[str, list[MachineStatus]]:  # type: ignore[override]
        self._answer()
        return await super().status_many(session_ids)

    async def list_owned(self) -> dict[str, list[str]]:
        self._answer()
        return await super().list_owned()

    async def destroy(self, session_id: str) -> None:
        self.destroy_calls += 1
        self._answer()
        await super().destroy(session_id)

    def emit_death(self, session_id: str, machine: str, resource_id: str) -> None:
        """A die event for a machine that in fact runs on (a live-restore engine)."""
        self._events.publish(
            EngineEvent(
                session_id, machine, EventKind.DIED, resource_id, datetime.now(UTC), exit_code=143
            )
        )


@pytest.fixture
def sim() -> OutageDriver:
    return OutageDriver()


async def watch(runtime: Runtime) -> None:
    runtime.spawn(
        lambda: watch_engine_events(runtime, hold_seconds=0.05, outage_poll_seconds=0.01),
        name="watch",
    )
    await asyncio.sleep(0)  # the watcher subscribes


async def machine_states(session_id: UUID) -> set[M]:
    rows = await SessionMachine.filter(session_id=session_id).values_list("state", flat=True)
    return {M(str(state)) for state in rows}


async def held(session_id: UUID) -> bool:
    return await machine_states(session_id) == {M.PENDING}


def test_held_events_come_due_in_arrival_order_after_the_hold() -> None:
    at = datetime.now(UTC)
    first, second = (EngineEvent("s", f"m{i}", EventKind.DIED, f"c{i}", at) for i in range(2))
    events = HeldEvents(hold_seconds=2.0)
    assert events.wait(10.0) is None
    events.add(first, 10.0)
    events.add(second, 11.0)
    assert events.wait(10.5) == 1.5
    assert events.pop_due(11.9) == []
    assert events.pop_due(12.0) == [first]
    assert events.wait(20.0) == 0.0
    assert events.pop_all() == [second]
    assert len(events) == 0


async def test_deaths_while_the_engine_is_down_hold_the_session_then_fail_it_once_back(
    db: None, runtime: Runtime, sim: OutageDriver
) -> None:
    now = datetime.now(UTC)
    session = await deployed_session(sim, S.RUNNING, cost_accounted_at=now - timedelta(hours=1))
    await watch(runtime)
    sim.down = True
    for machine in ("m0", "m1"):
        await sim.lose_machine(str(session.id), machine, exit_code=143)

    await until(lambda: held(session.id))
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert row.cost_accounted_at is None
    assert row.cost_rm > 0  # the hour before the engine went away
    assert await account_usage(runtime) == Decimal(0)

    sim.down = False

    async def failed() -> bool:
        return (await EnvironmentSession.get(id=session.id)).state is S.FAILED

    await until(failed)
    row = await EnvironmentSession.get(id=session.id)
    assert row.end_reason == "engine_restarted"
    assert "m0, m1" in (row.failure_reason or "")
    assert await machine_states(session.id) == {M.FAILED}
    assert (await EnvironmentSession.get(id=session.id)).cost_rm == row.cost_rm
    assert str(session.id) not in await sim.list_owned()


async def test_sessions_whose_machines_survived_the_outage_run_and_are_billed_again(
    db: None, runtime: Runtime, sim: OutageDriver
) -> None:
    session = await deployed_session(sim, S.RUNNING)
    paused = await deployed_session(sim, S.PAUSED)
    await sim.pause(str(paused.id))
    handle = await SessionMachine.filter(session_id=session.id, machine__name="m0").first()
    assert handle is not None
    await watch(runtime)
    sim.down = True
    sim.emit_death(str(session.id), "m0", str(handle.driver_handle))
    await until(lambda: held(session.id))
    assert await held(paused.id)

    sim.down = False

    async def restored() -> bool:
        # Sessions are restored one after the other: wait for both.
        return await machine_states(session.id) == {M.RUNNING} and await machine_states(
            paused.id
        ) == {M.PAUSED}

    await until(restored)
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert row.cost_accounted_at is not None
    assert await machine_states(paused.id) == {M.PAUSED}
    assert (await EnvironmentSession.get(id=paused.id)).state is S.PAUSED


async def test_the_reconciler_ends_no_session_while_the_engine_does_not_answer(
    db: None, runtime: Runtime, sim: OutageDriver
) -> None:
    now = datetime.now(UTC)
    abandoned = await deployed_session(
        sim, S.PROVISIONING, lease_expires_at=now - timedelta(minutes=1)
    )
    sim.down = True
    report = await Reconciler(runtime).run_once(now)
    assert report.interrupted == []
    assert sim.destroy_calls == 0
    assert (await EnvironmentSession.get(id=abandoned.id)).state is S.PROVISIONING

    sim.down = False
    report = await Reconciler(runtime).run_once(now)
    assert report.interrupted == [abandoned.id]
    assert (await EnvironmentSession.get(id=abandoned.id)).end_reason == "interrupted"


async def test_the_reconciler_checks_held_sessions_once_the_engine_answers(
    db: None, runtime: Runtime, sim: OutageDriver
) -> None:
    survivor = await deployed_session(sim, S.RUNNING)
    lost = await deployed_session(sim, S.RUNNING)
    await hold_sessions(runtime, datetime.now(UTC))
    await sim.lose_machine(str(lost.id), "m1", exit_code=143)

    report = await Reconciler(runtime).run_once()

    assert report.engine_restarted == [lost.id]
    assert (await EnvironmentSession.get(id=lost.id)).end_reason == "engine_restarted"
    assert await machine_states(survivor.id) == {M.RUNNING}
    assert (await EnvironmentSession.get(id=survivor.id)).cost_accounted_at is not None


async def test_a_provision_the_engine_cannot_confirm_never_ends_running(
    db: None, runtime: Runtime, sim: OutageDriver
) -> None:
    user = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    sim.down_after_provision = True
    session = await start(
        runtime, Actor(user.id), StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM
    )
    while runtime.tasks:  # the provisioning in the background
        await asyncio.gather(*tuple(runtime.tasks), return_exceptions=True)

    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.FAILED
    assert row.end_reason == "engine_unavailable"
    assert row.cost_rm == Decimal(0)
    assert sim.destroy_calls == 0  # no teardown on an engine that does not answer
    assert not await AuditLog.filter(target_id=str(session.id), action="session.provisioned")
    sim.down = False
    report = await Reconciler(runtime).run_once()
    assert report.orphans_destroyed == [str(session.id)]


async def test_a_termination_while_the_engine_is_away_waits_for_it(
    db: None, runtime: Runtime, sim: OutageDriver
) -> None:
    session = await deployed_session(sim, S.RUNNING)
    sim.down = True
    ended = await tear_down(
        runtime, session.id, final=S.TERMINATED, action="terminate", end_reason="user"
    )
    assert ended is not None
    assert ended.state is S.TERMINATING
    assert sim.destroy_calls == 0
    assert ended.lease_owner is None  # free for the reconciler to take over

    await Reconciler(runtime).run_once()  # still away: nothing happens
    assert (await EnvironmentSession.get(id=session.id)).state is S.TERMINATING
    sim.down = False
    await Reconciler(runtime).run_once()
    assert (await EnvironmentSession.get(id=session.id)).state is S.TERMINATED
    assert await sim.status(str(session.id)) == []
