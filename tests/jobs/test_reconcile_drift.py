"""The reconciler (d): machines not in their row's state are brought back in line; and a
pass goes on when one listing, step or session fails."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.models import AuditLog, EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.protocol import (
    EngineUnavailable,
    MachineState,
    MachineStatus,
    OperationFailed,
)
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from tests.jobs.conftest import deployed_session

S = SessionState


async def engine_states(sim: SimulatedDriver, session: EnvironmentSession) -> set[MachineState]:
    return {m.state for m in await sim.status(str(session.id))}


async def test_a_running_session_over_paused_machines_is_resumed(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    session = await deployed_session(sim, S.RUNNING, machines=2)
    healthy = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.pause(str(session.id))  # a pause that reached the engine too late

    report = await Reconciler(runtime).run_once()

    assert report.repaired == [session.id]
    assert report.lost == []
    assert await engine_states(sim, session) == {MachineState.RUNNING}
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert (row.lease_owner, row.lease_expires_at) == (None, None)
    assert await engine_states(sim, healthy) == {MachineState.RUNNING}
    assert await AuditLog.filter(
        action="session.drift_repaired", target_id=str(session.id)
    ).exists()


async def test_a_paused_session_over_running_machines_is_paused(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    session = await deployed_session(sim, S.PAUSED, machines=2)  # the engine runs them

    report = await Reconciler(runtime).run_once()

    assert report.repaired == [session.id]
    assert await engine_states(sim, session) == {MachineState.PAUSED}
    assert (await EnvironmentSession.get(id=session.id)).state is S.PAUSED


async def test_a_drift_the_engine_will_not_repair_fails_the_session_with_a_clear_reason(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.pause(str(session.id))

    async def refuse(session_id: str) -> None:
        raise OperationFailed(session_id, "resume", "the daemon said no")

    monkeypatch.setattr(sim, "resume", refuse)
    report = await Reconciler(runtime).run_once()

    assert report.repaired == []
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.FAILED
    assert row.end_reason == "state_mismatch"
    assert "paused while the session was RUNNING" in (row.failure_reason or "")
    assert await sim.list_owned() == {}


async def test_a_session_mid_operation_is_left_to_its_operation(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    """Its lease is held (a pause between its transition and its engine call)."""
    session = await deployed_session(
        sim,
        S.PAUSED,
        machines=1,
        lease_owner="another-replica",
        lease_expires_at=datetime.now(UTC) + timedelta(seconds=30),
    )

    report = await Reconciler(runtime).run_once()

    assert report.repaired == []
    assert await engine_states(sim, session) == {MachineState.RUNNING}


# -- each on its own ------------------------------------------------------------------


async def test_a_failing_listing_leaves_the_rest_of_the_pass_running(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime.now(UTC)
    lost = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.destroy(str(lost.id))
    abandoned = await deployed_session(
        sim, S.PROVISIONING, lease_owner="dead", lease_expires_at=now - timedelta(seconds=1)
    )

    async def broken_listing() -> dict[str, list[str]]:
        raise EngineUnavailable("list: connection reset")

    monkeypatch.setattr(sim, "list_owned", broken_listing)
    report = await Reconciler(runtime).run_once(now)

    assert report.orphans_destroyed == []
    assert report.lost == [lost.id]  # the rolling batch still checks it
    assert report.interrupted == [abandoned.id]


async def test_one_failing_session_does_not_stop_the_others(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await deployed_session(sim, S.RUNNING, machines=1)
    second = await deployed_session(sim, S.RUNNING, machines=1)
    for session in (first, second):
        await sim.pause(str(session.id))
    broken = min(first.id, second.id, key=str)  # the one checked first
    resume = sim.resume

    async def resume_or_crash(session_id: str) -> object:
        if session_id == str(broken):
            raise RuntimeError("a bug, not an engine error")
        return await resume(session_id)

    monkeypatch.setattr(sim, "resume", resume_or_crash)
    reconciler = Reconciler(runtime)
    report = await reconciler.run_once()

    other = second.id if broken == first.id else first.id
    assert report.repaired == [other]
    row = await EnvironmentSession.get(id=broken)
    assert row.state is S.RUNNING  # left for the next pass, its claim released
    assert (row.lease_owner, row.lease_expires_at) == (None, None)
    monkeypatch.setattr(sim, "resume", resume)
    assert (await reconciler.run_once()).repaired == [broken]


async def test_a_failing_step_does_not_stop_the_next(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime.now(UTC)
    abandoned = await deployed_session(
        sim, S.PROVISIONING, lease_owner="dead", lease_expires_at=now - timedelta(seconds=1)
    )
    await deployed_session(sim, S.RUNNING, machines=1)

    async def broken(session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        raise RuntimeError("a bug in the status parser")

    monkeypatch.setattr(sim, "status_many", broken)
    report = await Reconciler(runtime).run_once(now)

    assert report.interrupted == [abandoned.id]
