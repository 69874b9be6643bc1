"""The session state machine. Every change is one compare-and-set UPDATE.

The UPDATE names the states the change may start from (and, where the caller read the
row first, its ``lock_version``); when another request or replica moved the session
first, it matches no row and the caller learns it lost the race instead of overwriting.
A won transition is audited and published as a ``SessionEvent``. A transaction InnoDB
rolls back as a deadlock victim is run again (``services/transactions.py``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from tortoise.expressions import F

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import EnvironmentSession
from ...models.enums import SessionState
from ..audit import SYSTEM, RequestMeta, audit
from .events import publish_session_event

S = SessionState

#: States in which a session holds (or is acquiring) engine resources.
ACTIVE_STATES = frozenset({S.REQUESTED, S.PROVISIONING, S.RUNNING, S.PAUSED, S.TERMINATING})
#: States a session never leaves.
FINAL_STATES = frozenset({S.TERMINATED, S.EXPIRED, S.FAILED})

ALLOWED: dict[SessionState, frozenset[SessionState]] = {
    S.REQUESTED: frozenset({S.PROVISIONING, S.TERMINATING, S.FAILED}),
    # PROVISIONING -> PROVISIONING: a reset re-provisions a running session.
    S.PROVISIONING: frozenset({S.RUNNING, S.TERMINATING, S.FAILED}),
    S.RUNNING: frozenset({S.PAUSED, S.PROVISIONING, S.TERMINATING, S.FAILED}),
    S.PAUSED: frozenset({S.RUNNING, S.PROVISIONING, S.TERMINATING, S.FAILED}),
    S.TERMINATING: frozenset({S.TERMINATED, S.EXPIRED, S.FAILED}),
    S.TERMINATED: frozenset(),
    S.EXPIRED: frozenset(),
    S.FAILED: frozenset(),
}


def sources_of(target: SessionState) -> frozenset[SessionState]:
    """Every state the machine may enter ``target`` from."""
    return frozenset(state for state, targets in ALLOWED.items() if target in targets)


class IllegalTransition(ValueError):
    pass


async def transition(
    session_id: UUID,
    to: SessionState,
    *,
    broker: Broker,
    action: str,
    from_states: Collection[SessionState] | None = None,
    lock_version: int | None = None,
    actor_id: UUID | None = None,
    meta: RequestMeta = SYSTEM,
    reason: str | None = None,
    changes: dict[str, Any] | None = None,
) -> EnvironmentSession | None:
    """Move the session to ``to`` if it is in one of ``from_states``; None if it was not.

    ``from_states`` defaults to every state ``to`` may be entered from, and must be a
    subset of those. ``changes`` are further columns set in the same UPDATE.
    """
    allowed_sources = sources_of(to)
    sources = frozenset(from_states) if from_states is not None else allowed_sources
    if not sources <= allowed_sources:
        raise IllegalTransition(f"{sorted(sources - allowed_sources)} -> {to} is not allowed")
    query = EnvironmentSession.filter(id=session_id, state__in=[s.value for s in sources])
    if lock_version is not None:
        query = query.filter(lock_version=lock_version)

    async def change() -> tuple[EnvironmentSession, EnvironmentSession] | None:
        before = await query.select_for_update().first()
        if before is None:
            return None
        updated = await EnvironmentSession.filter(
            id=session_id, lock_version=before.lock_version
        ).update(state=to, lock_version=F("lock_version") + 1, **(changes or {}))
        if updated != 1:
            return None
        await audit(
            f"session.{action}",
            meta,
            actor_id=actor_id,
            target_type="EnvironmentSession",
            target_id=session_id,
            previous_state=before.state.value,
            state=to.value,
            reason=reason,
        )
        return before, await EnvironmentSession.get(id=session_id)

    changed = await retrying_transaction(change)
    if changed is None:
        return None
    before, after = changed
    await publish_session_event(broker, after, action, before.state, reason)
    return after
