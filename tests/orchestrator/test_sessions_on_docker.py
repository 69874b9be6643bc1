"""Sessions end to end on a real Docker Engine (the private dockerd of the fixtures).

- A session started with the ``sessionStart`` mutation on a 3-machine version runs, its
  containers labelled; 50 concurrent pause/resume calls leave the row and the engine in
  the same state, and 50 more with terminates among them leave nothing behind.
- A server process killed (SIGKILL) while it provisions leaves an orphan that the next
  server process's reconciler removes at start-up, the session ending FAILED.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiodocker
import pytest

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.jobs.engine_events import watch_engine_events
from rangex_graphql.models import AuditLog, EnvironmentSession, Machine, ScenarioVersion, User
from rangex_graphql.models.enums import MachineRole, SessionState
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SESSION,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.orchestrator.plans import HTTP_80
from tests.support.dockerd import PrivateDockerd, api, cache_dir, labbase_tar, prepare_engine
from tests.support.sessions import FIELDS, START, settle, start_session

S = SessionState
pytestmark = pytest.mark.usefixtures("db")

#: The lab image with a command that keeps the machine running (busybox httpd).
LAB_IMAGE = "localhost/labserve:latest"
LAB_CMD = 'CMD ["httpd", "-f", "-p", "80", "-h", "/www"]'


def control(name: str) -> str:
    return f"mutation($input: SessionInput!) {{ {name}(input: $input) {{ {FIELDS} }} }}"


@pytest.fixture(scope="module")
def lab_image(private_dockerd: PrivateDockerd) -> str:
    """``localhost/labserve:latest``: the fixtures' busybox rootfs with a default command."""
    tar = labbase_tar(cache_dir(), prepare_engine(cache_dir()))
    query = urllib.parse.urlencode(
        {"fromSrc": "-", "repo": LAB_IMAGE.rsplit(":", 1)[0], "tag": "latest", "changes": LAB_CMD}
    )
    status, body = api(
        private_dockerd.socket,
        "POST",
        f"/images/create?{query}",
        body=tar.read_bytes(),
        headers={"Content-Type": "application/x-tar"},
        timeout=60,
    )
    assert status == 200, body[-300:]
    assert b'"error' not in body, body[-300:]
    return LAB_IMAGE


async def three_machine_version(image: str, slow_image: str | None = None) -> ScenarioVersion:
    version = await factories.version(await factories.scenario(), machines=0, questions=0)
    roles = (MachineRole.ATTACKER, MachineRole.INTERNAL, MachineRole.INTERNAL)
    for i, role in enumerate(roles):
        await Machine.create(
            version=version,
            name=f"m{i}",
            role=role,
            image_ref=slow_image if slow_image and i == 2 else image,
            cpu=0.25,
            memory_mib=64,
            entrypoints=[HTTP_80] if i == 0 else [],
            position=i,
        )
    return version


async def session_labelled(
    docker: aiodocker.Docker, session_id: str
) -> tuple[list[Any], list[Any]]:
    label = json.dumps({"label": [f"{LABEL_SESSION}={session_id}"]})
    containers = await docker.containers.list(all=True, filters=label)
    networks = await docker.networks.list(filters={"label": f"{LABEL_SESSION}={session_id}"})
    return containers, networks


async def engine_state(docker: aiodocker.Docker, session_id: str) -> set[str]:
    containers, _ = await session_labelled(docker, session_id)
    return {(await c.show())["State"]["Status"] for c in containers}


async def test_fifty_concurrent_controls_end_in_one_state_with_nothing_leaked(
    settings: Settings, docker_runtime: Runtime, docker_api: aiodocker.Docker, lab_image: str
) -> None:
    learner = await factories.user()
    version = await three_machine_version(lab_image)
    global_id, session_id = await start_session(settings, docker_runtime, learner, version)

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.RUNNING, row.failure_reason
    containers, networks = await session_labelled(docker_api, str(session_id))
    assert len(containers) == 3
    assert networks
    labels = [c["Labels"] for c in containers]
    assert {lab[LABEL_ROLE] for lab in labels} == {"attacker", "internal"}
    assert all(lab[LABEL_SCENARIO] for lab in labels)
    assert await engine_state(docker_api, str(session_id)) == {"running"}

    async def act(name: str) -> None:
        await run(
            settings,
            control(name),
            {"input": {"sessionId": global_id}},
            as_user=learner,
            runtime=docker_runtime,
        )

    rng = random.Random(50)
    await asyncio.gather(*(act(rng.choice(["sessionPause", "sessionResume"])) for _ in range(50)))
    won = await AuditLog.filter(
        action__in=["session.pause", "session.resume"], target_id=str(session_id)
    ).count()
    assert won >= 2  # some of the calls won their compare-and-set and reached the engine
    row = await EnvironmentSession.get(id=session_id)
    expected = {S.RUNNING: {"running"}, S.PAUSED: {"paused"}}[row.state]
    assert await engine_state(docker_api, str(session_id)) == expected

    names = ["sessionPause", "sessionResume", "sessionTerminate"]
    await asyncio.gather(*(act(rng.choice(names)) for _ in range(49)), act("sessionTerminate"))
    await settle(docker_runtime)
    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.TERMINATED
    assert await session_labelled(docker_api, str(session_id)) == ([], [])


async def test_an_engine_failure_mid_provision_fails_the_session_with_nothing_left(
    settings: Settings, docker_runtime: Runtime, docker_api: aiodocker.Docker, lab_image: str
) -> None:
    learner = await factories.user()
    # Nothing listens on port 1: the third machine's image cannot be pulled, after the
    # network and the other two containers were created.
    version = await three_machine_version(lab_image, slow_image="127.0.0.1:1/missing:1")
    _, session_id = await start_session(settings, docker_runtime, learner, version)

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.FAILED
    assert row.end_reason == "provision_failed"
    assert "127.0.0.1:1/missing:1" in (row.failure_reason or "")
    assert await session_labelled(docker_api, session_id) == ([], [])


async def test_a_container_killed_on_the_engine_fails_its_session(
    settings: Settings, docker_runtime: Runtime, docker_api: aiodocker.Docker, lab_image: str
) -> None:
    learner = await factories.user()
    version = await three_machine_version(lab_image)
    _, session_id = await start_session(settings, docker_runtime, learner, version)
    assert (await EnvironmentSession.get(id=session_id)).state is S.RUNNING
    watcher = asyncio.ensure_future(watch_engine_events(docker_runtime))
    try:
        await asyncio.sleep(0.2)  # the event stream is open
        containers, _ = await session_labelled(docker_api, session_id)
        victim = next(c for c in containers if c["Labels"][LABEL_MACHINE] == "m1")
        await victim.kill()

        deadline = time.monotonic() + 20
        while (row := await EnvironmentSession.get(id=session_id)).state is not S.FAILED:
            assert time.monotonic() < deadline, row.state
            await asyncio.sleep(0.05)
    finally:
        watcher.cancel()
    assert row.end_reason == "machine_failed"
    assert (row.failure_reason or "").startswith("machine m1 stopped")
    assert await session_labelled(docker_api, session_id) == ([], [])


# -- a server killed mid-provision ---------------------------------------------------------


@pytest.fixture
def stalling_registry() -> Iterator[str]:
    """A registry address that accepts connections and never answers: a pull from it hangs,
    so provisioning stops half-way with the network and the other containers created."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            held.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()
        for connection in held:
            connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    settings: Settings, engine: PrivateDockerd, port: int, log: Path
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "RANGEX_DATABASE_URL": settings.database_url,
        "RANGEX_SECRET_KEY": settings.secret_key.get_secret_value(),
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_HOST": "127.0.0.1",
        "RANGEX_PORT": str(port),
        "RANGEX_ORCHESTRATOR": "docker",
        "RANGEX_DOCKER_URL": engine.url,
        "RANGEX_DOCKER_SUBNET_POOL": engine.subnet_pool,
        "RANGEX_SESSION_LEASE_SECONDS": "3",
        "RANGEX_JOBS_RECONCILE_INTERVAL_SECONDS": "0.5",
        "RANGEX_LOG_LEVEL": "warning",
    }
    command = [str(Path(sys.executable).parent / "rangex-graphql"), "serve"]
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise AssertionError(f"server did not start: {log.read_text()[-2000:]}") from None
            time.sleep(0.1)


def graphql(port: int, token: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        body: dict[str, Any] = json.loads(response.read())
    assert not body.get("errors"), body
    data: dict[str, Any] = body["data"]
    return data


def kill(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


STATE = "query($id: ID!) { node(id: $id) { ... on EnvironmentSession { state failureReason } } }"


async def test_a_server_killed_mid_provision_leaves_no_orphan_after_restart(
    settings: Settings,
    private_dockerd: PrivateDockerd,
    docker_api: aiodocker.Docker,
    lab_image: str,
    stalling_registry: str,
    tmp_path: Path,
) -> None:
    learner: User = await factories.user()
    version = await three_machine_version(lab_image, slow_image=f"{stalling_registry}/slow:1")
    token, _ = issue_access_token(settings, learner.id)
    log = tmp_path / "server.log"
    port = free_port()
    first = start_server(settings, private_dockerd, port, log)
    try:
        data = graphql(
            port,
            token,
            START,
            {"input": {"versionId": to_global_id("ScenarioVersion", version.id)}},
        )
        global_id = data["sessionStart"]["session"]["id"]
        session_id = str(from_global_id(global_id, "id")[1])
        # Wait until the engine holds part of the session (its network and two of its
        # containers; the third hangs on its image), then kill the server outright.
        deadline = time.monotonic() + 30
        while True:
            containers, networks = await session_labelled(docker_api, session_id)
            if len(containers) >= 2 and networks:
                break
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            await asyncio.sleep(0.02)
        state = graphql(port, token, STATE, {"id": global_id})["node"]["state"]
        assert state == "PROVISIONING"
        kill(first)
    finally:
        kill(first)
    # The orphan is real: nothing removes it while no server runs.
    containers, networks = await session_labelled(docker_api, session_id)
    assert len(containers) >= 2
    assert networks

    second = start_server(settings, private_dockerd, port, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            node = graphql(port, token, STATE, {"id": global_id})["node"]
            if node["state"] in ("TERMINATED", "EXPIRED", "FAILED"):
                break
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            await asyncio.sleep(0.1)
        assert node == {
            "state": "FAILED",
            "failureReason": "interrupted",  # the detail is for admins
        }
        assert await session_labelled(docker_api, session_id) == ([], [])
    finally:
        kill(second)
