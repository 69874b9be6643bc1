"""A session and its version, as the plan a driver deploys.

One machine per authored Machine, in position order. The session's resource profile sizes
the entry (attacker) machine; the others keep their authored size, capped at the hard
limits. Only the entry machine's ports are published to the learner. Per-session flags go
into the other machines' environment, the learner's generated credentials into the entry
machine's.
"""

from __future__ import annotations

import secrets
from uuid import UUID

from ...models import EnvironmentSession, Machine, SessionMachine
from ...models import enums as model
from ...orchestrator.protocol import EgressPolicy, MachineRole, MachineSpec, PortSpec, SessionPlan
from ...security.secret_box import open_sealed
from ...settings import Settings
from .cost import Size, machine_size, profile_size

LEARNER_USERNAME = "learner"
PASSWORD_VARIABLE = "RANGEX_LEARNER_PASSWORD"
USERNAME_VARIABLE = "RANGEX_LEARNER_USERNAME"

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


def profile_label(settings: Settings, size: Size) -> str:
    """The smallest profile a machine of ``size`` fits in (a label for the engine)."""
    for profile in model.ResourceProfile:
        fits = profile_size(settings, profile)
        if size.cpu <= fits.cpu and size.memory_mib <= fits.memory_mib:
            return profile.value.lower()
    return "custom"


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
                ports=tuple(PortSpec(int(p), published=attacker) for p in machine.exposed_ports),
                environment=environment,
                network_group=machine.network_group,
                egress=EGRESS[machine.egress],
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
