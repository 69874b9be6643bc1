"""Two replicas (two runtimes, one engine, one database) running the jobs at once: each
session is acted on once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from rangex_graphql.jobs.expiry import expire_sessions
from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.models import AuditLog, EnvironmentSession
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from tests.jobs.conftest import broker_of, deployed_session

S = SessionState


async def until_done(runtime: Runtime) -> int:
    """Passes until one finds nothing to do; how many sessions this replica expired."""
    total = 0
    while done := await expire_sessions(runtime):
        total += done
    return total


async def test_two_replicas_expire_each_session_exactly_once(
    db: None, replicas: list[Runtime], sim: SimulatedDriver
) -> None:
    sessions = [
        await deployed_session(sim, machines=1, expires_in=timedelta(seconds=-1)) for _ in range(10)
    ]

    counts = await asyncio.gather(*(until_done(r) for r in replicas))

    assert sum(counts) == 10
    assert await EnvironmentSession.filter(state=S.EXPIRED).count() == 10
    assert await sim.list_owned() == {}
    audited = Counter(
        row["target_id"]
        for row in await AuditLog.filter(action="session.expire").values("target_id", "data")
        if row["data"]["state"] == "EXPIRED"
    )
    assert audited == Counter({str(s.id): 1 for s in sessions})
    expired_events = Counter(
        e["sessionId"]
        for r in replicas
        for e in broker_of(r).session_events()
        if e["state"] == "EXPIRED"
    )
    assert expired_events == Counter({str(s.id): 1 for s in sessions})


async def test_two_replicas_reconciling_at_once_fail_a_lost_session_once(
    db: None, replicas: list[Runtime], sim: SimulatedDriver
) -> None:
    lost = [await deployed_session(sim, machines=1) for _ in range(4)]
    for session in lost:
        await sim.destroy(str(session.id))

    reconcilers = [Reconciler(r) for r in replicas]
    found: list[str] = []
    for _ in range(3):  # a batch (3) per pass each
        reports = await asyncio.gather(*(r.run_once() for r in reconcilers))
        found += [str(i) for report in reports for i in report.lost]

    assert sorted(found) == sorted(str(s.id) for s in lost)
    failed_events = [
        e["sessionId"]
        for r in replicas
        for e in broker_of(r).session_events()
        if e["state"] == "FAILED"
    ]
    assert Counter(failed_events) == Counter({str(s.id): 1 for s in lost})
