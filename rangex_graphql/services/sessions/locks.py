"""A session's engine calls, one at a time: within this process and across replicas.

The compare-and-set on the row decides which transition wins, but not the order in which
the engine hears about them: a pause won on one replica and a resume won right after on
another could reach the engine the other way round, leaving the row RUNNING over paused
machines. So a pause, resume or reset takes the session's **turn** around its transition
and engine call:

1. this process's asyncio lock for the session (``session_lock``), then
2. the row's lease (``lease_owner``, ``lease_expires_at``; see ``lease.py``), taken with a
   compare-and-set that succeeds only while no one holds it, renewed during the engine
   call and handed back at the end. No transaction stays open across the engine call.

A RUNNING or PAUSED session's lease is held only for such a turn, or briefly by a job's
claim (expiry, reconciler), which therefore skip a session mid-operation and come back
next pass. A turn waits for the lease with jittered polling, up to
``session_operation_wait_seconds``. It does not wait for a session in any other state:
a provisioning or ending session's lease is held for minutes, and the caller's state
check refuses those anyway. A holder that dies leaves a lease that runs out; the
reconciler then repairs whatever its engine call left half-done.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.expressions import Q

from ...models import EnvironmentSession
from ...models.enums import SessionState
from ...runtime import Runtime
from .lease import RELEASED, lease_fields, renewing

S = SessionState
#: States in which a session's lease is a turn, so worth waiting for.
TURN_STATES = (S.RUNNING, S.PAUSED)
FIRST_POLL_SECONDS = 0.02
MAX_POLL_SECONDS = 0.5

_Key = tuple[str, UUID]  # (the runtime's instance id, the session id)
_locks: dict[_Key, asyncio.Lock] = {}
_holders: dict[_Key, int] = {}


@asynccontextmanager
async def session_lock(runtime: Runtime, session_id: UUID) -> AsyncIterator[None]:
    """This runtime's lock for the session (one runtime per process but in tests, where
    two runtimes stand for two replicas)."""
    key = (runtime.instance_id, session_id)
    lock = _locks.setdefault(key, asyncio.Lock())
    _holders[key] = _holders.get(key, 0) + 1
    try:
        async with lock:
            yield
    finally:
        _holders[key] -= 1
        if not _holders[key]:
            del _holders[key]
            del _locks[key]


class SessionBusy(Exception):
    """Another operation on the session kept its turn longer than the wait allows."""


@dataclass(slots=True)
class Turn:
    #: False when the session was not RUNNING or PAUSED: no lease was needed to refuse.
    held: bool


@asynccontextmanager
async def session_turn(runtime: Runtime, session_id: UUID) -> AsyncIterator[Turn]:
    """Hold the session's lease as its turn for the block (see the module docstring);
    call it holding :func:`session_lock`.

    Raises :class:`SessionBusy` when the wait runs out. A block that finds the session
    RUNNING or PAUSED must have ``turn.held``; the state moved in between otherwise.
    """
    turn = Turn(held=await _take(runtime, session_id))
    if not turn.held:
        yield turn
        return
    try:
        async with renewing(runtime, session_id):
            yield turn
    finally:
        await _hand_back(runtime, session_id)


async def _take(runtime: Runtime, session_id: UUID) -> bool:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + runtime.settings.session_operation_wait_seconds
    pause = FIRST_POLL_SECONDS
    while True:
        now = datetime.now(UTC)
        free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lte=now)
        taken = await EnvironmentSession.filter(free, id=session_id, state__in=TURN_STATES).update(
            **lease_fields(runtime, now)
        )
        if taken:
            return True
        states = await EnvironmentSession.filter(id=session_id).values_list("state", flat=True)
        if not states or S(str(states[0])) not in TURN_STATES:
            return False
        if loop.time() >= deadline:
            raise SessionBusy(str(session_id))
        await _wait_for_turn(pause * (0.5 + random.random() / 2))
        pause = min(MAX_POLL_SECONDS, pause * 2)


async def _wait_for_turn(seconds: float) -> None:
    await asyncio.sleep(seconds)


async def _hand_back(runtime: Runtime, session_id: UUID) -> None:
    """Release the lease unless the block handed it on: a reset keeps it (PROVISIONING)
    for the redeploy it starts, a teardown took it over (TERMINATING)."""
    await EnvironmentSession.filter(
        id=session_id, lease_owner=runtime.instance_id, state__in=TURN_STATES
    ).update(**RELEASED)
