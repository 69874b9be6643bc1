"""Creator test runs on the real Docker Engine (the private dockerd of the fixtures).

A version of two busybox httpd machines in different network groups, the entered one
with an exposed HTTP entrypoint and a healthcheck, is deployed and checked for real:
connections from the API host, probes inside the containers, the engine's health. A
broken variant (the entrypoint names a port nothing listens on) FAILS with that check's
message. Whatever the verdict, no container nor network of the session is left.
"""

from __future__ import annotations

import json

import aiodocker
import pytest

from rangex_graphql.models import EnvironmentSession, ScenarioVersion, User
from rangex_graphql.models.enums import MachineRole, SessionState, UserRole, VersionStatus
from rangex_graphql.models.test_run import VersionTestRun
from rangex_graphql.orchestrator.protocol import LABEL_SESSION
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.dockerd import IMAGE
from tests.testruns.support import checks_by_name, machine, run_to_verdict

pytestmark = pytest.mark.usefixtures("db")

SERVE = "exec httpd -f -p 80 -h /www"
HEALTHY = {
    "command": "nc -w 1 127.0.0.1 80 </dev/null",
    "interval_seconds": 1,
    "timeout_seconds": 2,
    "retries": 5,
    "start_period_seconds": 0,
}


async def two_groups(author: User, web_port: int = 80, db_group: str = "lan") -> ScenarioVersion:
    version = await factories.version(
        await factories.scenario(author), VersionStatus.DRAFT, machines=0, questions=0
    )
    await machine(
        version,
        "web",
        role=MachineRole.TARGET,
        image_ref=IMAGE,
        network_group="dmz",
        learner_may_enter=True,
        startup_commands=[SERVE],
        healthcheck=HEALTHY,
        entrypoints=[
            {"protocol": "HTTP", "port": web_port, "exposed": True, "description": "the site"}
        ],
    )
    await machine(
        version,
        "db",
        role=MachineRole.INTERNAL,
        image_ref=IMAGE,
        network_group=db_group,
        startup_commands=[SERVE],
        entrypoints=[{"protocol": "HTTP", "port": 80, "exposed": False, "description": "admin"}],
    )
    return version


async def nothing_left(docker: aiodocker.Docker, session_id: str) -> None:
    label = json.dumps({"label": [f"{LABEL_SESSION}={session_id}"]})
    assert await docker.containers.list(all=True, filters=label) == []
    networks = await docker.networks.list(filters={"label": f"{LABEL_SESSION}={session_id}"})
    assert networks == []


async def test_a_sound_version_passes_every_check(
    settings: Settings, docker_runtime: Runtime, docker_api: aiodocker.Docker
) -> None:
    """Both machines in one network group: segmentation has nothing to probe."""
    author = await factories.user(UserRole.CREATOR)
    version = await two_groups(author, db_group="dmz")
    result = await run_to_verdict(settings, docker_runtime, author, version)
    checks = checks_by_name(result)
    assert checks["machines_running"]["status"] == "PASSED", result
    assert checks["private_addresses"]["status"] == "PASSED"
    assert checks["entrypoint web:80"]["status"] == "PASSED", checks["entrypoint web:80"]
    assert checks["entrypoint web:80"]["message"].startswith("connected from the API host")
    assert checks["internal_entrypoints"]["status"] == "PASSED"
    assert checks["healthchecks"] == {
        "name": "healthchecks",
        "status": "PASSED",
        "message": "web healthy",
        "position": checks["healthchecks"]["position"],
    }
    assert checks["segmentation"]["status"] == "SKIPPED"
    assert checks["learner_login"]["status"] == "SKIPPED"
    assert checks["learner_login"]["message"] == "web has no SSH login set"
    assert result["status"] == "PASSED", result
    session = await EnvironmentSession.get(version_id=version.id)
    assert session.is_test
    assert session.state is SessionState.TERMINATED
    await nothing_left(docker_api, str(session.id))


async def test_machines_of_different_groups_cannot_reach_each_other(
    settings: Settings, docker_runtime: Runtime
) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await two_groups(author)
    result = await run_to_verdict(settings, docker_runtime, author, version)
    segmentation = checks_by_name(result)["segmentation"]
    assert segmentation["status"] == "PASSED", segmentation
    assert result["status"] == "PASSED", result


async def test_an_entrypoint_nothing_listens_on_fails_with_its_message(
    settings: Settings, docker_runtime: Runtime, docker_api: aiodocker.Docker
) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await two_groups(author, web_port=8080)
    result = await run_to_verdict(settings, docker_runtime, author, version)
    assert result["status"] == "FAILED"
    failed = checks_by_name(result)["entrypoint web:8080"]
    assert failed["status"] == "FAILED"
    assert "nothing answers behind the port" in failed["message"]
    assert "entrypoint web:8080" in result["failureMessage"]
    run = await VersionTestRun.get(version_id=version.id)
    await nothing_left(docker_api, str(run.session_id))  # type: ignore[attr-defined]
