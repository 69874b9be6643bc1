"""The ECS driver's rules that moto does not model, on stubbed clients or plain data.

Fargate task sizes, DependencyViolation while deleting a security group, a task's way
through PROVISIONING and PENDING to RUNNING, public IPs, and how tasks become statuses
and events. Stubbed clients are real aiobotocore clients with botocore's Stubber: the
requests are checked against the service models, nothing goes over the network.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pytest
from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
from aiobotocore.stub import AioStubber  # type: ignore[import-untyped]
from botocore.stub import ANY  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.ecs import EcsConfig, EcsDriver, fargate_size, tag_value
from rangex_graphql.orchestrator.ecs.errors import MachineFailed
from rangex_graphql.orchestrator.ecs.status import machine_statuses
from rangex_graphql.orchestrator.ecs.tags import (
    CONTENT_LABELS,
    TAG_GROUP_ROLE,
    TAG_PAUSED,
    TAG_PUBLISHED,
)
from rangex_graphql.orchestrator.ecs.tasks import Launch
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_SESSION,
    Driver,
    EventKind,
    InvalidPlan,
    MachineRole,
    MachineState,
    OperationFailed,
    PortSpec,
    PublishedPort,
)
from rangex_graphql.orchestrator.provisioning import Attempt
from tests.orchestrator.plans import plan, target, three_machines
from tests.support.moto_server import REGION, aws_session

Json = dict[str, Any]
CLUSTER = "lab"
ARN = f"arn:aws:ecs:{REGION}:123456789012:task/{CLUSTER}/0123456789abcdef"
TASK_DEFINITION = f"arn:aws:ecs:{REGION}:123456789012:task-definition/rangex-attacker-abc:1"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def config(**overrides: Any) -> EcsConfig:
    settings: dict[str, Any] = {
        "cluster": CLUSTER,
        "region": REGION,
        "vpc_id": "vpc-1",
        "subnets": ["subnet-a", "subnet-b"],
        "ingress_cidr": "203.0.113.0/24",
        **overrides,
    }
    return EcsConfig(**settings)


class Sleeps(list[float]):
    """A sleep that only records how long it was asked to wait."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@dataclass
class Stubbed:
    ecs: Any
    ec2: Any
    ecs_stub: Any
    ec2_stub: Any

    def driver(self, sleeps: Sleeps, **overrides: Any) -> EcsDriver:
        return EcsDriver(config(**overrides), clients=(self.ecs, self.ec2), sleep=sleeps)

    def assert_all_used(self) -> None:
        self.ecs_stub.assert_no_pending_responses()
        self.ec2_stub.assert_no_pending_responses()


@pytest.fixture
async def stubbed() -> AsyncIterator[Stubbed]:
    options = {"region_name": REGION, "config": AioConfig(retries={"max_attempts": 0})}
    session = aws_session()
    async with (
        session.create_client("ecs", **options) as ecs,
        session.create_client("ec2", **options) as ec2,
    ):
        with AioStubber(ecs) as ecs_stub, AioStubber(ec2) as ec2_stub:
            yield Stubbed(ecs, ec2, ecs_stub, ec2_stub)


def task(status: str, *, desired: str = "RUNNING", **more: Any) -> Json:
    return {
        "taskArn": ARN,
        "lastStatus": status,
        "desiredStatus": desired,
        "containers": [{"name": "attacker"}],
        **more,
    }


def with_eni(address: str = "10.20.1.5") -> list[Json]:
    return [
        {
            "id": "attachment-1",
            "type": "ElasticNetworkInterface",
            "status": "ATTACHED",
            "details": [
                {"name": "subnetId", "value": "subnet-a"},
                {"name": "networkInterfaceId", "value": "eni-1"},
                {"name": "privateIPv4Address", "value": address},
            ],
        }
    ]


def test_is_a_driver() -> None:
    assert isinstance(EcsDriver(config()), Driver)


# -- Fargate sizes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cpu", "memory", "size"),
    [
        (0.25, 512, (256, 512)),  # the domain's profiles are Fargate sizes as they are
        (0.5, 1024, (512, 1024)),
        (1, 2048, (1024, 2048)),
        (2, 4096, (2048, 4096)),
        (0.25, 32, (256, 512)),  # less memory than the smallest size: rounded up
        (0.5, 64, (512, 1024)),
        (0.25, 600, (256, 1024)),  # to the next valid memory of the tier
        (0.25, 3000, (512, 3072)),  # more than 0.25 vCPU may have: the next tier
        (0.3, 600, (512, 1024)),  # CPU between tiers: up
        (1.5, 100, (2048, 4096)),
        (0.5, 4096, (512, 4096)),
        (1, 4097, (1024, 5120)),
    ],
)
def test_sizes_round_up_to_the_smallest_fargate_size(
    cpu: float, memory: int, size: tuple[int, int]
) -> None:
    assert fargate_size(cpu, memory) == size


def test_sizes_that_fargate_has_not_are_refused_when_not_rounding() -> None:
    assert fargate_size(0.5, 2048, round_up=False) == (512, 2048)
    with pytest.raises(ValueError, match=r"0.5 vCPU with 64 MiB is not a Fargate task size"):
        fargate_size(0.5, 64, round_up=False)
    with pytest.raises(ValueError, match=r"0.25 vCPU with 512/1024/2048 MiB"):
        fargate_size(0.25, 4096, round_up=False)
    with pytest.raises(ValueError, match="no Fargate task size up to 2 vCPU"):
        fargate_size(4, 8192)
    with pytest.raises(ValueError, match="positive"):
        fargate_size(0, 512)


async def test_a_plan_ecs_cannot_run_is_refused_before_any_call(stubbed: Stubbed) -> None:
    # No response is queued: any call to AWS would fail with something else.
    exact = stubbed.driver(Sleeps(), round_fargate_sizes=False)
    with pytest.raises(InvalidPlan, match="not a Fargate task size") as refused:
        await exact.provision(three_machines())  # 0.5 vCPU with 64 MiB and so on
    assert len(refused.value.problems) == 3
    for labels, problem in (
        ({"bad key!": "x"}, "not a valid AWS tag key"),
        ({"aws:owner": "x"}, "AWS's own"),
        ({TAG_PAUSED: "true"}, "ECS driver's own"),
        ({f"rangex.label{i}": "x" for i in range(40)}, "AWS allows 50"),
    ):
        with pytest.raises(InvalidPlan, match=problem):
            await stubbed.driver(Sleeps()).provision(
                replace(plan(target("web")), extra_labels=labels)
            )


# -- configuration, tags, task definitions --------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"subnets": []}, "at least one subnet"),
        ({"ingress_cidr": "everyone"}, "not a CIDR"),
        ({"log_group": "/rangex"}, "needs execution_role_arn"),
        ({"name_prefix": "Range X"}, "name_prefix"),
        ({"cluster": ""}, "cluster is empty"),
        ({"poll_interval": 0}, "poll_interval must be positive"),
        ({"max_attempts": 0}, "max_attempts"),
    ],
)
def test_an_inconsistent_configuration_is_refused(overrides: Json, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        config(**overrides)


def test_configuration_normalises_lists() -> None:
    cfg = config(subnets=["subnet-a"], platform_security_groups=["sg-platform"])
    assert cfg.subnets == ("subnet-a",)
    assert cfg.platform_security_groups == ("sg-platform",)
    assert config(ingress_cidr="2001:db8::/32").ingress_cidr == "2001:db8::/32"


def test_tag_values_and_started_by_are_safe_for_aws() -> None:
    assert tag_value("Web Breach! (v2)") == "Web Breach_ _v2_"
    assert tag_value("créateur@example.test:7/x=y+z") == "créateur@example.test:7/x=y+z"
    assert len(tag_value("x" * 300)) == 256
    driver = EcsDriver(config())
    assert driver.started_by("t.a.b") == "rangex/t/a/b"  # no dots in startedBy
    assert driver.started_by("t-a_b") == "rangex/t-a_b"
    assert driver.group_name("s1", "access") == "rangex-s1-access"


def test_task_definitions_are_named_by_their_content() -> None:
    driver = EcsDriver(config())
    first, second = three_machines(), three_machines()
    web = first.machines[1]
    request = driver.task_definitions.request(first, web)
    # Another session, other session labels: the same task definition.
    assert driver.task_definitions.request(second, second.machines[1]) == request
    assert driver.task_definitions.request(replace(first, extra_labels={"a": "b"}), web) == request
    assert request["family"].startswith("rangex-web-")
    assert {t["key"] for t in request["tags"]} == set(CONTENT_LABELS)
    # Other content, another family.
    other = plan(target("web", environment={"FLAG": "x"}))
    assert driver.task_definitions.request(other, other.machines[0])["family"] != request["family"]
    sized = plan(target("web", memory_mib=1024))
    sized_request = driver.task_definitions.request(sized, sized.machines[0])
    assert (sized_request["cpu"], sized_request["memory"]) == ("256", "1024")
    assert sized_request["family"] != request["family"]
    logged = EcsDriver(config(log_group="/rangex", execution_role_arn="arn:aws:iam::1:role/x"))
    log_config = logged.task_definitions.request(first, web)["containerDefinitions"][0][
        "logConfiguration"
    ]
    assert log_config["options"]["awslogs-group"] == "/rangex"


# -- deleting a security group: DependencyViolation -----------------------------------


def queue_destroy_lookups(stubbed: Stubbed, session_id: str = "s1") -> None:
    stubbed.ecs_stub.add_response(
        "list_tasks",
        {"taskArns": []},
        {"cluster": CLUSTER, "desiredStatus": "RUNNING", "startedBy": f"rangex/{session_id}"},
    )
    stubbed.ec2_stub.add_response(
        "describe_security_groups",
        {
            "SecurityGroups": [
                {
                    "GroupId": "sg-1",
                    "GroupName": f"rangex-{session_id}",
                    "VpcId": "vpc-1",
                    "Tags": [
                        {"Key": LABEL_SESSION, "Value": session_id},
                        {"Key": TAG_GROUP_ROLE, "Value": "session"},
                    ],
                }
            ]
        },
        {
            "Filters": [
                {"Name": "vpc-id", "Values": ["vpc-1"]},
                {"Name": f"tag:{LABEL_SESSION}", "Values": [session_id]},
            ]
        },
    )


def queue_dependency_violations(stubbed: Stubbed, count: int) -> None:
    for _ in range(count):
        stubbed.ec2_stub.add_client_error(
            "delete_security_group",
            service_error_code="DependencyViolation",
            service_message="resource sg-1 has a dependent object",
            expected_params={"GroupId": "sg-1"},
        )


async def test_group_deletion_waits_out_dependency_violations(stubbed: Stubbed) -> None:
    sleeps = Sleeps()
    driver = stubbed.driver(sleeps, group_delete_backoff=0.5, group_delete_timeout=60)
    queue_destroy_lookups(stubbed)
    queue_dependency_violations(stubbed, 3)  # the interfaces are released meanwhile
    stubbed.ec2_stub.add_response("delete_security_group", {}, {"GroupId": "sg-1"})
    await driver.destroy("s1")
    assert sleeps == [0.5, 1.0, 2.0]  # backing off
    stubbed.assert_all_used()


async def test_group_deletion_gives_up_when_the_budget_is_spent(stubbed: Stubbed) -> None:
    sleeps = Sleeps()
    driver = stubbed.driver(sleeps, group_delete_backoff=1, group_delete_timeout=2.5)
    queue_destroy_lookups(stubbed)
    queue_dependency_violations(stubbed, 3)
    with pytest.raises(OperationFailed) as failed:
        await driver.destroy("s1")
    assert sleeps == [1, 1.5]  # the second wait is cut to what is left of 2.5 s
    assert "DependencyViolation" in failed.value.reason
    assert "still in use after 2.5 s" in failed.value.reason
    stubbed.assert_all_used()


async def test_a_missing_group_is_gone_and_other_errors_are_not_retried(
    stubbed: Stubbed,
) -> None:
    sleeps = Sleeps()
    driver = stubbed.driver(sleeps)
    queue_destroy_lookups(stubbed)
    stubbed.ec2_stub.add_client_error(
        "delete_security_group", service_error_code="InvalidGroup.NotFound"
    )
    await driver.destroy("s1")  # deleted meanwhile by another server: fine
    queue_destroy_lookups(stubbed)
    stubbed.ec2_stub.add_client_error(
        "delete_security_group", service_error_code="UnauthorizedOperation"
    )
    with pytest.raises(OperationFailed, match="UnauthorizedOperation"):
        await driver.destroy("s1")
    assert sleeps == []
    stubbed.assert_all_used()


async def test_groups_are_kept_while_a_task_could_not_be_stopped(stubbed: Stubbed) -> None:
    driver = stubbed.driver(Sleeps())
    stubbed.ecs_stub.add_response("list_tasks", {"taskArns": [ARN]})
    stubbed.ecs_stub.add_response(
        "describe_tasks",
        {"tasks": [task("RUNNING", tags=[{"key": LABEL_SESSION, "value": "s1"}])]},
        {"cluster": CLUSTER, "tasks": [ARN], "include": ["TAGS"]},
    )
    stubbed.ecs_stub.add_client_error("stop_task", service_error_code="ServerException")
    with pytest.raises(OperationFailed, match="ServerException") as failed:
        await driver.destroy("s1")
    assert "security group" not in failed.value.reason
    stubbed.assert_all_used()  # and no DeleteSecurityGroup was attempted


# -- starting a task: PROVISIONING → PENDING → RUNNING ---------------------------------


def launch(public_ip: bool = True) -> Launch:
    return Launch(
        name="attacker",
        role=MachineRole.ATTACKER,
        image="localhost/labbase:latest",
        task_definition=TASK_DEFINITION,
        tags={LABEL_SESSION: "s1", LABEL_MACHINE: "attacker", TAG_PUBLISHED: "80/tcp"},
        security_groups=("sg-1", "sg-2"),
        public_ip=public_ip,
        published=(PortSpec(80, published=True),),
    )


def queue_run_task(stubbed: Stubbed, public_ip: bool = True) -> None:
    stubbed.ecs_stub.add_response(
        "run_task",
        {"tasks": [task("PROVISIONING")], "failures": []},
        {
            "cluster": CLUSTER,
            "taskDefinition": TASK_DEFINITION,
            "launchType": "FARGATE",
            "platformVersion": "LATEST",
            "count": 1,
            "startedBy": "rangex/s1",
            "tags": [
                {"key": LABEL_MACHINE, "value": "attacker"},
                {"key": LABEL_PROVISION, "value": "attempt-1"},
                {"key": TAG_PUBLISHED, "value": "80/tcp"},
                {"key": LABEL_SESSION, "value": "s1"},
            ],
            "propagateTags": "NONE",
            "enableExecuteCommand": False,
            "networkConfiguration": {
                "awsvpcConfiguration": {
                    "subnets": ["subnet-a", "subnet-b"],
                    "securityGroups": ["sg-1", "sg-2"],
                    "assignPublicIp": "ENABLED" if public_ip else "DISABLED",
                }
            },
            "clientToken": ANY,
        },
    )


def queue_describe(stubbed: Stubbed, *tasks: Json, missing: bool = False) -> None:
    stubbed.ecs_stub.add_response(
        "describe_tasks",
        {
            "tasks": list(tasks),
            "failures": [{"arn": ARN, "reason": "MISSING"}] if missing else [],
        },
        {"cluster": CLUSTER, "tasks": [ARN], "include": ["TAGS"]},
    )


async def test_a_task_is_waited_for_until_running(stubbed: Stubbed) -> None:
    sleeps = Sleeps()
    driver = stubbed.driver(sleeps, assign_public_ip=True, poll_interval=2)
    queue_run_task(stubbed)
    queue_describe(stubbed, missing=True)  # ECS does not know it yet: wait
    queue_describe(stubbed, task("PROVISIONING"))
    queue_describe(stubbed, task("PENDING", attachments=with_eni()))
    queue_describe(stubbed, task("RUNNING", attachments=with_eni()))
    stubbed.ec2_stub.add_response(
        "describe_network_interfaces",
        {
            "NetworkInterfaces": [
                {"NetworkInterfaceId": "eni-1", "Association": {"PublicIp": "198.51.100.7"}}
            ]
        },
        {"NetworkInterfaceIds": ["eni-1"]},
    )
    (handle,) = await driver.tasks.start("s1", [launch()], Attempt("attempt-1"))
    assert sleeps == [2, 2, 2]
    assert handle.resource_id == ARN
    assert handle.address == "10.20.1.5"  # on the session's network
    assert handle.published == (PublishedPort(80, "tcp", "198.51.100.7", 80),)  # outside
    stubbed.assert_all_used()


async def test_without_public_ips_ports_are_published_on_the_private_address(
    stubbed: Stubbed,
) -> None:
    driver = stubbed.driver(Sleeps())
    queue_run_task(stubbed, public_ip=False)
    queue_describe(stubbed, task("RUNNING", attachments=with_eni("10.20.2.9")))
    (handle,) = await driver.tasks.start("s1", [launch(public_ip=False)], Attempt("attempt-1"))
    assert handle.published == (PublishedPort(80, "tcp", "10.20.2.9", 80),)
    stubbed.assert_all_used()  # no DescribeNetworkInterfaces


async def test_a_task_that_stops_while_starting_fails_its_machine(stubbed: Stubbed) -> None:
    driver = stubbed.driver(Sleeps())
    created = Attempt("attempt-1")
    queue_run_task(stubbed)
    queue_describe(stubbed, task("PENDING"))
    queue_describe(
        stubbed,
        task(
            "STOPPED",
            desired="STOPPED",
            stoppedReason="Task failed to start",
            containers=[{"name": "attacker", "reason": "CannotPullContainerError: not found"}],
        ),
    )
    with pytest.raises(MachineFailed) as failed:
        await driver.tasks.start("s1", [launch()], created)
    assert failed.value.machine == "attacker"
    assert failed.value.reason == "Task failed to start (CannotPullContainerError: not found)"
    assert created.created("task") == [ARN]  # known to the clean-up
    stubbed.assert_all_used()


async def test_a_task_that_never_runs_fails_after_the_start_timeout(stubbed: Stubbed) -> None:
    sleeps = Sleeps()
    driver = stubbed.driver(sleeps, poll_interval=0.25, start_timeout=0.75)
    queue_run_task(stubbed)
    for _ in range(4):
        queue_describe(stubbed, task("PENDING"))
    with pytest.raises(MachineFailed, match=r"not running after 0.75 s \(last status PENDING\)"):
        await driver.tasks.start("s1", [launch()], Attempt("attempt-1"))
    assert sleeps == [0.25, 0.25, 0.25]
    stubbed.assert_all_used()


async def test_run_task_failures_fail_the_machine(stubbed: Stubbed) -> None:
    driver = stubbed.driver(Sleeps())
    stubbed.ecs_stub.add_response(
        "run_task",
        {"tasks": [], "failures": [{"arn": ARN, "reason": "RESOURCE:ENI", "detail": "limit"}]},
    )
    with pytest.raises(MachineFailed, match="RESOURCE:ENI limit"):
        await driver.tasks.start("s1", [launch()], Attempt("attempt-1"))


# -- statuses and events from tasks ---------------------------------------------------


def described(machine: str, status: str, arn: str = ARN, **more: Any) -> Json:
    tags = more.pop("tags", {})
    return {
        "taskArn": arn,
        "lastStatus": status,
        "desiredStatus": "STOPPED" if status == "STOPPED" else "RUNNING",
        "containers": [{"name": machine, **more.pop("container", {})}],
        "tags": [
            {"key": k, "value": v}
            for k, v in {LABEL_SESSION: "s1", LABEL_MACHINE: machine, **tags}.items()
        ],
        **more,
    }


def test_tasks_become_machine_statuses() -> None:
    tasks = [
        described("web", "PROVISIONING", "a1"),
        described("db", "RUNNING", "a2"),
        described(
            "cache",
            "STOPPED",
            "a3",
            stoppedReason="Essential container in task exited",
            container={"exitCode": 137, "reason": "OutOfMemoryError: Container killed"},
        ),
        described("old", "STOPPED", "a4", stoppedReason="rangex driver: destroy"),
        described("db", "STOPPED", "a0", stoppedReason="rangex driver: pause"),  # history
    ]
    statuses = {s.name: s for s in machine_statuses(tasks, {}, paused=False)}
    assert set(statuses) == {"web", "db", "cache"}  # destroyed tasks are history
    assert statuses["web"].state is MachineState.PENDING
    assert (statuses["db"].state, statuses["db"].resource_id) == (MachineState.RUNNING, "a2")
    cache = statuses["cache"]
    assert (cache.state, cache.exit_code, cache.oom_killed) == (MachineState.EXITED, 137, True)
    assert cache.detail == (
        "Essential container in task exited (OutOfMemoryError: Container killed)"
    )


def test_a_paused_session_reports_paused_machines_even_without_tasks() -> None:
    tasks = [described("web", "STOPPED", "a1", stoppedReason="rangex driver: pause")]
    definitions = {"web": TASK_DEFINITION, "db": TASK_DEFINITION.replace("attacker", "db")}
    statuses = {s.name: s for s in machine_statuses(tasks, definitions, paused=True)}
    assert {n: s.state for n, s in statuses.items()} == {
        "web": MachineState.PAUSED,
        "db": MachineState.PAUSED,  # ECS forgot its stopped task
    }
    assert statuses["web"].resource_id == "a1"
    assert statuses["db"].resource_id == definitions["db"]
    assert statuses["web"].exit_code is None
    unpaused = {s.name: s.state for s in machine_statuses([], definitions, paused=False)}
    assert unpaused == {"web": MachineState.UNKNOWN, "db": MachineState.UNKNOWN}


def test_only_stops_behind_the_drivers_back_are_news() -> None:
    driver = EcsDriver(config())
    since = NOW.timestamp()
    alive: dict[str, tuple[str, str]] = {}
    settled: set[str] = set()
    first = [
        described("web", "RUNNING", "w"),
        described("db", "RUNNING", "d"),
        described("app", "RUNNING", "a"),
        described("ours", "RUNNING", "o"),
        described("gone", "RUNNING", "g"),
        {"taskArn": "x", "lastStatus": "RUNNING", "tags": []},  # another workload
    ]
    assert driver.watcher.task_events(first, set(), alive, settled, since) == []
    assert set(alive) == {"w", "d", "a", "o", "g"}
    assert settled == {"x"}

    second = [
        described(
            "web",
            "STOPPED",
            "w",
            stoppedReason="Essential container in task exited",
            container={"exitCode": 2},
        ),
        described(
            "db",
            "STOPPED",
            "d",
            stoppedReason="OutOfMemory: task memory limit",
            container={"exitCode": 137},
        ),
        described("app", "STOPPED", "a", stoppedReason="rangex driver: pause"),
        described("ours", "STOPPED", "o", stoppedReason="Task stopped by user"),
    ]
    driver.tasks.stopping["o"] = since  # this driver stopped it (and the reason got lost)
    events = driver.watcher.task_events(second, {"g"}, alive, settled, since)
    assert [(e.machine, e.kind, e.exit_code) for e in events] == [
        ("web", EventKind.DIED, 2),
        ("db", EventKind.OOM_KILLED, 137),
        ("gone", EventKind.LOST, None),
    ]
    assert events[0].detail == "Essential container in task exited"
    assert {e.resource_id for e in events} == {"w", "d", "g"}
    assert alive == {}
    # Seen once: never again.
    assert driver.watcher.task_events(second, set(), alive, settled, since) == []


def test_a_stop_before_the_subscription_is_old_news() -> None:
    driver = EcsDriver(config())
    since = NOW.timestamp()
    before = described("web", "STOPPED", "w", stoppedAt=datetime(2026, 11, 25, 11, tzinfo=UTC))
    after = described("db", "STOPPED", "d", stoppedAt=datetime(2026, 11, 25, 13, tzinfo=UTC))
    provisioning = described("app", "STOPPED", "p", stoppedAt=NOW)
    driver.tasks.provisioning.add("p")  # its provisioning reports it
    events = driver.watcher.task_events([before, after, provisioning], set(), {}, set(), since)
    assert [(e.machine, e.at) for e in events] == [("db", after["stoppedAt"])]
