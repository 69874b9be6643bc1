"""The ECS Fargate driver against moto's server (see conftest.py and support/moto_server.py).

moto is faithful for VPCs, security groups and their rules, clusters, task definitions,
tasks and tags; what it does not model (Fargate sizes, DependencyViolation, the way to
RUNNING) is in test_ecs_unit.py.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import pytest

from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.orchestrator.ecs.tags import (
    CONTENT_LABELS,
    TAG_GROUP_ROLE,
    TAG_PAUSED,
    TAG_PUBLISHED,
    TAG_TASK_DEFINITION,
)
from rangex_graphql.orchestrator.ecs.task_definitions import DEFAULT_CAPABILITIES
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_SESSION,
    EgressPolicy,
    EngineUnavailable,
    EventKind,
    HealthcheckSpec,
    InvalidPlan,
    MachineState,
    OperationFailed,
    ProvisionFailed,
    PublishedPort,
    SessionExists,
    SessionNotFound,
    SessionPlan,
)
from tests.orchestrator.conftest import INGRESS_CIDR, ecs_config
from tests.orchestrator.plans import (
    HTTPD,
    attacker,
    hardened_router,
    plan,
    target,
    three_machines,
)
from tests.support.dockerd import IMAGE
from tests.support.moto_server import (
    MOTO_WARNINGS,
    EcsEnvironment,
    aws_clients,
    aws_session,
    vanish_task,
)

pytestmark = pytest.mark.filterwarnings(MOTO_WARNINGS)

Json = dict[str, Any]
BAD_SUBNET = "subnet-0badbadbadbad0000"
#: The machines' own security groups of ``three_machines()``, by role tag.
THREE_NETS = ("net-attacker", "net-web", "net-db")


def tags_of(resource: Json) -> dict[str, str]:
    raw = resource.get("tags") or resource.get("Tags") or []
    return {t.get("key", t.get("Key")): t.get("value", t.get("Value")) for t in raw}


async def session_tasks(
    aws: tuple[Any, Any], env: EcsEnvironment, session_id: str, desired: str = "RUNNING"
) -> dict[str, Json]:
    """The session's tasks by ARN, as ECS lists them (by tag, not by the driver's means)."""
    ecs, _ = aws
    arns = (await ecs.list_tasks(cluster=env.cluster, desiredStatus=desired))["taskArns"]
    if not arns:
        return {}
    tasks = (await ecs.describe_tasks(cluster=env.cluster, tasks=arns, include=["TAGS"]))["tasks"]
    return {t["taskArn"]: t for t in tasks if tags_of(t).get(LABEL_SESSION) == session_id}


def by_machine(tasks: dict[str, Json]) -> dict[str, Json]:
    return {tags_of(t)[LABEL_MACHINE]: t for t in tasks.values()}


async def session_groups(aws: tuple[Any, Any], session_id: str) -> dict[str, Json]:
    """The session's security groups by their role tag."""
    _, ec2 = aws
    groups = (
        await ec2.describe_security_groups(
            Filters=[{"Name": f"tag:{LABEL_SESSION}", "Values": [session_id]}]
        )
    )["SecurityGroups"]
    return {tags_of(g)[TAG_GROUP_ROLE]: g for g in groups}


async def interface_groups(aws: tuple[Any, Any], task: Json) -> set[str]:
    """The security groups on the task's network interface."""
    _, ec2 = aws
    details = {d["name"]: d["value"] for d in task["attachments"][0]["details"]}
    eni = (
        await ec2.describe_network_interfaces(NetworkInterfaceIds=[details["networkInterfaceId"]])
    )["NetworkInterfaces"][0]
    return {g["GroupId"] for g in eni["Groups"]}


def private_ip(task: Json) -> str:
    details = {d["name"]: d["value"] for d in task["attachments"][0]["details"]}
    return str(details["privateIPv4Address"])


def rules(permissions: list[Json]) -> list[tuple[str, int | None, int | None, tuple[str, ...]]]:
    """Security group rules as (protocol, from, to, sources) tuples, sorted."""
    return sorted(
        (
            p["IpProtocol"],
            p.get("FromPort"),
            p.get("ToPort"),
            tuple(
                sorted(
                    [r["CidrIp"] for r in p.get("IpRanges", [])]
                    + [r["CidrIpv6"] for r in p.get("Ipv6Ranges", [])]
                    + [g["GroupId"] for g in p.get("UserIdGroupPairs", [])]
                )
            ),
        )
        for p in permissions
    )


def expected_labels(p: SessionPlan, name: str) -> dict[str, str]:
    spec = next(m for m in p.machines if m.name == name)
    return p.machine_labels(spec)


# -- provisioning ---------------------------------------------------------------------


async def test_three_machines_run_as_tagged_fargate_tasks(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines()
    started = time.perf_counter()
    handles = await ecs_driver.provision(p)
    assert time.perf_counter() - started < 10
    assert [h.name for h in handles] == ["attacker", "web", "db"]

    tasks = await session_tasks(aws, ecs_env, p.session_id)
    machines = by_machine(tasks)
    assert set(machines) == {"attacker", "web", "db"}
    groups = await session_groups(aws, p.session_id)
    for handle in handles:
        task = machines[handle.name]
        assert handle.resource_id == task["taskArn"]
        assert handle.address == private_ip(task)
        assert task["lastStatus"] == "RUNNING"
        assert task["launchType"] == "FARGATE"
        assert task["startedBy"] == ecs_driver.started_by(p.session_id)
        tags = tags_of(task)
        assert tags.items() >= expected_labels(p, handle.name).items()  # every label
        assert tags["rangex.test"] == "orchestrator"
        assert len(tags[LABEL_PROVISION]) == 32
        wanted_groups = {groups["session"]["GroupId"], groups[f"net-{handle.name}"]["GroupId"]}
        if handle.name == "attacker":
            wanted_groups.add(groups["access"]["GroupId"])
        assert await interface_groups(aws, task) == wanted_groups
    assert handles[0].published == (PublishedPort(80, "tcp", handles[0].address or "", 80),)
    assert handles[1].published == handles[2].published == ()


async def test_task_definitions_are_fargate_sized_and_hardened(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    ecs, _ = aws
    p = three_machines()
    await ecs_driver.provision(p)
    machines = by_machine(await session_tasks(aws, ecs_env, p.session_id))
    expected = {  # machine: (task cpu, task memory, container memory, nproc, capabilities)
        "attacker": (
            "512",
            "1024",
            64,
            128,
            {"drop": sorted(DEFAULT_CAPABILITIES - {"NET_BIND_SERVICE"})},
        ),
        "web": ("256", "512", 32, 64, {"drop": ["ALL"]}),
        "db": ("256", "512", 32, 64, {"drop": ["ALL"]}),
    }
    for name, (cpu, memory, limit, nproc, capabilities) in expected.items():
        described = await ecs.describe_task_definition(
            taskDefinition=machines[name]["taskDefinitionArn"], include=["TAGS"]
        )
        definition = described["taskDefinition"]
        assert definition["family"].startswith(f"rangex-{name}-")
        assert (definition["cpu"], definition["memory"]) == (cpu, memory)
        assert definition["networkMode"] == "awsvpc"
        assert definition["requiresCompatibilities"] == ["FARGATE"]
        (container,) = definition["containerDefinitions"]
        assert container["image"] == IMAGE
        assert container["memory"] == limit
        assert container["command"] == list(HTTPD)
        assert container["linuxParameters"] == {
            "capabilities": capabilities,
            "initProcessEnabled": True,
        }
        assert "add" not in container["linuxParameters"]["capabilities"]  # Fargate: no adds
        assert container["readonlyRootFilesystem"] is False
        assert container.get("privileged") in (None, False)
        assert container["ulimits"] == [{"name": "nproc", "softLimit": nproc, "hardLimit": nproc}]
        assert [m["containerPort"] for m in container["portMappings"]] == [80]
        # The task definition is shared by content: content labels only, no session.
        tags = tags_of(described)
        assert set(tags) == set(CONTENT_LABELS)
        assert tags[LABEL_MACHINE] == name
        assert LABEL_SESSION not in tags
    attacker_env = (
        await ecs.describe_task_definition(taskDefinition=machines["attacker"]["taskDefinitionArn"])
    )["taskDefinition"]["containerDefinitions"][0]["environment"]
    assert attacker_env == [{"name": "RANGEX_ROLE", "value": "attacker"}]
    assert tags_of(machines["attacker"])[TAG_PUBLISHED] == "80/tcp"
    assert tags_of(machines["web"])[TAG_PUBLISHED] == "none"


async def test_capabilities_sysctls_ulimits_and_startup_commands_reach_the_task_definition(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    ecs, _ = aws
    check = HealthcheckSpec("wget -q -O- http://127.0.0.1/", 10, 3, 2, 5)
    router = replace(hardened_router(), capabilities=("NET_RAW", "SYS_PTRACE"), healthcheck=check)
    p = plan(router)
    await ecs_driver.provision(p)
    (task,) = (await session_tasks(aws, ecs_env, p.session_id)).values()
    described = await ecs.describe_task_definition(taskDefinition=task["taskDefinitionArn"])
    (container,) = described["taskDefinition"]["containerDefinitions"]
    assert container["linuxParameters"]["capabilities"] == {
        "drop": sorted(DEFAULT_CAPABILITIES - {"NET_RAW"}),
        "add": ["SYS_PTRACE"],  # the one capability Fargate lets a task add
    }
    assert container["systemControls"] == [
        {"namespace": "net.ipv4.conf.all.rp_filter", "value": "0"},
        {"namespace": "net.ipv4.ip_forward", "value": "1"},
    ]
    assert container["ulimits"] == [  # nproc never above the pids limit (64)
        {"name": "nofile", "softLimit": 4096, "hardLimit": 4096},
        {"name": "nproc", "softLimit": 64, "hardLimit": 64},
    ]
    assert container["healthCheck"] == {
        "command": ["CMD-SHELL", "wget -q -O- http://127.0.0.1/"],
        "interval": 10,
        "timeout": 3,
        "retries": 2,
        "startPeriod": 5,
    }
    assert container["command"][:2] == ["/bin/sh", "-c"]
    assert container["command"][2].startswith("set -e\necho started > /tmp/started\nexec httpd")
    # NET_ADMIN is allowed on Docker, but Fargate cannot add it: refused before any call.
    with pytest.raises(InvalidPlan, match=r"Fargate cannot add \['NET_ADMIN'\]"):
        await ecs_driver.provision(plan(hardened_router()))
    quick = HealthcheckSpec("true", interval=1, timeout=1)  # fine on Docker, not on ECS
    with pytest.raises(InvalidPlan, match="ECS healthchecks take an interval of 5-300 s"):
        await ecs_driver.provision(plan(replace(router, healthcheck=quick)))


async def test_task_definitions_are_reused_by_content(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    ecs, _ = aws
    first, second = three_machines(), three_machines()
    await ecs_driver.provision(first)
    registered = set((await ecs.list_task_definitions())["taskDefinitionArns"])
    await ecs_driver.provision(second)
    assert set((await ecs.list_task_definitions())["taskDefinitionArns"]) == registered
    first_defs = {
        m: t["taskDefinitionArn"]
        for m, t in by_machine(await session_tasks(aws, ecs_env, first.session_id)).items()
    }
    second_defs = {
        m: t["taskDefinitionArn"]
        for m, t in by_machine(await session_tasks(aws, ecs_env, second.session_id)).items()
    }
    assert first_defs == second_defs
    assert len(set(first_defs.values())) == 3
    # Other content, another family.
    changed = plan(target("web", environment={"FLAG": "x"}))
    await ecs_driver.provision(changed)
    (task,) = (await session_tasks(aws, ecs_env, changed.session_id)).values()
    assert task["taskDefinitionArn"] not in registered


async def test_security_groups_admit_the_learners_and_the_session_only(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines()
    await ecs_driver.provision(p)
    groups = await session_groups(aws, p.session_id)
    # No machine has internet egress; a group of its own per machine.
    assert set(groups) == {"session", "access", *THREE_NETS}
    session, access = groups["session"], groups["access"]
    sid = session["GroupId"]
    assert session["GroupName"] == f"rangex-{p.session_id}"
    assert access["GroupName"] == f"rangex-{p.session_id}-access"
    # Session: egress to its members only, no ingress (the machines' own groups say who).
    assert session["IpPermissions"] == []
    assert rules(session["IpPermissionsEgress"]) == [("-1", None, None, (sid,))]
    net = {name: groups[f"net-{name}"]["GroupId"] for name in ("attacker", "web", "db")}
    for name, sources in (
        ("attacker", ("web", "db")),
        ("web", ("attacker", "db")),
        ("db", ("attacker", "web")),
    ):
        group = groups[f"net-{name}"]
        assert group["GroupName"] == f"rangex-{p.session_id}-net-{name}"
        assert rules(group["IpPermissions"]) == [
            ("-1", None, None, tuple(sorted(net[s] for s in sources)))
        ]
        assert group["IpPermissionsEgress"] == []
    # Access: the learners' CIDR on the published port only; no egress of its own.
    assert rules(access["IpPermissions"]) == [("tcp", 80, 80, (INGRESS_CIDR,))]
    assert access["IpPermissionsEgress"] == []
    for group in (session, access):
        assert tags_of(group).items() >= p.session_labels().items()
    anchor = tags_of(session)
    assert anchor[TAG_PAUSED] == "false"
    machines = by_machine(await session_tasks(aws, ecs_env, p.session_id))
    recorded = {
        k.removeprefix(TAG_TASK_DEFINITION): v
        for k, v in anchor.items()
        if k.startswith(TAG_TASK_DEFINITION)
    }
    assert recorded == {name: task["taskDefinitionArn"] for name, task in machines.items()}


async def test_internet_egress_is_for_the_machines_that_have_it(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = plan(attacker(egress=EgressPolicy.INTERNET), target("web"), allow_egress=True)
    await ecs_driver.provision(p)
    groups = await session_groups(aws, p.session_id)
    assert set(groups) == {"session", "access", "egress", "net-attacker", "net-web"}
    assert rules(groups["egress"]["IpPermissionsEgress"]) == [("-1", None, None, ("0.0.0.0/0",))]
    assert groups["egress"]["IpPermissions"] == []
    machines = by_machine(await session_tasks(aws, ecs_env, p.session_id))
    ids = {role: g["GroupId"] for role, g in groups.items()}
    assert await interface_groups(aws, machines["attacker"]) == set(ids.values()) - {ids["net-web"]}
    assert await interface_groups(aws, machines["web"]) == {ids["session"], ids["net-web"]}


async def test_status_and_a_second_provisioning_of_the_session(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines()
    handles = await ecs_driver.provision(p)
    statuses = await ecs_driver.status(p.session_id)
    assert [(s.name, s.state) for s in statuses] == [
        ("attacker", MachineState.RUNNING),
        ("db", MachineState.RUNNING),
        ("web", MachineState.RUNNING),
    ]
    assert {s.resource_id for s in statuses} == {h.resource_id for h in handles}
    tasks_before = set(await session_tasks(aws, ecs_env, p.session_id))
    groups_before = {g["GroupId"] for g in (await session_groups(aws, p.session_id)).values()}
    with pytest.raises(SessionExists):
        await ecs_driver.provision(p)
    assert set(await session_tasks(aws, ecs_env, p.session_id)) == tasks_before
    assert {
        g["GroupId"] for g in (await session_groups(aws, p.session_id)).values()
    } == groups_before
    assert await ecs_driver.status("t-no-such-session") == []


async def test_two_servers_provisioning_one_session_at_once(
    ecs_driver: EcsDriver,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replica = EcsDriver(ecs_config(ecs_env), session=aws_session())  # no shared locks
    both_checked = asyncio.Barrier(2)
    for driver in (ecs_driver, replica):  # both find nothing, then both create

        async def provision_after_check(*args: Any, _real: Any = driver._provision) -> Any:
            await both_checked.wait()
            return await _real(*args)

        monkeypatch.setattr(driver, "_provision", provision_after_check)
    p = three_machines()
    try:
        results = await asyncio.gather(
            ecs_driver.provision(p), replica.provision(p), return_exceptions=True
        )
    finally:
        await replica.close()
    winners = [r for r in results if isinstance(r, list)]
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(winners) == 1
    assert len(losers) == 1
    assert isinstance(losers[0], SessionExists)
    assert "InvalidGroup.Duplicate" in str(losers[0].__cause__)  # lost the race to AWS
    # The loser's clean-up took nothing of the winner's.
    assert set(await session_tasks(aws, ecs_env, p.session_id)) == {
        h.resource_id for h in winners[0]
    }
    groups = await session_groups(aws, p.session_id)
    assert set(groups) == {"session", "access", *THREE_NETS}
    running = next(iter((await session_tasks(aws, ecs_env, p.session_id)).values()))
    assert {tags_of(g)[LABEL_PROVISION] for g in groups.values()} == {
        tags_of(running)[LABEL_PROVISION]
    }


async def test_concurrent_destroys_from_two_servers_are_safe(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines()
    await ecs_driver.provision(p)
    replica = EcsDriver(ecs_config(ecs_env), session=aws_session())
    try:
        results = await asyncio.gather(
            *((ecs_driver if i % 2 else replica).destroy(p.session_id) for i in range(10)),
            return_exceptions=True,
        )
    finally:
        await replica.close()
    assert [r for r in results if r is not None] == []
    assert await session_tasks(aws, ecs_env, p.session_id) == {}
    assert await session_groups(aws, p.session_id) == {}


# -- failures -------------------------------------------------------------------------


@asynccontextmanager
async def subnet_broken_for(env: EcsEnvironment, machine: str) -> AsyncIterator[tuple[Any, Any]]:
    """Clients whose RunTask for ``machine`` names a subnet that does not exist."""

    def handler(params: Json, **_: Any) -> None:
        if tags_of(params).get(LABEL_MACHINE) == machine:
            params["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = [BAD_SUBNET]

    async with aws_clients(env.url) as (ecs, ec2):
        ecs.meta.events.register("before-parameter-build.ecs.RunTask", handler)
        yield ecs, ec2


async def test_a_failure_midway_leaves_no_task_and_no_group(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines()
    async with subnet_broken_for(ecs_env, "db") as clients:
        broken = EcsDriver(ecs_config(ecs_env), clients=clients)
        try:
            with pytest.raises(ProvisionFailed) as failed:
                await broken.provision(p)
        finally:
            await broken.close()
    assert failed.value.machine == "db"
    assert "InvalidSubnetID.NotFound" in failed.value.reason
    assert await session_tasks(aws, ecs_env, p.session_id) == {}
    assert await session_groups(aws, p.session_id) == {}
    # The others had been started, and were stopped again.
    stopped = by_machine(await session_tasks(aws, ecs_env, p.session_id, "STOPPED"))
    assert set(stopped) == {"attacker", "web"}
    assert {t["stoppedReason"] for t in stopped.values()} == {"rangex driver: cleanup"}
    assert await ecs_driver.status(p.session_id) == []
    # Afresh, once the engine behaves.
    assert len(await ecs_driver.provision(p)) == 3
    assert len(await session_tasks(aws, ecs_env, p.session_id)) == 3


async def test_list_owned_finds_the_leftovers_of_a_crashed_provisioning(
    ecs_driver: EcsDriver,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def crash(*args: Any, **kwargs: Any) -> None:
        return None  # the server died before it could clean up

    p = three_machines()
    async with subnet_broken_for(ecs_env, "db") as clients:
        crashing = EcsDriver(ecs_config(ecs_env), clients=clients)
        monkeypatch.setattr(crashing._rollbacks, "roll_back", crash)
        try:
            with pytest.raises(ProvisionFailed):
                await crashing.provision(p)
        finally:
            await crashing.close()
    leftovers = await session_tasks(aws, ecs_env, p.session_id)
    groups = await session_groups(aws, p.session_id)
    assert set(by_machine(leftovers)) == {"attacker", "web"}
    assert set(groups) == {"session", "access", *THREE_NETS}

    owned = await ecs_driver.list_owned()  # another driver: finds it all by tag
    assert sorted(owned[p.session_id]) == sorted(
        [f"task:{arn}" for arn in leftovers]
        + [f"security-group:{g['GroupId']}" for g in groups.values()]
    )
    await ecs_driver.destroy(p.session_id)
    assert p.session_id not in await ecs_driver.list_owned()
    assert await session_tasks(aws, ecs_env, p.session_id) == {}
    assert await session_groups(aws, p.session_id) == {}


async def test_a_cancelled_provisioning_leaves_nothing(
    aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    waiting = asyncio.Event()
    first = True

    async def hold_the_first_look(**_: Any) -> None:
        nonlocal first
        if first:  # the wait for RUNNING: hangs until cancelled
            first = False
            waiting.set()
            await asyncio.Event().wait()

    p = three_machines()
    async with aws_clients(ecs_env.url) as (ecs, ec2):
        ecs.meta.events.register("before-call.ecs.DescribeTasks", hold_the_first_look)
        driver = EcsDriver(ecs_config(ecs_env), clients=(ecs, ec2))
        provisioning = asyncio.create_task(driver.provision(p))
        await asyncio.wait_for(waiting.wait(), 5)
        assert len(await session_tasks(aws, ecs_env, p.session_id)) == 3  # all started
        provisioning.cancel()
        with pytest.raises(asyncio.CancelledError):
            await provisioning
        await driver.close()
    assert await session_tasks(aws, ecs_env, p.session_id) == {}
    assert await session_groups(aws, p.session_id) == {}
    stopped = await session_tasks(aws, ecs_env, p.session_id, "STOPPED")
    assert {t["stoppedReason"] for t in stopped.values()} == {"rangex driver: cleanup"}


# -- pause, resume, destroy -----------------------------------------------------------


async def test_pause_stops_the_tasks_and_resume_starts_fresh_ones_even_after_a_restart(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines()
    handles = await ecs_driver.provision(p)
    first = by_machine(await session_tasks(aws, ecs_env, p.session_id))

    await ecs_driver.pause(p.session_id)
    assert await session_tasks(aws, ecs_env, p.session_id) == {}
    stopped = await session_tasks(aws, ecs_env, p.session_id, "STOPPED")
    assert set(stopped) == {h.resource_id for h in handles}
    assert {t["stoppedReason"] for t in stopped.values()} == {"rangex driver: pause"}
    assert {s.state for s in await ecs_driver.status(p.session_id)} == {MachineState.PAUSED}
    assert tags_of((await session_groups(aws, p.session_id))["session"])[TAG_PAUSED] == "true"
    await ecs_driver.pause(p.session_id)  # already paused: fine

    restarted = EcsDriver(ecs_config(ecs_env), session=aws_session())  # knows nothing
    try:
        assert {s.state for s in await restarted.status(p.session_id)} == {MachineState.PAUSED}
        resumed = {h.name: h for h in await restarted.resume(p.session_id)}
        second = by_machine(await session_tasks(aws, ecs_env, p.session_id))
        assert set(second) == {"attacker", "web", "db"}
        for name, task in second.items():
            assert task["taskArn"] != first[name]["taskArn"]  # a fresh task ...
            assert task["taskDefinitionArn"] == first[name]["taskDefinitionArn"]  # ... alike
            assert task["lastStatus"] == "RUNNING"
            assert tags_of(task).items() >= expected_labels(p, name).items()
            assert tags_of(task)[TAG_PUBLISHED] == tags_of(first[name])[TAG_PUBLISHED]
            assert await interface_groups(aws, task) == await interface_groups(aws, first[name])
        assert {s.state for s in await restarted.status(p.session_id)} == {MachineState.RUNNING}
        new_handles = {h.name: h for h in await restarted.handles(p.session_id)}
        assert resumed == new_handles  # resume returns the machines as they now are
        assert {n: h.resource_id for n, h in resumed.items()} == {
            n: t["taskArn"] for n, t in second.items()
        }
        assert {n: h.address for n, h in resumed.items()} == {
            n: private_ip(t) for n, t in second.items()
        }
        assert new_handles["attacker"].resource_id == second["attacker"]["taskArn"]
        assert new_handles["attacker"].address == private_ip(second["attacker"])
        assert new_handles["attacker"].published == (
            PublishedPort(80, "tcp", private_ip(second["attacker"]), 80),
        )
        assert tags_of((await session_groups(aws, p.session_id))["session"])[TAG_PAUSED] == "false"
        assert await restarted.resume(p.session_id) == sorted(  # not paused: nothing to start
            new_handles.values(), key=lambda h: h.name
        )
        assert set(await session_tasks(aws, ecs_env, p.session_id)) == {
            t["taskArn"] for t in second.values()
        }
    finally:
        await restarted.close()

    for operation in (ecs_driver.pause, ecs_driver.resume):
        with pytest.raises(SessionNotFound):
            await operation("t-no-such-session")


async def test_destroy_leaves_nothing_and_is_idempotent(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    p = three_machines(session_id=f"t.dotted.{time.time_ns()}")  # dots: fine in ids
    other = plan(target("solo"))
    await ecs_driver.provision(p)
    await ecs_driver.provision(other)
    assert ecs_driver.started_by(p.session_id).count(".") == 0
    assert len(await session_tasks(aws, ecs_env, p.session_id)) == 3

    for wildcard in ("*", "t*", "?"):  # tag filters take wildcards: never a session id
        await ecs_driver.destroy(wildcard)
    assert len(await session_tasks(aws, ecs_env, other.session_id)) == 1

    started = time.perf_counter()
    await ecs_driver.destroy(p.session_id)
    assert time.perf_counter() - started < 10
    assert await session_tasks(aws, ecs_env, p.session_id) == {}
    assert await session_groups(aws, p.session_id) == {}
    stopped = await session_tasks(aws, ecs_env, p.session_id, "STOPPED")
    assert {t["stoppedReason"] for t in stopped.values()} == {"rangex driver: destroy"}
    assert await ecs_driver.status(p.session_id) == []
    await ecs_driver.destroy(p.session_id)
    await ecs_driver.destroy("t-never-existed")
    # The other session is untouched.
    assert len(await session_tasks(aws, ecs_env, other.session_id)) == 1
    assert set(await session_groups(aws, other.session_id)) == {"session", "net-solo"}


# -- events ---------------------------------------------------------------------------


async def test_a_task_stopped_behind_the_drivers_back_dies_and_a_vanished_one_is_lost(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    ecs, _ = aws
    quiet, victim = plan(target("web")), plan(target("web"), target("db"))
    await ecs_driver.provision(quiet)
    handles = {h.name: h for h in await ecs_driver.provision(victim)}
    events = ecs_driver.events()
    pending = asyncio.ensure_future(anext(events))
    try:
        await asyncio.sleep(0.2)  # a few polls: both sessions seen alive
        await ecs_driver.pause(quiet.session_id)  # the driver's own doing: no news
        await asyncio.sleep(0.2)
        assert not pending.done()

        await ecs.stop_task(
            cluster=ecs_env.cluster, task=handles["web"].resource_id, reason="chaos monkey"
        )
        died = await asyncio.wait_for(pending, 5)
        assert (died.session_id, died.machine, died.kind) == (
            victim.session_id,
            "web",
            EventKind.DIED,
        )
        assert died.resource_id == handles["web"].resource_id
        assert died.detail == "chaos monkey"
        assert died.exit_code == 0  # what moto's container reports

        vanish_task(ecs_env, handles["db"].resource_id)
        lost = await asyncio.wait_for(anext(events), 5)
        assert (lost.session_id, lost.machine, lost.kind) == (
            victim.session_id,
            "db",
            EventKind.LOST,
        )
        assert lost.resource_id == handles["db"].resource_id
    finally:
        pending.cancel()
        await events.aclose()  # type: ignore[attr-defined]
    statuses = {s.name: s for s in await ecs_driver.status(victim.session_id)}
    assert (statuses["web"].state, statuses["web"].detail) == (MachineState.EXITED, "chaos monkey")
    assert statuses["db"].state is MachineState.UNKNOWN  # its task is gone
    # Resume starts the machines of a paused session only, not those that died.
    assert await ecs_driver.resume(victim.session_id) == []
    assert await session_tasks(aws, ecs_env, victim.session_id) == {}


async def test_event_streams_end_when_the_driver_closes(ecs_driver: EcsDriver) -> None:
    events = ecs_driver.events()
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0.2)  # polling
    assert not pending.done()
    await ecs_driver.close()
    with pytest.raises(StopAsyncIteration):
        await asyncio.wait_for(pending, 5)


# -- the engine itself ----------------------------------------------------------------


async def test_ping_and_an_unreachable_engine(ecs_env: EcsEnvironment) -> None:
    driver = EcsDriver(ecs_config(ecs_env), session=aws_session())
    try:
        await driver.ping()
    finally:
        await driver.close()
    with pytest.raises(EngineUnavailable, match="closed"):
        await driver.ping()

    no_cluster = EcsDriver(ecs_config(ecs_env, cluster="rangex-missing"), session=aws_session())
    try:
        with pytest.raises(EngineUnavailable, match="rangex-missing"):
            await no_cluster.ping()
    finally:
        await no_cluster.close()

    nowhere = EcsDriver(
        ecs_config(ecs_env, endpoint_url="http://127.0.0.1:9", api_timeout=2),
        session=aws_session(),
    )
    try:
        with pytest.raises(EngineUnavailable):
            await nowhere.ping()
        with pytest.raises(EngineUnavailable):
            await nowhere.list_owned()
        with pytest.raises(EngineUnavailable):
            await nowhere.status("s1")
        with pytest.raises(EngineUnavailable):
            await nowhere.status_many(["s1", "s2"])
        with pytest.raises(EngineUnavailable):
            await nowhere.provision(three_machines())
        with pytest.raises(OperationFailed):
            await nowhere.pause("s1")
        with pytest.raises(OperationFailed):
            await nowhere.destroy("s1")
    finally:
        await nowhere.close()


# -- network groups and access flags --------------------------------------------------


async def test_security_groups_enforce_network_groups_and_access_flags(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    """The lab of test_docker_segmentation.py: each machine's group admits exactly the
    groups of the machines that may reach it; destroy deletes them all."""
    machines = (
        attacker(network_group="attack"),
        target("web", network_group="dmz"),
        target("jump", network_group="dmz", pivot_host=True, reachable_from_attacker=False),
        target("vault", network_group="dmz", internal_connections_allowed=False),
        target("db", network_group="lan", reachable_from_attacker=False),
    )
    p = plan(*machines)
    await ecs_driver.provision(p)
    groups = await session_groups(aws, p.session_id)
    names = [m.name for m in machines]
    assert set(groups) == {"session", "access", *(f"net-{n}" for n in names)}
    net = {n: groups[f"net-{n}"]["GroupId"] for n in names}
    admitted = {
        "attacker": ("web", "jump", "vault"),
        "web": ("attacker", "jump"),
        "jump": ("attacker", "web", "vault", "db"),
        "vault": ("attacker", "jump"),
        "db": ("jump",),
    }
    for name, sources in admitted.items():
        assert rules(groups[f"net-{name}"]["IpPermissions"]) == [
            ("-1", None, None, tuple(sorted(net[s] for s in sources)))
        ], name
        assert groups[f"net-{name}"]["IpPermissionsEgress"] == []
    tasks = by_machine(await session_tasks(aws, ecs_env, p.session_id))
    for name in names:
        extra = {groups["access"]["GroupId"]} if name == "attacker" else set()
        assert await interface_groups(aws, tasks[name]) == {
            groups["session"]["GroupId"],
            net[name],
            *extra,
        }
    await ecs_driver.destroy(p.session_id)
    assert await session_groups(aws, p.session_id) == {}
