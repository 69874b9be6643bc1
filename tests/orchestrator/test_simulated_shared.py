"""The simulated engine on the database: the drivers of several processes are one engine
(each driver here stands for a process: none of them shares memory with another)."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from rangex_graphql.orchestrator.factory import build_driver
from rangex_graphql.orchestrator.protocol import EventKind, MachineState, SessionExists
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.orchestrator.simulated_db import DatabaseStore
from rangex_graphql.settings import Settings
from tests.orchestrator.plans import three_machines

pytestmark = pytest.mark.usefixtures("db")


def process() -> SimulatedDriver:
    return SimulatedDriver(SimulatedDelays.none(), store=DatabaseStore())


def test_the_server_builds_the_simulator_on_the_database() -> None:
    driver = build_driver(Settings())
    assert isinstance(driver, SimulatedDriver)
    assert isinstance(driver.store, DatabaseStore)


async def test_what_one_process_provisions_another_pauses_resumes_and_destroys() -> None:
    one, other = process(), process()
    p = three_machines()
    handles = await one.provision(p)

    assert [s.resource_id for s in await other.status(p.session_id)] == [
        h.resource_id for h in handles
    ]
    assert set(await other.list_owned()) == {p.session_id}
    assert (await other.status_many([p.session_id, "nope"]))["nope"] == []

    await other.pause(p.session_id)
    assert {s.state for s in await one.status(p.session_id)} == {MachineState.PAUSED}
    assert await one.resume(p.session_id) == handles
    assert {s.state for s in await other.status(p.session_id)} == {MachineState.RUNNING}
    with pytest.raises(SessionExists):
        await other.provision(p)

    await other.destroy(p.session_id)
    assert await one.status(p.session_id) == []
    assert await one.list_owned() == {}


async def test_a_machine_lost_in_one_process_shows_in_the_others_status() -> None:
    one, other = process(), process()
    p = three_machines()
    await one.provision(p)
    events = one.events()

    await one.lose_machine(p.session_id, "web", EventKind.OOM_KILLED)
    await one.lose_machine(p.session_id, "db", EventKind.LOST)

    assert (await asyncio.wait_for(anext(events), 1)).machine == "web"
    statuses = {s.name: s for s in await other.status(p.session_id)}
    assert set(statuses) == {"attacker", "web"}
    assert statuses["web"].state is MachineState.EXITED
    assert statuses["web"].oom_killed
    await one.close()


async def test_processes_provisioning_at_once_never_share_a_subnet_or_a_host_port() -> None:
    drivers = [process(), process()]
    plans = [three_machines() for _ in range(12)]

    answers = await asyncio.gather(*(drivers[i % 2].provision(p) for i, p in enumerate(plans)))

    subnets = [await drivers[0].subnet_of(p.session_id) for p in plans]
    assert len(set(subnets)) == len(plans)
    addresses = [ipaddress.IPv4Address(h.address) for hs in answers for h in hs if h.address]
    assert len(set(addresses)) == 3 * len(plans)
    ports = [p.host_port for hs in answers for h in hs for p in h.published]
    assert ports
    assert len(set(ports)) == len(ports)
