"""What a machine is made of beyond its columns, as the API shows it: its entrypoints (the
ports its services listen on), sysctls, ulimits and healthcheck."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import strawberry

from ...models.enums import EntrypointProtocol


@strawberry.type(
    name="Entrypoint", description="A port a machine's service listens on, and how to use it."
)
class EntrypointInfo:
    protocol: EntrypointProtocol = strawberry.field(description="How to talk to it.")
    port: int = strawberry.field(
        description="The container port: one of 22, 80, 443, 3000, 5900, 6901, 8080, 8443, "
        "9090, each once per machine."
    )
    exposed: bool = strawberry.field(
        description="Shown to the learner (and published on the entry machine); false: an "
        "internal port, reachable only inside the session."
    )
    description: str = strawberry.field(description="What it is, for the learner (≤ 200).")


def entrypoints_of(row: Mapping[str, Any]) -> list[EntrypointInfo]:
    """The ``entrypoints`` column of a Machine row, in its authored order."""
    return [
        EntrypointInfo(
            protocol=EntrypointProtocol(e["protocol"]),
            port=int(e["port"]),
            exposed=bool(e["exposed"]),
            description=str(e.get("description", "")),
        )
        for e in row["entrypoints"] or []
    ]


@strawberry.type(name="Sysctl", description="A kernel parameter a machine sets.")
class SysctlInfo:
    name: str = strawberry.field(description="Its name, as `net.ipv4.ip_forward`.")
    value: str = strawberry.field(description="What the machine sets it to, as text.")


@strawberry.type(name="Ulimit", description="A resource limit of a machine's processes.")
class UlimitInfo:
    name: str = strawberry.field(description="nofile or nproc.")
    limit: int = strawberry.field(description="The soft and hard limit.")


def sysctls_of(row: Mapping[str, Any]) -> list[SysctlInfo]:
    return [SysctlInfo(name=k, value=str(v)) for k, v in sorted((row["sysctls"] or {}).items())]


def ulimits_of(row: Mapping[str, Any]) -> list[UlimitInfo]:
    return [UlimitInfo(name=k, limit=int(v)) for k, v in sorted((row["ulimits"] or {}).items())]


@strawberry.type(
    name="Healthcheck", description="How the engine tells a machine is ready (Docker waits)."
)
class HealthcheckInfo:
    command: str = strawberry.field(description="Run by /bin/sh; healthy when it exits 0.")
    interval_seconds: int = strawberry.field(description="Between two runs.")
    timeout_seconds: int = strawberry.field(description="How long one run may take.")
    retries: int = strawberry.field(description="Failures in a row before unhealthy.")
    start_period_seconds: int = strawberry.field(
        description="While starting, failures do not count."
    )


def healthcheck_of(row: Mapping[str, Any]) -> HealthcheckInfo | None:
    stored = row["healthcheck"]
    if stored is None:
        return None
    return HealthcheckInfo(
        command=str(stored["command"]),
        interval_seconds=int(stored["interval_seconds"]),
        timeout_seconds=int(stored["timeout_seconds"]),
        retries=int(stored["retries"]),
        start_period_seconds=int(stored["start_period_seconds"]),
    )
