"""A session's Docker networks, each on a subnet of its own carved from the pool.

One internal network per segment of ``segmentation.segments`` (the machines' network
groups and access flags): ``<prefix>-<session>-a-<group>``, ``-g-<group>`` (a /24 each)
and ``-m-<machine>`` (a /28: one machine, the pivots, maybe the attackers). A machine joins
the segments it is a member of, with its name as an alias on each; its address is the one
on its home segment (the container label ``rangex.home-network`` names it). Docker lets
every member of a bridge network reach every other (ICC is per network, not per pair), so
the relation is enforced by who shares a network, nothing else.

Besides: ``<prefix>-<session>-egress`` (a /28, no traffic between its members: machines
with internet egress) and ``<prefix>-<session>-access`` (a /28, no masquerading, no
traffic between its members: machines that publish ports and have no egress, since
Docker publishes no port of a container whose networks are all internal). Both disable
ICC so that they join no network groups together (the engine enforces that with
iptables; an engine run with ``--iptables=false`` does not).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

from aiodocker.exceptions import DockerError
from aiodocker.networks import DockerNetwork

from rangex_graphql.orchestrator._common import first_free_subnet, local_routes
from rangex_graphql.orchestrator.docker_engine import DockerDriverConfig, Engine
from rangex_graphql.orchestrator.protocol import (
    LABEL_NETWORK_GROUP,
    EgressPolicy,
    MachineSpec,
    ProvisionFailed,
    SessionPlan,
)
from rangex_graphql.orchestrator.provisioning import Attempt
from rangex_graphql.orchestrator.segmentation import joins

LABEL_NETWORK_ROLE = "rangex.network-role"
#: On a container: the network its reported address is on (its home segment).
LABEL_HOME_NETWORK = "rangex.home-network"
#: Members of an isolated segment: the machine, the pivots, the attackers (a /28 has 13).
_SMALL_SEGMENT = 13

_EGRESS_OPTIONS = {"com.docker.network.bridge.enable_icc": "false"}

_ACCESS_OPTIONS = {
    "com.docker.network.bridge.enable_ip_masquerade": "false",
    "com.docker.network.bridge.enable_icc": "false",
}


def outer_role(spec: MachineSpec) -> str | None:
    """The network a machine joins besides the internal session network, if any."""
    if spec.egress is EgressPolicy.INTERNET:
        return "egress"
    if spec.published_ports:
        return "access"
    return None


@dataclass(frozen=True, slots=True)
class SessionLayout:
    """The internal networks (by name) each machine joins, its home network first."""

    networks_of: dict[str, list[str]]

    def home(self, machine: str) -> str:
        return self.networks_of[machine][0]


class SessionNetworks:
    def __init__(self, config: DockerDriverConfig, engine: Engine) -> None:
        self.config = config
        self._engine = engine
        self._pool = ipaddress.IPv4Network(config.subnet_pool)
        self._subnet_lock = asyncio.Lock()

    async def create(
        self, plan: SessionPlan, labels: Mapping[str, str], attempt: Attempt
    ) -> SessionLayout:
        """The session's networks, as its machines need them (see the module)."""
        sid = plan.session_id
        name = self.config.network_name(sid)
        found, joined = joins(plan.machines)
        networks: dict[str, str] = {}
        for segment in found:
            network_name = f"{name}-{segment.key}"
            await self._create_one(
                sid,
                network_name,
                {
                    **labels,
                    LABEL_NETWORK_ROLE: segment.kind,
                    LABEL_NETWORK_GROUP: segment.group,
                },
                internal=True,
                prefix=28
                if len(segment.members) <= _SMALL_SEGMENT and segment.kind == "isolated"
                else 24,
                options={},
                attempt=attempt,
            )
            networks[segment.key] = network_name
        for role, options in (("egress", _EGRESS_OPTIONS), ("access", _ACCESS_OPTIONS)):
            if any(outer_role(m) == role for m in plan.machines):
                await self._create_one(
                    sid,
                    f"{name}-{role}",
                    {**labels, LABEL_NETWORK_ROLE: role},
                    internal=False,
                    prefix=28,
                    options=options,
                    attempt=attempt,
                )
        return SessionLayout(
            {machine: [networks[key] for key in keys] for machine, keys in joined.items()}
        )

    async def _create_one(
        self,
        session_id: str,
        name: str,
        labels: Mapping[str, str],
        *,
        internal: bool,
        prefix: int,
        options: Mapping[str, str],
        attempt: Attempt,
    ) -> DockerNetwork:
        docker = self._engine()
        async with self._subnet_lock:
            for _ in range(5):
                used: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = [
                    ipaddress.ip_network(config["Subnet"], strict=False)
                    for net in await docker.networks.list()
                    for config in (net.get("IPAM") or {}).get("Config") or []
                    if config.get("Subnet")
                ]
                if self.config.avoid_host_routes:
                    used.extend(local_routes())
                subnet = first_free_subnet(self._pool, used, prefix)
                if subnet is None:
                    raise ProvisionFailed(session_id, None, f"no free /{prefix} in {self._pool}")
                try:
                    network = await attempt.creating(
                        docker.networks.create(
                            {
                                "Name": name,
                                "CheckDuplicate": True,
                                "Driver": "bridge",
                                "Internal": internal,
                                "Labels": dict(labels),
                                "Options": dict(options),
                                "IPAM": {"Driver": "default", "Config": [{"Subnet": str(subnet)}]},
                            }
                        ),
                    )
                except DockerError as exc:
                    if "overlap" in exc.message.lower():
                        continue  # another server took that subnet meanwhile: next one
                    raise
                attempt.record("network", network.id)
                return network
        raise ProvisionFailed(session_id, None, "could not reserve a subnet")
