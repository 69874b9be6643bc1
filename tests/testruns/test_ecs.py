"""Creator test runs on ECS Fargate (moto's server): the run reaches its verdict, the
checks that need a network SKIPPED with the reason, and no task is left."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import MachineRole, SessionState, UserRole, VersionStatus
from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.testruns.probes import ECS_REASON
from rangex_graphql.settings import Settings
from tests import factories
from tests.orchestrator.conftest import ecs_config
from tests.support.moto_server import MOTO_WARNINGS, EcsEnvironment, aws_session
from tests.support.sessions import settle
from tests.testruns.support import checks_by_name, machine, run_to_verdict

pytestmark = [pytest.mark.usefixtures("db"), pytest.mark.filterwarnings(MOTO_WARNINGS)]
BUSYBOX = "public.ecr.aws/docker/library/busybox:1.36"


@pytest.fixture
async def ecs_runtime(settings: Settings, ecs_env: EcsEnvironment) -> AsyncIterator[Runtime]:
    runtime = build_runtime(
        settings.model_copy(update={"jobs_enabled": False}),
        driver=EcsDriver(ecs_config(ecs_env), session=aws_session()),
        broker=MemoryBroker(),
    )
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


async def test_a_run_on_ecs_reaches_a_verdict_with_network_checks_skipped(
    settings: Settings, ecs_runtime: Runtime
) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(
        await factories.scenario(author), VersionStatus.DRAFT, machines=0, questions=0
    )
    http = {"protocol": "HTTP", "port": 80, "exposed": True, "description": "the site"}
    await machine(version, "kali", role=MachineRole.ATTACKER, image_ref=BUSYBOX, memory_mib=512)
    await machine(
        version, "web", image_ref=BUSYBOX, memory_mib=512, network_group="dmz", entrypoints=[http]
    )
    await machine(
        version,
        "db",
        image_ref=BUSYBOX,
        memory_mib=512,
        network_group="lan",
        entrypoints=[{**http, "exposed": False}],
    )
    result = await run_to_verdict(settings, ecs_runtime, author, version)
    checks = checks_by_name(result)
    assert checks["machines_running"]["status"] == "PASSED", result
    assert checks["private_addresses"]["status"] == "PASSED"
    assert checks["internal_entrypoints"]["status"] == "PASSED"
    for name in ("entrypoint web:80", "segmentation"):
        assert (checks[name]["status"], checks[name]["message"]) == ("SKIPPED", ECS_REASON)
    assert result["status"] == "PASSED", result
    session = await EnvironmentSession.get(version_id=version.id)
    assert session.is_test
    assert session.state is SessionState.TERMINATED
    assert await ecs_runtime.driver.list_owned() == {}
