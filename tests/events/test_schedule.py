"""The schedule: status by time (pure), and the job that writes it, once per transition
however many replicas run it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.broker import topic_for_event
from rangex_graphql.jobs.event_schedule import advance_events
from rangex_graphql.jobs.scheduler import periodic_jobs
from rangex_graphql.models import AuditLog, Event
from rangex_graphql.models.enums import EventStatus
from rangex_graphql.runtime import build_runtime
from rangex_graphql.services.events.schedule import (
    apply_due_transitions,
    apply_transition,
    status_at,
)
from rangex_graphql.settings import Settings
from tests import factories
from tests.jobs.conftest import RecordingBroker

S = EventStatus
T0 = datetime(2031, 3, 1, 10, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def row(status: S, freeze: bool = True) -> dict[str, object]:
    return {
        "status": status,
        "starts_at": T0,
        "ends_at": T0 + 4 * HOUR,
        "freeze_at": T0 + 3 * HOUR if freeze else None,
    }


@pytest.mark.parametrize(
    ("stored", "at", "freeze", "expected"),
    [
        (S.PUBLISHED, T0 - HOUR, True, S.PUBLISHED),
        (S.PUBLISHED, T0, True, S.RUNNING),
        (S.PUBLISHED, T0 + 3 * HOUR, True, S.FROZEN),
        (S.PUBLISHED, T0 + 3 * HOUR, False, S.RUNNING),
        (S.PUBLISHED, T0 + 4 * HOUR, True, S.FINISHED),
        (S.RUNNING, T0 + 3.5 * HOUR, True, S.FROZEN),
        (S.DRAFT, T0 + 5 * HOUR, True, S.DRAFT),  # only eventPublish moves a draft
        (S.FINISHED, T0 - HOUR, True, S.FINISHED),  # final
        (S.FROZEN, T0 + HOUR, True, S.FROZEN),  # never backwards
    ],
)
def test_status_at(stored: S, at: datetime, freeze: bool, expected: S) -> None:
    assert status_at(row(stored, freeze), at) is expected


async def scheduled(status: S, **times: datetime) -> Event:
    return await factories.event(status, **times)


async def test_a_pass_applies_each_due_transition_audits_and_publishes(db: None) -> None:
    now = datetime.now(UTC)
    starting = await scheduled(S.PUBLISHED, starts_at=now - HOUR, ends_at=now + HOUR)
    freezing = await scheduled(
        S.RUNNING, starts_at=now - 2 * HOUR, freeze_at=now - HOUR, ends_at=now + HOUR
    )
    ending = await scheduled(S.FROZEN, starts_at=now - 3 * HOUR, ends_at=now - HOUR)
    skipped = await scheduled(S.PUBLISHED, starts_at=now - 3 * HOUR, ends_at=now - HOUR)
    waiting = await scheduled(S.PUBLISHED, starts_at=now + HOUR, ends_at=now + 2 * HOUR)
    draft = await scheduled(S.DRAFT, starts_at=now - 3 * HOUR, ends_at=now - HOUR)
    deleted = await scheduled(S.PUBLISHED, starts_at=now - HOUR, ends_at=now + HOUR, deleted_at=now)
    broker = RecordingBroker()

    done = await apply_due_transitions(now, broker)

    assert len(done) == 4
    expected = {
        starting.id: S.RUNNING,
        freezing.id: S.FROZEN,
        ending.id: S.FINISHED,
        skipped.id: S.FINISHED,
        waiting.id: S.PUBLISHED,
        draft.id: S.DRAFT,
        deleted.id: S.PUBLISHED,
    }
    for event_id, status in expected.items():
        assert (await Event.get(id=event_id)).status is status
    audits = await AuditLog.filter(action="event.status").values("target_id", "data")
    assert {(a["target_id"], a["data"]["from"], a["data"]["to"]) for a in audits} == {
        (str(starting.id), "PUBLISHED", "RUNNING"),
        (str(freezing.id), "RUNNING", "FROZEN"),
        (str(ending.id), "FROZEN", "FINISHED"),
        (str(skipped.id), "PUBLISHED", "FINISHED"),
    }
    topics = [topic for topic, message in broker.published if message["reason"] == "status"]
    assert sorted(topics) == sorted(
        topic_for_event(e.id) for e in (starting, freezing, ending, skipped)
    )
    assert await apply_due_transitions(now, broker) == []  # nothing left to do


async def test_two_replicas_apply_one_transition_once(db: None) -> None:
    now = datetime.now(UTC)
    events = [
        await scheduled(S.PUBLISHED, starts_at=now - HOUR, ends_at=now + HOUR) for _ in range(5)
    ]
    brokers = [RecordingBroker(), RecordingBroker()]

    passes = await asyncio.gather(*(apply_due_transitions(now, b) for b in brokers))

    assert sum(len(done) for done in passes) == 5
    for event in events:
        assert (await Event.get(id=event.id)).status is S.RUNNING
        assert await AuditLog.filter(action="event.status", target_id=str(event.id)).count() == 1
    assert sum(len(b.published) for b in brokers) == 5


async def test_a_transition_another_replica_applied_is_skipped(db: None) -> None:
    """The conditional UPDATE: a pass that read the old status moves nothing."""
    now = datetime.now(UTC)
    event = await scheduled(S.PUBLISHED, starts_at=now - HOUR, ends_at=now + HOUR)
    stale = {
        "id": event.id,
        "status": S.PUBLISHED,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "freeze_at": None,
    }
    assert await apply_transition(stale, now) is not None
    assert await apply_transition(stale, now) is None
    assert await AuditLog.filter(action="event.status").count() == 1


async def test_the_job_runs_a_pass_on_the_runtimes_broker(db: None, settings: Settings) -> None:
    runtime = build_runtime(
        settings.model_copy(update={"jobs_enabled": False}), broker=RecordingBroker()
    )
    try:
        job = {job.name: job for job in periodic_jobs(runtime)}["event-schedule"]
        assert job.interval_seconds == settings.jobs_event_schedule_interval_seconds
        now = datetime.now(UTC)
        event = await scheduled(S.PUBLISHED, starts_at=now - HOUR, ends_at=now + HOUR)
        assert await advance_events(runtime) == 1
        assert (await Event.get(id=event.id)).status is S.RUNNING
        broker = runtime.broker
        assert isinstance(broker, RecordingBroker)
        assert broker.published == [
            (
                topic_for_event(event.id),
                {"type": "board", "eventId": str(event.id), "reason": "status"},
            )
        ]
    finally:
        await runtime.aclose()
