"""What of an authored machine reaches the engine: entrypoints as ports (only the entry
machine's exposed ones published), startup commands, capabilities, sysctls, ulimits,
healthcheck, and the machine's SSH login in its environment, opened from its seal."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Machine
from rangex_graphql.orchestrator.protocol import HealthcheckSpec, PortSpec, validate_plan
from rangex_graphql.security.secret_box import seal
from rangex_graphql.services.sessions.plan import build_plan
from rangex_graphql.settings import Settings
from tests import factories

pytestmark = pytest.mark.usefixtures("db")


async def test_a_machines_runtime_settings_reach_the_plan(settings: Settings) -> None:
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    entrypoints = [
        {"protocol": "SSH", "port": 22, "exposed": True, "description": ""},
        {"protocol": "UDP", "port": 443, "exposed": True, "description": ""},
        {"protocol": "TCP", "port": 9090, "exposed": False, "description": ""},
    ]
    await Machine.filter(version_id=version.id).update(entrypoints=entrypoints)
    await Machine.filter(version_id=version.id, name="m1").update(
        startup_commands=["touch /ready", "exec httpd -f"],
        capabilities=["NET_ADMIN"],
        sysctls={"net.ipv4.ip_forward": "1"},
        ulimits={"nofile": 4096},
        healthcheck={
            "command": "test -f /ready",
            "interval_seconds": 10,
            "timeout_seconds": 2,
            "retries": 3,
            "start_period_seconds": 5,
        },
        ssh_username="bob",
        ssh_password_sealed=seal(settings, "hunter2"),
    )
    session = await factories.session(await factories.user(), version)

    plan = await build_plan(settings, session.id, {})

    validate_plan(plan)
    entry, target = plan.machines
    assert entry.ports == (
        PortSpec(22, "tcp", published=True),
        PortSpec(443, "udp", published=True),
        PortSpec(9090, "tcp", published=False),  # internal: never published
    )
    assert target.ports == (  # not the entry machine: nothing published
        PortSpec(22, "tcp"),
        PortSpec(443, "udp"),
        PortSpec(9090, "tcp"),
    )
    assert (entry.command, entry.capabilities, entry.healthcheck) == (None, (), None)
    assert "RANGEX_SSH_PASSWORD" not in entry.environment
    assert target.command == ("/bin/sh", "-c", "set -e\ntouch /ready\nexec httpd -f")
    assert target.capabilities == ("NET_ADMIN",)
    assert target.sysctls == {"net.ipv4.ip_forward": "1"}
    assert target.ulimits == {"nofile": 4096}
    assert target.healthcheck == HealthcheckSpec("test -f /ready", 10, 2, 3, 5)
    assert target.environment["RANGEX_SSH_USERNAME"] == "bob"
    assert target.environment["RANGEX_SSH_PASSWORD"] == "hunter2"


async def test_a_machine_the_learner_enters_has_its_exposed_entrypoints_published(
    settings: Settings,
) -> None:
    version = await factories.version(await factories.scenario(), machines=3, questions=0)
    await Machine.filter(version_id=version.id, name="m2").update(learner_may_enter=True)
    session = await factories.session(await factories.user(), version)

    plan = await build_plan(settings, session.id, {})

    published = {m.name: [p.port for p in m.published_ports] for m in plan.machines}
    assert published == {"m0": [22, 80], "m1": [], "m2": [22, 80]}
