"""The Docker driver's parts that need no engine: configuration, errors, event mapping."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from rangex_graphql.orchestrator.docker import DockerDriver, DockerDriverConfig
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_SESSION,
    Driver,
    EngineUnavailable,
    EventKind,
    OperationFailed,
)
from tests.orchestrator.plans import three_machines


def engine_message(action: str, attributes: dict[str, str], nano: int) -> dict[str, Any]:
    return {
        "Type": "container",
        "Action": action,
        "Actor": {"ID": "c0ffee", "Attributes": attributes},
        "timeNano": nano,
    }


OURS = {LABEL_SESSION: "s1", LABEL_MACHINE: "web", "name": "rangex-s1-web"}
NANO = 1_800_000_000 * 10**9


def test_is_a_driver() -> None:
    assert isinstance(DockerDriver(), Driver)


def test_url_may_be_a_socket_path() -> None:
    assert DockerDriverConfig(url="/run/x.sock").docker_url == "unix:///run/x.sock"
    assert DockerDriverConfig().docker_url == "unix:///var/run/docker.sock"
    assert DockerDriverConfig(url="tcp://10.0.0.2:2375").docker_url == "tcp://10.0.0.2:2375"


@pytest.mark.parametrize(
    ("action", "attributes", "kind", "exit_code"),
    [
        ("die", {**OURS, "exitCode": "137"}, EventKind.DIED, 137),
        ("oom", OURS, EventKind.OOM_KILLED, None),
        ("destroy", OURS, EventKind.LOST, None),
    ],
)
def test_engine_events_become_engine_events(
    action: str, attributes: dict[str, str], kind: EventKind, exit_code: int | None
) -> None:
    event = DockerDriver()._engine_event(engine_message(action, attributes, NANO), NANO)
    assert event is not None
    assert (event.session_id, event.machine, event.kind, event.exit_code) == (
        "s1",
        "web",
        kind,
        exit_code,
    )
    assert event.resource_id == "c0ffee"
    assert event.at == datetime.fromtimestamp(1_800_000_000, UTC)


def test_other_events_and_our_own_removals_are_not_news() -> None:
    driver = DockerDriver()
    assert driver._engine_event(engine_message("die", {"name": "x"}, NANO), NANO) is None
    assert driver._engine_event(engine_message("start", OURS, NANO), NANO) is None
    now = time.time()
    driver._removing["c0ffee"] = now
    late = int((now + 0.5) * 1e9)
    assert driver._engine_event(engine_message("die", OURS, late), late) is None
    earlier = int((now - 60) * 1e9)  # it died on its own long before we removed it
    assert driver._engine_event(engine_message("die", OURS, earlier), earlier) is not None


async def test_an_unreachable_engine_is_reported(tmp_path: Path) -> None:
    driver = DockerDriver(DockerDriverConfig(url=str(tmp_path / "none.sock"), api_timeout=2))
    try:
        with pytest.raises(EngineUnavailable):
            await driver.ping()
        with pytest.raises(EngineUnavailable):
            await driver.list_owned()
        with pytest.raises(EngineUnavailable):
            await driver.status("s1")
        with pytest.raises(EngineUnavailable):
            await driver.status_many(["s1", "s2"])
        with pytest.raises(EngineUnavailable):
            await driver.provision(three_machines())
        with pytest.raises(OperationFailed):
            await driver.pause("s1")
        with pytest.raises(OperationFailed):
            await driver.destroy("s1")
    finally:
        await driver.close()
    with pytest.raises(EngineUnavailable, match="closed"):
        await driver.ping()
