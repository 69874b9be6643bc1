"""The simulated driver: the embedded default engine, on each of its stores (this
process's memory, the database every process shares)."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Protocol

import pytest

from rangex_graphql.orchestrator.protocol import (
    LABEL_CREATOR,
    LABEL_PROFILE,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SCENARIO_VERSION,
    LABEL_SESSION,
    Driver,
    EventKind,
    InvalidPlan,
    MachineState,
    ProvisionFailed,
    SessionExists,
    SessionNotFound,
)
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.orchestrator.simulated_db import DatabaseStore
from rangex_graphql.orchestrator.simulated_state import MemoryStore, SimulatedStore
from tests.orchestrator.plans import attacker, plan, target, three_machines

FIXED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


class RecordingSleep:
    """Records the delays asked for; returns at once (yielding to the loop)."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        await asyncio.sleep(0)


class MakeDriver(Protocol):
    def __call__(self, delays: SimulatedDelays | None = ..., **options: Any) -> SimulatedDriver: ...


@pytest.fixture(params=["memory", "database"])
def make(request: pytest.FixtureRequest) -> MakeDriver:
    """Builds drivers on the parametrized store (one store for all the test builds)."""
    store: SimulatedStore
    if request.param == "database":
        request.getfixturevalue("db")
        store = DatabaseStore()
    else:
        store = MemoryStore()

    def build(delays: SimulatedDelays | None = None, **options: Any) -> SimulatedDriver:
        return SimulatedDriver(delays, store=store, **options)

    return build


@pytest.fixture
async def driver(make: MakeDriver) -> AsyncIterator[SimulatedDriver]:
    sim = make(SimulatedDelays.none(), clock=lambda: FIXED)
    yield sim
    await sim.close()


def test_is_a_driver() -> None:
    assert isinstance(SimulatedDriver(), Driver)


def test_default_delays_are_small_but_real() -> None:
    delays = SimulatedDriver().delays
    for value in (delays.network, delays.machine_start, delays.pause, delays.destroy):
        assert 0 < value <= 1


async def test_provision_gives_handles_in_plan_order(driver: SimulatedDriver) -> None:
    p = three_machines()
    handles = await driver.provision(p)

    assert [h.name for h in handles] == ["attacker", "web", "db"]
    assert [h.role.value for h in handles] == ["attacker", "internal", "internal"]
    subnet = await driver.subnet_of(p.session_id)
    assert subnet is not None
    assert subnet.prefixlen == 24
    assert subnet.subnet_of(ipaddress.IPv4Network("172.16.0.0/12"))
    addresses = [ipaddress.IPv4Address(h.address) for h in handles if h.address]
    assert len(set(addresses)) == 3
    assert all(a in subnet for a in addresses)
    assert len({h.resource_id for h in handles}) == 3
    # Only the attacker publishes (its port 80); the targets' ports stay inside.
    published = handles[0].published_port(80)
    assert published is not None
    assert published.host_ip == "127.0.0.1"
    assert published.host_port > 0
    assert handles[1].published == ()
    assert [s.state for s in await driver.status(p.session_id)] == [MachineState.RUNNING] * 3


async def test_every_machine_carries_the_required_labels(driver: SimulatedDriver) -> None:
    p = three_machines()
    await driver.provision(p)
    labels = await driver.labels_of(p.session_id, "web")
    assert labels[LABEL_SESSION] == p.session_id
    assert labels[LABEL_SCENARIO] == "web-breach"
    assert labels[LABEL_CREATOR] == "creator-7"
    assert labels[LABEL_SCENARIO_VERSION] == "3"
    assert labels[LABEL_ROLE] == "internal"
    assert labels[LABEL_PROFILE] == "micro"
    assert labels["rangex.test"] == "orchestrator"


async def test_sessions_get_distinct_subnets_and_destroy_frees_them(
    driver: SimulatedDriver,
) -> None:
    first, second = three_machines(), three_machines()
    await driver.provision(first)
    await driver.provision(second)
    a, b = await driver.subnet_of(first.session_id), await driver.subnet_of(second.session_id)
    assert a is not None
    assert b is not None
    assert not a.overlaps(b)

    await driver.destroy(first.session_id)
    third = three_machines()
    await driver.provision(third)
    assert await driver.subnet_of(third.session_id) == a  # the lowest free /24 again


async def test_provisioning_a_session_twice_is_refused(driver: SimulatedDriver) -> None:
    p = three_machines()
    first = await driver.provision(p)
    with pytest.raises(SessionExists):
        await driver.provision(p)
    assert [s.resource_id for s in await driver.status(p.session_id)] == [
        h.resource_id for h in first
    ]


async def test_pause_and_resume(driver: SimulatedDriver) -> None:
    p = three_machines()
    handles = await driver.provision(p)
    await driver.pause(p.session_id)
    assert {s.state for s in await driver.status(p.session_id)} == {MachineState.PAUSED}
    await driver.pause(p.session_id)  # again: still paused, no error
    assert await driver.resume(p.session_id) == handles  # the same machines, re-read
    assert {s.state for s in await driver.status(p.session_id)} == {MachineState.RUNNING}
    assert await driver.resume(p.session_id) == handles  # not paused: nothing changes


async def test_pause_resume_of_an_unknown_session_raise(driver: SimulatedDriver) -> None:
    with pytest.raises(SessionNotFound):
        await driver.pause("nope")
    with pytest.raises(SessionNotFound):
        await driver.resume("nope")


async def test_destroy_is_idempotent(driver: SimulatedDriver) -> None:
    p = three_machines()
    await driver.provision(p)
    await driver.destroy(p.session_id)
    assert await driver.status(p.session_id) == []
    assert p.session_id not in await driver.list_owned()
    await driver.destroy(p.session_id)
    await driver.destroy("never-existed")


async def test_concurrent_destroys_are_safe(make: MakeDriver) -> None:
    sim = make(SimulatedDelays(destroy=0.01))
    p = three_machines()
    await sim.provision(replace(p))
    await asyncio.gather(*(sim.destroy(p.session_id) for _ in range(20)))
    assert await sim.list_owned() == {}


async def test_injected_provisioning_failure_names_the_machine_and_leaves_nothing(
    driver: SimulatedDriver,
) -> None:
    driver.fail_provision("db", "image pull back-off")
    p = three_machines()
    with pytest.raises(ProvisionFailed) as failed:
        await driver.provision(p)
    assert failed.value.machine == "db"
    assert failed.value.reason == "image pull back-off"
    assert "db" in str(failed.value)
    assert await driver.list_owned() == {}
    assert await driver.status(p.session_id) == []

    driver.clear_faults()
    assert len(await driver.provision(p)) == 3


async def test_a_fault_for_one_session_spares_the_others(driver: SimulatedDriver) -> None:
    doomed, fine = three_machines(), three_machines()
    driver.fail_provision("web", session_id=doomed.session_id)
    with pytest.raises(ProvisionFailed):
        await driver.provision(doomed)
    assert len(await driver.provision(fine)) == 3


async def test_a_cancelled_provisioning_leaves_nothing(make: MakeDriver) -> None:
    gate, sleeping = asyncio.Event(), asyncio.Event()

    async def blocking_sleep(seconds: float) -> None:
        sleeping.set()
        await gate.wait()

    sim = make(sleep=blocking_sleep)
    task = asyncio.create_task(sim.provision(three_machines()))
    await asyncio.wait_for(sleeping.wait(), 5)
    assert len(await sim.list_owned()) == 1  # the network is there while it provisions
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await sim.list_owned() == {}


async def test_operations_take_the_configured_time(make: MakeDriver) -> None:
    sleep = RecordingSleep()
    delays = SimulatedDelays(network=0.3, machine_start=2.0, pause=0.4, resume=0.5, destroy=0.6)
    sim = make(delays, sleep=sleep)
    p = three_machines()
    await sim.provision(p)
    assert sorted(sleep.calls) == [0.3, 2.0, 2.0, 2.0]  # machines start in parallel
    sleep.calls.clear()
    await sim.pause(p.session_id)
    await sim.resume(p.session_id)
    await sim.destroy(p.session_id)
    await sim.destroy(p.session_id)  # nothing left: no time taken
    assert sleep.calls == [0.4, 0.5, 0.6]


async def test_a_machine_lost_while_running_is_an_event(driver: SimulatedDriver) -> None:
    p = three_machines()
    handles = {h.name: h for h in await driver.provision(p)}
    events = driver.events()

    await driver.lose_machine(p.session_id, "web")
    await driver.lose_machine(p.session_id, "db", EventKind.OOM_KILLED)
    await driver.lose_machine(p.session_id, "attacker", EventKind.LOST)

    died, oom, lost = [await asyncio.wait_for(anext(events), 1) for _ in range(3)]
    assert (died.session_id, died.machine, died.kind, died.exit_code) == (
        p.session_id,
        "web",
        EventKind.DIED,
        137,
    )
    assert died.resource_id == handles["web"].resource_id
    assert died.at == FIXED
    assert (oom.machine, oom.kind) == ("db", EventKind.OOM_KILLED)
    assert (lost.machine, lost.kind) == ("attacker", EventKind.LOST)

    statuses = {s.name: s for s in await driver.status(p.session_id)}
    assert set(statuses) == {"web", "db"}  # the lost one is gone
    assert (statuses["web"].state, statuses["web"].exit_code) == (MachineState.EXITED, 137)
    assert statuses["db"].oom_killed


async def test_each_subscription_sees_every_event_and_ends_on_close(make: MakeDriver) -> None:
    sim = make(SimulatedDelays.none())
    p = plan(attacker())
    await sim.provision(p)
    first, second = sim.events(), sim.events()
    await sim.lose_machine(p.session_id, "attacker")
    assert (await anext(first)).machine == "attacker"
    assert (await anext(second)).machine == "attacker"
    await sim.close()
    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(anext(first), 1)


async def test_list_owned_groups_resources_by_session(driver: SimulatedDriver) -> None:
    a, b = three_machines(), plan(target("solo"))
    handles_a = await driver.provision(a)
    handles_b = await driver.provision(b)
    owned = await driver.list_owned()
    assert set(owned) == {a.session_id, b.session_id}
    assert {f"container:{h.resource_id}" for h in handles_a} < set(owned[a.session_id])
    assert sum(r.startswith("network:") for r in owned[a.session_id]) == 1
    assert len(owned[b.session_id]) == 2
    assert owned[b.session_id][1] == f"container:{handles_b[0].resource_id}"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"capabilities": ("SYS_ADMIN",)}, "capabilities ['SYS_ADMIN']"),
        ({"sysctls": {"kernel.core_pattern": "|/x"}}, "sysctls ['kernel.core_pattern']"),
        ({"sysctls": {"net.ipv4.ip_forward": "1;x"}}, "sysctls ['net.ipv4.ip_forward']"),
        ({"ulimits": {"nofile": 1_000_000}}, "ulimits ['nofile']"),
        ({"ulimits": {"core": 0}}, "ulimits ['core']"),
        ({"cpu": 4.0}, "cpu 4.0"),
        ({"memory_mib": 8192}, "memory 8192"),
        ({"name": "Bad_Name"}, "lowercase DNS label"),
        ({"environment": {"1X": "y"}}, "bad environment names"),
    ],
)
async def test_invalid_plans_are_refused_before_anything_exists(
    driver: SimulatedDriver, change: dict[str, object], problem: str
) -> None:
    bad = plan(replace(target("web"), **change))  # type: ignore[arg-type]
    with pytest.raises(InvalidPlan) as refused:
        await driver.provision(bad)
    assert problem in str(refused.value)
    assert await driver.list_owned() == {}


async def test_plan_level_rules(driver: SimulatedDriver) -> None:
    from rangex_graphql.orchestrator.protocol import EgressPolicy, PortSpec

    cases = {
        "not allowed": plan(target("web", ports=(PortSpec(23),))),
        "not unique": plan(target("web"), target("web")),
        "internet egress": plan(target("web", egress=EgressPolicy.INTERNET)),
        "session id": plan(target("web"), session_id="../x"),
        "more than 5 ports": plan(
            target("web", ports=tuple(PortSpec(p) for p in (22, 80, 443, 3000, 8080, 9090)))
        ),
    }
    for problem, bad in cases.items():
        with pytest.raises(InvalidPlan) as refused:
            await driver.provision(bad)
        assert problem in str(refused.value), problem
    reserved = replace(plan(target("web")), extra_labels={LABEL_SESSION: "other"})
    with pytest.raises(InvalidPlan, match="may not set"):
        await driver.provision(reserved)
    assert await driver.list_owned() == {}


async def test_a_session_whose_every_machine_is_lost_is_gone(driver: SimulatedDriver) -> None:
    p = plan(attacker(), target("web"))
    await driver.provision(p)
    await driver.lose_machine(p.session_id, "attacker", EventKind.LOST)
    await driver.lose_machine(p.session_id, "web", EventKind.LOST)

    assert await driver.status(p.session_id) == []
    assert p.session_id not in await driver.list_owned()
    with pytest.raises(SessionNotFound):
        await driver.lose_machine(p.session_id, "web")
    assert len(await driver.provision(p)) == 2  # a reset provisions the same id again
