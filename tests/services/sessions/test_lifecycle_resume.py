"""A resume records the machines the engine returns: ECS runs new tasks with new ARNs and
addresses (tests/orchestrator/test_sessions_on_ecs.py runs it on moto), so the rows must
follow, or connection info and engine events would name tasks that no longer exist."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from uuid import UUID

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, SessionMachine, User
from rangex_graphql.models.enums import ResourceProfile, SessionMachineState, SessionState
from rangex_graphql.orchestrator import MachineHandle
from rangex_graphql.orchestrator.protocol import PublishedPort
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions import controls
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.conftest import StatementCounter
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


class RestartingDriver(SimulatedDriver):
    """Answers a resume the way ECS does: every machine with a new id and address."""

    def __init__(self) -> None:
        super().__init__(SimulatedDelays.none())
        self.resumes = 0

    async def resume(self, session_id: str) -> list[MachineHandle]:
        handles = await super().resume(session_id)
        self.resumes += 1
        return [
            dataclasses.replace(
                h,
                resource_id=f"task-{self.resumes}-{h.name}",
                address=f"10.9.{self.resumes}.{i + 10}",
                published=tuple(
                    PublishedPort(p.container_port, p.protocol, "198.51.100.7", 40000 + i)
                    for p in h.published
                ),
            )
            for i, h in enumerate(handles)
        ]


@pytest.fixture
async def restarting(settings: Settings) -> AsyncIterator[Runtime]:
    built = build_runtime(settings, driver=RestartingDriver(), broker=MemoryBroker())
    yield built
    await settle(built)
    await built.aclose()


async def running(runtime: Runtime, user: User, machines: int) -> UUID:
    version = await factories.version(await factories.scenario(), machines=machines)
    actor = Actor(id=user.id, is_admin=False)
    request = StartRequest(version.id, ResourceProfile.SMALL, 60)
    session = await start(runtime, actor, request, SYSTEM)
    await settle(runtime)
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING
    return session.id


async def rows_of(session_id: UUID) -> dict[str, tuple[str | None, str | None, str]]:
    rows = await SessionMachine.filter(session_id=session_id).values(
        "machine__name", "driver_handle", "address", "state"
    )
    return {
        r["machine__name"]: (r["driver_handle"], r["address"], SessionMachineState(r["state"]))
        for r in rows
    }


async def test_resume_records_the_new_ids_addresses_and_ports(restarting: Runtime) -> None:
    user = await factories.user()
    session_id = await running(restarting, user, machines=2)
    before = await rows_of(session_id)
    actor = Actor(id=user.id, is_admin=False)

    await controls.pause(restarting, actor, session_id, SYSTEM)
    resumed = await controls.resume(restarting, actor, session_id, SYSTEM)

    assert resumed.state is S.RUNNING
    after = await rows_of(session_id)
    assert set(after) == set(before)
    names = sorted(after)
    assert after == {
        name: (f"task-1-{name}", f"10.9.1.{i + 10}", SessionMachineState.RUNNING)
        for i, name in enumerate(names)
    }
    entry = await SessionMachine.filter(session_id=session_id, driver_handle="task-1-m0").first()
    assert entry is not None
    assert entry.ports
    assert {(p["host"], p["hostPort"]) for p in entry.ports} == {("198.51.100.7", 40000)}


async def test_the_statements_of_a_resume_do_not_grow_with_the_machines(
    restarting: Runtime, sql_counter: StatementCounter
) -> None:
    user = await factories.user()
    actor = Actor(id=user.id, is_admin=False)
    counts = []
    for machines in (1, 4):
        session_id = await running(restarting, user, machines)
        await controls.pause(restarting, actor, session_id, SYSTEM)
        sql_counter.reset()
        await controls.resume(restarting, actor, session_id, SYSTEM)
        counts.append(sql_counter.count)
        assert len(await rows_of(session_id)) == machines
    assert counts[0] == counts[1], sql_counter.statements
