"""The reconciler: orphans destroyed (a), vanished machines fail their session (b),
abandoned provisioning and teardowns finished after their process died (c)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from rangex_graphql.jobs.reconcile import INTERRUPTED_REASON, Reconciler
from rangex_graphql.models import AuditLog, EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.protocol import EngineUnavailable, EventKind, MachineStatus
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests.jobs.conftest import (
    RecordingBroker,
    broker_of,
    deployed_session,
    job_settings,
    plan_for,
)

S = SessionState


# -- (a) orphans -------------------------------------------------------------------------


async def test_resources_of_unknown_and_ended_sessions_are_destroyed(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    no_row = str(uuid4())
    await sim.provision(plan_for(no_row, 2))
    await sim.provision(plan_for("not-a-uuid", 1))
    ended = await deployed_session(sim, S.TERMINATED)
    running = await deployed_session(sim, S.RUNNING)
    # Being provisioned by a live process: not an orphan.
    starting = await deployed_session(
        sim,
        S.PROVISIONING,
        lease_owner="alive",
        lease_expires_at=datetime.now(UTC) + timedelta(minutes=1),
    )

    report = await Reconciler(runtime).run_once()

    assert sorted(report.orphans_destroyed) == sorted([no_row, "not-a-uuid", str(ended.id)])
    assert set(await sim.list_owned()) == {str(running.id), str(starting.id)}
    audited = await AuditLog.filter(action="session.orphans_destroyed").values_list(
        "target_id", flat=True
    )
    assert sorted(str(t) for t in audited) == sorted(report.orphans_destroyed)
    assert (await EnvironmentSession.get(id=running.id)).state is S.RUNNING
    assert (await EnvironmentSession.get(id=starting.id)).state is S.PROVISIONING


# -- (b) vanished machines ---------------------------------------------------------------


async def test_a_running_session_whose_machines_are_gone_fails(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    gone = await deployed_session(sim, S.RUNNING, machines=2)
    exited = await deployed_session(sim, S.PAUSED, machines=2)
    half = await deployed_session(sim, S.RUNNING, machines=2)
    healthy = await deployed_session(sim, S.RUNNING, machines=2)
    await sim.destroy(str(gone.id))  # removed behind the platform's back
    await sim.lose_machine(str(exited.id), "m0", EventKind.DIED)
    await sim.lose_machine(str(exited.id), "m1", EventKind.OOM_KILLED)
    await sim.lose_machine(str(half.id), "m1", EventKind.DIED)

    report = await Reconciler(runtime).run_once()

    assert sorted(report.lost, key=str) == sorted([gone.id, exited.id], key=str)
    for lost in (gone, exited):
        row = await EnvironmentSession.get(id=lost.id)
        assert row.state is S.FAILED
        assert row.end_reason == "resources_lost"
        assert (row.failure_reason or "").startswith("resources vanished: ")
    assert "m1 (OOM-killed)" in ((await EnvironmentSession.get(id=exited.id)).failure_reason or "")
    # The exited machines of the failed session are removed from the engine.
    assert set(await sim.list_owned()) == {str(half.id), str(healthy.id)}
    assert (await EnvironmentSession.get(id=half.id)).state is S.RUNNING
    failed = [e for e in broker_of(runtime).session_events() if e["state"] == "FAILED"]
    assert sorted(e["sessionId"] for e in failed) == sorted([str(gone.id), str(exited.id)])
    assert all(e["reason"].startswith("resources vanished") for e in failed)


async def test_a_session_that_changed_while_the_engine_was_asked_is_left_alone(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    session = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.destroy(str(session.id))
    original_status_many = sim.status_many

    async def status_then_reset(session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        found = await original_status_many(session_ids)
        # A reset finished meanwhile: new machines, a new lock version.
        await sim.provision(plan_for(str(session.id), 1))
        await EnvironmentSession.filter(id=session.id).update(lock_version=99)
        return found

    sim.status_many = status_then_reset  # type: ignore[method-assign]
    report = await Reconciler(runtime).run_once()

    assert report.lost == []
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


class CountingDriver:
    """Counts the sim's status calls; ``fail_batch`` makes the batched one fail."""

    def __init__(self, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch) -> None:
        self.one_by_one = 0
        self.batches: list[list[str]] = []
        self.fail_batch = False
        status, status_many = sim.status, sim.status_many

        async def counted_status(session_id: str) -> list[MachineStatus]:
            self.one_by_one += 1
            return await status(session_id)

        async def counted_status_many(session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
            self.batches.append(list(session_ids))
            if self.fail_batch:
                raise EngineUnavailable("status: throttled")
            return await status_many(session_ids)

        monkeypatch.setattr(sim, "status", counted_status)
        monkeypatch.setattr(sim, "status_many", counted_status_many)


@pytest.mark.parametrize("sessions", [1, 10])
async def test_the_engine_is_asked_once_a_pass_however_many_sessions_are_live(
    db: None,
    runtime: Runtime,
    sim: SimulatedDriver,
    monkeypatch: pytest.MonkeyPatch,
    sessions: int,
) -> None:
    healthy = [await deployed_session(sim, S.RUNNING, machines=1) for _ in range(sessions)]
    gone = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.destroy(str(gone.id))
    engine = CountingDriver(sim, monkeypatch)
    reconciler = Reconciler(runtime)

    first = await reconciler.run_once()
    second = await reconciler.run_once()

    assert engine.one_by_one == 0
    assert len(engine.batches) == 2
    assert sorted(engine.batches[0]) == sorted(str(s.id) for s in [*healthy, gone])
    assert first.lost == [gone.id]
    assert second.lost == []
    # The failed session is no longer live: the second pass asks for the others only.
    assert sorted(engine.batches[1]) == sorted(str(s.id) for s in healthy)


async def test_no_live_session_asks_the_engine_nothing(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = CountingDriver(sim, monkeypatch)
    await Reconciler(runtime).run_once()
    assert (engine.one_by_one, engine.batches) == (0, [])


async def test_a_failed_status_call_skips_the_check_until_the_next_pass(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.destroy(str(session.id))
    engine = CountingDriver(sim, monkeypatch)
    reconciler = Reconciler(runtime)
    engine.fail_batch = True

    report = await reconciler.run_once()

    assert report.lost == []
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING
    engine.fail_batch = False
    assert (await reconciler.run_once()).lost == [session.id]
    assert (await EnvironmentSession.get(id=session.id)).state is S.FAILED


async def test_a_session_the_engine_did_not_answer_for_is_not_failed(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = await deployed_session(sim, S.RUNNING, machines=1)
    await sim.destroy(str(session.id))

    async def no_answer(session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        return {}

    monkeypatch.setattr(sim, "status_many", no_answer)
    assert (await Reconciler(runtime).run_once()).lost == []
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


# -- (c) abandoned work --------------------------------------------------------------------


async def test_provisioning_abandoned_by_a_dead_process_fails_and_leaves_nothing(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    now = datetime.now(UTC)
    dead = await deployed_session(
        sim, S.PROVISIONING, lease_owner="dead", lease_expires_at=now - timedelta(seconds=1)
    )
    requested = await deployed_session(
        sim, S.REQUESTED, provision=False, lease_owner="dead", lease_expires_at=now
    )
    alive = await deployed_session(
        sim, S.PROVISIONING, lease_owner="alive", lease_expires_at=now + timedelta(seconds=30)
    )

    report = await Reconciler(runtime).run_once(now)

    assert sorted(report.interrupted, key=str) == sorted([dead.id, requested.id], key=str)
    for session_id in (dead.id, requested.id):
        row = await EnvironmentSession.get(id=session_id)
        assert row.state is S.FAILED
        assert row.failure_reason == INTERRUPTED_REASON
        assert row.end_reason == "interrupted"
    assert set(await sim.list_owned()) == {str(alive.id)}
    assert (await EnvironmentSession.get(id=alive.id)).state is S.PROVISIONING


async def test_a_teardown_abandoned_by_a_dead_process_is_finished_in_its_final_state(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    now = datetime.now(UTC)
    past = now - timedelta(seconds=1)
    expiring = await deployed_session(
        sim, S.TERMINATING, end_reason="expired", lease_owner="dead", lease_expires_at=past
    )
    terminating = await deployed_session(
        sim, S.TERMINATING, end_reason="user", lease_owner="dead", lease_expires_at=past
    )
    failing = await deployed_session(
        sim,
        S.TERMINATING,
        end_reason="resources_lost",
        failure_reason="resources vanished: x",
        lease_owner="dead",
        lease_expires_at=past,
    )
    held = await deployed_session(
        sim,
        S.TERMINATING,
        end_reason="user",
        lease_owner="alive",
        lease_expires_at=now + timedelta(seconds=30),
    )

    report = await Reconciler(runtime).run_once(now)

    assert len(report.teardowns_finished) == 3
    states = dict(
        await EnvironmentSession.filter(
            id__in=[expiring.id, terminating.id, failing.id, held.id]
        ).values_list("id", "state")
    )
    assert states == {
        expiring.id: S.EXPIRED,
        terminating.id: S.TERMINATED,
        failing.id: S.FAILED,
        held.id: S.TERMINATING,
    }
    assert set(await sim.list_owned()) == {str(held.id)}
    failed = await EnvironmentSession.get(id=failing.id)
    assert failed.failure_reason == "resources vanished: x"


async def test_sessions_whose_tasks_the_engine_lists_wait_for_the_rolling_batch(
    db: None,
    settings: Settings,
    sim: SimulatedDriver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ECS lists machines as ``task:`` entries: a session with one is not "missing", so
    only the rolling batch (one session a pass here) asks after it."""
    sessions = [await deployed_session(sim, S.RUNNING, machines=1) for _ in range(3)]

    async def listed_as_tasks() -> dict[str, list[str]]:
        return {str(s.id): [f"task:arn:{s.id}", f"security-group:sg-{s.id}"] for s in sessions}

    monkeypatch.setattr(sim, "list_owned", listed_as_tasks)
    engine = CountingDriver(sim, monkeypatch)
    built = build_runtime(
        job_settings(settings, jobs_batch_size=1), driver=sim, broker=RecordingBroker()
    )
    try:
        reconciler = Reconciler(built)
        await reconciler.run_once()
        await reconciler.run_once()
    finally:
        await built.aclose()

    # One session a pass, a different one each time (counted "missing", the first
    # session would be asked again on every pass beside the rolling one).
    assert [len(batch) for batch in engine.batches] == [1, 1]
    assert engine.batches[0] != engine.batches[1]
