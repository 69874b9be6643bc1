"""Two replicas (two runtimes, each with the driver the settings build, one database) on
the embedded default engine: it is one engine for both, as Docker or ECS would be."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID

import pytest

from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import ResourceProfile, SessionState
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions import controls
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Orchestrator, Settings
from tests import factories
from tests.jobs.conftest import RecordingBroker, job_settings
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def replicas(settings: Settings) -> AsyncIterator[list[Runtime]]:
    shared = job_settings(settings, orchestrator=Orchestrator.SIMULATED, simulated_delay_scale=0.0)
    built = [build_runtime(shared, broker=RecordingBroker()) for _ in range(2)]
    assert built[0].driver is not built[1].driver
    yield built
    for runtime in built:
        await settle(runtime)
        await runtime.aclose()


async def reconcile_both(replicas: list[Runtime]) -> None:
    for runtime in replicas:
        report = await Reconciler(runtime).run_once()
        assert report.lost == []
        assert report.orphans_destroyed == []


async def state_of(session_id: UUID) -> SessionState:
    return (await EnvironmentSession.get(id=session_id)).state


async def test_a_session_started_on_one_replica_is_run_by_the_other(
    replicas: list[Runtime],
) -> None:
    first, second = replicas
    user = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    me = Actor(user.id)
    request = StartRequest(version.id, ResourceProfile.SMALL, 60)
    session_id = (await start(first, me, request, SYSTEM)).id
    await settle(first)
    assert await state_of(session_id) is S.RUNNING
    await reconcile_both(replicas)
    assert await state_of(session_id) is S.RUNNING

    assert (await controls.pause(second, me, session_id, SYSTEM)).state is S.PAUSED
    await reconcile_both(replicas)
    assert await state_of(session_id) is S.PAUSED
    assert {m.state.value for m in await first.driver.status(str(session_id))} == {"paused"}

    assert (await controls.resume(first, me, session_id, SYSTEM)).state is S.RUNNING
    assert (await controls.pause(first, me, session_id, SYSTEM)).state is S.PAUSED
    assert (await controls.resume(second, me, session_id, SYSTEM)).state is S.RUNNING
    await reconcile_both(replicas)
    assert await state_of(session_id) is S.RUNNING

    assert (await controls.terminate(second, me, session_id, SYSTEM)).state is S.TERMINATED
    assert await first.driver.list_owned() == {}
    assert await second.driver.list_owned() == {}
