"""A session and its version, as the plan a driver deploys.

One machine per authored Machine, in position order. The session's resource profile sizes
the entry (attacker) machine; the others keep their authored size, capped at the hard
limits. Only the exposed entrypoints of the machines the learner enters (the attacker,
and those flagged so) are published; the other entrypoints are container ports inside the
session. Per-session flags go into the
other machines' environment, the learner's generated credentials into the entry machine's,
a machine's authored SSH login into its own. The network group and access flags go as
they are (the drivers enforce them: ``orchestrator/segmentation.py``). The version's
EMBEDDED assets go with the machine they name (object key, path, mode), for the driver
to place before it starts. A machine whose image is on a registry with a credential gets
its login, for the engine to pull with.
"""

from __future__ import annotations

import secrets
from typing import Any
from uuid import UUID

from ...models import EnvironmentSession, Machine, SessionMachine, VersionAsset
from ...models import enums as model
from ...orchestrator.protocol import (
    AssetSpec,
    EgressPolicy,
    HealthcheckSpec,
    MachineRole,
    MachineSpec,
    PortSpec,
    SessionPlan,
)
from ...orchestrator.registry import registry_of
from ...security.secret_box import open_sealed
from ...settings import Settings
from ..images.credentials import auths_for
from .cost import Size, machine_size, profile_size

LEARNER_USERNAME = "learner"
PASSWORD_VARIABLE = "RANGEX_LEARNER_PASSWORD"
USERNAME_VARIABLE = "RANGEX_LEARNER_USERNAME"
# The machine's authored login, for its image to create.
SSH_USERNAME_VARIABLE = "RANGEX_SSH_USERNAME"
SSH_PASSWORD_VARIABLE = "RANGEX_SSH_PASSWORD"

ROLES = {
    model.MachineRole.ATTACKER: MachineRole.ATTACKER,
    model.MachineRole.TARGET: MachineRole.INTERNAL,
    model.MachineRole.INTERNAL: MachineRole.INTERNAL,
    model.MachineRole.SERVICE: MachineRole.SERVICE,
}
EGRESS = {
    model.EgressPolicy.NONE: EgressPolicy.NONE,
    model.EgressPolicy.SESSION: EgressPolicy.SESSION_ONLY,
    model.EgressPolicy.INTERNET: EgressPolicy.INTERNET,
}


def new_password() -> str:
    return secrets.token_urlsafe(12)


def ports_of(entrypoints: list[dict[str, Any]], *, publish: bool) -> tuple[PortSpec, ...]:
    """Every entrypoint as a container port (UDP for UDP, TCP for the others); on a machine
    that publishes (the entry machine), its exposed entrypoints are published to the
    learner, its internal ones stay inside the session."""
    return tuple(
        PortSpec(
            int(e["port"]),
            "udp" if e["protocol"] == model.EntrypointProtocol.UDP else "tcp",
            published=publish and bool(e["exposed"]),
        )
        for e in entrypoints
    )


def startup_command(lines: list[str]) -> tuple[str, ...] | None:
    """The container command for a machine's startup commands: a shell running them in
    order, stopping at the first that fails; None keeps the image's own command."""
    if not lines:
        return None
    return ("/bin/sh", "-c", "set -e\n" + "\n".join(lines))


def healthcheck_of(stored: dict[str, Any] | None) -> HealthcheckSpec | None:
    if stored is None:
        return None
    return HealthcheckSpec(
        command=str(stored["command"]),
        interval=int(stored["interval_seconds"]),
        timeout=int(stored["timeout_seconds"]),
        retries=int(stored["retries"]),
        start_period=int(stored["start_period_seconds"]),
    )


def profile_label(settings: Settings, size: Size) -> str:
    """The smallest profile a machine of ``size`` fits in (a label for the engine)."""
    for profile in model.ResourceProfile:
        fits = profile_size(settings, profile)
        if size.cpu <= fits.cpu and size.memory_mib <= fits.memory_mib:
            return profile.value.lower()
    return "custom"


async def embedded_assets(version_id: UUID) -> dict[str, tuple[AssetSpec, ...]]:
    """The version's EMBEDDED assets by machine name, in the order they were added (one
    statement whatever their number)."""
    rows = (
        await VersionAsset.filter(version_id=version_id, delivery=model.AssetDelivery.EMBEDDED)
        .order_by("created_at", "id")
        .values("machine_name", "target_path", "permissions", "file__object_key", "file__size")
    )
    found: dict[str, list[AssetSpec]] = {}
    for row in rows:
        if not row["machine_name"] or not row["target_path"]:
            continue
        found.setdefault(row["machine_name"], []).append(
            AssetSpec(
                key=row["file__object_key"],
                path=row["target_path"],
                mode=int(row["permissions"]),
                size=int(row["file__size"]),
            )
        )
    return {name: tuple(specs) for name, specs in found.items()}


async def build_plan(settings: Settings, session_id: UUID, flags: dict[str, str]) -> SessionPlan:
    session = await EnvironmentSession.get(id=session_id).prefetch_related(
        "version__scenario__author"
    )
    version = session.version
    scenario = version.scenario
    machines = await Machine.filter(version_id=version.id).order_by("position", "id")
    passwords = dict(
        await SessionMachine.filter(
            session_id=session_id, password_sealed__isnull=False
        ).values_list("machine_id", "password_sealed")
    )
    assets = await embedded_assets(version.id)
    auths = await auths_for(settings, [m.image_ref for m in machines])
    specs = []
    for machine in machines:
        role = ROLES[machine.role]
        size = machine_size(
            settings, machine.role, machine.cpu, machine.memory_mib, session.resource_profile
        )
        environment = dict(machine.environment)
        if machine.role is model.MachineRole.ATTACKER:
            sealed = passwords.get(machine.id)
            if sealed:
                environment[USERNAME_VARIABLE] = LEARNER_USERNAME
                environment[PASSWORD_VARIABLE] = open_sealed(settings, str(sealed))
        else:
            environment.update(flags)
        if machine.ssh_username and machine.ssh_password_sealed:
            environment[SSH_USERNAME_VARIABLE] = machine.ssh_username
            environment[SSH_PASSWORD_VARIABLE] = open_sealed(settings, machine.ssh_password_sealed)
        attacker = role is MachineRole.ATTACKER
        specs.append(
            MachineSpec(
                name=machine.name,
                role=role,
                image=machine.image_ref,
                cpu=size.cpu,
                memory_mib=size.memory_mib,
                resource_profile=(
                    session.resource_profile.value.lower()
                    if attacker
                    else profile_label(settings, size)
                ),
                ports=ports_of(machine.entrypoints, publish=attacker or machine.learner_may_enter),
                environment=environment,
                network_group=machine.network_group,
                egress=EGRESS[machine.egress],
                reachable_from_attacker=machine.reachable_from_attacker,
                internal_connections_allowed=machine.internal_connections_allowed,
                pivot_host=machine.pivot_host,
                command=startup_command(machine.startup_commands),
                capabilities=tuple(machine.capabilities),
                sysctls=dict(machine.sysctls),
                ulimits=dict(machine.ulimits),
                healthcheck=healthcheck_of(machine.healthcheck),
                assets=assets.get(machine.name, ()),
                registry_auth=auths.get(registry_of(machine.image_ref)),
            )
        )
    return SessionPlan(
        session_id=str(session_id),
        scenario=scenario.slug,
        creator=scenario.author.username,
        scenario_version=str(version.number),
        machines=tuple(specs),
        allow_egress=any(s.egress is EgressPolicy.INTERNET for s in specs),
    )
