"""Where the simulated engine keeps its machines: what it needs of a store, and the
in-memory store (one process). The database store is in ``simulated_db``.

A store holds :class:`MachineRecord` rows and changes them atomically; the driver in
``simulated`` owns the rules (subnets, addresses, ports, delays, faults).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from rangex_graphql.orchestrator.protocol import (
    MAX_PORTS_PER_MACHINE,
    EventKind,
    MachineRole,
    MachineSpec,
    MachineState,
    PublishedPort,
    SessionExists,
)


@dataclass(frozen=True, slots=True)
class MachineRecord:
    session_id: str
    network_id: str
    subnet: ipaddress.IPv4Network
    name: str
    position: int  # in the plan
    role: MachineRole
    image: str
    resource_id: str
    address: str
    published: tuple[PublishedPort, ...]
    labels: dict[str, str]
    state: MachineState = MachineState.PENDING
    exit_code: int | None = None
    oom_killed: bool = False
    # Only the memory store keeps the spec: its environment may hold secrets (the
    # learner's password), which the database store does not write down.
    spec: MachineSpec | None = field(default=None, compare=False)

    @property
    def host_port(self) -> int | None:
        """The first of the machine's published host ports (its block), if any."""
        return self.published[0].host_port if self.published else None


@dataclass(frozen=True, slots=True)
class Taken:
    """What other sessions hold when a new one is laid out. ``crowded``: another process
    took what the last layout chose, so choose at random rather than the lowest free."""

    subnets: frozenset[ipaddress.IPv4Network]
    host_ports: frozenset[int]  # each machine's first published port
    crowded: bool = False


Layout = Callable[[Taken], list[MachineRecord]]
"""Lays a new session's machines out around what is taken (raises ProvisionFailed)."""


def free_subnets(
    pool: ipaddress.IPv4Network, taken: Iterable[ipaddress.IPv4Network]
) -> Iterator[ipaddress.IPv4Network]:
    """The /24s of ``pool`` no session holds, lowest first."""
    held = set(taken)
    return (net for net in pool.subnets(new_prefix=24) if net not in held)


def free_port_blocks(taken: Iterable[int], first: int) -> Iterator[int]:
    """First ports of the free blocks of :data:`MAX_PORTS_PER_MACHINE` host ports, lowest
    first; a taken port starts a block of its own."""
    occupied = {port + i for port in taken for i in range(MAX_PORTS_PER_MACHINE)}
    last = 65535 - MAX_PORTS_PER_MACHINE + 1
    for start in range(first, last + 1, MAX_PORTS_PER_MACHINE):
        if occupied.isdisjoint(range(start, start + MAX_PORTS_PER_MACHINE)):
            yield start


def taken_by(records: Iterable[MachineRecord], *, crowded: bool = False) -> Taken:
    subnets, ports = set(), set()
    for record in records:
        subnets.add(record.subnet)
        if record.host_port is not None:
            ports.add(record.host_port)
    return Taken(frozenset(subnets), frozenset(ports), crowded)


class SimulatedStore(Protocol):
    async def create(self, session_id: str, layout: Layout) -> list[MachineRecord]:
        """Reserve the machines ``layout`` gives, PENDING (no other session of this
        process gets their subnet or ports); :class:`SessionExists` when the session has
        machines already."""
        ...

    async def activate(self, session_id: str) -> list[MachineRecord]:
        """The reserved machines, RUNNING now (and seen by every process sharing the
        store); :class:`SessionExists` if another process provisioned the session."""
        ...

    async def machines(self, session_ids: Sequence[str] | None) -> dict[str, list[MachineRecord]]:
        """The sessions' machines in plan order (all sessions for None); a session
        without machines is no key of the answer."""
        ...

    async def switch(
        self, session_id: str, source: Sequence[MachineState], target: MachineState
    ) -> list[MachineRecord]:
        """Put the session's machines in one of ``source`` into ``target``; all of them
        after the change."""
        ...

    async def lose(
        self, session_id: str, name: str, kind: EventKind, exit_code: int
    ) -> MachineRecord | None:
        """A machine exits (DIED, OOM_KILLED) or vanishes (LOST); None when not found."""
        ...

    async def remove(self, session_id: str) -> None:
        """Forget every machine of the session."""
        ...


class MemoryStore:
    """The machines of one process, in a dict: for tests and single-process use."""

    def __init__(self) -> None:
        self._sessions: dict[str, list[MachineRecord]] = {}

    async def create(self, session_id: str, layout: Layout) -> list[MachineRecord]:
        if session_id in self._sessions:
            raise SessionExists(session_id)
        records = layout(taken_by(r for rs in self._sessions.values() for r in rs))
        self._sessions[session_id] = records
        return list(records)

    async def activate(self, session_id: str) -> list[MachineRecord]:
        return await self.switch(session_id, (MachineState.PENDING,), MachineState.RUNNING)

    async def machines(self, session_ids: Sequence[str] | None) -> dict[str, list[MachineRecord]]:
        wanted = self._sessions if session_ids is None else session_ids
        return {sid: list(self._sessions[sid]) for sid in wanted if self._sessions.get(sid)}

    async def switch(
        self, session_id: str, source: Sequence[MachineState], target: MachineState
    ) -> list[MachineRecord]:
        records = self._sessions.get(session_id, [])
        records[:] = [replace(r, state=target) if r.state in source else r for r in records]
        return list(records)

    async def lose(
        self, session_id: str, name: str, kind: EventKind, exit_code: int
    ) -> MachineRecord | None:
        records = self._sessions.get(session_id, [])
        for index, record in enumerate(records):
            if record.name != name:
                continue
            if kind is EventKind.LOST:
                del records[index]
                if not records:  # the network goes with its last machine, as in the table
                    del self._sessions[session_id]
            else:
                records[index] = replace(
                    record,
                    state=MachineState.EXITED,
                    exit_code=exit_code,
                    oom_killed=kind is EventKind.OOM_KILLED,
                )
            return record
        return None

    async def remove(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)
