"""Private registries on the ECS driver (moto's server): the login goes to a Secrets
Manager secret, and the container's ``repositoryCredentials`` name it."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from aiobotocore.config import AioConfig  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.orchestrator.registry import RegistryAuth
from tests.orchestrator.plans import plan, target
from tests.orchestrator.test_ecs import session_tasks
from tests.support.moto_server import (
    MOTO_WARNINGS,
    REGION,
    EcsEnvironment,
    MotoServer,
    aws_session,
)

pytestmark = pytest.mark.filterwarnings(MOTO_WARNINGS)

IMAGE = "registry.example.com:5000/private/lab:1.0"


async def secret_of(moto_server: MotoServer, name: str) -> dict[str, Any]:
    async with aws_session().create_client(
        "secretsmanager",
        region_name=REGION,
        endpoint_url=moto_server.url,
        config=AioConfig(retries={"max_attempts": 1}),
    ) as secrets:
        found: dict[str, Any] = await secrets.get_secret_value(SecretId=name)
        return found


async def test_a_private_image_pulls_with_a_secret_of_its_login(
    ecs_driver: EcsDriver,
    aws: tuple[Any, Any],
    ecs_env: EcsEnvironment,
    moto_server: MotoServer,
) -> None:
    ecs, _ = aws
    auth = RegistryAuth("registry.example.com:5000", "puller", "first-pass", "cred-1")
    private = target("web", image=IMAGE, registry_auth=auth)
    public = target("db")
    p = plan(private, public)
    await ecs_driver.provision(p)

    name = ecs_driver.registry_secrets.name(auth)
    stored = await secret_of(moto_server, name)
    assert json.loads(stored["SecretString"]) == {"username": "puller", "password": "first-pass"}
    containers = {}
    for task in (await session_tasks(aws, ecs_env, p.session_id)).values():
        described = await ecs.describe_task_definition(taskDefinition=task["taskDefinitionArn"])
        (container,) = described["taskDefinition"]["containerDefinitions"]
        containers[container["name"]] = container
    assert containers["web"]["repositoryCredentials"] == {"credentialsParameter": stored["ARN"]}
    assert "repositoryCredentials" not in containers["db"]  # a public image: no login
    # The password is in the secret only, never in the task definition.
    assert "first-pass" not in json.dumps(containers["web"])

    # The credential's secret changed: the next session updates the same secret.
    changed = replace(auth, password="second-pass")
    again = plan(target("web", image=IMAGE, registry_auth=changed))
    await ecs_driver.provision(again)
    updated = await secret_of(moto_server, name)
    assert updated["ARN"] == stored["ARN"]
    assert json.loads(updated["SecretString"])["password"] == "second-pass"
