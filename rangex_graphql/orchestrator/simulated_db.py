"""The simulated engine's machines in the database: one engine for every process.

Each server process (``serve --workers N``, replicas) has its own driver, and all of them
read and write the ``simulated_machine`` table, so a session provisioned by one process
is paused, resumed, destroyed and reconciled by any other. Two processes laying out
sessions at the same time cannot give them the same /24 or host ports: the address and
the first host port are unique columns, and the one whose write fails lays its session
out again, at random among what is free.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Any, Literal, cast

from tortoise.exceptions import IntegrityError

from rangex_graphql.db.transactions import retrying_transaction
from rangex_graphql.models.simulated import SimulatedMachine
from rangex_graphql.orchestrator.protocol import (
    EventKind,
    MachineRole,
    MachineState,
    ProvisionFailed,
    PublishedPort,
    SessionExists,
)
from rangex_graphql.orchestrator.simulated_state import Layout, MachineRecord, Taken, taken_by

#: How often a layout is retried when another process took its subnet or ports first.
LAYOUT_ATTEMPTS = 8

_COLUMNS = (
    "session_id",
    "network_id",
    "subnet",
    "name",
    "position",
    "role",
    "image",
    "resource_id",
    "address",
    "published",
    "labels",
    "state",
    "exit_code",
    "oom_killed",
)


def _record(row: dict[str, Any]) -> MachineRecord:
    return MachineRecord(
        session_id=row["session_id"],
        network_id=row["network_id"],
        subnet=ipaddress.IPv4Network(row["subnet"]),
        name=row["name"],
        position=row["position"],
        role=MachineRole(row["role"]),
        image=row["image"],
        resource_id=row["resource_id"],
        address=row["address"],
        published=tuple(
            PublishedPort(int(port), cast(Literal["tcp", "udp"], protocol), host, int(host_port))
            for port, protocol, host, host_port in row["published"]
        ),
        labels=dict(row["labels"]),
        state=MachineState(row["state"]),
        exit_code=row["exit_code"],
        oom_killed=bool(row["oom_killed"]),
    )


def machine_row(record: MachineRecord) -> SimulatedMachine:
    """The unsaved row of a record (also how the demo seed writes its live machines)."""
    return SimulatedMachine(
        session_id=record.session_id,
        network_id=record.network_id,
        subnet=str(record.subnet),
        name=record.name,
        position=record.position,
        role=record.role.value,
        image=record.image,
        resource_id=record.resource_id,
        address=record.address,
        host_port=record.host_port,
        published=[
            [p.container_port, p.protocol, p.host_ip, p.host_port] for p in record.published
        ],
        labels=dict(record.labels),
        state=record.state.value,
        exit_code=record.exit_code,
        oom_killed=record.oom_killed,
    )


class DatabaseStore:
    """The simulated engine's machines in the ``simulated_machine`` table.

    A provisioning under way reserves its subnet and ports in this process only; its
    machines are written once running, in one statement, so a process that crashes while
    provisioning leaves no rows behind, and the start costs one write.
    """

    def __init__(self) -> None:
        self._reserved: dict[str, tuple[Layout, list[MachineRecord]]] = {}

    async def create(self, session_id: str, layout: Layout) -> list[MachineRecord]:
        taken = await self._taken_rows()
        if session_id in self._reserved or any(row[0] == session_id for row in taken):
            raise SessionExists(session_id)
        records = layout(self._taken(taken, crowded=False))
        self._reserved[session_id] = (layout, records)
        return list(records)

    async def activate(self, session_id: str) -> list[MachineRecord]:
        layout, records = self._reserved[session_id]
        try:
            for _ in range(LAYOUT_ATTEMPTS):
                running = [replace(r, state=MachineState.RUNNING) for r in records]
                rows = [machine_row(r) for r in running]
                try:
                    # Inserts that race on the unique indexes can deadlock on InnoDB.
                    await retrying_transaction(partial(_insert, rows))
                except IntegrityError:  # another process took the subnet, ports or session
                    taken = await self._taken_rows()
                    if any(row[0] == session_id for row in taken):
                        raise SessionExists(session_id) from None
                    records = layout(self._taken(taken, crowded=True))
                    continue
                return running
            raise ProvisionFailed(
                session_id, None, "other sessions kept taking its subnet or ports"
            )
        finally:
            self._reserved.pop(session_id, None)

    async def _taken_rows(self) -> list[tuple[str, str, int | None]]:
        rows = await SimulatedMachine.all().values_list("session_id", "subnet", "host_port")
        return [
            (str(sid), str(subnet), None if port is None else int(port))
            for sid, subnet, port in rows
        ]

    def _taken(self, rows: list[tuple[str, str, int | None]], *, crowded: bool) -> Taken:
        reserved = taken_by(r for _, records in self._reserved.values() for r in records)
        return Taken(
            subnets=reserved.subnets | {ipaddress.IPv4Network(subnet) for _, subnet, _ in rows},
            host_ports=reserved.host_ports | {port for *_, port in rows if port is not None},
            crowded=crowded,
        )

    async def machines(self, session_ids: Sequence[str] | None) -> dict[str, list[MachineRecord]]:
        query = SimulatedMachine.all()
        if session_ids is not None:
            if not session_ids:
                return {}
            query = query.filter(session_id__in=list(session_ids))
        found: dict[str, list[MachineRecord]] = {}
        for row in await query.order_by("session_id", "position").values(*_COLUMNS):
            found.setdefault(row["session_id"], []).append(_record(row))
        wanted = self._reserved if session_ids is None else session_ids
        for session_id in wanted:
            if session_id in self._reserved and session_id not in found:
                found[session_id] = list(self._reserved[session_id][1])
        return found

    async def switch(
        self, session_id: str, source: Sequence[MachineState], target: MachineState
    ) -> list[MachineRecord]:
        await SimulatedMachine.filter(
            session_id=session_id, state__in=[s.value for s in source]
        ).update(state=target.value)
        return (await self.machines([session_id])).get(session_id, [])

    async def lose(
        self, session_id: str, name: str, kind: EventKind, exit_code: int
    ) -> MachineRecord | None:
        found = await self.machines([session_id])
        record = next((r for r in found.get(session_id, []) if r.name == name), None)
        if record is None:
            return None
        query = SimulatedMachine.filter(session_id=session_id, name=name)
        if kind is EventKind.LOST:
            await query.delete()
        else:
            await query.update(
                state=MachineState.EXITED.value,
                exit_code=exit_code,
                oom_killed=kind is EventKind.OOM_KILLED,
            )
        return record

    async def remove(self, session_id: str) -> None:
        self._reserved.pop(session_id, None)
        await SimulatedMachine.filter(session_id=session_id).delete()


async def _insert(rows: list[SimulatedMachine]) -> None:
    await SimulatedMachine.bulk_create(rows)
