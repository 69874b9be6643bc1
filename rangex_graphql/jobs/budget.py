"""The budget's hard caps: the grace period, then the emergency shutdown.

Run at the end of every usage pass (``usage.py``), after the running time is charged.
A cap reached starts the grace (``services/budgets/grace.py``); once it ran out, every
live session is torn down (TERMINATED, end reason ``budget``) through the same claim and
teardown as the expiry job, so of N replicas one ends each session and its containers
are destroyed on the engine. The first shutdown of a grace puts the platform in
maintenance mode (``services/platform_settings``) when the budget says so, or calls the
runtime's ``on_budget_cap_maintenance`` hook instead when one is set.
"""

from __future__ import annotations

import logging
from datetime import datetime
from uuid import UUID

from tortoise.expressions import Q

from ..models.enums import SessionState
from ..runtime import Runtime
from ..services.budgets.grace import Grace, check_grace, mark_shutdown
from ..services.budgets.record import current_budget
from ..services.platform_settings.changes import set_maintenance
from ..services.sessions.teardown import tear_down
from .claims import act_on_claimed, claim_sessions
from .clock import utc_now

S = SessionState
log = logging.getLogger(__name__)

# REQUESTED and PROVISIONING sessions belong to their provisioning (its lease); a later
# pass ends them once RUNNING (the grace stays due while the cap is reached).
SHUTDOWN_STATES = [S.RUNNING.value, S.PAUSED.value]

END_REASON = "budget"
SHUTDOWN_REASON = "the platform's budget is spent"
MAINTENANCE_MESSAGE = "The platform's budget is spent; labs are closed until it is raised."
MAINTENANCE_REASON = "budget cap reached and its grace period over: emergency shutdown"


async def enforce_budget(runtime: Runtime, now: datetime | None = None) -> Grace | None:
    """Start, keep or end the grace; once it is due, shut the live sessions down. The grace
    in force, if any."""
    now = now or utc_now()
    grace = await check_grace(runtime.settings, now, broker=runtime.broker)
    if grace is None or not grace.due(now):
        return grace
    await shut_down_sessions(runtime, now)
    if await mark_shutdown(now):
        log.warning("budget: emergency shutdown of the running sessions")
        budget = await current_budget(runtime.settings)
        if budget.maintenance_on_cap:
            await enter_maintenance(runtime)
    return grace


async def enter_maintenance(runtime: Runtime) -> None:
    hook = runtime.on_budget_cap_maintenance
    if hook is not None:
        await hook(MAINTENANCE_MESSAGE)
        return
    await set_maintenance(runtime.platform, True, MAINTENANCE_MESSAGE, None, MAINTENANCE_REASON)


async def shut_down_sessions(runtime: Runtime, now: datetime) -> int:
    """Every RUNNING and PAUSED session torn down, a batch at a time; how many this call
    ended."""

    async def end(session_id: UUID) -> object | None:
        return await tear_down(
            runtime,
            session_id,
            final=S.TERMINATED,
            action="budget_shutdown",
            end_reason=END_REASON,
            reason=SHUTDOWN_REASON,
        )

    batch = runtime.settings.jobs_batch_size
    ended = 0
    while True:
        claimed = await claim_sessions(runtime, Q(state__in=SHUTDOWN_STATES), now, limit=batch)
        acted = await act_on_claimed(
            runtime, claimed, end, log=log, failed="shutting down session %s for the budget failed"
        )
        ended += acted
        if len(claimed) < batch or not acted:
            break
    if ended:
        log.warning("budget: shut down %d sessions", ended)
    return ended
