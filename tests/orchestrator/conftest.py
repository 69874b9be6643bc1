"""Fixtures for the orchestrator's tests: a private Docker Engine and drivers on it.

``private_dockerd`` starts a dockerd of its own once per test run (see
``tests/support/dockerd.py``); it skips the Docker tests with the reason when the engine
cannot start, and fails them instead under ``CI=true``.

``moto_server`` starts moto's server in this process once per test run (see
``tests/support/moto_server.py``); ``ecs_env`` gives each test a VPC, subnets and an ECS
cluster of its own there, ``ecs_driver`` an ECS driver on them.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiodocker
import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.orchestrator.docker import DockerDriver, DockerDriverConfig
from rangex_graphql.orchestrator.ecs import EcsConfig, EcsDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests.conftest import require_service
from tests.support.dockerd import DockerdUnavailable, PrivateDockerd, start_private_dockerd
from tests.support.moto_server import (
    EcsEnvironment,
    MotoServer,
    aws_clients,
    aws_session,
    create_environment,
    start_moto_server,
)
from tests.support.sessions import settle


@pytest.fixture(scope="session")
def private_dockerd() -> Iterator[PrivateDockerd]:
    try:
        engine = start_private_dockerd()
    except (DockerdUnavailable, OSError, subprocess.SubprocessError) as exc:
        require_service(f"private Docker engine unavailable: {exc}")
    try:
        yield engine
    finally:
        engine.stop()


@pytest.fixture
async def docker_api(private_dockerd: PrivateDockerd) -> AsyncIterator[aiodocker.Docker]:
    """A plain aiodocker client, to look at the engine without the driver."""
    client = aiodocker.Docker(url=private_dockerd.url)
    try:
        yield client
    finally:
        await client.close()


def driver_config(engine: PrivateDockerd) -> DockerDriverConfig:
    return DockerDriverConfig(
        url=str(engine.socket), subnet_pool=engine.subnet_pool, api_timeout=30, pull_timeout=30
    )


@pytest.fixture
async def docker_runtime(
    settings: Settings, private_dockerd: PrivateDockerd
) -> AsyncIterator[Runtime]:
    """A runtime on the private engine (jobs off); the sessions the test leaves are
    settled, then removed."""
    driver = DockerDriver(driver_config(private_dockerd))
    runtime = build_runtime(
        settings.model_copy(update={"jobs_enabled": False}), driver=driver, broker=MemoryBroker()
    )
    before = set(await driver.list_owned())
    yield runtime
    await settle(runtime)
    for session_id in set(await driver.list_owned()) - before:
        await driver.destroy(session_id)
    await runtime.aclose()


@pytest.fixture
async def docker_driver(private_dockerd: PrivateDockerd) -> AsyncIterator[DockerDriver]:
    """A driver on the private engine; the sessions the test leaves behind are removed."""
    janitor = DockerDriver(driver_config(private_dockerd))
    driver = DockerDriver(driver_config(private_dockerd))
    try:
        before = set(await janitor.list_owned())
        yield driver
    finally:
        await driver.close()
        try:
            for session_id in set(await janitor.list_owned()) - before:
                await janitor.destroy(session_id)
        finally:
            await janitor.close()


# -- ECS Fargate against moto's server (tests/support/moto_server.py) -----------------
# moto is a test dependency: when its server cannot start, the ECS tests fail, never skip.

#: Who may reach published ports in the tests (TEST-NET-3).
INGRESS_CIDR = "203.0.113.0/24"


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoServer]:
    try:
        server = start_moto_server()
    except (ImportError, OSError) as exc:
        pytest.fail(f"moto's server did not start: {exc!r}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def aws(moto_server: MotoServer) -> AsyncIterator[tuple[Any, Any]]:
    """``(ecs, ec2)`` clients on moto, to look at the engine without the driver."""
    async with aws_clients(moto_server.url) as clients:
        yield clients


@pytest.fixture
async def ecs_env(moto_server: MotoServer, aws: tuple[Any, Any]) -> EcsEnvironment:
    """A VPC, two subnets and a cluster of this test's own."""
    return await create_environment(*aws, moto_server.url)


def ecs_config(env: EcsEnvironment, **overrides: Any) -> EcsConfig:
    """A driver configuration on ``env`` with waits short enough for tests."""
    settings: dict[str, Any] = {
        "cluster": env.cluster,
        "region": env.region,
        "vpc_id": env.vpc_id,
        "subnets": env.subnets,
        "ingress_cidr": INGRESS_CIDR,
        "endpoint_url": env.url,
        "poll_interval": 0.01,
        "event_poll_interval": 0.05,
        "start_timeout": 5,
        "group_delete_backoff": 0.01,
        "group_delete_timeout": 1,
        "api_timeout": 5,
        "max_attempts": 1,
        **overrides,
    }
    return EcsConfig(**settings)


@pytest.fixture
async def ecs_driver(ecs_env: EcsEnvironment) -> AsyncIterator[EcsDriver]:
    """A driver on this test's cluster; whatever the test leaves behind is destroyed."""
    janitor = EcsDriver(ecs_config(ecs_env), session=aws_session())
    driver = EcsDriver(ecs_config(ecs_env), session=aws_session())
    try:
        yield driver
    finally:
        await driver.close()
        try:
            await asyncio.gather(*map(janitor.destroy, await janitor.list_owned()))
        finally:
            await janitor.close()
