"""The demo's live sessions stay live once a server runs: the simulated engine adopts them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.models import EnvironmentSession, SessionMachine
from rangex_graphql.models.enums import SessionState
from rangex_graphql.orchestrator.protocol import MachineState
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.seed import seed_demo
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions import controls
from rangex_graphql.settings import Orchestrator, Settings
from tests.support.sessions import settle

S = SessionState
LIVE = (S.RUNNING, S.PAUSED)
pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def server(settings: Settings) -> AsyncIterator[Runtime]:
    """What ``serve`` builds: the simulated engine the settings choose (no delays)."""
    built = build_runtime(
        settings.model_copy(
            update={
                "jobs_enabled": False,
                "orchestrator": Orchestrator.SIMULATED,
                "simulated_delay_scale": 0.0,
            }
        )
    )
    yield built
    await settle(built)
    await built.aclose()


async def live_sessions() -> dict[str, SessionState]:
    rows = await EnvironmentSession.filter(state__in=LIVE).values_list("id", "state")
    return {str(i): S(state) for i, state in rows}


async def test_seeded_live_sessions_survive_the_reconciler_and_run_on_the_engine(
    server: Runtime,
) -> None:
    await seed_demo(now=datetime.now(UTC).replace(microsecond=0))
    seeded = await live_sessions()
    assert S.RUNNING in seeded.values()
    assert S.PAUSED in seeded.values()

    reconciler = Reconciler(server)
    for _ in range(len(seeded)):  # every live session checked at least once
        report = await reconciler.run_once()
        assert report.lost == []
        assert report.orphans_destroyed == []
    assert await live_sessions() == seeded

    engine = await server.driver.status_many(list(seeded))
    for session_id, state in seeded.items():
        handles = await SessionMachine.filter(session_id=session_id).values_list(
            "driver_handle", flat=True
        )
        assert {s.resource_id for s in engine[session_id]} == {str(h) for h in handles}
        expected = MachineState.RUNNING if state is S.RUNNING else MachineState.PAUSED
        assert {s.state for s in engine[session_id]} == {expected}

    paused = next(sid for sid, state in seeded.items() if state is S.PAUSED)
    row = await EnvironmentSession.get(id=paused)
    owner = Actor(row.user_id)  # type: ignore[attr-defined]
    assert (await controls.resume(server, owner, row.id, SYSTEM)).state is S.RUNNING
    assert (await controls.terminate(server, owner, row.id, SYSTEM)).state is S.TERMINATED
    assert paused not in await server.driver.list_owned()
