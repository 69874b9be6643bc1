"""The expiry job: due sessions are torn down once and end EXPIRED; others are untouched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rangex_graphql.jobs.expiry import expire_sessions
from rangex_graphql.models import AuditLog, EnvironmentSession, SessionMachine
from rangex_graphql.models.enums import SessionMachineState, SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from tests.jobs.conftest import broker_of, deployed_session

S = SessionState


async def test_a_running_session_past_its_time_expires_with_nothing_left(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    due = await deployed_session(sim, expires_in=timedelta(seconds=-1))
    not_due = await deployed_session(sim, expires_in=timedelta(minutes=5))

    assert await expire_sessions(runtime) == 1

    ended = await EnvironmentSession.get(id=due.id)
    assert ended.state is S.EXPIRED
    assert ended.end_reason == "expired"
    assert ended.ended_at is not None
    assert (ended.lease_owner, ended.lease_expires_at) == (None, None)
    assert str(due.id) not in await sim.list_owned()
    machine_states = await SessionMachine.filter(session_id=due.id).values_list("state", flat=True)
    assert {str(state) for state in machine_states} == {SessionMachineState.STOPPED.value}
    assert (await EnvironmentSession.get(id=not_due.id)).state is S.RUNNING
    assert str(not_due.id) in await sim.list_owned()
    assert await AuditLog.filter(action="session.expire", target_id=str(due.id)).count() == 2
    events = broker_of(runtime).session_events()
    assert [(e["state"], e["action"]) for e in events] == [
        ("TERMINATING", "expire"),
        ("EXPIRED", "expire"),
    ]
    # A second pass finds nothing to do.
    assert await expire_sessions(runtime) == 0


async def test_a_paused_session_keeps_its_time_until_its_lifetime_is_over(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    now = datetime.now(UTC)
    # Paused with time left: its stale expires_at does not count (the clock stopped).
    paused = await deployed_session(
        sim, S.PAUSED, expires_in=timedelta(hours=-1), paused_remaining_seconds=600
    )
    # Paused since long before the version's maximum lifetime (480 minutes) ran out.
    too_old = await deployed_session(
        sim,
        S.PAUSED,
        paused_remaining_seconds=600,
        started_at=now - timedelta(minutes=481),
    )
    no_time_left = await deployed_session(sim, S.PAUSED, paused_remaining_seconds=0)

    assert await expire_sessions(runtime, now) == 2

    states = dict(
        await EnvironmentSession.filter(
            id__in=[paused.id, too_old.id, no_time_left.id]
        ).values_list("id", "state")
    )
    assert states == {paused.id: S.PAUSED, too_old.id: S.EXPIRED, no_time_left.id: S.EXPIRED}


async def test_a_session_leased_by_another_replica_is_left_to_it(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    now = datetime.now(UTC)
    await deployed_session(
        sim,
        expires_in=timedelta(seconds=-1),
        lease_owner="other-replica",
        lease_expires_at=now + timedelta(seconds=30),
    )
    assert await expire_sessions(runtime, now) == 0
    # Once the other replica's lease ran out (it died), this one takes the session.
    assert await expire_sessions(runtime, now + timedelta(seconds=31)) == 1


async def test_a_pass_takes_a_batch_at_a_time(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    runtime.settings = runtime.settings.model_copy(update={"jobs_batch_size": 2})
    for _ in range(3):
        await deployed_session(sim, machines=1, expires_in=timedelta(seconds=-1))
    assert await expire_sessions(runtime) == 2
    assert await expire_sessions(runtime) == 1
    assert await EnvironmentSession.filter(state=S.EXPIRED).count() == 3
    assert await sim.list_owned() == {}


async def test_a_destroy_that_keeps_failing_ends_the_session_failed(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    from rangex_graphql.orchestrator import OperationFailed

    due = await deployed_session(sim, machines=1, expires_in=timedelta(seconds=-1))

    async def refuse(session_id: str) -> None:
        raise OperationFailed(session_id, "destroy", "engine says no")

    sim.destroy = refuse  # type: ignore[method-assign]
    runtime.settings = runtime.settings.model_copy(update={"session_driver_retries": 1})
    assert await expire_sessions(runtime) == 1
    ended = await EnvironmentSession.get(id=due.id)
    assert ended.state is S.FAILED
    assert "engine says no" in (ended.failure_reason or "")
