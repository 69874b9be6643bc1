"""The idle timeout job and the event end job: who is ended, how, and once across replicas."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.jobs.event_end import end_event_sessions
from rangex_graphql.jobs.idle import end_idle_sessions
from rangex_graphql.jobs.scheduler import periodic_jobs
from rangex_graphql.models import AuditLog, EnvironmentSession, Event, Notification
from rangex_graphql.models.enums import EventStatus, SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.jobs.conftest import RecordingBroker, deployed_session, job_settings

S = SessionState


def now() -> datetime:
    return datetime.now(UTC)


async def state_of(session: EnvironmentSession) -> tuple[SessionState, str | None]:
    row = await EnvironmentSession.get(id=session.id)
    return row.state, row.end_reason


# --- idle timeout -----------------------------------------------------------------------------


async def test_a_session_idle_past_its_timeout_is_terminated_and_its_learner_told(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    at = now()
    idle = await deployed_session(sim, machines=1, last_activity_at=at - timedelta(minutes=61))
    active = await deployed_session(sim, machines=1, last_activity_at=at - timedelta(minutes=59))

    assert await end_idle_sessions(runtime, at) == 1

    assert await state_of(idle) == (S.TERMINATED, "idle")
    assert str(idle.id) not in await sim.list_owned()
    assert await state_of(active) == (S.RUNNING, None)
    assert str(active.id) in await sim.list_owned()
    [notice] = await Notification.filter(user_id=idle.user_id)  # type: ignore[attr-defined]
    assert (notice.kind, notice.data["session_id"]) == ("session.idle", str(idle.id))
    assert not await Notification.filter(user_id=active.user_id).exists()  # type: ignore[attr-defined]
    assert await AuditLog.filter(action="session.idle", target_id=str(idle.id)).count() == 2
    assert await end_idle_sessions(runtime, at) == 0  # nothing left to do


async def test_event_sessions_idle_out_after_thirty_minutes(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    at = now()
    event = await factories.event()
    in_event = await deployed_session(
        sim, machines=1, event_id=event.id, last_activity_at=at - timedelta(minutes=31)
    )
    outside = await deployed_session(sim, machines=1, last_activity_at=at - timedelta(minutes=31))
    fresh_in_event = await deployed_session(
        sim, machines=1, event_id=event.id, last_activity_at=at - timedelta(minutes=29)
    )

    assert await end_idle_sessions(runtime, at) == 1

    assert await state_of(in_event) == (S.TERMINATED, "idle")
    assert await state_of(outside) == (S.RUNNING, None)
    assert await state_of(fresh_in_event) == (S.RUNNING, None)


async def test_paused_sessions_never_idle_out_and_a_missing_activity_counts_from_the_start(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    at = now()
    paused = await deployed_session(
        sim, S.PAUSED, machines=1, last_activity_at=at - timedelta(hours=5)
    )
    never_seen = await deployed_session(
        sim, machines=1, last_activity_at=None, started_at=at - timedelta(minutes=61)
    )

    assert await end_idle_sessions(runtime, at) == 1

    assert await state_of(paused) == (S.PAUSED, None)
    assert await state_of(never_seen) == (S.TERMINATED, "idle")


async def test_a_heartbeat_after_the_claim_keeps_the_session(
    db: None, runtime: Runtime, sim: SimulatedDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rangex_graphql.jobs import idle as idle_module

    at = now()
    session = await deployed_session(sim, machines=1, last_activity_at=at - timedelta(minutes=61))
    claim = vars(idle_module)["claim_sessions"]

    async def claim_then_beat(*args: object, **kwargs: object) -> object:
        claimed = await claim(*args, **kwargs)
        await EnvironmentSession.filter(id=session.id).update(last_activity_at=at)
        return claimed

    monkeypatch.setattr(idle_module, "claim_sessions", claim_then_beat)

    assert await end_idle_sessions(runtime, at) == 0
    assert await state_of(session) == (S.RUNNING, None)
    assert (await EnvironmentSession.get(id=session.id)).lease_owner is None  # released


async def test_the_idle_timeouts_come_from_the_settings(
    db: None, settings: Settings, sim: SimulatedDriver
) -> None:
    built = build_runtime(
        job_settings(settings, session_idle_minutes=5, event_session_idle_minutes=2),
        driver=sim,
        broker=RecordingBroker(),
    )
    try:
        at = now()
        event = await factories.event()
        outside = await deployed_session(
            sim, machines=1, last_activity_at=at - timedelta(minutes=6)
        )
        inside = await deployed_session(
            sim, machines=1, event_id=event.id, last_activity_at=at - timedelta(minutes=3)
        )

        assert await end_idle_sessions(built, at) == 2
        assert await state_of(outside) == (S.TERMINATED, "idle")
        assert await state_of(inside) == (S.TERMINATED, "idle")
    finally:
        await built.aclose()


async def until_done(runtime: Runtime, at: datetime) -> int:
    total = 0
    while done := await end_idle_sessions(runtime, at):
        total += done
    return total


async def test_two_replicas_end_each_idle_session_exactly_once(
    db: None, replicas: list[Runtime], sim: SimulatedDriver
) -> None:
    at = now()
    sessions = [
        await deployed_session(sim, machines=1, last_activity_at=at - timedelta(minutes=90))
        for _ in range(8)
    ]

    counts = await asyncio.gather(*(until_done(r, at) for r in replicas))

    assert sum(counts) == 8
    assert await EnvironmentSession.filter(state=S.TERMINATED, end_reason="idle").count() == 8
    notified = Counter(
        n["data"]["session_id"]
        for n in await Notification.filter(kind="session.idle").values("data")
    )
    assert notified == Counter({str(s.id): 1 for s in sessions})


# --- the end of an event ----------------------------------------------------------------------


async def test_the_end_of_an_event_ends_its_running_and_paused_sessions(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    at = now()
    over = await factories.event(
        EventStatus.RUNNING, starts_at=at - timedelta(hours=2), ends_at=at - timedelta(seconds=1)
    )
    going_on = await factories.event(starts_at=at - timedelta(hours=1))
    # The organiser moved the end forward: the session's own deadline is later still.
    running = await deployed_session(
        sim, machines=1, event_id=over.id, expires_in=timedelta(minutes=30)
    )
    paused = await deployed_session(
        sim, S.PAUSED, machines=1, event_id=over.id, expires_at=None, paused_remaining_seconds=600
    )
    other_event = await deployed_session(sim, machines=1, event_id=going_on.id)
    no_event = await deployed_session(sim, machines=1)

    assert await end_event_sessions(runtime, at) == 2

    assert await state_of(running) == (S.TERMINATED, "event_ended")
    assert await state_of(paused) == (S.TERMINATED, "event_ended")
    assert await state_of(other_event) == (S.RUNNING, None)
    assert await state_of(no_event) == (S.RUNNING, None)
    owned = await sim.list_owned()
    assert str(running.id) not in owned
    assert str(paused.id) not in owned
    assert await end_event_sessions(runtime, at) == 0


@pytest.mark.parametrize("how", ["finished", "deleted"])
async def test_an_event_ended_early_or_deleted_ends_its_sessions(
    db: None, runtime: Runtime, sim: SimulatedDriver, how: str
) -> None:
    event = await factories.event(starts_at=now() - timedelta(hours=1))
    session = await deployed_session(sim, machines=1, event_id=event.id)
    if how == "finished":
        await Event.filter(id=event.id).update(status=EventStatus.FINISHED)
    else:
        await Event.filter(id=event.id).update(deleted_at=now())

    assert await end_event_sessions(runtime) == 1
    assert await state_of(session) == (S.TERMINATED, "event_ended")


async def test_a_provisioning_session_of_an_ended_event_is_left_to_its_provisioning(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    at = now()
    over = await factories.event(
        starts_at=at - timedelta(hours=2), ends_at=at - timedelta(minutes=1)
    )
    starting = await deployed_session(
        sim, S.PROVISIONING, machines=1, provision=False, event_id=over.id
    )

    assert await end_event_sessions(runtime, at) == 0
    assert await state_of(starting) == (S.PROVISIONING, None)


async def test_both_jobs_run_periodically(settings: Settings, sim: SimulatedDriver) -> None:
    runtime = build_runtime(job_settings(settings), driver=sim, broker=RecordingBroker())
    try:
        jobs = {job.name: job.interval_seconds for job in periodic_jobs(runtime)}
    finally:
        await runtime.aclose()
    assert jobs["idle"] == settings.jobs_idle_interval_seconds
    assert jobs["event-end"] == settings.jobs_event_end_interval_seconds
