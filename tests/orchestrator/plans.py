"""Session plans the orchestrator tests provision."""

from __future__ import annotations

import uuid

from rangex_graphql.orchestrator.protocol import (
    MachineRole,
    MachineSpec,
    PortSpec,
    SessionPlan,
)
from rangex_graphql.services.sessions.plan import startup_command
from tests.support.dockerd import IMAGE

HTTPD = ("httpd", "-f", "-p", "80", "-h", "/www")
# Machine.entrypoints of an authored web server on port 80, shown to the learner.
HTTP_80 = {"protocol": "HTTP", "port": 80, "exposed": True, "description": "the web app"}


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


def hardened_router(name: str = "router", image: str = IMAGE) -> MachineSpec:
    """A machine with what labs may ask beyond the defaults: extra capabilities, network
    sysctls, ulimits and startup commands (run by /bin/sh, as the session plan does)."""
    return target(
        name,
        image,
        command=startup_command(["echo started > /tmp/started", " ".join(("exec", *HTTPD))]),
        capabilities=("NET_ADMIN", "NET_RAW", "SYS_PTRACE"),
        sysctls={"net.ipv4.ip_forward": "1", "net.ipv4.conf.all.rp_filter": "0"},
        ulimits={"nofile": 4096, "nproc": 100},
    )


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
