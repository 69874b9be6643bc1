"""The embedded default: an engine that behaves like one, without containers.

It takes a configurable time per operation (small by default; zero and an injected
``sleep`` in tests), gives each session a /24 carved from 172.16.0.0/12 and each machine
an address in it, and lets tests inject faults: a machine whose provisioning fails, a
running machine that dies, is OOM-killed or is lost (each reported by
:meth:`SimulatedDriver.events`). Published ports get made-up host ports, a block of 5 a
machine: nothing listens on them.

Its machines are kept in a store (``simulated_state``): this process's memory, or the
database (``simulated_db``), which makes the drivers of all the server's processes one
engine. Faults to inject are this driver's own, and so are its events: another process
sees a lost machine through :meth:`SimulatedDriver.status`, as its reconciler does.
"""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import random
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from rangex_graphql.orchestrator._common import (
    DEFAULT_SUBNET_POOL,
    Fanout,
    SessionLocks,
)
from rangex_graphql.orchestrator.protocol import (
    AssetSource,
    AssetSpec,
    Driver,
    EngineEvent,
    EventKind,
    MachineHandle,
    MachineSpec,
    MachineState,
    MachineStatus,
    ProvisionFailed,
    PublishedPort,
    SessionNotFound,
    SessionPlan,
    validate_plan,
)
from rangex_graphql.orchestrator.simulated_state import (
    MachineRecord,
    MemoryStore,
    SimulatedStore,
    Taken,
    free_port_blocks,
    free_subnets,
)

T = TypeVar("T")
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


@dataclass(frozen=True, slots=True)
class _Fault:
    machine: str
    reason: str
    session_id: str | None


class SimulatedDriver:
    """A :class:`~rangex_graphql.orchestrator.protocol.Driver` without containers.

    Its machines live in ``store``: in this process's memory by default, or in the
    database (:class:`~rangex_graphql.orchestrator.simulated_db.DatabaseStore`, what the
    server uses), where every process's driver sees the same engine.
    """

    def __init__(
        self,
        delays: SimulatedDelays | None = None,
        *,
        store: SimulatedStore | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = _utc_now,
        subnet_pool: str = DEFAULT_SUBNET_POOL,
        publish_host: str = "127.0.0.1",
        first_host_port: int = 40000,
        assets: AssetSource | None = None,
    ) -> None:
        self.delays = delays or SimulatedDelays()
        # Where EMBEDDED assets are read (each must exist, as on a real engine), and
        # what this driver placed, by session and machine.
        self.assets = assets
        self.placed: dict[str, dict[str, tuple[AssetSpec, ...]]] = {}
        self.store: SimulatedStore = store or MemoryStore()
        self._sleep = sleep
        self._clock = clock
        self._pool = ipaddress.IPv4Network(subnet_pool)
        self._publish_host = publish_host
        self._first_host_port = first_host_port
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
        """Make provisioning of the machine named ``machine`` fail (in any session, or
        one), when this driver provisions it."""
        self._faults.append(_Fault(machine, reason, session_id))

    def clear_faults(self) -> None:
        self._faults.clear()

    async def lose_machine(
        self,
        session_id: str,
        machine: str,
        kind: EventKind = EventKind.DIED,
        *,
        exit_code: int = 137,
    ) -> None:
        """Have a machine die (DIED), be OOM-killed (OOM_KILLED) or vanish (LOST).

        The event goes to this driver's subscribers; other processes see the change in
        :meth:`status` (their reconciler acts on it).
        """
        found = await self.store.lose(session_id, machine, kind, exit_code)
        if found is None:
            if not await self._records(session_id):
                raise SessionNotFound(session_id)
            raise LookupError(f"session {session_id} has no machine {machine!r}")
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
            network_id = f"net-{uuid.uuid4().hex[:12]}"
            records = await self.store.create(sid, partial(self._layout, plan, network_id))
            try:
                await self._sleep(self.delays.network)
                starts = [asyncio.ensure_future(self._start(sid, r.name)) for r in records]
                try:
                    await asyncio.gather(*starts)
                finally:
                    for start in starts:  # on the first failure, stop the others
                        start.cancel()
                await self._place_assets(plan)
                running = await self.store.activate(sid)
            except BaseException:
                await asyncio.shield(self.store.remove(sid))
                raise
            return [_handle(r) for r in running]

    def _layout(self, plan: SessionPlan, network_id: str, taken: Taken) -> list[MachineRecord]:
        subnet = _pick(free_subnets(self._pool, taken.subnets), 1, taken.crowded)
        if not subnet:
            raise ProvisionFailed(plan.session_id, None, f"no free /24 left in {self._pool}")
        hosts = itertools.islice(subnet[0].hosts(), 9, None)  # .10, .11, ...
        publishing = sum(1 for spec in plan.machines if spec.published_ports)
        free = free_port_blocks(taken.host_ports, self._first_host_port)
        blocks = iter(_pick(free, publishing, taken.crowded))
        records = []
        for position, (spec, address) in enumerate(zip(plan.machines, hosts, strict=False)):
            first_port = next(blocks, None) if spec.published_ports else None
            if spec.published_ports and first_port is None:
                raise ProvisionFailed(plan.session_id, spec.name, "no free host ports left")
            records.append(
                MachineRecord(
                    session_id=plan.session_id,
                    network_id=network_id,
                    subnet=subnet[0],
                    name=spec.name,
                    position=position,
                    role=spec.role,
                    image=spec.image,
                    resource_id=f"sim-{uuid.uuid4().hex[:12]}",
                    address=str(address),
                    published=tuple(
                        PublishedPort(p.port, p.protocol, self._publish_host, first_port + i)
                        for i, p in enumerate(spec.published_ports)
                        if first_port is not None
                    ),
                    labels=plan.machine_labels(spec),
                    spec=spec,
                )
            )
        return records

    async def _place_assets(self, plan: SessionPlan) -> None:
        """Read every asset object (a missing one fails its machine), then record them."""
        placed = {m.name: m.assets for m in plan.machines if m.assets}
        if placed and self.assets is not None:
            for name, assets in placed.items():
                for asset in assets:
                    try:
                        await self.assets.get(asset.key, max_bytes=1)
                    except KeyError:
                        reason = f"the stored file for {asset.path} is missing"
                        raise ProvisionFailed(plan.session_id, name, reason) from None
        if placed:
            self.placed[plan.session_id] = placed

    async def _start(self, session_id: str, machine: str) -> None:
        await self._sleep(self.delays.machine_start)
        for fault in self._faults:
            if fault.machine == machine and fault.session_id in (None, session_id):
                raise ProvisionFailed(session_id, machine, fault.reason)

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
            if not await self._records(session_id):
                raise SessionNotFound(session_id)
            await self._sleep(delay)
            return [_handle(r) for r in await self.store.switch(session_id, (source,), target)]

    async def destroy(self, session_id: str) -> None:
        async with self._locks.hold(session_id):
            if not await self._records(session_id):
                return
            await self._sleep(self.delays.destroy)
            await self.store.remove(session_id)
            self.placed.pop(session_id, None)

    async def status(self, session_id: str) -> list[MachineStatus]:
        return [_status(r) for r in await self._records(session_id)]

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        found = await self.store.machines(session_ids)
        return {sid: [_status(r) for r in found.get(sid, [])] for sid in session_ids}

    def events(self) -> AsyncIterator[EngineEvent]:
        return self._events.subscribe()

    async def list_owned(self) -> dict[str, list[str]]:
        return {
            sid: [f"network:{records[0].network_id}"]
            + [f"container:{r.resource_id}" for r in records]
            for sid, records in (await self.store.machines(None)).items()
        }

    async def close(self) -> None:
        self._events.close()

    # -- for tests and the embedded server's diagnostics --------------------------------

    async def subnet_of(self, session_id: str) -> ipaddress.IPv4Network | None:
        records = await self._records(session_id)
        return records[0].subnet if records else None

    async def labels_of(self, session_id: str, machine: str) -> dict[str, str]:
        return dict((await self._record(session_id, machine)).labels)

    async def spec_of(self, session_id: str, machine: str) -> MachineSpec:
        """The spec the machine was provisioned with (the memory store keeps it only)."""
        spec = (await self._record(session_id, machine)).spec
        if spec is None:
            raise LookupError(f"the store keeps no spec of {session_id}/{machine}")
        return spec

    async def _records(self, session_id: str) -> list[MachineRecord]:
        return (await self.store.machines([session_id])).get(session_id, [])

    async def _record(self, session_id: str, machine: str) -> MachineRecord:
        found = next((r for r in await self._records(session_id) if r.name == machine), None)
        if found is None:
            raise LookupError(f"session {session_id} has no machine {machine!r}")
        return found


def _pick(free: Iterator[T], count: int, crowded: bool) -> list[T]:
    """The ``count`` lowest of ``free``; at random among them all when ``crowded`` (another
    process took the lowest first, and may well again)."""
    if not crowded:
        return list(itertools.islice(free, count))
    everything = list(free)
    return random.sample(everything, min(count, len(everything)))


def _handle(record: MachineRecord) -> MachineHandle:
    return MachineHandle(
        name=record.name,
        role=record.role,
        image=record.image,
        resource_id=record.resource_id,
        address=record.address,
        published=record.published,
    )


def _status(record: MachineRecord) -> MachineStatus:
    return MachineStatus(
        name=record.name,
        resource_id=record.resource_id,
        state=record.state,
        exit_code=record.exit_code,
        oom_killed=record.oom_killed,
    )


if TYPE_CHECKING:  # mypy checks that the class satisfies the protocol

    def _is_a_driver(driver: SimulatedDriver) -> Driver:
        return driver
