"""The machines of the demo's live sessions, on both sides of the engine: the platform's
``session_machine`` rows and the simulated engine's ``simulated_machine`` rows, which
agree on ids, addresses and ports. The server's simulated engine keeps its machines in
that table, so it finds the seeded sessions running (or paused) and its reconciler leaves
them be, as if it had provisioned them itself.
"""

from __future__ import annotations

import ipaddress
import itertools
from uuid import NAMESPACE_URL, uuid5

from .. import models as m
from ..models.enums import SessionMachineState, SessionState
from ..orchestrator.protocol import (
    LABEL_CREATOR,
    LABEL_EGRESS,
    LABEL_MACHINE,
    LABEL_NETWORK_GROUP,
    LABEL_PROFILE,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SCENARIO_VERSION,
    LABEL_SESSION,
    MAX_PORTS_PER_MACHINE,
    MachineRole,
    MachineState,
    PublishedPort,
)
from ..orchestrator.simulated_db import machine_row
from ..orchestrator.simulated_state import MachineRecord
from ..services.sessions.plan import EGRESS, ROLES
from .catalog import CatalogBuilder

LIVE_STATES = {
    SessionState.RUNNING: (SessionMachineState.RUNNING, MachineState.RUNNING),
    SessionState.PAUSED: (SessionMachineState.PAUSED, MachineState.PAUSED),
}
PUBLISH_HOST = "127.0.0.1"  # the simulated engine's default
FIRST_HOST_PORT = 40000


class DeploymentBuilder(CatalogBuilder):
    """Adds :meth:`deploy`; each live session gets a /24 of its own (from 172.16.1.0)."""

    def start_deployments(self) -> None:
        self.subnets = itertools.count(1)  # 172.16.0.0/12 holds 4096 /24s
        self.host_ports = itertools.count(FIRST_HOST_PORT, MAX_PORTS_PER_MACHINE)

    def deploy(self, session: m.EnvironmentSession, version: m.ScenarioVersion) -> None:
        platform_state, engine_state = LIVE_STATES[session.state]
        n = next(self.subnets)
        subnet = ipaddress.IPv4Network(f"172.{16 + n // 256}.{n % 256}.0/24")
        scenario_id = version.scenario_id  # type: ignore[attr-defined]
        scenario = next(s for s in self.rows[m.Scenario] if s.id == scenario_id)
        author = next(u for u in self.rows[m.User] if u.id == scenario.author_id)
        labels = {
            LABEL_SESSION: str(session.id),
            LABEL_SCENARIO: scenario.slug,
            LABEL_CREATOR: author.username,
            LABEL_SCENARIO_VERSION: str(version.number),
        }
        for mc in self.machines[version.id]:
            role = ROLES[mc.role]
            published = self._published(mc) if role is MachineRole.ATTACKER else ()
            record = MachineRecord(
                session_id=str(session.id),
                network_id=f"net-{session.id.hex[:12]}",
                subnet=subnet,
                name=mc.name,
                position=mc.position,
                role=role,
                image=mc.image_ref,
                resource_id=f"sim-{session.id.hex[:10]}{mc.position:02d}",
                address=str(subnet.network_address + 10 + mc.position),
                published=published,
                labels={
                    **labels,
                    LABEL_MACHINE: mc.name,
                    LABEL_ROLE: role.value,
                    LABEL_PROFILE: session.resource_profile.value.lower(),
                    LABEL_NETWORK_GROUP: mc.network_group,
                    LABEL_EGRESS: EGRESS[mc.egress].value,
                },
                state=engine_state,
            )
            self.add(
                m.SessionMachine,
                session_id=session.id,
                machine_id=mc.id,
                state=platform_state,
                driver_handle=record.resource_id,
                address=record.address,
                ports=[
                    {
                        "containerPort": p.container_port,
                        "protocol": p.protocol,
                        "host": p.host_ip,
                        "hostPort": p.host_port,
                    }
                    for p in published
                ]
                or None,
            )
            row = machine_row(record)
            row.id = uuid5(NAMESPACE_URL, f"rangex-demo:{record.resource_id}")
            row.created_at = self.clock
            self.rows[m.SimulatedMachine].append(row)

    def _published(self, machine: m.Machine) -> tuple[PublishedPort, ...]:
        ports = [int(e["port"]) for e in machine.entrypoints if e["exposed"]]
        if not ports:
            return ()
        first = next(self.host_ports)
        return tuple(
            PublishedPort(port, "tcp", PUBLISH_HOST, first + i)
            for i, port in enumerate(ports[:MAX_PORTS_PER_MACHINE])
        )
