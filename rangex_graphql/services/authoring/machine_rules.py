"""The rules of a version's machines: one machine's image, resources, entrypoints and
environment, and the set of machines together. Field paths and codes as in
``validation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...models.enums import EgressPolicy, EntrypointProtocol, MachineRole, ResourceProfile
from ..errors import DomainError
from .errors import RuleCode
from .field_checks import at, is_member, positive_int
from .machine_runtime import (
    capability_errors,
    healthcheck_errors,
    startup_command_errors,
    sysctl_errors,
    ulimit_errors,
)
from .spec import EntrypointSpec, MachineSpec

ALLOWED_PORTS = frozenset({22, 80, 443, 3000, 5900, 6901, 8080, 8443, 9090})
MAX_MACHINES = 4
MAX_PORTS_PER_MACHINE = 5  # entrypoints per machine
ENTRYPOINT_DESCRIPTION_MAX_LENGTH = 200
IMAGE_REF_MAX_LENGTH = 255


@dataclass(frozen=True, slots=True)
class Resources:
    cpu: float
    memory_mib: int


PROFILE_RESOURCES = {
    ResourceProfile.MICRO: Resources(0.25, 512),
    ResourceProfile.SMALL: Resources(0.5, 1024),
    ResourceProfile.MEDIUM: Resources(1.0, 2048),
    ResourceProfile.LARGE: Resources(2.0, 4096),
}
HARD_CAP = Resources(2.0, 4096)
# What a machine gets when its author does not say: attackers small, the others micro.
DEFAULT_PROFILE_BY_ROLE = {
    MachineRole.ATTACKER: ResourceProfile.SMALL,
    MachineRole.TARGET: ResourceProfile.MICRO,
    MachineRole.INTERNAL: ResourceProfile.MICRO,
    MachineRole.SERVICE: ResourceProfile.MICRO,
}

# The access flags of a machine: attribute, field name.
ACCESS_FLAGS = {
    "learner_may_enter": "learnerMayEnter",
    "reachable_from_attacker": "reachableFromAttacker",
    "internal_connections_allowed": "internalConnectionsAllowed",
    "pivot_host": "pivotHost",
}
DNS_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,127}$")
# Docker's reference grammar, lower-case only: [registry[:port]/]path[:tag][@sha256:digest].
_PATH_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN_COMPONENT = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_REGISTRY = rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*(?::[0-9]{{1,5}})?/)"
IMAGE_REF = re.compile(
    rf"^{_REGISTRY}?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*"
    r"(?::[a-z0-9_][a-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$"
)


def profile_resources(profile: object) -> Resources:
    """What one machine may use under a version's profile (the hard cap at most)."""
    known = is_member(profile, ResourceProfile)
    limit = PROFILE_RESOURCES[ResourceProfile(str(profile))] if known else HARD_CAP
    return Resources(min(limit.cpu, HARD_CAP.cpu), min(limit.memory_mib, HARD_CAP.memory_mib))


def image_ref_errors(image_ref: str, field: str = "imageRef") -> list[DomainError]:
    if (
        not isinstance(image_ref, str)
        or len(image_ref) > IMAGE_REF_MAX_LENGTH
        or not IMAGE_REF.match(image_ref)
    ):
        return [
            DomainError(
                RuleCode.INVALID,
                "an image reference [registry/]name[:tag|@sha256:digest], lower-case, "
                f"no spaces, at most {IMAGE_REF_MAX_LENGTH} characters",
                field,
            )
        ]
    return []


def entrypoint_errors(
    entrypoints: Sequence[EntrypointSpec], field: str = "entrypoints"
) -> list[DomainError]:
    """At most five, each on an allowed port, each port once; paths by position."""
    errors = []
    if len(entrypoints) > MAX_PORTS_PER_MACHINE:
        errors.append(
            DomainError(RuleCode.TOO_MANY, f"at most {MAX_PORTS_PER_MACHINE} entrypoints", field)
        )
    seen: set[int] = set()
    allowed = ", ".join(str(p) for p in sorted(ALLOWED_PORTS))
    for i, entry in enumerate(entrypoints):
        where = at(field, i)
        if not is_member(entry.protocol, EntrypointProtocol):
            errors.append(
                DomainError(
                    RuleCode.INVALID,
                    f"one of {', '.join(EntrypointProtocol)}",
                    at(where, "protocol"),
                )
            )
        port = entry.port
        if isinstance(port, bool) or port not in ALLOWED_PORTS:
            errors.append(
                DomainError(RuleCode.PORT_NOT_ALLOWED, f"allowed: {allowed}", at(where, "port"))
            )
        elif port in seen:
            errors.append(
                DomainError(RuleCode.DUPLICATE, f"port {port} is listed twice", at(where, "port"))
            )
        seen.add(port)
        if not isinstance(entry.exposed, bool):
            errors.append(DomainError(RuleCode.INVALID, "true or false", at(where, "exposed")))
        if (
            not isinstance(entry.description, str)
            or len(entry.description) > ENTRYPOINT_DESCRIPTION_MAX_LENGTH
        ):
            errors.append(
                DomainError(
                    RuleCode.INVALID,
                    f"at most {ENTRYPOINT_DESCRIPTION_MAX_LENGTH} characters",
                    at(where, "description"),
                )
            )
    return errors


def resource_errors(
    cpu: float, memory_mib: int, profile: object, prefix: str = ""
) -> list[DomainError]:
    limit = profile_resources(profile)
    errors = []
    cpu_ok = isinstance(cpu, int | float) and not isinstance(cpu, bool)
    if not cpu_ok or cpu <= 0:
        errors.append(
            DomainError(RuleCode.INVALID, "a positive number of vCPUs", at(prefix, "cpu"))
        )
    elif cpu > limit.cpu:
        errors.append(
            DomainError(
                RuleCode.EXCEEDS_PROFILE,
                f"at most {limit.cpu:g} vCPU under the {profile} profile",
                at(prefix, "cpu"),
            )
        )
    if not positive_int(memory_mib):
        errors.append(
            DomainError(RuleCode.INVALID, "a positive number of MiB", at(prefix, "memoryMib"))
        )
    elif memory_mib > limit.memory_mib:
        errors.append(
            DomainError(
                RuleCode.EXCEEDS_PROFILE,
                f"at most {limit.memory_mib} MiB under the {profile} profile",
                at(prefix, "memoryMib"),
            )
        )
    return errors


def environment_errors(
    environment: dict[str, str], field: str = "environment"
) -> list[DomainError]:
    """Variable names, by position (names would be mangled by camelCase field paths)."""
    return [
        DomainError(RuleCode.INVALID, "a variable name: letters, digits and _", at(field, i))
        for i, name in enumerate(environment)
        if not isinstance(name, str) or not ENV_NAME.match(name)
    ]


def machine_errors(machine: MachineSpec, profile: object, prefix: str = "") -> list[DomainError]:
    """One machine's own rules (not those about the version's set of machines)."""
    errors = []
    if not isinstance(machine.name, str) or not DNS_LABEL.match(machine.name):
        errors.append(
            DomainError(
                RuleCode.INVALID,
                "1-63 characters of a-z, 0-9 and -, not starting or ending with -",
                at(prefix, "name"),
            )
        )
    if not is_member(machine.role, MachineRole):
        errors.append(
            DomainError(RuleCode.INVALID, f"one of {', '.join(MachineRole)}", at(prefix, "role"))
        )
    errors += image_ref_errors(machine.image_ref, at(prefix, "imageRef"))
    errors += resource_errors(machine.cpu, machine.memory_mib, profile, prefix)
    errors += entrypoint_errors(machine.entrypoints, at(prefix, "entrypoints"))
    errors += environment_errors(machine.environment, at(prefix, "environment"))
    errors += startup_command_errors(machine.startup_commands, at(prefix, "startupCommands"))
    errors += capability_errors(machine.capabilities, at(prefix, "capabilities"))
    errors += sysctl_errors(machine.sysctls, at(prefix, "sysctls"))
    errors += ulimit_errors(machine.ulimits, at(prefix, "ulimits"))
    errors += healthcheck_errors(machine.healthcheck, at(prefix, "healthcheck"))
    for attr, key in ACCESS_FLAGS.items():
        value = getattr(machine, attr)
        if not isinstance(value, bool) and not (attr == "learner_may_enter" and value is None):
            errors.append(DomainError(RuleCode.INVALID, "true or false", at(prefix, key)))
    if not isinstance(machine.network_group, str) or not DNS_LABEL.match(machine.network_group):
        errors.append(
            DomainError(
                RuleCode.INVALID,
                "a name like a machine's: a-z, 0-9 and -",
                at(prefix, "networkGroup"),
            )
        )
    if not is_member(machine.egress, EgressPolicy):
        errors.append(
            DomainError(RuleCode.INVALID, f"one of {', '.join(EgressPolicy)}", at(prefix, "egress"))
        )
    return errors


def machine_set_errors(
    machines: Sequence[MachineSpec], prefix: str = "machines"
) -> list[DomainError]:
    """The rules about a version's machines together."""
    errors = []
    if not machines:
        errors.append(DomainError(RuleCode.REQUIRED, "add at least one machine", prefix))
    elif not any(m.role == MachineRole.TARGET for m in machines):
        errors.append(
            DomainError(
                RuleCode.TARGET_REQUIRED, "at least one machine needs the TARGET role", prefix
            )
        )
    if len(machines) > MAX_MACHINES:
        errors.append(DomainError(RuleCode.TOO_MANY, f"at most {MAX_MACHINES} machines", prefix))
    seen: set[str] = set()
    for i, machine in enumerate(machines):
        if machine.name in seen:
            errors.append(
                DomainError(
                    RuleCode.DUPLICATE,
                    f"another machine is already named {machine.name!r}",
                    at(prefix, f"{i}.name"),
                )
            )
        seen.add(machine.name)
    return errors
