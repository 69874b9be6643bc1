"""The orchestrator tests' engines (the private dockerd, moto's server) for test runs."""

from __future__ import annotations

from tests.orchestrator.conftest import (
    aws,
    docker_api,
    docker_runtime,
    ecs_env,
    moto_server,
    private_dockerd,
)

__all__ = ["aws", "docker_api", "docker_runtime", "ecs_env", "moto_server", "private_dockerd"]
