"""A provision's failures: a stable reason code for learners, the detail for admins; and
a database error after a successful provision retried, then the session failed
deliberately with nothing left on the engine."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from tortoise.exceptions import OperationalError

from rangex_graphql.models import EnvironmentSession, SessionMachine
from rangex_graphql.models.enums import ResourceProfile, SessionMachineState, SessionState
from rangex_graphql.orchestrator import MachineHandle, OperationFailed, SessionPlan
from rangex_graphql.orchestrator.protocol import EngineUnavailable
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions import controls, provisioning
from rangex_graphql.services.sessions.start import StartRequest, start
from tests import factories
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


async def provisioned(runtime: Runtime) -> EnvironmentSession:
    user = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    session = await start(
        runtime, Actor(user.id), StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM
    )
    await settle(runtime)
    return await EnvironmentSession.get(id=session.id)


def failing_bookkeeping(monkeypatch: pytest.MonkeyPatch, failures: int) -> list[int]:
    """``record_handles`` raises a database error ``failures`` times, then works."""
    calls: list[int] = []
    record = provisioning.record_handles

    async def flaky(session_id: UUID, handles: list[MachineHandle], **kwargs: Any) -> bool:
        calls.append(1)
        if len(calls) <= failures:
            raise OperationalError("database is locked")
        return await record(session_id, handles, **kwargs)

    monkeypatch.setattr(provisioning, "record_handles", flaky)
    monkeypatch.setattr(provisioning, "RETRY_PAUSE_SECONDS", 0, raising=False)
    return calls


async def test_a_passing_database_error_after_the_provision_is_retried(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = failing_bookkeeping(monkeypatch, failures=1)

    session = await provisioned(runtime)

    assert len(calls) == 2
    assert session.state is S.RUNNING
    assert session.lease_owner is None
    assert session.failure_reason is None
    machines = await SessionMachine.filter(session_id=session.id).values("state", "address")
    assert {m["state"] for m in machines} == {SessionMachineState.RUNNING}
    assert all(m["address"] for m in machines)


async def test_a_lasting_database_error_fails_the_session_and_removes_the_machines(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = failing_bookkeeping(monkeypatch, failures=100)

    session = await provisioned(runtime)

    assert len(calls) == provisioning.BOOKKEEPING_ATTEMPTS
    assert session.state is S.FAILED
    assert session.end_reason == "bookkeeping_failed"
    assert "could not be recorded: database is locked" in (session.failure_reason or "")
    assert session.lease_owner is None
    assert await runtime.driver.list_owned() == {}


async def test_an_unreachable_engine_is_a_stable_code_with_the_detail_kept(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def unreachable(plan: SessionPlan) -> list[MachineHandle]:
        raise EngineUnavailable(
            "provision: Cannot connect to Docker Engine via unix:///var/run/docker.sock"
        )

    monkeypatch.setattr(runtime.driver, "provision", unreachable)

    session = await provisioned(runtime)

    assert session.state is S.FAILED
    assert session.end_reason == "engine_unavailable"
    assert "unix:///var/run/docker.sock" in (session.failure_reason or "")


async def test_a_machine_the_engine_refuses_is_provision_failed(runtime: Runtime) -> None:
    runtime.driver.fail_provision("m1", "image pull failed: 127.0.0.1:5000/x")  # type: ignore[attr-defined]

    session = await provisioned(runtime)

    assert session.state is S.FAILED
    assert session.end_reason == "provision_failed"
    assert "image pull failed" in (session.failure_reason or "")


async def test_machines_the_engine_will_not_remove_are_cleanup_failed(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = await provisioned(runtime)
    user_actor = Actor(session.user_id)  # type: ignore[attr-defined]

    async def refuse(session_id: str) -> None:
        raise OperationFailed(session_id, "destroy", "device or resource busy")

    monkeypatch.setattr(runtime.driver, "destroy", refuse)
    runtime.settings = runtime.settings.model_copy(update={"session_driver_retries": 1})

    ended = await controls.terminate(runtime, user_actor, session.id, SYSTEM)

    assert ended.state is S.FAILED
    assert ended.end_reason == "cleanup_failed"
    assert "device or resource busy" in (ended.failure_reason or "")
