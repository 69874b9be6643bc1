"""Many sessions' statuses at once on a real, private Docker Engine (see conftest.py).

``status_many`` must answer exactly as ``status`` does for each session, from one
listing of the engine's containers whatever the number of sessions.
"""

from __future__ import annotations

import asyncio

import aiodocker
import pytest
from aiodocker.containers import DockerContainer

from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import LABEL_SESSION, MachineState
from tests.orchestrator.plans import plan, target


async def test_status_many_lists_once_and_answers_as_status_does(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker, monkeypatch: pytest.MonkeyPatch
) -> None:
    running, killed, paused, destroyed = (
        plan(target("web"), target("db")),
        plan(target("web"), target("db")),
        plan(target("web")),
        plan(target("web")),
    )
    handles = await asyncio.gather(
        *(docker_driver.provision(p) for p in (running, killed, paused, destroyed))
    )
    victim = docker_api.containers.container(handles[1][0].resource_id)  # killed's web
    await victim.kill()
    await victim.wait()
    await docker_driver.pause(paused.session_id)
    await docker_driver.destroy(destroyed.session_id)
    ids = [
        running.session_id,
        killed.session_id,
        paused.session_id,
        destroyed.session_id,
        "t-no-such-session",
    ]

    listings: list[str] = []
    list_containers = DockerDriver._containers

    async def counted(driver: DockerDriver, label: str) -> list[DockerContainer]:
        listings.append(label)
        return await list_containers(driver, label)

    monkeypatch.setattr(DockerDriver, "_containers", counted)
    many = await docker_driver.status_many(ids)
    assert listings == [LABEL_SESSION]  # one listing, by the label's key

    assert list(many) == ids
    assert many == {session_id: await docker_driver.status(session_id) for session_id in ids}
    assert [(s.name, s.state) for s in many[running.session_id]] == [
        ("db", MachineState.RUNNING),
        ("web", MachineState.RUNNING),
    ]
    assert [(s.name, s.state, s.exit_code) for s in many[killed.session_id]] == [
        ("db", MachineState.RUNNING, None),
        ("web", MachineState.EXITED, 137),
    ]
    assert [(s.name, s.state) for s in many[paused.session_id]] == [("web", MachineState.PAUSED)]
    assert many[destroyed.session_id] == []
    assert many["t-no-such-session"] == []
    assert await docker_driver.status_many([]) == {}
