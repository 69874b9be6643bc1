"""``platformActivity``: what the platform is doing now, for admin dashboards."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import strawberry
from tortoise.functions import Count

from ...models import EnvironmentSession
from ...models.enums import SessionState
from ...services.budgets.status import budget_status
from ...services.sessions.transitions import ACTIVE_STATES
from ...settings import Settings
from ..budget.types import BudgetGrace


@strawberry.type(description="How many sessions are in one state.")
class StateCount:
    state: SessionState = strawberry.field(description="A session state.")
    count: int = strawberry.field(description="How many sessions are in it now.")


@strawberry.type(description="The platform now: sessions, learners, and the month's spend.")
class PlatformActivity:
    active_sessions: int = strawberry.field(
        description="Sessions requested, provisioning, running, paused or terminating."
    )
    active_users: int = strawberry.field(description="Distinct users with an active session.")
    sessions_by_state: list[StateCount] = strawberry.field(
        description="Every state with its number of sessions (zero included)."
    )
    spend_this_month_rm: Decimal = strawberry.field(
        description="Cost of this calendar month (UTC) so far, in RM."
    )
    today_spend_rm: Decimal = strawberry.field(description="Cost of today (UTC) so far, in RM.")
    burn_rate_per_hour_rm: Decimal = strawberry.field(
        description="What the RUNNING sessions cost per hour now, in RM."
    )
    budget_daily_rm: Decimal = strawberry.field(
        description="Daily cap at which new sessions are refused and the grace begins."
    )
    budget_soft_rm: Decimal | None = strawberry.field(
        description="Monthly warning level (the soft percent of the monthly cap)."
    )
    budget_hard_rm: Decimal | None = strawberry.field(
        description="Monthly cap at which new sessions are refused and the grace begins."
    )
    budget_used: float | None = strawberry.field(
        description="The month's spend as a fraction of the monthly cap; null for a cap of 0."
    )
    grace: BudgetGrace | None = strawberry.field(
        description="The budget's grace period before the emergency shutdown; null when no "
        "cap is reached."
    )
    at: datetime = strawberry.field(description="When these figures were read (UTC).")


async def platform_activity(settings: Settings, now: datetime | None = None) -> PlatformActivity:
    """A fixed number of statements, whatever the number of sessions."""
    now = now or datetime.now(UTC)
    active = [state.value for state in ACTIVE_STATES]
    by_state = {
        row["state"]: row["n"]
        for row in await EnvironmentSession.annotate(n=Count("id"))
        .group_by("state")
        .values("state", "n")
    }
    users = (
        await EnvironmentSession.filter(state__in=active)
        .annotate(users=Count("user_id", distinct=True))
        .values("users")
    )
    status = await budget_status(settings, now)
    budget = status.budget
    return PlatformActivity(
        active_sessions=sum(by_state.get(state, 0) for state in active),
        active_users=int(users[0]["users"] or 0) if users else 0,
        sessions_by_state=[
            StateCount(state=state, count=by_state.get(state.value, 0)) for state in SessionState
        ],
        spend_this_month_rm=status.month_rm,
        today_spend_rm=status.today_rm,
        burn_rate_per_hour_rm=status.burn_rate_per_hour_rm,
        budget_daily_rm=budget.daily_rm,
        budget_soft_rm=budget.monthly_rm * budget.soft_warn_percent / 100,
        budget_hard_rm=budget.monthly_rm,
        budget_used=float(status.month_rm / budget.monthly_rm) if budget.monthly_rm else None,
        grace=BudgetGrace.of(status.grace, now),
        at=now,
    )
