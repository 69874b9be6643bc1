"""Taking a session down: → TERMINATING → its engine resources removed → a final state.

One function for every way a session ends: the learner or an admin terminating it, the
expiry job (``final=EXPIRED``), an engine failure (``final=FAILED``). The process that
wins the compare-and-set to TERMINATING holds the session's lease while it destroys; if
it dies, the lease runs out and a later call (the reconciler's) takes the work over.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.expressions import Q

from ...models import EnvironmentSession, SessionMachine
from ...models.enums import SessionMachineState, SessionState
from ...orchestrator import DriverError, EngineUnavailable
from ...runtime import Runtime
from ..audit import SYSTEM, RequestMeta
from .cost import accrue
from .failures import FailureCode
from .lease import RELEASED, lease_fields, renewing
from .locks import session_lock
from .transitions import transition

S = SessionState
log = logging.getLogger(__name__)

#: States a teardown may begin from (TERMINATING only by taking over a dead lease).
ENDABLE_STATES = frozenset({S.REQUESTED, S.PROVISIONING, S.RUNNING, S.PAUSED})
RETRY_PAUSE_SECONDS = 0.2


async def tear_down(
    runtime: Runtime,
    session_id: UUID,
    *,
    final: SessionState,
    action: str,
    end_reason: str,
    reason: str | None = None,
    actor_id: UUID | None = None,
    meta: RequestMeta = SYSTEM,
) -> EnvironmentSession | None:
    """End the session in ``final`` (TERMINATED, EXPIRED or FAILED) with nothing left on
    the engine; FAILED instead when the engine would not let go after every retry.

    None when the session had already ended or another caller is ending it.
    """
    if final not in (S.TERMINATED, S.EXPIRED, S.FAILED):
        raise ValueError(f"{final} is not a final state")
    async with session_lock(runtime, session_id):
        ending = await _begin(
            runtime, session_id, final, action, end_reason, reason, actor_id, meta
        )
        if ending is None:
            return None
        return await _finish(runtime, session_id, final, action, reason, actor_id, meta)


async def _begin(
    runtime: Runtime,
    session_id: UUID,
    final: SessionState,
    action: str,
    end_reason: str,
    reason: str | None,
    actor_id: UUID | None,
    meta: RequestMeta,
) -> EnvironmentSession | None:
    await accrue(runtime.settings, session_id, broker=runtime.broker)
    changes: dict[str, Any] = {"end_reason": end_reason, **lease_fields(runtime)}
    if final is S.FAILED and reason:
        changes["failure_reason"] = reason
    ending = await transition(
        session_id,
        S.TERMINATING,
        broker=runtime.broker,
        action=action,
        from_states=ENDABLE_STATES,
        actor_id=actor_id,
        meta=meta,
        reason=reason,
        changes=changes,
    )
    if ending is not None:
        return ending
    return await _take_over(runtime, session_id)


async def _take_over(runtime: Runtime, session_id: UUID) -> EnvironmentSession | None:
    """A TERMINATING session whose lease ran out: its holder died; carry on for it."""
    now = datetime.now(UTC)
    claimed = await EnvironmentSession.filter(
        Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now),
        id=session_id,
        state=S.TERMINATING,
    ).update(**lease_fields(runtime, now))
    if claimed != 1:
        return None
    return await EnvironmentSession.get(id=session_id)


async def destroy_resources(runtime: Runtime, session_id: UUID) -> str | None:
    """Remove the session's engine resources, retrying; the last error, None on success."""
    problem: str | None = None
    for attempt in range(runtime.settings.session_driver_retries):
        if attempt:
            await asyncio.sleep(RETRY_PAUSE_SECONDS * attempt)
        try:
            await runtime.driver.destroy(str(session_id))
            return None
        except DriverError as error:
            problem = str(error)
            log.warning(
                "destroying session %s failed (attempt %d): %s", session_id, attempt + 1, error
            )
    return problem


async def _finish(
    runtime: Runtime,
    session_id: UUID,
    final: SessionState,
    action: str,
    reason: str | None,
    actor_id: UUID | None,
    meta: RequestMeta,
) -> EnvironmentSession | None:
    try:
        await runtime.driver.ping()
    except EngineUnavailable:
        # Removing networks while an engine shuts down can leave it unable to start and
        # leak bridges: the session stays TERMINATING, its lease free, and the reconciler
        # finishes the teardown once the engine answers again.
        log.warning("engine unavailable: teardown of session %s waits for it", session_id)
        await EnvironmentSession.filter(id=session_id, state=S.TERMINATING).update(**RELEASED)
        return await EnvironmentSession.get_or_none(id=session_id)
    async with renewing(runtime, session_id):
        problem = await destroy_resources(runtime, session_id)
    now = datetime.now(UTC)
    if problem is None:
        # A FAILED machine keeps its state: it tells why the session ended.
        await (
            SessionMachine.filter(session_id=session_id)
            .exclude(state=SessionMachineState.FAILED)
            .update(state=SessionMachineState.STOPPED)
        )
        return await transition(
            session_id,
            final,
            broker=runtime.broker,
            action=action,
            from_states=[S.TERMINATING],
            actor_id=actor_id,
            meta=meta,
            reason=reason,
            changes={"ended_at": now, **RELEASED},
        )
    await SessionMachine.filter(session_id=session_id).update(
        state=SessionMachineState.FAILED, failure_reason=problem
    )
    return await transition(
        session_id,
        S.FAILED,
        broker=runtime.broker,
        action="fail",
        from_states=[S.TERMINATING],
        actor_id=actor_id,
        meta=meta,
        reason=f"could not remove the machines: {problem}",
        changes={
            "ended_at": now,
            "failure_reason": f"could not remove the machines: {problem}",
            "end_reason": FailureCode.CLEANUP_FAILED.value,
            **RELEASED,
        },
    )
