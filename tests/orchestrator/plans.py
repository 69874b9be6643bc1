"""Session plans the orchestrator tests provision."""

from __future__ import annotations

import uuid

from rangex_graphql.orchestrator.protocol import (
    MachineRole,
    MachineSpec,
    PortSpec,
    SessionPlan,
)
from tests.support.dockerd import IMAGE

HTTPD = ("httpd", "-f", "-p", "80", "-h", "/www")


def new_session_id() -> str:
    return f"t{uuid.uuid4().hex[:12]}"


def attacker(image: str = IMAGE, **overrides: object) -> MachineSpec:
    fields: dict[str, object] = {
        "name": "attacker",
        "role": MachineRole.ATTACKER,
        "image": image,
        "cpu": 0.5,
        "memory_mib": 64,
        "resource_profile": "small",
        "ports": (PortSpec(80, published=True),),
        "environment": {"RANGEX_ROLE": "attacker"},
        "command": HTTPD,
        "pids_limit": 128,
        "capabilities": ("NET_BIND_SERVICE",),
    }
    fields.update(overrides)
    return MachineSpec(**fields)  # type: ignore[arg-type]


def target(name: str, image: str = IMAGE, **overrides: object) -> MachineSpec:
    fields: dict[str, object] = {
        "name": name,
        "role": MachineRole.INTERNAL,
        "image": image,
        "cpu": 0.25,
        "memory_mib": 32,
        "resource_profile": "micro",
        "ports": (PortSpec(80),),
        "network_group": "lan",
        "command": HTTPD,
        "pids_limit": 64,
    }
    fields.update(overrides)
    return MachineSpec(**fields)  # type: ignore[arg-type]


def plan(
    *machines: MachineSpec, session_id: str | None = None, allow_egress: bool = False
) -> SessionPlan:
    return SessionPlan(
        session_id=session_id or new_session_id(),
        scenario="web-breach",
        creator="creator-7",
        scenario_version="3",
        machines=machines,
        allow_egress=allow_egress,
        extra_labels={"rangex.test": "orchestrator"},
    )


def three_machines(session_id: str | None = None) -> SessionPlan:
    return plan(attacker(), target("web"), target("db"), session_id=session_id)
