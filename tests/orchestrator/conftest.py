"""Fixtures for the orchestrator's tests: a private Docker Engine and drivers on it.

``private_dockerd`` starts a dockerd of its own once per test run (see
``tests/support/dockerd.py``); it skips the Docker tests with the reason when the engine
cannot start, and fails them instead under ``CI=true``.
"""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Iterator

import aiodocker
import pytest

from rangex_graphql.orchestrator.docker import DockerDriver, DockerDriverConfig
from tests.conftest import require_service
from tests.support.dockerd import DockerdUnavailable, PrivateDockerd, start_private_dockerd


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
