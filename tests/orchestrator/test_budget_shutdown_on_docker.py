"""The budget's emergency shutdown on a real Docker Engine: a session running on the
private dockerd keeps its containers through the grace, and once the grace ran out the
budget pass ends it (end reason ``budget``) with nothing left on the engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import aiodocker
import pytest

from rangex_graphql.jobs.budget import enforce_budget
from rangex_graphql.models import EnvironmentSession, Notification, PlatformBudget, UsageDaily
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.budgets.record import current_budget
from rangex_graphql.settings import Settings
from tests import factories
from tests.orchestrator.test_sessions_on_docker import (
    engine_state,
    lab_image,
    session_labelled,
    three_machine_version,
)
from tests.support.sessions import start_session

__all__ = ["lab_image"]  # the fixture, shared

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


async def test_the_budget_shutdown_removes_the_sessions_containers(
    settings: Settings, docker_runtime: Runtime, docker_api: aiodocker.Docker, lab_image: str
) -> None:
    await factories.user(UserRole.ADMIN)
    learner = await factories.user()
    _, session_id = await start_session(
        settings, docker_runtime, learner, await three_machine_version(lab_image)
    )
    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.RUNNING, row.failure_reason
    assert await engine_state(docker_api, session_id) == {"running"}

    budget = await current_budget(docker_runtime.settings)
    await PlatformBudget.filter(id=budget.id).update(daily_rm=Decimal("1"), grace_minutes=5)
    now = datetime.now(UTC)
    await UsageDaily.create(
        day=now.date(),
        session_id=row.id,
        user_id=learner.id,
        resource_profile=ResourceProfile.SMALL,
        total_rm=Decimal("1"),
    )

    grace = await enforce_budget(docker_runtime, now)
    assert grace is not None
    assert await Notification.filter(user_id=learner.id, kind="budget.shutdown_pending").exists()
    assert await engine_state(docker_api, session_id) == {"running"}  # the grace runs

    await enforce_budget(docker_runtime, now + timedelta(minutes=5))

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is S.TERMINATED
    assert row.end_reason == "budget"
    assert await session_labelled(docker_api, session_id) == ([], [])
