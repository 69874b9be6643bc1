"""A cap reached: the grace starts once (admins and learners with live sessions told),
starts are refused, and when it runs out the live sessions end TERMINATED with end reason
``budget``, their machines gone from the (simulated) engine; raising the budget ends it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from rangex_graphql.jobs.budget import MAINTENANCE_MESSAGE, enforce_budget
from rangex_graphql.jobs.usage import account_usage
from rangex_graphql.models import AuditLog, EnvironmentSession, Notification, PlatformBudget
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.budgets.update import BudgetChange, update_budget
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions.start import StartRequest, start
from tests import factories
from tests.budgets.conftest import set_budget, usage
from tests.jobs.conftest import deployed_session

S = SessionState


async def refused_start(runtime: Runtime) -> str | None:
    """The code a new start meets, None when it is let through."""
    learner = await factories.user()
    version = await factories.version(await factories.scenario())
    try:
        await start(
            runtime,
            Actor(learner.id),
            StartRequest(version.id, ResourceProfile.SMALL, 60),
            SYSTEM,
        )
    except DomainError as error:
        return str(error.code)
    return None


class Maintenance:
    """A recording stand-in for the maintenance mode the lead wires in."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    async def __call__(self, message: str) -> None:
        self.messages.append(message)


async def test_a_cap_reached_warns_counts_down_and_shuts_the_live_sessions_down(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    maintenance = Maintenance()
    runtime.on_budget_cap_maintenance = maintenance
    admin = await factories.user(UserRole.ADMIN)
    await set_budget(
        runtime.settings, daily_rm=Decimal("5"), grace_minutes=30, maintenance_on_cap=True
    )
    running = await deployed_session(sim, S.RUNNING)
    paused = await deployed_session(sim, S.PAUSED)
    ended = await deployed_session(sim, S.TERMINATED, provision=False)
    owners = {str(s.user_id) for s in (running, paused)}  # type: ignore[attr-defined]
    now = datetime.now(UTC).replace(hour=10)
    assert await enforce_budget(runtime, now) is None
    await usage(running, now.date(), "5")  # the daily cap

    grace = await enforce_budget(runtime, now)
    assert grace is not None
    assert grace.cap == "DAY"
    assert grace.ends_at == now + timedelta(minutes=30)
    assert await refused_start(runtime) == "BUDGET_EXHAUSTED"
    # Told once: the admins, and the owners of the live sessions.
    again = await enforce_budget(runtime, now + timedelta(minutes=29))
    assert again is not None
    assert again.started_at == now
    kinds = [
        str(v) for v in await Notification.filter(user_id=admin.id).values_list("kind", flat=True)
    ]
    assert kinds == ["budget.cap"]
    told = await Notification.filter(kind="budget.shutdown_pending").values_list(
        "user_id", flat=True
    )
    assert sorted(map(str, told)) == sorted(owners)
    assert str(ended.user_id) not in map(str, told)  # type: ignore[attr-defined]
    assert {r.state for r in await EnvironmentSession.filter(id__in=[running.id, paused.id])} == {
        S.RUNNING,
        S.PAUSED,
    }
    assert maintenance.messages == []

    await account_usage(runtime, now + timedelta(minutes=30))  # the usage job's pass

    for session in (running, paused):
        row = await EnvironmentSession.get(id=session.id)
        assert row.state is S.TERMINATED
        assert row.end_reason == "budget"
        assert str(session.id) not in await sim.list_owned()
    audited = [
        str(v)
        for v in await AuditLog.filter(action="session.budget_shutdown").values_list(
            "target_id", flat=True
        )
    ]
    assert set(audited) == {str(running.id), str(paused.id)}
    assert len(maintenance.messages) == 1
    budget = await PlatformBudget.get()
    assert budget.shutdown_at == now + timedelta(minutes=30)
    # A later pass shuts nothing twice and enters maintenance once.
    await enforce_budget(runtime, now + timedelta(minutes=31))
    assert len(maintenance.messages) == 1
    assert await refused_start(runtime) == "BUDGET_EXHAUSTED"


async def test_without_the_maintenance_flag_the_hook_is_not_called(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    maintenance = Maintenance()
    runtime.on_budget_cap_maintenance = maintenance
    await set_budget(runtime.settings, monthly_rm=Decimal("10"), grace_minutes=0)
    session = await deployed_session(sim, S.RUNNING)
    now = datetime.now(UTC).replace(hour=10)
    await usage(session, now.date(), "10")

    grace = await enforce_budget(runtime, now)

    assert grace is not None
    assert grace.cap == "MONTH"
    assert (await EnvironmentSession.get(id=session.id)).end_reason == "budget"
    assert maintenance.messages == []


async def test_raising_the_budget_above_the_spend_ends_the_grace(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    await set_budget(runtime.settings, daily_rm=Decimal("5"))
    session = await deployed_session(sim, S.RUNNING)
    now = datetime.now(UTC)
    await usage(session, now.date(), "6")
    assert await enforce_budget(runtime, now) is not None

    budget = await update_budget(
        runtime.settings,
        BudgetChange(reason="conference week", daily_rm=Decimal("8")),
        admin.id,
        SYSTEM,
    )

    assert budget.grace_started_at is None
    assert await refused_start(runtime) is None
    assert await enforce_budget(runtime, now + timedelta(hours=1)) is None
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


@pytest.mark.parametrize("raised", ["grace", "new day"])
async def test_the_grace_ends_when_the_spend_is_under_the_caps_again(
    db: None, runtime: Runtime, sim: SimulatedDriver, raised: str
) -> None:
    await set_budget(runtime.settings, daily_rm=Decimal("5"), grace_minutes=60)
    session = await deployed_session(sim, S.RUNNING)
    now = datetime.now(UTC).replace(hour=23, minute=30)
    await usage(session, now.date(), "5")
    assert await enforce_budget(runtime, now) is not None
    if raised == "grace":
        await set_budget(runtime.settings, daily_rm=Decimal("50"))
        later = now + timedelta(minutes=10)
    else:
        later = now + timedelta(minutes=31)  # past midnight: today's spend is 0

    assert await enforce_budget(runtime, later) is None
    assert (await PlatformBudget.get()).grace_started_at is None
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


async def test_two_replicas_start_one_grace_and_end_each_session_once(
    db: None, replicas: list[Runtime], sim: SimulatedDriver
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    first, second = replicas
    await set_budget(first.settings, daily_rm=Decimal("1"), grace_minutes=10)
    sessions = [await deployed_session(sim) for _ in range(7)]  # over a batch of 3 each
    now = datetime.now(UTC)
    await usage(sessions[0], now.date(), "1")

    graces = await asyncio.gather(enforce_budget(first, now), enforce_budget(second, now))
    assert graces[0] == graces[1]
    assert await Notification.filter(user_id=admin.id, kind="budget.cap").count() == 1
    assert await Notification.filter(kind="budget.shutdown_pending").count() == 7

    due = now + timedelta(minutes=10)
    await asyncio.gather(enforce_budget(first, due), enforce_budget(second, due))

    rows = await EnvironmentSession.filter(id__in=[s.id for s in sessions])
    assert {(r.state, r.end_reason) for r in rows} == {(S.TERMINATED, "budget")}
    assert await sim.list_owned() == {}
    ended = [
        str(v)
        for v in await AuditLog.filter(action="session.budget_shutdown").values_list(
            "target_id", flat=True
        )
    ]
    assert sorted(set(ended)) == sorted(str(s.id) for s in sessions)


async def test_the_shutdown_enters_the_platforms_maintenance_mode_when_the_budget_says_so(
    db: None, runtime: Runtime, sim: SimulatedDriver
) -> None:
    await runtime.platform.load()
    await set_budget(
        runtime.settings, daily_rm=Decimal("1"), grace_minutes=0, maintenance_on_cap=True
    )
    session = await deployed_session(sim)
    now = datetime.now(UTC)
    await usage(session, now.date(), "1")
    assert not runtime.platform.current.maintenance_enabled

    await enforce_budget(runtime, now)

    await runtime.platform.load()
    assert runtime.platform.current.maintenance_enabled
    assert runtime.platform.current.maintenance_message == MAINTENANCE_MESSAGE
    entry = await AuditLog.get(action="platform.maintenance_set")
    assert entry.actor_id is None
