"""Prices, estimates and the accrual of running time (the budgets: tests/budgets)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from rangex_graphql.models import EnvironmentSession, ScenarioVersion
from rangex_graphql.models.enums import ResourceProfile, SessionState
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions import controls
from rangex_graphql.services.sessions.cost import (
    accrue,
    estimate,
)
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


def fargate_hourly_rm(cpu: str, memory_mib: int) -> Decimal:
    """The formula, written out: USD per vCPU-hour and per GB-hour, 4.5 RM per USD."""
    usd = Decimal("0.04556") * Decimal(cpu) + Decimal("0.00533") * Decimal(memory_mib) / 1024
    return usd * Decimal("4.5")


async def version_of_two() -> ScenarioVersion:
    return await factories.version(await factories.scenario(), machines=2)


async def test_estimate_prices_each_machine_by_the_formula(settings: Settings) -> None:
    version = await version_of_two()  # m0 attacker, m1 target authored at 0.5 vCPU / 1 GiB

    result = await estimate(settings, version.id, ResourceProfile.MEDIUM, 90)

    entry = fargate_hourly_rm("1", 2048)  # the profile sizes the entry machine
    target = fargate_hourly_rm("0.5", 1024)
    assert [m.name for m in result.machines] == ["m0", "m1"]
    assert [(m.size.cpu, m.size.memory_mib) for m in result.machines] == [(1, 2048), (0.5, 1024)]
    assert result.machines[0].hourly_rm == entry.quantize(Decimal("0.0001"))
    assert result.machines[1].cost_rm == (target * Decimal("1.5")).quantize(Decimal("0.0001"))
    assert result.total_rm == ((entry + target) * Decimal("1.5")).quantize(Decimal("0.0001"))
    assert result.total_rm == Decimal("0.5692")  # by hand: (0.25299 + 0.126495) x 1.5


async def test_authored_sizes_are_capped_at_the_hard_limit(settings: Settings) -> None:
    version = await version_of_two()
    from rangex_graphql.models import Machine

    await Machine.filter(version_id=version.id, name="m1").update(cpu=8, memory_mib=65536)
    result = await estimate(settings, version.id, ResourceProfile.MICRO, 60)
    assert (result.machines[1].size.cpu, result.machines[1].size.memory_mib) == (2, 4096)


async def running_session(**fields: Any) -> EnvironmentSession:
    session = await factories.session(await factories.user(), await version_of_two())
    await EnvironmentSession.filter(id=session.id).update(**fields)
    return await EnvironmentSession.get(id=session.id)


async def test_accrue_charges_running_time_only(settings: Settings) -> None:
    now = datetime.now(UTC)
    session = await running_session(cost_accounted_at=now - timedelta(hours=2))

    added = await accrue(settings, session.id, now, broker=None)

    hourly = fargate_hourly_rm("0.5", 1024) * 2  # SMALL entry machine + the 0.5/1024 target
    assert added == (hourly * 2).quantize(Decimal("0.0001"))
    row = await EnvironmentSession.get(id=session.id)
    assert row.cost_rm == added
    assert row.cost_accounted_at == now
    assert await accrue(settings, session.id, now, broker=None) == 0  # nothing twice
    await EnvironmentSession.filter(id=session.id).update(state=S.PAUSED)
    later = now + timedelta(hours=1)
    assert await accrue(settings, session.id, later, broker=None) == 0  # paused is free


async def test_pausing_charges_up_to_the_pause(runtime: Runtime) -> None:
    user = await factories.user()
    session = await start(
        runtime,
        Actor(user.id),
        StartRequest((await version_of_two()).id, ResourceProfile.SMALL, 60),
        SYSTEM,
    )
    await settle(runtime)
    await EnvironmentSession.filter(id=session.id).update(
        cost_accounted_at=datetime.now(UTC) - timedelta(hours=1)
    )
    paused = await controls.pause(runtime, Actor(user.id), session.id, SYSTEM)
    assert paused.cost_rm >= (fargate_hourly_rm("0.5", 1024) * 2).quantize(Decimal("0.0001"))
