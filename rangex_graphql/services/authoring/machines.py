"""A version's machines: add, change, remove, while the version is DRAFT or REJECTED.

Each change leaves a machine that passes the machine rules of ``validation`` (reported
with paths relative to the input), at most four machines per version, names unique.
The rules about the set (a TARGET machine, at least one machine) wait for submit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any
from uuid import UUID

from tortoise.expressions import F

from ...db.transactions import retrying_transaction
from ...models import Machine, SessionMachine
from ...models.enums import EgressPolicy, MachineRole
from ...security.secret_box import seal
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from .access import Actor, require_editable, version_for_change
from .errors import AuthoringCode, RuleCode
from .machine_rules import (
    DEFAULT_PROFILE_BY_ROLE,
    MAX_MACHINES,
    PROFILE_RESOURCES,
    machine_errors,
    profile_resources,
)
from .machine_runtime import ssh_login_errors
from .spec import EntrypointSpec, HealthcheckSpec, MachineSpec


@dataclass(frozen=True, slots=True)
class SshLogin:
    """The login the learner gets for a machine; the password is sealed at rest."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class NewMachine:
    name: str
    role: MachineRole
    image_ref: str
    # None: the role's default profile (attackers small, the others micro), within the
    # version's profile.
    cpu: float | None = None
    memory_mib: int | None = None
    entrypoints: list[EntrypointSpec] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    network_group: str = "default"
    egress: EgressPolicy = EgressPolicy.NONE
    startup_commands: list[str] = field(default_factory=list)
    capabilities: list[str] = field(default_factory=list)
    sysctls: dict[str, str] = field(default_factory=dict)
    ulimits: dict[str, int] = field(default_factory=dict)
    healthcheck: HealthcheckSpec | None = None
    ssh_login: SshLogin | None = None
    learner_may_enter: bool | None = None  # None: as its role (attackers are entered)
    reachable_from_attacker: bool = True
    internal_connections_allowed: bool = True
    pivot_host: bool = False


@dataclass(frozen=True, slots=True)
class MachineChanges:
    """Fields to change; None leaves one as it is."""

    name: str | None = None
    role: MachineRole | None = None
    image_ref: str | None = None
    cpu: float | None = None
    memory_mib: int | None = None
    entrypoints: list[EntrypointSpec] | None = None
    environment: dict[str, str] | None = None
    network_group: str | None = None
    egress: EgressPolicy | None = None
    startup_commands: list[str] | None = None
    capabilities: list[str] | None = None
    sysctls: dict[str, str] | None = None
    ulimits: dict[str, int] | None = None
    healthcheck: HealthcheckSpec | None = None
    clear_healthcheck: bool = False  # remove the healthcheck (``healthcheck`` must be None)
    ssh_login: SshLogin | None = None
    clear_ssh_login: bool = False  # remove the login (``ssh_login`` must be None)
    learner_may_enter: bool | None = None
    reachable_from_attacker: bool | None = None
    internal_connections_allowed: bool | None = None
    pivot_host: bool | None = None


def _spec_of(row: Machine) -> MachineSpec:
    return MachineSpec(
        name=row.name,
        role=row.role,
        image_ref=row.image_ref,
        cpu=row.cpu,
        memory_mib=row.memory_mib,
        entrypoints=[EntrypointSpec.from_json(e) for e in row.entrypoints],
        environment=dict(row.environment),
        network_group=row.network_group,
        egress=row.egress,
        startup_commands=list(row.startup_commands),
        capabilities=list(row.capabilities),
        sysctls=dict(row.sysctls),
        ulimits=dict(row.ulimits),
        healthcheck=HealthcheckSpec.from_json(row.healthcheck),
        learner_may_enter=row.learner_may_enter,
        reachable_from_attacker=row.reachable_from_attacker,
        internal_connections_allowed=row.internal_connections_allowed,
        pivot_host=row.pivot_host,
    )


async def _check(
    spec: MachineSpec,
    profile: object,
    version_id: UUID,
    exclude: UUID | None,
    login: SshLogin | None = None,
) -> None:
    errors = machine_errors(spec, profile)
    if login is not None:
        errors += ssh_login_errors(login.username, login.password)
    others = Machine.filter(version_id=version_id)
    if exclude is not None:
        others = others.exclude(id=exclude)
    names = {str(row["name"]) for row in await others.values("name")}
    if exclude is None and len(names) >= MAX_MACHINES:
        errors.append(
            DomainError(
                RuleCode.TOO_MANY, f"a version has at most {MAX_MACHINES} machines", "versionId"
            )
        )
    if spec.name in names:
        errors.append(
            DomainError(
                RuleCode.DUPLICATE, f"another machine is already named {spec.name!r}", "name"
            )
        )
    if errors:
        raise DomainErrors(errors)


async def _version_of(machine_id: UUID) -> UUID:
    """The machine's version (which never changes), read before the transaction: its
    first statement must be the version's lock, so that on MariaDB the transaction's
    snapshot is taken after any edit it waited for."""
    found = await Machine.filter(id=machine_id).values_list("version_id", flat=True)
    if not found:
        raise DomainError(AuthoringCode.NOT_FOUND, "not found, or not yours to change", "machineId")
    return UUID(str(found[0]))


async def _machine_for_change(
    actor: Actor, machine_id: UUID, version_id: UUID
) -> tuple[Machine, object]:
    """The machine and its version's profile, the version locked and editable."""
    access = await version_for_change(actor, version_id, "machineId")
    require_editable(access.version, "machineId")
    row = await Machine.filter(id=machine_id, version_id=version_id).first()
    if row is None:
        raise DomainError(AuthoringCode.NOT_FOUND, "not found, or not yours to change", "machineId")
    return row, access.version.resource_profile


def _login_columns(login: SshLogin | None, settings: Settings | None) -> dict[str, Any]:
    """The login's columns, its password sealed with the server key."""
    if login is None:
        return {"ssh_username": None, "ssh_password_sealed": None}
    if settings is None:
        raise ValueError("sealing an SSH password needs the settings")
    return {"ssh_username": login.username, "ssh_password_sealed": seal(settings, login.password)}


async def add_machine(
    actor: Actor,
    version_id: UUID,
    new: NewMachine,
    meta: RequestMeta,
    settings: Settings | None = None,
) -> Machine:
    async def insert() -> Machine:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        default = PROFILE_RESOURCES[DEFAULT_PROFILE_BY_ROLE[new.role]]
        ceiling = profile_resources(version.resource_profile)
        spec = MachineSpec(
            name=new.name.strip(),
            role=new.role,
            image_ref=new.image_ref.strip(),
            cpu=new.cpu if new.cpu is not None else min(default.cpu, ceiling.cpu),
            memory_mib=(
                new.memory_mib
                if new.memory_mib is not None
                else min(default.memory_mib, ceiling.memory_mib)
            ),
            entrypoints=[_tidy(e) for e in new.entrypoints],
            environment=dict(new.environment),
            network_group=new.network_group.strip(),
            egress=new.egress,
            startup_commands=list(new.startup_commands),
            capabilities=[c.strip().upper() for c in new.capabilities],
            sysctls=dict(new.sysctls),
            ulimits=dict(new.ulimits),
            healthcheck=new.healthcheck,
            learner_may_enter=new.learner_may_enter,
            reachable_from_attacker=new.reachable_from_attacker,
            internal_connections_allowed=new.internal_connections_allowed,
            pivot_host=new.pivot_host,
        )
        await _check(spec, version.resource_profile, version.id, None, new.ssh_login)
        positions = (
            await Machine.filter(version_id=version.id)
            .order_by("-position")
            .limit(1)
            .values("position")
        )
        machine = await Machine.create(
            version_id=version.id,
            position=int(positions[0]["position"]) + 1 if positions else 0,
            **_columns(spec),
            **(_login_columns(new.ssh_login, settings) if new.ssh_login else {}),
        )
        await audit(
            "machine.add",
            meta,
            actor_id=actor.id,
            target_type="Machine",
            target_id=machine.id,
            version_id=str(version.id),
            name=machine.name,
        )
        return machine

    return await retrying_transaction(insert)


def _columns(spec: MachineSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "role": spec.role,
        "image_ref": spec.image_ref,
        "cpu": spec.cpu,
        "memory_mib": spec.memory_mib,
        "entrypoints": [e.to_json() for e in spec.entrypoints],
        "environment": spec.environment,
        "network_group": spec.network_group,
        "egress": spec.egress,
        "startup_commands": spec.startup_commands,
        "capabilities": spec.capabilities,
        "sysctls": spec.sysctls,
        "ulimits": spec.ulimits,
        "healthcheck": spec.healthcheck.to_json() if spec.healthcheck else None,
        "learner_may_enter": spec.entered,
        "reachable_from_attacker": spec.reachable_from_attacker,
        "internal_connections_allowed": spec.internal_connections_allowed,
        "pivot_host": spec.pivot_host,
    }


async def update_machine(
    actor: Actor,
    machine_id: UUID,
    changes: MachineChanges,
    meta: RequestMeta,
    settings: Settings | None = None,
) -> Machine:
    version_id = await _version_of(machine_id)

    async def change() -> Machine:
        row, profile = await _machine_for_change(actor, machine_id, version_id)
        given = {k: v for k, v in _changes(changes).items() if v is not None}
        if changes.clear_healthcheck:
            if changes.healthcheck is not None:
                problem = "give a healthcheck or clear it, not both"
                raise DomainError(RuleCode.INVALID, problem, "clearHealthcheck")
            given["healthcheck"] = None
        if changes.clear_ssh_login and changes.ssh_login is not None:
            problem = "give a login or clear it, not both"
            raise DomainError(RuleCode.INVALID, problem, "clearSshLogin")
        spec = replace(_spec_of(row), **given)
        await _check(spec, profile, version_id, row.id, changes.ssh_login)
        login: dict[str, Any] = {}
        if changes.ssh_login is not None or changes.clear_ssh_login:
            login = _login_columns(changes.ssh_login, settings)
            given["ssh_login"] = True  # (the audit names the field, never its value)
        if given:
            await Machine.filter(id=row.id).update(**_columns(spec), **login)
            await audit(
                "machine.update",
                meta,
                actor_id=actor.id,
                target_type="Machine",
                target_id=row.id,
                version_id=str(version_id),
                fields=sorted(given),
            )
        return await Machine.get(id=row.id)

    return await retrying_transaction(change)


def _tidy(entrypoint: EntrypointSpec) -> EntrypointSpec:
    description = entrypoint.description
    return (
        replace(entrypoint, description=description.strip())
        if isinstance(description, str)
        else entrypoint
    )


def _changes(changes: MachineChanges) -> dict[str, Any]:
    strip = {"name", "image_ref", "network_group"}
    return {
        name: (value.strip() if name in strip and isinstance(value, str) else value)
        for name, value in (
            ("name", changes.name),
            ("role", changes.role),
            ("image_ref", changes.image_ref),
            ("cpu", changes.cpu),
            ("memory_mib", changes.memory_mib),
            (
                "entrypoints",
                None if changes.entrypoints is None else [_tidy(e) for e in changes.entrypoints],
            ),
            ("environment", changes.environment),
            ("network_group", changes.network_group),
            ("egress", changes.egress),
            ("startup_commands", changes.startup_commands),
            (
                "capabilities",
                None
                if changes.capabilities is None
                else [c.strip().upper() for c in changes.capabilities],
            ),
            ("sysctls", changes.sysctls),
            ("ulimits", changes.ulimits),
            ("healthcheck", changes.healthcheck),
            ("learner_may_enter", changes.learner_may_enter),
            ("reachable_from_attacker", changes.reachable_from_attacker),
            ("internal_connections_allowed", changes.internal_connections_allowed),
            ("pivot_host", changes.pivot_host),
        )
    }


async def remove_machine(actor: Actor, machine_id: UUID, meta: RequestMeta) -> UUID:
    """Remove a machine; the ones after it move up. Returns its version's id."""
    version_id = await _version_of(machine_id)

    async def remove() -> None:
        row, _ = await _machine_for_change(actor, machine_id, version_id)
        if await SessionMachine.filter(machine_id=row.id).exists():
            raise DomainError(
                AuthoringCode.IN_USE,
                "sessions have run this machine; create a new version",
                "machineId",
            )
        await Machine.filter(id=row.id).delete()
        await Machine.filter(version_id=version_id, position__gt=row.position).update(
            position=F("position") - 1
        )
        await audit(
            "machine.remove",
            meta,
            actor_id=actor.id,
            target_type="Machine",
            target_id=row.id,
            version_id=str(version_id),
            name=row.name,
        )

    await retrying_transaction(remove)
    return version_id
