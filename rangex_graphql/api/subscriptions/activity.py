"""``platformActivity``: what the platform is doing now, for admin dashboards."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import strawberry
from tortoise.functions import Count

from ...models import EnvironmentSession
from ...models.enums import SessionState
from ...services.sessions.cost import month_spend_rm
from ...services.sessions.transitions import ACTIVE_STATES
from ...settings import Settings


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
    budget_soft_rm: Decimal | None = strawberry.field(description="Monthly warning level.")
    budget_hard_rm: Decimal | None = strawberry.field(
        description="Monthly limit at which new sessions are refused."
    )
    budget_used: float | None = strawberry.field(
        description="Spend as a fraction of the hard limit (or the soft one without a hard "
        "limit); null without a budget."
    )
    at: datetime = strawberry.field(description="When these figures were read (UTC).")


async def platform_activity(settings: Settings, now: datetime | None = None) -> PlatformActivity:
    """Three statements, whatever the number of sessions."""
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
    spend = await month_spend_rm(now)
    limit = settings.budget_hard_rm or settings.budget_soft_rm
    return PlatformActivity(
        active_sessions=sum(by_state.get(state, 0) for state in active),
        active_users=int(users[0]["users"] or 0) if users else 0,
        sessions_by_state=[
            StateCount(state=state, count=by_state.get(state.value, 0)) for state in SessionState
        ],
        spend_this_month_rm=spend,
        budget_soft_rm=settings.budget_soft_rm,
        budget_hard_rm=settings.budget_hard_rm,
        budget_used=float(spend / limit) if limit else None,
        at=now,
    )
