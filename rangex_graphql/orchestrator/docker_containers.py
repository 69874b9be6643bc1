"""A session's machines as Docker containers: creating them, and reading them back.

One container per machine: labels, NanoCpus, memory (no swap) and pids limits, ``Init``,
every capability dropped (an allow-list added back), no-new-privileges, never
privileged, no mounts at all; published ports bound to ``publish_host`` on ephemeral
host ports, reported in the handles.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from aiodocker.containers import DockerContainer
from aiodocker.exceptions import DockerError
from aiodocker.networks import DockerNetwork

from rangex_graphql.orchestrator.docker_engine import (
    ENGINE_ERRORS,
    DockerDriverConfig,
    Engine,
    reason,
)
from rangex_graphql.orchestrator.docker_networks import outer_role
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_ROLE,
    EngineUnavailable,
    MachineHandle,
    MachineRole,
    MachineSpec,
    MachineState,
    MachineStatus,
    PortSpec,
    ProvisionFailed,
    PublishedPort,
    SessionPlan,
)
from rangex_graphql.orchestrator.provisioning import Attempt

MIB = 1024 * 1024

_STATES = {
    "created": MachineState.PENDING,
    "running": MachineState.RUNNING,
    "paused": MachineState.PAUSED,
    "exited": MachineState.EXITED,
    "dead": MachineState.EXITED,
}


class Containers:
    def __init__(self, config: DockerDriverConfig, engine: Engine) -> None:
        self.config = config
        self._engine = engine

    # -- creating ----------------------------------------------------------------------

    async def create(
        self, plan: SessionPlan, spec: MachineSpec, attempt: Attempt, session_net: DockerNetwork
    ) -> str:
        """Create the machine's container (pulling a missing image); returns its id."""
        sid = plan.session_id
        docker = self._engine()
        # A machine on an outer network is created there (its default route), then
        # joins the session network under its name before it starts.
        role = outer_role(spec)
        network = self.config.network_name(sid)
        primary = f"{network}-{role}" if role else network
        config = self._config(plan, spec, attempt.id, primary, alias=role is None)
        name = self.config.container_name(sid, spec.name)
        try:
            container = await attempt.creating(docker.containers.create(config, name=name))
        except DockerError as exc:
            if exc.status != 404:
                raise
            if not self.config.pull_missing_images:
                raise ProvisionFailed(sid, spec.name, exc.message) from exc
            try:
                await docker.images.pull(spec.image, timeout=self.config.pull_timeout)
            except ENGINE_ERRORS as pull_exc:
                raise ProvisionFailed(
                    sid, spec.name, f"image {spec.image} is not available: {reason(pull_exc)}"
                ) from pull_exc
            container = await attempt.creating(docker.containers.create(config, name=name))
        attempt.record("container", container.id)
        if role is not None:
            await session_net.connect(
                {"Container": container.id, "EndpointConfig": {"Aliases": [spec.name]}}
            )
        return container.id

    def _config(
        self, plan: SessionPlan, spec: MachineSpec, attempt_id: str, network: str, alias: bool
    ) -> dict[str, Any]:
        host_config: dict[str, Any] = {
            "NanoCpus": round(spec.cpu * 1e9),
            "Memory": spec.memory_mib * MIB,
            "MemorySwap": spec.memory_mib * MIB,
            "PidsLimit": spec.pids_limit,
            "Init": True,
            "Privileged": False,
            "CapDrop": ["ALL"],
            "CapAdd": sorted(spec.capabilities),
            "SecurityOpt": ["no-new-privileges"],
            "NetworkMode": network,
            "PortBindings": {
                f"{p.port}/{p.protocol}": [{"HostIp": self.config.publish_host, "HostPort": ""}]
                for p in spec.published_ports
            },
            "RestartPolicy": {"Name": "no"},
            "LogConfig": {
                "Type": "json-file",
                "Config": {"max-size": self.config.log_max_size, "max-file": "1"},
            },
        }
        config: dict[str, Any] = {
            "Image": spec.image,
            "Hostname": spec.name,
            "Labels": {**plan.machine_labels(spec), LABEL_PROVISION: attempt_id},
            "Env": [f"{k}={v}" for k, v in spec.environment.items()],
            "ExposedPorts": {f"{p.port}/{p.protocol}": {} for p in spec.ports},
            "HostConfig": host_config,
            "NetworkingConfig": {
                "EndpointsConfig": {network: {"Aliases": [spec.name]} if alias else {}}
            },
        }
        if spec.command is not None:
            config["Cmd"] = list(spec.command)
        return config

    # -- reading back ------------------------------------------------------------------

    async def statuses(self, containers: Sequence[DockerContainer]) -> list[MachineStatus]:
        """The containers' states, by machine name; raises what the engine raised."""
        infos = await asyncio.gather(*(c.show() for c in containers), return_exceptions=True)
        statuses: list[MachineStatus] = []
        for container, info in zip(containers, infos, strict=True):
            if isinstance(info, BaseException):
                if isinstance(info, DockerError) and info.status == 404:
                    continue  # removed since the listing
                raise EngineUnavailable(f"status of {container.id}: {reason(info)}") from info
            state = info["State"]
            machine_state = _STATES.get(state.get("Status", ""), MachineState.UNKNOWN)
            exited = machine_state is MachineState.EXITED
            statuses.append(
                MachineStatus(
                    name=info["Config"]["Labels"].get(LABEL_MACHINE, info["Name"].lstrip("/")),
                    resource_id=container.id,
                    state=machine_state,
                    exit_code=state.get("ExitCode") if exited else None,
                    oom_killed=bool(state.get("OOMKilled")),
                    detail=state.get("Error") or "",
                )
            )
        return sorted(statuses, key=lambda s: s.name)

    def handle_of(self, session_id: str, info: dict[str, Any]) -> MachineHandle:
        """A handle read back from an existing container (its labels and bindings)."""
        config = info.get("Config") or {}
        labels: dict[str, str] = config.get("Labels") or {}
        bound = (info.get("NetworkSettings") or {}).get("Ports") or {}
        published = []
        for key, bindings in sorted(bound.items()):
            port, _, protocol = key.partition("/")
            if bindings and protocol in ("tcp", "udp"):
                published.append(PortSpec(int(port), "udp" if protocol == "udp" else "tcp", True))
        role = labels.get(LABEL_ROLE, "")
        return self.handle(
            session_id,
            labels.get(LABEL_MACHINE, ""),
            MachineRole(role) if role in set(MachineRole) else MachineRole.INTERNAL,
            str(config.get("Image") or ""),
            published,
            str(info.get("Id") or ""),
            info,
        )

    def handle(
        self,
        session_id: str,
        name: str,
        role: MachineRole,
        image: str,
        published_ports: Sequence[PortSpec],
        container_id: str,
        info: dict[str, Any],
    ) -> MachineHandle:
        settings = info.get("NetworkSettings") or {}
        network = self.config.network_name(session_id)
        endpoint = (settings.get("Networks") or {}).get(network) or {}
        ports = settings.get("Ports") or {}
        published: list[PublishedPort] = []
        for port in published_ports:
            bindings = ports.get(f"{port.port}/{port.protocol}") or []
            # Docker may add an IPv6 twin for 0.0.0.0; report the configured address.
            binding = next(
                (b for b in bindings if b.get("HostIp") == self.config.publish_host),
                bindings[0] if bindings else None,
            )
            if binding is None:
                raise ProvisionFailed(
                    session_id, name, f"port {port.port}/{port.protocol} was not published"
                )
            published.append(
                PublishedPort(port.port, port.protocol, binding["HostIp"], int(binding["HostPort"]))
            )
        return MachineHandle(
            name=name,
            role=role,
            image=image,
            resource_id=container_id,
            address=endpoint.get("IPAddress") or None,
            published=tuple(published),
        )
