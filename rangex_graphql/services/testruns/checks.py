"""The automatic checks of a test run, in order, each PASSED, FAILED or SKIPPED with a
message (a SKIPPED check says why it could not run):

1. ``machines_running``: every machine of the version runs (the engine's own status).
2. ``private_addresses``: every machine has an address in the session.
3. ``entrypoint <machine>:<port>``: each exposed entrypoint opens a TCP connection: a
   published port from the API host, another from the attacker machine.
4. ``internal_entrypoints``: no internal-only entrypoint is published.
5. ``segmentation``: machines in different network groups cannot reach each other's
   entrypoints (a probe inside one machine toward the other's address).
6. ``healthchecks``: every machine with a healthcheck is healthy.
7. ``learner_login``: the entry machine answers SSH (``SSH-`` banner) on its SSH port.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ...models import Machine, SessionMachine
from ...models.enums import EntrypointProtocol, MachineRole
from ...models.test_run import TestCheckStatus
from ...orchestrator import DriverError, MachineState
from ...runtime import Runtime
from .probes import DockerProbe, Reach, network_probe, reachable_host, tcp_banner, tcp_connect

C = TestCheckStatus


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    status: TestCheckStatus
    message: str


@dataclass(frozen=True, slots=True)
class Deployed:
    """A machine of the version as the session deployed it."""

    name: str
    role: MachineRole
    entrypoints: list[dict[str, Any]]
    healthcheck: dict[str, Any] | None
    network_group: str
    pivot_host: bool
    learner_may_enter: bool
    ssh_username: str | None
    address: str | None
    published: dict[int, tuple[str, int]]  # container port → (host, host port)
    learner_username: str | None

    def tcp_ports(self) -> list[int]:
        return [int(e["port"]) for e in self.entrypoints if e["protocol"] != "UDP"]


async def deployed_machines(session_id: UUID) -> list[Deployed]:
    machines = await Machine.filter(version__sessions__id=session_id).order_by("position", "id")
    rows = {
        row["machine_id"]: row
        for row in await SessionMachine.filter(session_id=session_id).values(
            "machine_id", "address", "ports", "username"
        )
    }
    result = []
    for machine in machines:
        row = rows.get(machine.id, {})
        published = {
            int(p["containerPort"]): (str(p.get("host") or ""), int(p["hostPort"]))
            for p in row.get("ports") or []
            if p.get("hostPort")
        }
        result.append(
            Deployed(
                name=machine.name,
                role=machine.role,
                entrypoints=list(machine.entrypoints),
                healthcheck=machine.healthcheck,
                network_group=machine.network_group,
                pivot_host=machine.pivot_host,
                learner_may_enter=machine.learner_may_enter,
                ssh_username=machine.ssh_username,
                address=row.get("address"),
                published=published,
                learner_username=row.get("username"),
            )
        )
    return result


async def run_checks(runtime: Runtime, session_id: UUID) -> AsyncIterator[CheckResult]:
    machines = await deployed_machines(session_id)
    probe = network_probe(runtime.driver, runtime.settings.test_run_probe_timeout_seconds)
    yield await machines_running(runtime, session_id, machines)
    yield private_addresses(machines)
    async for result in entrypoints_reachable(str(session_id), machines, probe):
        yield result
    yield internal_unpublished(machines)
    yield await segmentation(str(session_id), machines, probe)
    yield await healthchecks(str(session_id), machines, probe)
    yield await learner_login(machines, probe)


async def machines_running(
    runtime: Runtime, session_id: UUID, machines: list[Deployed]
) -> CheckResult:
    name = "machines_running"
    try:
        statuses = {s.name: s for s in await runtime.driver.status(str(session_id))}
    except DriverError as error:
        return CheckResult(name, C.FAILED, f"the engine did not answer: {error}")
    problems = []
    for machine in machines:
        status = statuses.get(machine.name)
        if status is None:
            problems.append(f"{machine.name}: not on the engine")
        elif status.state is not MachineState.RUNNING:
            detail = f" ({status.detail})" if status.detail else ""
            problems.append(f"{machine.name}: {status.state.value}{detail}")
    if problems:
        return CheckResult(name, C.FAILED, "; ".join(problems))
    return CheckResult(name, C.PASSED, f"{len(machines)} machines running")


def private_addresses(machines: list[Deployed]) -> CheckResult:
    missing = [m.name for m in machines if not m.address]
    if missing:
        return CheckResult("private_addresses", C.FAILED, "no address: " + ", ".join(missing))
    listed = ", ".join(f"{m.name} {m.address}" for m in machines)
    return CheckResult("private_addresses", C.PASSED, listed)


def _attacker(machines: list[Deployed]) -> Deployed | None:
    return next((m for m in machines if m.role is MachineRole.ATTACKER), None)


async def entrypoints_reachable(
    session_id: str, machines: list[Deployed], probe: DockerProbe | str
) -> AsyncIterator[CheckResult]:
    exposed = [(m, e) for m in machines for e in m.entrypoints if e.get("exposed")]
    if not exposed:
        yield CheckResult("entrypoints", C.SKIPPED, "no exposed entrypoint")
        return
    attacker = _attacker(machines)
    for machine, entrypoint in exposed:
        port = int(entrypoint["port"])
        name = f"entrypoint {machine.name}:{port}"
        if isinstance(probe, str):
            yield CheckResult(name, C.SKIPPED, probe)
        elif entrypoint["protocol"] == EntrypointProtocol.UDP:
            yield CheckResult(name, C.SKIPPED, "a UDP port cannot be checked by a connection")
        elif port in machine.published:
            host, host_port = machine.published[port]
            target = f"{reachable_host(host)}:{host_port}"
            problem = await tcp_connect(reachable_host(host), host_port, probe.timeout)
            if problem is None:
                yield CheckResult(name, C.PASSED, f"connected from the API host to {target}")
            else:
                yield CheckResult(name, C.FAILED, f"no connection to {target}: {problem}")
        elif attacker is not None and attacker is not machine and machine.address:
            reach = await probe.reach(session_id, attacker.name, machine.address, port)
            yield _from_attacker(name, attacker.name, f"{machine.address}:{port}", reach)
        else:
            yield CheckResult(
                name, C.SKIPPED, "not published, and no attacker machine to connect from"
            )


def _from_attacker(name: str, attacker: str, target: str, reach: Reach) -> CheckResult:
    if reach is Reach.REACHABLE:
        return CheckResult(name, C.PASSED, f"connected from {attacker} to {target}")
    if reach is Reach.NO_TOOL:
        return CheckResult(name, C.SKIPPED, f"{attacker} has no nc to connect with")
    return CheckResult(name, C.FAILED, f"no connection from {attacker} to {target}")


def internal_unpublished(machines: list[Deployed]) -> CheckResult:
    leaks = [
        f"{m.name}:{e['port']}"
        for m in machines
        for e in m.entrypoints
        if not e.get("exposed") and int(e["port"]) in m.published
    ]
    if leaks:
        return CheckResult(
            "internal_entrypoints", C.FAILED, "published but internal: " + ", ".join(leaks)
        )
    count = sum(1 for m in machines for e in m.entrypoints if not e.get("exposed"))
    return CheckResult(
        "internal_entrypoints", C.PASSED, f"{count} internal entrypoints unpublished"
    )


async def segmentation(
    session_id: str, machines: list[Deployed], probe: DockerProbe | str
) -> CheckResult:
    name = "segmentation"
    # The attacker reaches what it may by design, and a pivot host bridges groups.
    inside = [m for m in machines if m.role is not MachineRole.ATTACKER and not m.pivot_host]
    pairs = [
        (a, b, port)
        for a in inside
        for b in inside
        if a.network_group != b.network_group and b.address
        for port in b.tcp_ports()
    ]
    if not pairs:
        return CheckResult(name, C.SKIPPED, "no two machines of different network groups to probe")
    if isinstance(probe, str):
        return CheckResult(name, C.SKIPPED, probe)
    leaks, probed, no_tool = [], 0, set()
    for a, b, port in pairs:
        assert b.address is not None
        reach = await probe.reach(session_id, a.name, b.address, port)
        if reach is Reach.NO_TOOL:
            no_tool.add(a.name)
            continue
        probed += 1
        if reach is Reach.REACHABLE:
            leaks.append(
                f"{a.name} ({a.network_group}) reaches {b.name}:{port} ({b.network_group})"
            )
    if leaks:
        return CheckResult(name, C.FAILED, "; ".join(leaks))
    if not probed:
        return CheckResult(name, C.SKIPPED, "no machine has nc to probe with")
    skipped = f"; not probed from {', '.join(sorted(no_tool))} (no nc)" if no_tool else ""
    return CheckResult(name, C.PASSED, f"{probed} probes across network groups refused{skipped}")


async def healthchecks(
    session_id: str, machines: list[Deployed], probe: DockerProbe | str
) -> CheckResult:
    name = "healthchecks"
    checked = [m for m in machines if m.healthcheck]
    if not checked:
        return CheckResult(name, C.SKIPPED, "no machine has a healthcheck")
    if isinstance(probe, str):
        return CheckResult(name, C.SKIPPED, probe)
    health = await probe.health(session_id)
    bad = [
        f"{m.name}: {health.get(m.name) or 'no health reported'}"
        for m in checked
        if health.get(m.name) != "healthy"
    ]
    if bad:
        return CheckResult(name, C.FAILED, "; ".join(bad))
    return CheckResult(name, C.PASSED, ", ".join(f"{m.name} healthy" for m in checked))


def _entry_machine(machines: list[Deployed]) -> Deployed | None:
    return _attacker(machines) or next((m for m in machines if m.learner_may_enter), None)


async def learner_login(machines: list[Deployed], probe: DockerProbe | str) -> CheckResult:
    name = "learner_login"
    entry = _entry_machine(machines)
    if entry is None:
        return CheckResult(name, C.SKIPPED, "no machine the learner enters")
    if not (entry.ssh_username or entry.learner_username):
        return CheckResult(name, C.SKIPPED, f"{entry.name} has no SSH login set")
    ssh = next((e for e in entry.entrypoints if e["protocol"] == EntrypointProtocol.SSH), None)
    if ssh is None:
        return CheckResult(name, C.SKIPPED, f"{entry.name} has no SSH entrypoint")
    if isinstance(probe, str):
        return CheckResult(name, C.SKIPPED, probe)
    published = entry.published.get(int(ssh["port"]))
    if published is None:
        return CheckResult(name, C.FAILED, f"the SSH port {ssh['port']} is not published")
    host, port = reachable_host(published[0]), published[1]
    try:
        banner = await tcp_banner(host, port, probe.timeout)
    except (OSError, TimeoutError) as error:
        return CheckResult(name, C.FAILED, f"no SSH answer on {host}:{port}: {error}")
    if not banner.startswith(b"SSH-"):
        return CheckResult(name, C.FAILED, f"{host}:{port} answers, but not SSH")
    return CheckResult(name, C.PASSED, f"SSH answers on {host}:{port}")
