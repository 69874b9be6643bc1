"""The grace period: from the moment a cap is reached to the emergency shutdown.

The state is the budget row's, so every replica agrees: the first pass that sees a cap
reached sets ``grace_started_at`` by a compare-and-set, and only that pass announces it
(to the admins and to the learners with live sessions). Once ``grace_minutes`` have gone
by, the grace is due: the usage job shuts the live sessions down (``jobs/budget.py``) and
marks ``shutdown_at``, again by a compare-and-set. When the spend is under both caps
again (the budget was raised, a new day or month began) the grace ends.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from ...broker import Broker
from ...models import EnvironmentSession, PlatformBudget
from ...models.enums import SessionState
from ...settings import Settings
from ..notifications import notify
from .record import current_budget
from .spend import DAY, cap_reached, spend_now
from .warnings import notify_admins

S = SessionState
log = logging.getLogger(__name__)

#: Sessions holding machines that the emergency shutdown ends.
LIVE_STATES = (S.REQUESTED, S.PROVISIONING, S.RUNNING, S.PAUSED)


@dataclass(frozen=True, slots=True)
class Grace:
    cap: str  # DAY or MONTH
    started_at: datetime
    ends_at: datetime
    shutdown_at: datetime | None

    def due(self, now: datetime) -> bool:
        return now >= self.ends_at


def grace_of(budget: PlatformBudget) -> Grace | None:
    if budget.grace_started_at is None:
        return None
    return Grace(
        cap=budget.grace_cap or DAY,
        started_at=budget.grace_started_at,
        ends_at=budget.grace_started_at + timedelta(minutes=budget.grace_minutes),
        shutdown_at=budget.shutdown_at,
    )


async def end_grace(budget: PlatformBudget) -> bool:
    """Clear the grace state; whether this call did."""
    ended = await PlatformBudget.filter(id=budget.id, grace_started_at__isnull=False).update(
        grace_started_at=None, grace_cap=None, shutdown_at=None
    )
    return bool(ended)


async def check_grace(settings: Settings, now: datetime, *, broker: Broker | None) -> Grace | None:
    """Start, keep or end the grace by the spend now; the grace in force, if any."""
    budget = await current_budget(settings)
    cap = cap_reached(budget, await spend_now(now))
    if cap is None:
        if budget.grace_started_at is not None and await end_grace(budget):
            log.info("budget grace ended: the spend is under both caps")
        return None
    if budget.grace_started_at is not None:
        return grace_of(budget)
    started = await PlatformBudget.filter(id=budget.id, grace_started_at__isnull=True).update(
        grace_started_at=now, grace_cap=cap, shutdown_at=None
    )
    await budget.refresh_from_db()
    grace = grace_of(budget)
    if started and grace is not None:
        await announce_grace(grace, budget, broker)
    return grace


async def live_session_owners() -> list[UUID]:
    found = (
        await EnvironmentSession.filter(state__in=[s.value for s in LIVE_STATES])
        .distinct()
        .values_list("user_id", flat=True)
    )
    return [UUID(str(i)) for i in found]


async def announce_grace(grace: Grace, budget: PlatformBudget, broker: Broker | None) -> None:
    which = "daily" if grace.cap == DAY else "monthly"
    cap_rm = budget.daily_rm if grace.cap == DAY else budget.monthly_rm
    ends = grace.ends_at.isoformat()
    log.warning("budget: the %s cap of RM %s is reached; shutdown at %s", which, cap_rm, ends)
    await notify_admins(
        "budget.cap",
        f"Platform {which} budget reached: sessions shut down in {budget.grace_minutes} min",
        f"The {which} budget of RM {cap_rm} is spent. New sessions are refused; running "
        f"sessions are shut down at {ends} unless the budget is raised.",
        broker=broker,
        cap=grace.cap,
        budgetRm=str(cap_rm),
        graceEndsAt=ends,
    )
    for user_id in await live_session_owners():
        await notify(
            user_id,
            "budget.shutdown_pending",
            f"Your lab will be shut down in {budget.grace_minutes} minutes",
            f"The platform's budget is spent. Running sessions end at {ends}; save your work.",
            broker=broker,
            graceEndsAt=ends,
        )


async def mark_shutdown(now: datetime) -> bool:
    """Record the emergency shutdown once per grace; whether this call did."""
    marked = await PlatformBudget.filter(
        grace_started_at__isnull=False, shutdown_at__isnull=True
    ).update(shutdown_at=now)
    return bool(marked)
