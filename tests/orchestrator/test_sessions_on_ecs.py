"""Sessions end to end on ECS Fargate (moto's server; see conftest.py, support/moto_server.py).

The scenarios of test_sessions_on_docker.py that apply on moto, through the GraphQL
mutations with the ECS driver in the runtime:

- ``sessionStart`` on a 3-machine version runs tagged tasks whose addresses are the
  machines' connection info; a pause stops the tasks, a resume runs new ones, whose new
  addresses (and task ARNs) the session's machines show afterwards.
- A machine that dies after a resume fails its session: the engine-event job matches the
  new task ARN, which only a resume that records its handles knows.
- 20 concurrent pause/resume calls leave the row and the tasks agreeing; terminates among
  more of them end TERMINATED with no task and no security group left.
- A provisioning failure (a subnet that does not exist) ends FAILED with nothing left.
- The reconciler removes what an ended session left on ECS.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.jobs.engine_events import watch_engine_events
from rangex_graphql.jobs.reconcile import Reconciler
from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Machine,
    ScenarioVersion,
    SessionMachine,
    User,
)
from rangex_graphql.models.enums import MachineRole, SessionMachineState, SessionState
from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SESSION,
)
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.orchestrator.conftest import ecs_config
from tests.orchestrator.plans import HTTP_80, plan, target
from tests.orchestrator.test_ecs import (
    BAD_SUBNET,
    by_machine,
    private_ip,
    session_groups,
    session_tasks,
    tags_of,
)
from tests.support.moto_server import MOTO_WARNINGS, EcsEnvironment, aws_session
from tests.support.sessions import FIELDS, settle, start_session

S = SessionState
pytestmark = [pytest.mark.usefixtures("db"), pytest.mark.filterwarnings(MOTO_WARNINGS)]

MACHINES = """query($id: ID!) { session(id: $id) { state machines {
  state machine { name } connection { address ports { containerPort host hostPort } } } } }"""


def control(name: str) -> str:
    return f"mutation($input: SessionInput!) {{ {name}(input: $input) {{ {FIELDS} }} }}"


async def three_machine_version() -> ScenarioVersion:
    version = await factories.version(await factories.scenario(), machines=0, questions=0)
    roles = (MachineRole.ATTACKER, MachineRole.INTERNAL, MachineRole.INTERNAL)
    for i, role in enumerate(roles):
        await Machine.create(
            version=version,
            name=f"m{i}",
            role=role,
            image_ref="public.ecr.aws/docker/library/busybox:1.36",
            cpu=0.25,
            memory_mib=512,
            entrypoints=[HTTP_80] if i == 0 else [],
            position=i,
        )
    return version


def runtime_on(settings: Settings, env: EcsEnvironment, **overrides: Any) -> Runtime:
    return build_runtime(
        settings.model_copy(update={"jobs_enabled": False}),
        driver=EcsDriver(ecs_config(env, **overrides), session=aws_session()),
        broker=MemoryBroker(),
    )


@pytest.fixture
async def ecs_runtime(settings: Settings, ecs_env: EcsEnvironment) -> AsyncIterator[Runtime]:
    """A runtime on this test's cluster; whatever the test leaves behind is destroyed."""
    runtime = runtime_on(settings, ecs_env)
    try:
        yield runtime
        await settle(runtime)
    finally:
        janitor = EcsDriver(ecs_config(ecs_env), session=aws_session())
        try:
            await asyncio.gather(*map(janitor.destroy, await janitor.list_owned()))
        finally:
            await janitor.close()
        await runtime.aclose()


async def start(settings: Settings, runtime: Runtime, learner: User) -> tuple[str, str]:
    """Start a 3-machine session through the mutation; (global id, session id) once the
    background provisioning is over."""
    return await start_session(settings, runtime, learner, await three_machine_version())


async def act(
    settings: Settings, runtime: Runtime, learner: User, name: str, global_id: str
) -> dict[str, Any]:
    data, errors = await run(
        settings,
        control(name),
        {"input": {"sessionId": global_id}},
        as_user=learner,
        runtime=runtime,
    )
    assert not errors
    assert data
    result: dict[str, Any] = data[name]
    return result


async def connections(
    settings: Settings, runtime: Runtime, learner: User, global_id: str
) -> dict[str, dict[str, Any]]:
    """The session's machines as the API shows them, by machine name."""
    data, errors = await run(
        settings, MACHINES, {"id": global_id}, as_user=learner, runtime=runtime
    )
    assert not errors
    assert data
    return {m["machine"]["name"]: m for m in data["session"]["machines"]}


async def recorded_handles(session_id: str) -> dict[str, str | None]:
    rows = await SessionMachine.filter(session_id=session_id).values(
        "machine__name", "driver_handle"
    )
    return {row["machine__name"]: row["driver_handle"] for row in rows}


async def test_start_pause_and_resume_with_new_addresses_then_terminate(
    settings: Settings,
    ecs_runtime: Runtime,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
) -> None:
    learner = await factories.user()
    global_id, session_id = await start(settings, ecs_runtime, learner)

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.RUNNING, row.failure_reason
    first = by_machine(await session_tasks(aws, ecs_env, session_id))
    assert set(first) == {"m0", "m1", "m2"}
    for name, task in first.items():
        tags = tags_of(task)
        assert (tags[LABEL_SESSION], tags[LABEL_MACHINE]) == (session_id, name)
        assert tags[LABEL_SCENARIO]
        assert tags[LABEL_ROLE] == ("attacker" if name == "m0" else "internal")
    shown = await connections(settings, ecs_runtime, learner, global_id)
    assert {n: m["connection"]["address"] for n, m in shown.items()} == {
        n: private_ip(t) for n, t in first.items()
    }
    assert shown["m0"]["connection"]["ports"] == [
        {"containerPort": 80, "host": private_ip(first["m0"]), "hostPort": 80}
    ]
    assert await recorded_handles(session_id) == {n: t["taskArn"] for n, t in first.items()}

    paused = await act(settings, ecs_runtime, learner, "sessionPause", global_id)
    assert (paused["errors"], paused["session"]["state"]) == ([], "PAUSED")
    assert await session_tasks(aws, ecs_env, session_id) == {}
    stopped = await session_tasks(aws, ecs_env, session_id, "STOPPED")
    assert set(stopped) == {t["taskArn"] for t in first.values()}

    resumed = await act(settings, ecs_runtime, learner, "sessionResume", global_id)
    assert (resumed["errors"], resumed["session"]["state"]) == ([], "RUNNING")
    second = by_machine(await session_tasks(aws, ecs_env, session_id))
    assert set(second) == {"m0", "m1", "m2"}
    assert not {t["taskArn"] for t in second.values()} & {t["taskArn"] for t in first.values()}
    shown = await connections(settings, ecs_runtime, learner, global_id)
    assert {n: m["connection"]["address"] for n, m in shown.items()} == {
        n: private_ip(t) for n, t in second.items()
    }
    assert {m["state"] for m in shown.values()} == {"RUNNING"}
    assert shown["m0"]["connection"]["ports"][0]["host"] == private_ip(second["m0"])
    assert await recorded_handles(session_id) == {n: t["taskArn"] for n, t in second.items()}
    # moto hands out fresh private addresses per task: what changed is visible.
    assert {private_ip(t) for t in second.values()} != {private_ip(t) for t in first.values()}

    ended = await act(settings, ecs_runtime, learner, "sessionTerminate", global_id)
    assert (ended["errors"], ended["session"]["state"]) == ([], "TERMINATED")
    assert await session_tasks(aws, ecs_env, session_id) == {}
    assert await session_groups(aws, session_id) == {}
    assert session_id not in await ecs_runtime.driver.list_owned()


async def test_a_machine_dying_after_a_resume_fails_its_session(
    settings: Settings,
    ecs_runtime: Runtime,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
) -> None:
    learner = await factories.user()
    global_id, session_id = await start(settings, ecs_runtime, learner)
    await act(settings, ecs_runtime, learner, "sessionPause", global_id)
    await act(settings, ecs_runtime, learner, "sessionResume", global_id)
    assert (await EnvironmentSession.get(id=session_id)).state is S.RUNNING
    victim = by_machine(await session_tasks(aws, ecs_env, session_id))["m1"]["taskArn"]
    assert (await recorded_handles(session_id))["m1"] == victim

    watcher = asyncio.ensure_future(watch_engine_events(ecs_runtime))
    try:
        await asyncio.sleep(0.2)  # a few polls: the session's tasks seen alive
        ecs, _ = aws
        await ecs.stop_task(cluster=ecs_env.cluster, task=victim, reason="chaos monkey")
        deadline = time.monotonic() + 5
        while (row := await EnvironmentSession.get(id=session_id)).state is not S.FAILED:
            assert time.monotonic() < deadline, row.state
            await asyncio.sleep(0.05)
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
    assert row.end_reason == "machine_failed"
    assert (row.failure_reason or "").startswith("machine m1 stopped")
    dead = await SessionMachine.get(session_id=session_id, driver_handle=victim)
    assert dead.state is SessionMachineState.FAILED
    await settle(ecs_runtime)
    assert await session_tasks(aws, ecs_env, session_id) == {}
    assert await session_groups(aws, session_id) == {}


async def test_twenty_concurrent_controls_end_in_one_state_with_nothing_leaked(
    settings: Settings,
    ecs_runtime: Runtime,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
) -> None:
    learner = await factories.user()
    global_id, session_id = await start(settings, ecs_runtime, learner)
    rng = random.Random(20)

    async def call(name: str) -> None:
        await act(settings, ecs_runtime, learner, name, global_id)

    await asyncio.gather(*(call(rng.choice(["sessionPause", "sessionResume"])) for _ in range(20)))
    won = await AuditLog.filter(
        action__in=["session.pause", "session.resume"], target_id=session_id
    ).count()
    assert won >= 2  # some calls won their compare-and-set and reached the engine
    row = await EnvironmentSession.get(id=session_id)
    tasks = by_machine(await session_tasks(aws, ecs_env, session_id))
    if row.state is S.RUNNING:
        assert set(tasks) == {"m0", "m1", "m2"}
        assert await recorded_handles(session_id) == {n: t["taskArn"] for n, t in tasks.items()}
    else:
        assert row.state is S.PAUSED
        assert tasks == {}

    names = ["sessionPause", "sessionResume", "sessionTerminate"]
    await asyncio.gather(*(call(rng.choice(names)) for _ in range(19)), call("sessionTerminate"))
    await settle(ecs_runtime)
    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.TERMINATED
    assert await session_tasks(aws, ecs_env, session_id) == {}
    assert await session_groups(aws, session_id) == {}
    assert await ecs_runtime.driver.list_owned() == {}


async def test_a_provisioning_failure_fails_the_session_with_nothing_left(
    settings: Settings, aws: tuple[Any, Any], ecs_env: EcsEnvironment
) -> None:
    runtime = runtime_on(settings, ecs_env, subnets=(BAD_SUBNET,))
    try:
        learner = await factories.user()
        global_id, session_id = await start(settings, runtime, learner)
        row = await EnvironmentSession.get(id=session_id)
        assert row.state is S.FAILED
        assert row.end_reason == "provision_failed"
        assert "InvalidSubnetID.NotFound" in (row.failure_reason or "")
        failed = await connections(settings, runtime, learner, global_id)
        assert {m["state"] for m in failed.values()} == {"FAILED"}
        assert await session_tasks(aws, ecs_env, session_id) == {}
        assert await session_groups(aws, session_id) == {}
        assert await runtime.driver.list_owned() == {}
    finally:
        await runtime.aclose()


async def test_the_reconciler_removes_what_an_ended_session_left_on_ecs(
    settings: Settings,
    ecs_runtime: Runtime,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
) -> None:
    learner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    ended = await factories.session(learner, version, S.TERMINATED, machines=2)
    live = await factories.session(learner, version, S.RUNNING, machines=2)
    driver = ecs_runtime.driver
    for row in (ended, live):
        await driver.provision(plan(target("m0"), target("m1"), session_id=str(row.id)))
    assert set(await driver.list_owned()) == {str(ended.id), str(live.id)}

    report = await Reconciler(ecs_runtime).run_once()

    assert report.orphans_destroyed == [str(ended.id)]
    assert report.lost == []
    assert set(await driver.list_owned()) == {str(live.id)}
    assert await session_tasks(aws, ecs_env, str(ended.id)) == {}
    assert await session_groups(aws, str(ended.id)) == {}
    assert len(await session_tasks(aws, ecs_env, str(live.id))) == 2
    assert (await EnvironmentSession.get(id=live.id)).state is S.RUNNING
    assert await AuditLog.filter(
        action="session.orphans_destroyed", target_id=str(ended.id)
    ).exists()
