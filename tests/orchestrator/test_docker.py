"""The Docker driver against a real, private Docker Engine (see conftest.py)."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiodocker
import pytest
from aiodocker.containers import DockerContainer
from aiodocker.exceptions import DockerError

from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import (
    LABEL_CREATOR,
    LABEL_MACHINE,
    LABEL_PROFILE,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SCENARIO_VERSION,
    LABEL_SESSION,
    EgressPolicy,
    EventKind,
    HealthcheckSpec,
    MachineHandle,
    MachineState,
    ProvisionFailed,
    SessionExists,
    SessionNotFound,
    SessionPlan,
)
from rangex_graphql.services.sessions.plan import startup_command
from tests.orchestrator.conftest import driver_config
from tests.orchestrator.plans import (
    HTTPD,
    attacker,
    hardened_router,
    plan,
    target,
    three_machines,
)
from tests.support.dockerd import INDEX_HTML, PrivateDockerd

MIB = 1024 * 1024
POOL = ipaddress.IPv4Network("172.16.0.0/12")


async def http_get(port: int, host: str = "127.0.0.1", within: float = 10) -> bytes:
    """The body of ``GET /`` once the server answers 200 (it may take a moment to listen)."""
    deadline = time.monotonic() + within
    last = ""
    while True:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            try:
                writer.write(b"GET / HTTP/1.0\r\nHost: lab\r\n\r\n")
                await writer.drain()
                response = await asyncio.wait_for(reader.read(), 5)
            finally:
                writer.close()
            head, _, body = response.partition(b"\r\n\r\n")
            if head.startswith(b"HTTP/1.") and b" 200 " in head.split(b"\r\n")[0] + b" ":
                return body
            last = repr(head[:80])
        except (OSError, TimeoutError) as exc:
            last = repr(exc)
        if time.monotonic() > deadline:
            raise AssertionError(f"no answer on {host}:{port}: {last}")
        await asyncio.sleep(0.1)


async def labelled(docker: aiodocker.Docker, label: str) -> tuple[list[str], list[str]]:
    """Ids of all containers and networks carrying ``label`` (key or key=value)."""
    containers = await docker.containers.list(all=True, filters=json.dumps({"label": [label]}))
    networks = await docker.networks.list(filters={"label": label})
    return sorted(c.id for c in containers), sorted(n["Id"] for n in networks)


async def run_in(docker: aiodocker.Docker, container_id: str, *cmd: str) -> tuple[int, bytes]:
    execution = await docker.containers.container(container_id).exec(list(cmd))
    output = b""
    async with execution.start(detach=False) as stream:
        while (message := await stream.read_out()) is not None:
            output += message.data
    return (await execution.inspect())["ExitCode"], output


async def engine_events(docker: aiodocker.Docker, since: float, session_id: str) -> list[str]:
    """The engine's own record of container actions on the session since ``since``."""
    params = {
        "since": f"{since:.6f}",
        "until": f"{time.time() + 0.5:.6f}",
        "filters": json.dumps({"type": ["container"], "label": [f"{LABEL_SESSION}={session_id}"]}),
    }
    async with docker._query("events", params=params) as response:
        text = await response.text()
    return [
        f"{e['Action']}:{e['Actor']['Attributes'].get(LABEL_MACHINE)}"
        for e in map(json.loads, text.splitlines())
    ]


@dataclass
class Provisioned:
    plan: SessionPlan
    handles: dict[str, MachineHandle]
    seconds: float


@pytest.fixture(scope="module")
async def three(private_dockerd: PrivateDockerd) -> AsyncIterator[Provisioned]:
    """One 3-machine session the read-only tests share (provisioning takes ~1 s)."""
    driver = DockerDriver(driver_config(private_dockerd))
    p = three_machines()
    started = time.perf_counter()
    try:
        handles = await driver.provision(p)
        yield Provisioned(p, {h.name: h for h in handles}, time.perf_counter() - started)
    finally:
        await driver.destroy(p.session_id)
        await driver.close()


async def test_attacker_port_is_published_on_localhost(three: Provisioned) -> None:
    attacker_handle = three.handles["attacker"]
    published = attacker_handle.published_port(80)
    assert published is not None
    assert published.host_ip == "127.0.0.1"
    assert published.host_port > 0
    assert await http_get(published.host_port) == INDEX_HTML
    assert three.handles["web"].published == ()
    assert three.handles["db"].published == ()
    assert three.seconds < 20


async def test_containers_carry_labels_limits_and_hardening(
    three: Provisioned, docker_api: aiodocker.Docker
) -> None:
    expected = {
        "attacker": (0.5, 64, 128, "attacker", "small", {"NET_BIND_SERVICE"}),
        "web": (0.25, 32, 64, "internal", "micro", set()),
        "db": (0.25, 32, 64, "internal", "micro", set()),
    }
    for name, (cpu, mib, pids, role, profile, cap_add) in expected.items():
        info = await docker_api.containers.container(three.handles[name].resource_id).show()
        labels = info["Config"]["Labels"]
        assert labels[LABEL_SESSION] == three.plan.session_id
        assert labels[LABEL_SCENARIO] == "web-breach"
        assert labels[LABEL_CREATOR] == "creator-7"
        assert labels[LABEL_SCENARIO_VERSION] == "3"
        assert labels[LABEL_ROLE] == role
        assert labels[LABEL_PROFILE] == profile
        assert labels[LABEL_MACHINE] == name
        host = info["HostConfig"]
        assert host["NanoCpus"] == int(cpu * 1e9)
        assert host["Memory"] == mib * MIB
        assert host["MemorySwap"] == mib * MIB
        assert host["PidsLimit"] == pids
        assert host["Init"] is True
        assert host["CapDrop"] == ["ALL"]
        assert {c.removeprefix("CAP_") for c in host["CapAdd"] or []} == cap_add
        assert host["SecurityOpt"] == ["no-new-privileges"]
        assert host["Privileged"] is False
        assert not host.get("Binds")
        assert info["Mounts"] == []
        assert info["Config"]["Hostname"] == name
        assert info["State"]["Running"] is True
    attacker_env = (
        await docker_api.containers.container(three.handles["attacker"].resource_id).show()
    )["Config"]["Env"]
    assert "RANGEX_ROLE=attacker" in attacker_env


async def test_group_networks_are_internal_slash24s_from_the_pool(
    three: Provisioned, docker_api: aiodocker.Docker
) -> None:
    """The attacker's group (default) and the targets' (lan) get a network each; the
    attacker joins lan's too (its machines are reachable from the attacker)."""
    networks = await docker_api.networks.list(
        filters={"label": f"{LABEL_SESSION}={three.plan.session_id}"}
    )
    by_name = {n["Name"].removeprefix(f"rangex-{three.plan.session_id}-"): n for n in networks}
    assert set(by_name) == {"a-default", "a-lan", "access"}
    subnets = {}
    for key, size in (("a-default", 1), ("a-lan", 3)):
        info = await (await docker_api.networks.get(by_name[key]["Id"])).show()
        assert info["Internal"] is True
        assert info["Labels"]["rangex.network-role"] == "open"
        subnet = ipaddress.IPv4Network(info["IPAM"]["Config"][0]["Subnet"])
        assert subnet.prefixlen == 24
        assert subnet.subnet_of(POOL)
        assert info["Labels"][LABEL_SCENARIO] == "web-breach"
        assert len(info["Containers"]) == size
        subnets[key] = subnet
    assert subnets["a-default"] != subnets["a-lan"]
    for name, handle in three.handles.items():  # each address on its home network
        assert handle.address is not None
        home = subnets["a-default" if name == "attacker" else "a-lan"]
        assert ipaddress.IPv4Address(handle.address) in home
    by_role = {n["Labels"]["rangex.network-role"]: n for n in networks}
    # Docker publishes no port of a container on internal networks only: the attacker
    # (alone) also sits on a small access network, which does not masquerade.
    access_info = await (await docker_api.networks.get(by_role["access"]["Id"])).show()
    assert access_info["Internal"] is False
    assert access_info["Options"]["com.docker.network.bridge.enable_ip_masquerade"] == "false"
    assert ipaddress.IPv4Network(access_info["IPAM"]["Config"][0]["Subnet"]).subnet_of(POOL)
    access_members = list(access_info["Containers"])
    assert access_members == [three.handles["attacker"].resource_id]


async def test_machines_reach_each_other_on_the_session_network(
    three: Provisioned, docker_api: aiodocker.Docker
) -> None:
    for source, dest in (("attacker", "web"), ("web", "db")):
        address = three.handles[dest].address
        assert address is not None
        request = f"printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 {address} 80"
        code, output = await run_in(
            docker_api, three.handles[source].resource_id, "sh", "-c", request
        )
        assert code == 0
        assert output.startswith(b"HTTP/1.1 200 OK")
        assert output.endswith(INDEX_HTML)
    # Each is known by its name there (the engine's DNS needs iptables, off in tests).
    network = f"rangex-{three.plan.session_id}-a-lan"
    for name, handle in three.handles.items():
        info = await docker_api.containers.container(handle.resource_id).show()
        assert name in info["NetworkSettings"]["Networks"][network]["Aliases"]


async def test_capabilities_sysctls_ulimits_and_startup_commands_reach_the_container(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    p = plan(hardened_router())
    (handle,) = await docker_driver.provision(p)
    try:
        info = await docker_api.containers.container(handle.resource_id).show()
        host = info["HostConfig"]
        assert host["CapDrop"] == ["ALL"]
        caps = {c.removeprefix("CAP_") for c in host["CapAdd"]}
        assert caps == {"NET_ADMIN", "NET_RAW", "SYS_PTRACE"}
        assert host["Sysctls"] == {"net.ipv4.ip_forward": "1", "net.ipv4.conf.all.rp_filter": "0"}
        assert host["Ulimits"] == [
            {"Name": "nofile", "Soft": 4096, "Hard": 4096},
            {"Name": "nproc", "Soft": 100, "Hard": 100},
        ]
        assert host["Privileged"] is False
        assert host["NetworkMode"] == f"rangex-{p.session_id}-a-lan"
        assert info["Mounts"] == []
        assert info["Config"]["Cmd"][:2] == ["/bin/sh", "-c"]
        checks = (
            "cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/all/rp_filter"
            " /tmp/started; ulimit -n; grep CapEff /proc/1/status"
        )
        code, output = await run_in(docker_api, handle.resource_id, "sh", "-c", checks)
        assert code == 0, output
        lines = output.decode().split()
        assert lines[:4] == ["1", "0", "started", "4096"]
        # NET_ADMIN (12), NET_RAW (13) and SYS_PTRACE (19) in the effective set, no other.
        assert int(lines[-1], 16) == (1 << 12) | (1 << 13) | (1 << 19)
        # The startup commands ended by exec-ing the service, which answers.
        request = "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 127.0.0.1 80"
        code, output = await run_in(docker_api, handle.resource_id, "sh", "-c", request)
        assert output.startswith(b"HTTP/1.1 200 OK"), output
    finally:
        await docker_driver.destroy(p.session_id)


async def test_a_machine_with_a_healthcheck_runs_once_healthy(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    # Ready one second after start: provisioning waits for the engine to see it healthy.
    ready = startup_command(["(sleep 1; touch /tmp/ready) &", " ".join(("exec", *HTTPD))])
    check = HealthcheckSpec("test -f /tmp/ready", interval=1, timeout=1, retries=3)
    p = plan(target("web", command=ready, healthcheck=check))
    started = time.monotonic()
    (handle,) = await docker_driver.provision(p)
    try:
        assert time.monotonic() - started >= 1
        info = await docker_api.containers.container(handle.resource_id).show()
        assert info["State"]["Health"]["Status"] == "healthy"
        assert info["Config"]["Healthcheck"] == {
            "Test": ["CMD-SHELL", "test -f /tmp/ready"],
            "Interval": 1_000_000_000,
            "Timeout": 1_000_000_000,
            "Retries": 3,
        }
        ((web_status),) = await docker_driver.status(p.session_id)
        assert web_status.state is MachineState.RUNNING
        # Unhealthy again: the engine's view of it is no longer running.
        await run_in(docker_api, handle.resource_id, "rm", "/tmp/ready")
        deadline = time.monotonic() + 15
        while (await docker_driver.status(p.session_id))[0].state is MachineState.RUNNING:
            assert time.monotonic() < deadline, "still running though unhealthy"
            await asyncio.sleep(0.25)
        (status,) = await docker_driver.status(p.session_id)
        assert (status.state, status.detail) == (MachineState.PENDING, "health: unhealthy")
    finally:
        await docker_driver.destroy(p.session_id)


async def test_a_machine_that_never_gets_healthy_fails_its_provisioning(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    check = HealthcheckSpec("false", interval=1, timeout=1, retries=1)
    p = plan(attacker(), target("web", healthcheck=check))
    with pytest.raises(ProvisionFailed, match="unhealthy before healthy") as failed:
        await docker_driver.provision(p)
    assert failed.value.machine == "web"
    assert await labelled(docker_api, f"{LABEL_SESSION}={p.session_id}") == ([], [])


async def test_status_and_a_second_provisioning_of_the_session(
    three: Provisioned, docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    statuses = await docker_driver.status(three.plan.session_id)
    assert [(s.name, s.state) for s in statuses] == [
        ("attacker", MachineState.RUNNING),
        ("db", MachineState.RUNNING),
        ("web", MachineState.RUNNING),
    ]
    assert {s.resource_id for s in statuses} == {h.resource_id for h in three.handles.values()}
    before = await labelled(docker_api, f"{LABEL_SESSION}={three.plan.session_id}")
    with pytest.raises(SessionExists):
        await docker_driver.provision(three.plan)
    assert await labelled(docker_api, f"{LABEL_SESSION}={three.plan.session_id}") == before


async def test_list_owned_finds_everything_by_label(
    three: Provisioned, docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    other = plan(target("solo"))
    solo = await docker_driver.provision(other)
    owned = await docker_driver.list_owned()
    for session_id, count in ((three.plan.session_id, 6), (other.session_id, 2)):
        containers, networks = await labelled(docker_api, f"{LABEL_SESSION}={session_id}")
        assert sorted(owned[session_id]) == sorted(
            [f"container:{c}" for c in containers] + [f"network:{n}" for n in networks]
        )
        assert len(owned[session_id]) == count  # 3 + 2 groups + access; 1 + its group
    assert f"container:{solo[0].resource_id}" in owned[other.session_id]
    await docker_driver.destroy(other.session_id)
    assert other.session_id not in await docker_driver.list_owned()


async def test_internet_egress_is_for_the_machines_that_have_it(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    p = plan(attacker(egress=EgressPolicy.INTERNET), target("web"), allow_egress=True)
    attacker_handle, web = await docker_driver.provision(p)
    networks = {
        n["Labels"]["rangex.network-role"]: await (await docker_api.networks.get(n["Id"])).show()
        for n in await docker_api.networks.list(
            filters={"label": f"{LABEL_SESSION}={p.session_id}"}
        )
    }
    assert set(networks) == {"open", "egress"}  # the attacker publishes on egress
    assert networks["open"]["Internal"] is True
    assert networks["egress"]["Internal"] is False
    assert "com.docker.network.bridge.enable_ip_masquerade" not in networks["egress"]["Options"]
    # No traffic between its members: it joins no network groups together.
    assert networks["egress"]["Options"]["com.docker.network.bridge.enable_icc"] == "false"
    assert list(networks["egress"]["Containers"]) == [attacker_handle.resource_id]
    assert web.resource_id not in networks["egress"]["Containers"]
    published = attacker_handle.published_port(80)
    assert published is not None
    assert await http_get(published.host_port) == INDEX_HTML


async def test_pause_and_resume(docker_driver: DockerDriver, docker_api: aiodocker.Docker) -> None:
    p = plan(attacker(), target("web"))
    handles = await docker_driver.provision(p)

    await docker_driver.pause(p.session_id)
    for handle in handles:
        state = (await docker_api.containers.container(handle.resource_id).show())["State"]
        assert state["Paused"] is True
    assert {s.state for s in await docker_driver.status(p.session_id)} == {MachineState.PAUSED}
    await docker_driver.pause(p.session_id)  # already paused: fine

    resumed = await docker_driver.resume(p.session_id)
    assert resumed == sorted(handles, key=lambda h: h.name)  # unpaused: ids, addresses kept
    for handle in handles:
        state = (await docker_api.containers.container(handle.resource_id).show())["State"]
        assert (state["Paused"], state["Running"]) == (False, True)
    assert {s.state for s in await docker_driver.status(p.session_id)} == {MachineState.RUNNING}
    published = handles[0].published_port(80)
    assert published is not None
    assert await http_get(published.host_port) == INDEX_HTML

    with pytest.raises(SessionNotFound):
        await docker_driver.pause("t-no-such-session")
    with pytest.raises(SessionNotFound):
        await docker_driver.resume("t-no-such-session")


async def test_destroy_leaves_nothing_and_is_idempotent(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    p = three_machines()
    await docker_driver.provision(p)
    await docker_driver.pause(p.session_id)  # a paused session goes too
    label = f"{LABEL_SESSION}={p.session_id}"
    containers, networks = await labelled(docker_api, label)
    assert (len(containers), len(networks)) == (3, 3)

    started = time.perf_counter()
    await docker_driver.destroy(p.session_id)
    assert time.perf_counter() - started < 15
    assert await labelled(docker_api, label) == ([], [])
    assert await docker_driver.status(p.session_id) == []
    await docker_driver.destroy(p.session_id)
    await docker_driver.destroy("t-never-existed")


async def test_a_missing_image_fails_midway_and_leaves_nothing(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    since = time.time()
    p = plan(attacker(), target("web"), target("broken", image="localhost/rangex-missing:latest"))
    with pytest.raises(ProvisionFailed) as failed:
        await docker_driver.provision(p)
    assert failed.value.machine == "broken"
    assert "rangex-missing" in failed.value.reason
    assert await labelled(docker_api, f"{LABEL_SESSION}={p.session_id}") == ([], [])
    # The other machines had been created, and were removed again.
    actions = await engine_events(docker_api, since, p.session_id)
    for machine in ("attacker", "web"):
        assert f"create:{machine}" in actions
        assert f"destroy:{machine}" in actions


async def test_a_start_failure_removes_the_machines_already_running(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_start = DockerContainer.start

    async def start(container: DockerContainer, **params: Any) -> None:
        info = await container.show()
        if info["Config"]["Labels"][LABEL_MACHINE] == "web":
            await asyncio.sleep(0.3)  # the others are up and running by then
            raise DockerError(500, "simulated: cannot start container")
        await real_start(container, **params)

    monkeypatch.setattr(DockerContainer, "start", start)
    since = time.time()
    p = plan(attacker(), target("web"), target("db"))
    with pytest.raises(ProvisionFailed) as failed:
        await docker_driver.provision(p)
    assert failed.value.machine == "web"
    assert "cannot start container" in failed.value.reason
    assert await labelled(docker_api, f"{LABEL_SESSION}={p.session_id}") == ([], [])
    actions = await engine_events(docker_api, since, p.session_id)
    for machine in ("attacker", "db"):
        assert f"start:{machine}" in actions
        assert f"destroy:{machine}" in actions
    assert "start:web" not in actions

    monkeypatch.setattr(DockerContainer, "start", real_start)
    assert len(await docker_driver.provision(p)) == 3  # afresh, once the engine behaves


async def test_a_killed_machine_is_a_died_event_and_destroy_is_quiet(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    quiet, victim = plan(target("web")), plan(target("web"), target("db"))
    _, (victim_web, _) = await asyncio.gather(
        docker_driver.provision(quiet), docker_driver.provision(victim)
    )
    events = docker_driver.events()
    try:
        await docker_driver.destroy(quiet.session_id)  # our own doing: no event
        await docker_api.containers.container(victim_web.resource_id).kill()
        event = await asyncio.wait_for(anext(events), 15)
    finally:
        await events.aclose()  # type: ignore[attr-defined]
    assert (event.session_id, event.machine, event.kind) == (
        victim.session_id,
        "web",
        EventKind.DIED,
    )
    assert event.resource_id == victim_web.resource_id
    assert event.exit_code == 137
    statuses = {s.name: s for s in await docker_driver.status(victim.session_id)}
    assert (statuses["web"].state, statuses["web"].exit_code) == (MachineState.EXITED, 137)
    assert statuses["db"].state is MachineState.RUNNING


async def test_twenty_concurrent_destroys_from_two_servers_are_safe(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker, private_dockerd: PrivateDockerd
) -> None:
    p = three_machines()
    await docker_driver.provision(p)
    replica = DockerDriver(driver_config(private_dockerd))  # no shared locks
    try:
        results = await asyncio.gather(
            *((docker_driver if i % 2 else replica).destroy(p.session_id) for i in range(20)),
            return_exceptions=True,
        )
    finally:
        await replica.close()
    assert [r for r in results if r is not None] == []
    assert await labelled(docker_api, f"{LABEL_SESSION}={p.session_id}") == ([], [])


async def test_a_cancelled_provisioning_leaves_nothing(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def start_never(container: DockerContainer, **params: Any) -> None:
        await asyncio.Event().wait()  # a start that hangs until cancelled

    monkeypatch.setattr(DockerContainer, "start", start_never)
    p = three_machines()
    label = f"{LABEL_SESSION}={p.session_id}"
    task = asyncio.create_task(docker_driver.provision(p))
    deadline = time.monotonic() + 15
    while len((await labelled(docker_api, label))[0]) < 3:  # all created, none started
        assert time.monotonic() < deadline, "the containers were never created"
        await asyncio.sleep(0.02)
    assert not task.done()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await docker_driver.close()  # waits for the clean-up the cancellation started
    assert await labelled(docker_api, label) == ([], [])


async def test_event_streams_end_when_the_driver_closes(docker_driver: DockerDriver) -> None:
    events = docker_driver.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0.3)  # connected and waiting
    assert not pending.done()
    await docker_driver.close()
    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(pending, 5)
