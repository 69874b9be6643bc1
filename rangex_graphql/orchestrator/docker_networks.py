"""A session's Docker networks, each on a subnet of its own carved from the pool.

``<prefix>-<session>`` (internal, a /24: every machine, its name an alias there),
``<prefix>-<session>-egress`` (a plain bridge, a /28: machines with internet egress) and
``<prefix>-<session>-access`` (a /28, no masquerading, no traffic between its members:
machines that publish ports and have no egress, since Docker publishes no port of a
container whose networks are all internal).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Mapping

from aiodocker.exceptions import DockerError
from aiodocker.networks import DockerNetwork

from rangex_graphql.orchestrator._common import first_free_subnet, local_routes
from rangex_graphql.orchestrator.docker_engine import DockerDriverConfig, Engine
from rangex_graphql.orchestrator.protocol import (
    EgressPolicy,
    MachineSpec,
    ProvisionFailed,
    SessionPlan,
)
from rangex_graphql.orchestrator.provisioning import Attempt

LABEL_NETWORK_ROLE = "rangex.network-role"

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


class SessionNetworks:
    def __init__(self, config: DockerDriverConfig, engine: Engine) -> None:
        self.config = config
        self._engine = engine
        self._pool = ipaddress.IPv4Network(config.subnet_pool)
        self._subnet_lock = asyncio.Lock()

    async def create(
        self, plan: SessionPlan, labels: Mapping[str, str], attempt: Attempt
    ) -> DockerNetwork:
        """The session's networks, as its machines need them; returns the internal one."""
        sid = plan.session_id
        name = self.config.network_name(sid)
        session_net = await self._create_one(
            sid,
            name,
            {**labels, LABEL_NETWORK_ROLE: "session"},
            internal=True,
            prefix=24,
            options={},
            attempt=attempt,
        )
        for role, options in (("egress", {}), ("access", _ACCESS_OPTIONS)):
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
        return session_net

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
