"""The embedded default: an in-process engine that behaves like one, without containers.

It keeps its sessions in memory, takes a configurable time per operation (small by
default; zero and an injected ``sleep`` in tests), gives each session a /24 carved from
172.16.0.0/12 and each machine an address in it, and lets tests inject faults: a machine
whose provisioning fails, a running machine that dies, is OOM-killed or is lost (each
reported by :meth:`SimulatedDriver.events`). Published ports get made-up host ports:
nothing listens on them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rangex_graphql.orchestrator._common import (
    DEFAULT_SUBNET_POOL,
    Fanout,
    SessionLocks,
    first_free_subnet,
)
from rangex_graphql.orchestrator.protocol import (
    Driver,
    EngineEvent,
    EventKind,
    MachineHandle,
    MachineSpec,
    MachineState,
    MachineStatus,
    ProvisionFailed,
    PublishedPort,
    SessionExists,
    SessionNotFound,
    SessionPlan,
    validate_plan,
)

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SimulatedDelays:
    """Seconds each operation takes (provision: per machine, the machines in parallel)."""

    network: float = 0.1
    machine_start: float = 0.5
    pause: float = 0.1
    resume: float = 0.1
    destroy: float = 0.2

    @classmethod
    def none(cls) -> SimulatedDelays:
        return cls(network=0, machine_start=0, pause=0, resume=0, destroy=0)


@dataclass(slots=True)
class _Machine:
    spec: MachineSpec
    resource_id: str
    address: str
    published: tuple[PublishedPort, ...]
    labels: dict[str, str]
    state: MachineState = MachineState.PENDING
    exit_code: int | None = None
    oom_killed: bool = False

    def handle(self) -> MachineHandle:
        return MachineHandle(
            name=self.spec.name,
            role=self.spec.role,
            image=self.spec.image,
            resource_id=self.resource_id,
            address=self.address,
            published=self.published,
        )


@dataclass(slots=True)
class _Session:
    network_id: str
    subnet: ipaddress.IPv4Network
    labels: dict[str, str]
    machines: dict[str, _Machine] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Fault:
    machine: str
    reason: str
    session_id: str | None


class SimulatedDriver:
    """An in-memory :class:`~rangex_graphql.orchestrator.protocol.Driver`."""

    def __init__(
        self,
        delays: SimulatedDelays | None = None,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = _utc_now,
        subnet_pool: str = DEFAULT_SUBNET_POOL,
        publish_host: str = "127.0.0.1",
        first_host_port: int = 40000,
    ) -> None:
        self.delays = delays or SimulatedDelays()
        self._sleep = sleep
        self._clock = clock
        self._pool = ipaddress.IPv4Network(subnet_pool)
        self._publish_host = publish_host
        self._host_ports = itertools.count(first_host_port)
        self._sessions: dict[str, _Session] = {}
        self._faults: list[_Fault] = []
        self._locks = SessionLocks()
        self._events: Fanout[EngineEvent] = Fanout()

    # -- fault injection ---------------------------------------------------------------

    def fail_provision(
        self,
        machine: str,
        reason: str = "simulated engine failure",
        *,
        session_id: str | None = None,
    ) -> None:
        """Make provisioning of the machine named ``machine`` fail (in any session, or one)."""
        self._faults.append(_Fault(machine, reason, session_id))

    def clear_faults(self) -> None:
        self._faults.clear()

    def lose_machine(
        self,
        session_id: str,
        machine: str,
        kind: EventKind = EventKind.DIED,
        *,
        exit_code: int = 137,
    ) -> None:
        """Have a machine die (DIED), be OOM-killed (OOM_KILLED) or vanish (LOST)."""
        session = self._sessions.get(session_id)
        if session is None:
            raise SessionNotFound(session_id)
        found = session.machines.get(machine)
        if found is None:
            raise LookupError(f"session {session_id} has no machine {machine!r}")
        if kind is EventKind.LOST:
            del session.machines[machine]
        else:
            found.state = MachineState.EXITED
            found.exit_code = exit_code
            found.oom_killed = kind is EventKind.OOM_KILLED
        self._events.publish(
            EngineEvent(
                session_id=session_id,
                machine=machine,
                kind=kind,
                resource_id=found.resource_id,
                at=self._clock(),
                exit_code=None if kind is EventKind.LOST else exit_code,
                detail="simulated",
            )
        )

    # -- the driver --------------------------------------------------------------------

    async def ping(self) -> None:
        return None

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        validate_plan(plan)
        sid = plan.session_id
        async with self._locks.hold(sid):
            if sid in self._sessions:
                raise SessionExists(sid)
            subnet = first_free_subnet(self._pool, (s.subnet for s in self._sessions.values()))
            if subnet is None:
                raise ProvisionFailed(sid, None, f"no free /24 left in {self._pool}")
            session = _Session(f"net-{uuid.uuid4().hex[:12]}", subnet, plan.session_labels())
            self._sessions[sid] = session  # reserves the subnet
            try:
                await self._sleep(self.delays.network)
                hosts = itertools.islice(subnet.hosts(), 9, None)  # .10, .11, ...
                for spec, address in zip(plan.machines, hosts, strict=False):
                    session.machines[spec.name] = _Machine(
                        spec=spec,
                        resource_id=f"sim-{uuid.uuid4().hex[:12]}",
                        address=str(address),
                        published=tuple(
                            PublishedPort(
                                p.port, p.protocol, self._publish_host, next(self._host_ports)
                            )
                            for p in spec.published_ports
                        ),
                        labels=plan.machine_labels(spec),
                    )
                starts = [
                    asyncio.ensure_future(self._start(sid, m)) for m in session.machines.values()
                ]
                try:
                    await asyncio.gather(*starts)
                finally:
                    for start in starts:  # on the first failure, stop the others
                        start.cancel()
            except BaseException:
                self._sessions.pop(sid, None)
                raise
            return [session.machines[m.name].handle() for m in plan.machines]

    async def _start(self, session_id: str, machine: _Machine) -> None:
        await self._sleep(self.delays.machine_start)
        for fault in self._faults:
            if fault.machine == machine.spec.name and fault.session_id in (None, session_id):
                raise ProvisionFailed(session_id, machine.spec.name, fault.reason)
        machine.state = MachineState.RUNNING

    async def pause(self, session_id: str) -> None:
        await self._switch(session_id, MachineState.RUNNING, MachineState.PAUSED, self.delays.pause)

    async def resume(self, session_id: str) -> list[MachineHandle]:
        return await self._switch(
            session_id, MachineState.PAUSED, MachineState.RUNNING, self.delays.resume
        )

    async def _switch(
        self, session_id: str, source: MachineState, target: MachineState, delay: float
    ) -> list[MachineHandle]:
        async with self._locks.hold(session_id):
            session = self._sessions.get(session_id)
            if session is None or not session.machines:
                raise SessionNotFound(session_id)
            await self._sleep(delay)
            for machine in session.machines.values():
                if machine.state is source:
                    machine.state = target
            return [machine.handle() for machine in session.machines.values()]

    async def destroy(self, session_id: str) -> None:
        async with self._locks.hold(session_id):
            if session_id not in self._sessions:
                return
            await self._sleep(self.delays.destroy)
            self._sessions.pop(session_id, None)

    async def status(self, session_id: str) -> list[MachineStatus]:
        return self._statuses(session_id)

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        return {session_id: self._statuses(session_id) for session_id in session_ids}

    def _statuses(self, session_id: str) -> list[MachineStatus]:
        session = self._sessions.get(session_id)
        if session is None:
            return []
        return [
            MachineStatus(
                name=m.spec.name,
                resource_id=m.resource_id,
                state=m.state,
                exit_code=m.exit_code,
                oom_killed=m.oom_killed,
            )
            for m in session.machines.values()
        ]

    def events(self) -> AsyncIterator[EngineEvent]:
        return self._events.subscribe()

    async def list_owned(self) -> dict[str, list[str]]:
        return {
            sid: [f"network:{s.network_id}"]
            + [f"container:{m.resource_id}" for m in s.machines.values()]
            for sid, s in self._sessions.items()
        }

    async def close(self) -> None:
        self._events.close()

    # -- for tests and the embedded server's diagnostics --------------------------------

    def subnet_of(self, session_id: str) -> ipaddress.IPv4Network | None:
        session = self._sessions.get(session_id)
        return session.subnet if session else None

    def labels_of(self, session_id: str, machine: str) -> dict[str, str]:
        return dict(self._sessions[session_id].machines[machine].labels)


if TYPE_CHECKING:  # mypy checks that the class satisfies the protocol

    def _is_a_driver(driver: SimulatedDriver) -> Driver:
        return driver
