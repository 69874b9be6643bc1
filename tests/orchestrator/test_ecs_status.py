"""Many sessions' statuses at once on ECS Fargate (moto's server; see conftest.py).

``status_many`` must answer exactly as ``status`` does for each session, from a number of
calls that does not grow with the number of sessions.
"""

from __future__ import annotations

import collections
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.orchestrator.ecs.status import statuses_by_session
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_SESSION,
    MachineState,
    MachineStatus,
)
from tests.orchestrator.conftest import ecs_config
from tests.orchestrator.plans import attacker, plan, target
from tests.support.dockerd import IMAGE
from tests.support.moto_server import MOTO_WARNINGS, EcsEnvironment, aws_clients

pytestmark = pytest.mark.filterwarnings(MOTO_WARNINGS)

Json = dict[str, Any]


@asynccontextmanager
async def counted_driver(
    env: EcsEnvironment,
) -> AsyncIterator[tuple[EcsDriver, collections.Counter[str], list[int]]]:
    """A driver whose AWS calls are counted by operation, with each DescribeTasks' size."""
    calls: collections.Counter[str] = collections.Counter()
    described: list[int] = []

    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    def describe_size(params: Json, **_: Any) -> None:
        described.append(len(params["tasks"]))

    async with aws_clients(env.url) as (ecs, ec2):
        ecs.meta.events.register("before-call.ecs", count)
        ec2.meta.events.register("before-call.ec2", count)
        ecs.meta.events.register("provide-client-params.ecs.DescribeTasks", describe_size)
        driver = EcsDriver(ecs_config(env), clients=(ecs, ec2))
        try:
            yield driver, calls, described
        finally:
            await driver.close()


def summary(statuses: list[MachineStatus]) -> list[tuple[str, MachineState]]:
    return [(s.name, s.state) for s in statuses]


async def test_status_many_groups_the_cluster_by_session_as_status_does(
    ecs_env: EcsEnvironment, aws: tuple[Any, Any]
) -> None:
    running = plan(attacker(), target("web"))
    stopped = plan(attacker(), target("web"))
    paused = plan(target("web"))
    destroyed = plan(target("web"))
    ecs, _ = aws
    async with counted_driver(ecs_env) as (driver, calls, _):
        handles = {p.session_id: await driver.provision(p) for p in (running, stopped, paused)}
        await driver.provision(destroyed)
        await driver.destroy(destroyed.session_id)
        await driver.pause(paused.session_id)
        for handle in handles[stopped.session_id]:  # behind the driver's back
            await ecs.stop_task(
                cluster=ecs_env.cluster, task=handle.resource_id, reason="chaos monkey"
            )
        ids = [
            running.session_id,
            stopped.session_id,
            paused.session_id,
            destroyed.session_id,
            "t-no-such-session",
            "not*a/plain id",
        ]

        calls.clear()
        many = await driver.status_many(ids)
        assert dict(calls) == {
            "ListTasks": 2,  # RUNNING and STOPPED, one page each
            "DescribeTasks": 1,
            "DescribeSecurityGroups": 1,
        }

        assert list(many) == ids
        assert many == {session_id: await driver.status(session_id) for session_id in ids}
    assert summary(many[running.session_id]) == [
        ("attacker", MachineState.RUNNING),
        ("web", MachineState.RUNNING),
    ]
    assert summary(many[stopped.session_id]) == [
        ("attacker", MachineState.EXITED),
        ("web", MachineState.EXITED),
    ]
    assert {s.detail for s in many[stopped.session_id]} == {"chaos monkey"}
    assert summary(many[paused.session_id]) == [("web", MachineState.PAUSED)]
    assert many[destroyed.session_id] == []
    assert many["t-no-such-session"] == []
    assert many["not*a/plain id"] == []


async def test_status_many_costs_the_same_calls_for_one_session_or_many(
    ecs_env: EcsEnvironment,
) -> None:
    plans = [plan(target("web")) for _ in range(6)]
    async with counted_driver(ecs_env) as (driver, calls, _):
        for p in plans:
            await driver.provision(p)
        costs = []
        for some in (plans[:1], plans):
            calls.clear()
            many = await driver.status_many([p.session_id for p in some])
            assert all(summary(s) == [("web", MachineState.RUNNING)] for s in many.values())
            costs.append(sum(calls.values()))
        calls.clear()
        for p in plans:
            await driver.status(p.session_id)
        one_by_one = sum(calls.values())
    assert costs[0] == costs[1] == 4
    assert one_by_one == 6 * 4  # groups, two listings, one description per session


async def test_more_than_a_hundred_tasks_are_described_a_hundred_at_a_time(
    ecs_env: EcsEnvironment, aws: tuple[Any, Any]
) -> None:
    ecs, _ = aws
    family = (
        await ecs.register_task_definition(
            family="rangex-many",
            requiresCompatibilities=["FARGATE"],
            networkMode="awsvpc",
            cpu="256",
            memory="512",
            containerDefinitions=[{"name": "machine", "image": IMAGE, "memory": 64}],
        )
    )["taskDefinition"]["taskDefinitionArn"]
    network = {"subnets": [ecs_env.subnets[0]], "securityGroups": []}
    async with counted_driver(ecs_env) as (driver, _, described):
        sessions = {"t-many-a": range(0, 6), "t-many-b": range(6, 11)}
        for session_id, machines in sessions.items():
            for machine in machines:  # ten tasks a machine: 110 in all
                await ecs.run_task(
                    cluster=ecs_env.cluster,
                    taskDefinition=family,
                    count=10,
                    launchType="FARGATE",
                    startedBy=driver.started_by(session_id),
                    networkConfiguration={"awsvpcConfiguration": network},
                    tags=[
                        {"key": LABEL_SESSION, "value": session_id},
                        {"key": LABEL_MACHINE, "value": f"m{machine:02}"},
                    ],
                )
        many = await driver.status_many([*sessions, "t-many-none"])
        assert sorted(described) == [10, 100]
        assert many == {s: await driver.status(s) for s in [*sessions, "t-many-none"]}
    assert [s.name for s in many["t-many-a"]] == [f"m{i:02}" for i in range(0, 6)]
    assert [s.name for s in many["t-many-b"]] == [f"m{i:02}" for i in range(6, 11)]
    assert {s.state for s in many["t-many-a"] + many["t-many-b"]} == {MachineState.RUNNING}
    assert many["t-many-none"] == []


def test_a_task_counts_for_a_session_only_when_started_for_it() -> None:
    def task(arn: str, session_id: str, started_by: str) -> Json:
        return {
            "taskArn": arn,
            "lastStatus": "RUNNING",
            "startedBy": started_by,
            "tags": [
                {"key": LABEL_SESSION, "value": session_id},
                {"key": LABEL_MACHINE, "value": "web"},
            ],
        }

    tasks = [
        task("arn:ours", "s1", "rangex/s1"),
        task("arn:other-prefix", "s2", "other/s2"),  # another deployment on the cluster
        task("arn:other-session", "s3", "rangex/s3"),
    ]
    statuses = statuses_by_session(["s1", "s2"], tasks, {}, lambda s: f"rangex/{s}")
    assert {k: [s.resource_id for s in v] for k, v in statuses.items()} == {
        "s1": ["arn:ours"],
        "s2": [],
    }
