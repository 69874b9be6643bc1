"""The rules of what a machine runs with beyond its image and size: startup commands,
capabilities, sysctls, ulimits (allow-listed in ``orchestrator.protocol``, so that no
setting can widen them), its healthcheck and its SSH login. Field paths and codes as in
``validation``; a machine is never privileged, never gets the engine socket nor the host
network: the model has no way to ask for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...orchestrator.protocol import (
    ALLOWED_CAPABILITIES,
    ALLOWED_SYSCTLS,
    MAX_STARTUP_COMMAND_LENGTH,
    MAX_STARTUP_COMMANDS,
    SYSCTL_VALUE,
    ULIMIT_BOUNDS,
)
from ..errors import DomainError
from .errors import RuleCode
from .field_checks import at
from .spec import HealthcheckSpec

SSH_USERNAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
SSH_PASSWORD_MAX_LENGTH = 128


def startup_command_errors(
    commands: Sequence[str], field: str = "startupCommands"
) -> list[DomainError]:
    errors = []
    if len(commands) > MAX_STARTUP_COMMANDS:
        errors.append(
            DomainError(RuleCode.TOO_MANY, f"at most {MAX_STARTUP_COMMANDS} commands", field)
        )
    for i, command in enumerate(commands):
        if (
            not isinstance(command, str)
            or not command.strip()
            or len(command) > MAX_STARTUP_COMMAND_LENGTH
            or any(c in command for c in "\n\r\0")
        ):
            errors.append(
                DomainError(
                    RuleCode.INVALID,
                    f"one line of 1-{MAX_STARTUP_COMMAND_LENGTH} characters",
                    at(field, i),
                )
            )
    return errors


def capability_errors(
    capabilities: Sequence[str], field: str = "capabilities"
) -> list[DomainError]:
    """Only the allow-list (never SYS_ADMIN and the like, never privileged)."""
    errors = []
    allowed = ", ".join(sorted(ALLOWED_CAPABILITIES))
    seen: set[str] = set()
    for i, capability in enumerate(capabilities):
        if capability not in ALLOWED_CAPABILITIES:
            errors.append(
                DomainError(RuleCode.CAPABILITY_NOT_ALLOWED, f"allowed: {allowed}", at(field, i))
            )
        elif capability in seen:
            errors.append(
                DomainError(RuleCode.DUPLICATE, f"{capability} is listed twice", at(field, i))
            )
        seen.add(capability)
    return errors


def sysctl_errors(sysctls: dict[str, str], field: str = "sysctls") -> list[DomainError]:
    """Network parameters only; paths by position, as the environment's."""
    errors = []
    for i, (name, value) in enumerate(sysctls.items()):
        if not isinstance(name, str) or not ALLOWED_SYSCTLS.match(name):
            errors.append(
                DomainError(
                    RuleCode.SYSCTL_NOT_ALLOWED,
                    "allowed: net.ipv4.ip_forward, net.ipv4.conf.all.*, "
                    "net.ipv6.conf.all.* and a few other net.ipv4 parameters",
                    at(field, i),
                )
            )
        elif not isinstance(value, str) or not SYSCTL_VALUE.match(value):
            errors.append(
                DomainError(
                    RuleCode.INVALID,
                    "1-64 characters of letters, digits, space . _ -",
                    at(field, i),
                )
            )
    return errors


def ulimit_errors(ulimits: dict[str, int], field: str = "ulimits") -> list[DomainError]:
    errors = []
    for i, (name, limit) in enumerate(ulimits.items()):
        bounds = ULIMIT_BOUNDS.get(name) if isinstance(name, str) else None
        if bounds is None:
            errors.append(
                DomainError(
                    RuleCode.ULIMIT_NOT_ALLOWED,
                    f"allowed: {', '.join(sorted(ULIMIT_BOUNDS))}",
                    at(field, i),
                )
            )
        elif (
            isinstance(limit, bool)
            or not isinstance(limit, int)
            or not (bounds[0] <= limit <= bounds[1])
        ):
            errors.append(
                DomainError(
                    RuleCode.INVALID, f"{name}: from {bounds[0]} to {bounds[1]}", at(field, i)
                )
            )
    return errors


# The bounds both engines accept (ECS is the narrower), in seconds but for retries.
HEALTHCHECK_BOUNDS = {
    "interval_seconds": (5, 300),
    "timeout_seconds": (2, 60),
    "retries": (1, 10),
    "start_period_seconds": (0, 300),
}
HEALTHCHECK_FIELDS = {
    "interval_seconds": "intervalSeconds",
    "timeout_seconds": "timeoutSeconds",
    "retries": "retries",
    "start_period_seconds": "startPeriodSeconds",
}


def healthcheck_errors(
    check: HealthcheckSpec | None, field: str = "healthcheck"
) -> list[DomainError]:
    if check is None:
        return []
    errors = []
    command = check.command
    if (
        not isinstance(command, str)
        or not command.strip()
        or len(command) > MAX_STARTUP_COMMAND_LENGTH
        or any(c in command for c in "\n\r\0")
    ):
        errors.append(
            DomainError(
                RuleCode.INVALID,
                f"one line of 1-{MAX_STARTUP_COMMAND_LENGTH} characters, run by /bin/sh",
                at(field, "command"),
            )
        )
    for name, (low, high) in HEALTHCHECK_BOUNDS.items():
        value = getattr(check, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors.append(
                DomainError(
                    RuleCode.INVALID, f"from {low} to {high}", at(field, HEALTHCHECK_FIELDS[name])
                )
            )
    timeout, interval = check.timeout_seconds, check.interval_seconds
    timeout_path = at(field, "timeoutSeconds")
    if (
        isinstance(timeout, int)
        and isinstance(interval, int)
        and timeout > interval
        and all(e.field != timeout_path for e in errors)
    ):
        errors.append(DomainError(RuleCode.INVALID, "at most the interval", timeout_path))
    return errors


def ssh_login_errors(username: str, password: str, field: str = "sshLogin") -> list[DomainError]:
    """A Linux user name and a one-line password; never echoed back in a message."""
    errors = []
    if not isinstance(username, str) or not SSH_USERNAME.match(username):
        errors.append(
            DomainError(
                RuleCode.INVALID,
                "1-32 characters of a-z, 0-9, _ and -, starting with a letter or _",
                at(field, "username"),
            )
        )
    if (
        not isinstance(password, str)
        or not password
        or len(password) > SSH_PASSWORD_MAX_LENGTH
        or any(c in password for c in "\n\r\0")
    ):
        errors.append(
            DomainError(
                RuleCode.INVALID,
                f"1-{SSH_PASSWORD_MAX_LENGTH} characters on one line",
                at(field, "password"),
            )
        )
    return errors
