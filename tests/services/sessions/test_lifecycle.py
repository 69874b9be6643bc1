"""Starting, provisioning, pausing, resuming, extending, resetting and terminating."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest

from rangex_graphql.broker import MemoryBroker, topic_for_session
from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Scenario,
    ScenarioVersion,
    SessionAnswer,
    SessionMachine,
    User,
)
from rangex_graphql.models.enums import (
    ResourceProfile,
    SessionMachineState,
    SessionState,
    UserRole,
    VersionStatus,
    Visibility,
)
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.secret_box import open_sealed
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions import controls
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.services.sessions.teardown import tear_down
from tests import factories
from tests.support.sessions import settle

from .conftest import machine_states

S = SessionState
pytestmark = pytest.mark.usefixtures("db")


def actor(user: User) -> Actor:
    return Actor(id=user.id, is_admin=user.role is UserRole.ADMIN)


def driver_of(runtime: Runtime) -> SimulatedDriver:
    return cast(SimulatedDriver, runtime.driver)


async def published(machines: int = 2, **scenario_fields: Any) -> ScenarioVersion:
    return await factories.version(await factories.scenario(**scenario_fields), machines=machines)


async def started(
    runtime: Runtime,
    user: User,
    version: ScenarioVersion,
    minutes: int = 60,
    profile: ResourceProfile = ResourceProfile.SMALL,
) -> EnvironmentSession:
    return await start(runtime, actor(user), StartRequest(version.id, profile, minutes), SYSTEM)


async def running(runtime: Runtime, user: User | None = None) -> EnvironmentSession:
    user = user or await factories.user()
    session = await started(runtime, user, await published())
    await settle(runtime)
    return await EnvironmentSession.get(id=session.id)


async def codes_of(work: object) -> str:
    with pytest.raises(DomainError) as caught:
        await work  # type: ignore[misc]
    return caught.value.code


async def test_start_returns_requested_then_provisions_to_running(runtime: Runtime) -> None:
    user = await factories.user()
    version = await published()
    events = await runtime.broker.subscribe(["platform"])
    before = datetime.now(UTC)

    session = await started(runtime, user, version, minutes=90)

    assert session.state is S.REQUESTED
    assert session.expires_at is None
    assert session.duration_minutes == 90
    assert await SessionMachine.filter(session_id=session.id).count() == 2
    assert (await Scenario.get(id=version.scenario_id)).sessions_started == 1  # type: ignore[attr-defined]
    await settle(runtime)
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert row.started_at is not None
    assert row.expires_at is not None
    assert timedelta(minutes=89) < row.expires_at - before < timedelta(minutes=91)
    assert row.lease_owner is None
    assert row.cost_accounted_at is not None
    machines = await SessionMachine.filter(session_id=session.id).order_by("created_at")
    assert {m.state for m in machines} == {SessionMachineState.RUNNING}
    assert all(m.address and m.driver_handle for m in machines)
    owned = await runtime.driver.list_owned()
    assert set(owned) == {str(session.id)}
    assert [s.state.value for s in await runtime.driver.status(str(session.id))] == [
        "running",
        "running",
    ]
    actions: list[tuple[str, str | None, str]] = []
    while len(actions) < 3:
        message = await anext(aiter(events))
        actions.append((message["action"], message["previousState"], message["state"]))
    assert actions == [
        ("start", None, "REQUESTED"),
        ("start", "REQUESTED", "PROVISIONING"),
        ("provisioned", "PROVISIONING", "RUNNING"),
    ]
    assert await AuditLog.filter(action="session.start", target_id=str(session.id)).exists()


async def test_plan_sizes_entry_machine_by_profile_and_carries_credentials(
    runtime: Runtime,
) -> None:
    user = await factories.user()
    version = await published()
    session = await started(runtime, user, version, profile=ResourceProfile.LARGE)
    await settle(runtime)
    driver = driver_of(runtime)
    labels = await driver.labels_of(str(session.id), "m0")
    assert labels["rangex.resource-profile"] == "large"
    assert labels["rangex.scenario"] == (await Scenario.get(id=version.scenario_id)).slug  # type: ignore[attr-defined]
    assert labels["rangex.scenario-version"] == str(version.number)
    entry = await driver.spec_of(str(session.id), "m0")
    target = await driver.spec_of(str(session.id), "m1")
    assert (entry.cpu, entry.memory_mib) == (2.0, 4096)
    assert (target.cpu, target.memory_mib) == (0.5, 1024)  # authored size
    assert entry.published_ports
    assert not target.published_ports
    attacker = await SessionMachine.get(session_id=session.id, username="learner")
    assert attacker.password_sealed
    password = open_sealed(runtime.settings, attacker.password_sealed)
    assert entry.environment["RANGEX_LEARNER_PASSWORD"] == password
    assert "RANGEX_LEARNER_PASSWORD" not in target.environment
    assert attacker.ports
    assert attacker.ports[0]["host"] == "127.0.0.1"


@pytest.mark.parametrize(("minutes", "code"), [(29, "INVALID_DURATION"), (481, "INVALID_DURATION")])
async def test_start_refuses_a_duration_out_of_range(
    runtime: Runtime, minutes: int, code: str
) -> None:
    user = await factories.user()
    with pytest.raises(DomainError) as caught:
        await started(runtime, user, await published(), minutes=minutes)
    assert (caught.value.code, caught.value.field) == (code, "input.durationMinutes")
    assert not await EnvironmentSession.exists()


async def test_start_refuses_unpublished_hidden_and_deleted_versions(runtime: Runtime) -> None:
    author = await factories.user(UserRole.CREATOR)
    learner = await factories.user()
    draft = await factories.version(
        await factories.scenario(author), VersionStatus.DRAFT, machines=1
    )
    with pytest.raises(DomainError) as caught:
        await started(runtime, author, draft)
    assert (caught.value.code, caught.value.field) == ("VERSION_NOT_PUBLISHED", "input.version")
    # Someone else's draft is not even there for a learner.
    assert await codes_of(started(runtime, learner, draft)) == "VERSION_NOT_FOUND"
    private = await published(visibility=Visibility.PRIVATE)
    assert await codes_of(started(runtime, learner, private)) == "VERSION_NOT_FOUND"
    gone = await published(deleted_at=datetime.now(UTC))
    assert await codes_of(started(runtime, learner, gone)) == "VERSION_NOT_FOUND"
    assert not await EnvironmentSession.exists()


async def test_a_provisioning_failure_ends_failed_with_nothing_left(runtime: Runtime) -> None:
    driver_of(runtime).fail_provision("m1", "image pull failed")
    session = await started(runtime, await factories.user(), await published())
    await settle(runtime)
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.FAILED
    assert row.failure_reason == "image pull failed"
    assert row.end_reason == "provision_failed"
    assert row.ended_at is not None
    assert row.lease_owner is None
    assert await runtime.driver.list_owned() == {}
    states = await machine_states(session.id)
    assert states == {SessionMachineState.FAILED}


async def test_an_invalid_plan_fails_the_session_too(runtime: Runtime) -> None:
    version = await published()
    await version.fetch_related("machines")
    machines = version.machines.all()  # type: ignore[attr-defined]
    await machines.filter(name="m1").update(
        entrypoints=[{"protocol": "TCP", "port": 31337, "exposed": True, "description": ""}]
    )
    session = await started(runtime, await factories.user(), version)
    await settle(runtime)
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.FAILED
    assert "31337" in (row.failure_reason or "")
    assert await runtime.driver.list_owned() == {}


async def test_terminate_while_provisioning_wins_and_leaves_nothing(runtime: Runtime) -> None:
    user = await factories.user()
    session = await started(runtime, user, await published())
    # The provisioning task has been spawned but not run yet: terminate first.
    ended = await controls.terminate(runtime, actor(user), session.id, SYSTEM)
    await settle(runtime)
    assert ended.state is S.TERMINATED
    assert ended.end_reason == "user"
    assert (await EnvironmentSession.get(id=session.id)).state is S.TERMINATED
    assert await runtime.driver.list_owned() == {}


async def test_terminate_during_the_engine_call_destroys_what_it_made(
    runtime: Runtime,
) -> None:
    user = await factories.user()
    driver = driver_of(runtime)
    original = driver.provision
    terminated: list[EnvironmentSession] = []

    async def provision_then_lose_the_race(plan):  # type: ignore[no-untyped-def]
        handles = await original(plan)
        from uuid import UUID

        terminated.append(
            await controls.terminate(runtime, actor(user), UUID(plan.session_id), SYSTEM)
        )
        return handles

    driver.provision = provision_then_lose_the_race  # type: ignore[method-assign]
    session = await started(runtime, user, await published())
    await settle(runtime)
    assert terminated[0].state is S.TERMINATED
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.TERMINATED
    assert await runtime.driver.list_owned() == {}
    states = await machine_states(session.id)
    assert states == {SessionMachineState.STOPPED}


async def test_pause_stops_the_clock_and_resume_restarts_it(runtime: Runtime) -> None:
    user = await factories.user()
    session = await running(runtime, user)
    assert session.expires_at is not None
    left = (session.expires_at - datetime.now(UTC)).total_seconds()

    paused = await controls.pause(runtime, actor(user), session.id, SYSTEM)
    assert paused.state is S.PAUSED
    assert paused.expires_at is None
    assert paused.paused_remaining_seconds is not None
    assert abs(paused.paused_remaining_seconds - left) <= 2
    assert [s.state.value for s in await runtime.driver.status(str(session.id))] == [
        "paused",
        "paused",
    ]
    assert await machine_states(session.id) == {SessionMachineState.PAUSED}
    assert await codes_of(controls.pause(runtime, actor(user), session.id, SYSTEM)) == (
        "SESSION_NOT_RUNNING"
    )

    resumed = await controls.resume(runtime, actor(user), session.id, SYSTEM)
    assert resumed.state is S.RUNNING
    assert resumed.paused_remaining_seconds is None
    assert resumed.expires_at is not None
    assert abs((resumed.expires_at - datetime.now(UTC)).total_seconds() - left) <= 3
    assert {s.state.value for s in await runtime.driver.status(str(session.id))} == {"running"}
    assert await codes_of(controls.resume(runtime, actor(user), session.id, SYSTEM)) == (
        "SESSION_NOT_PAUSED"
    )
    assert await AuditLog.filter(action="session.pause", actor_id=user.id).exists()
    assert await AuditLog.filter(action="session.resume", actor_id=user.id).exists()


async def test_a_failing_engine_pause_ends_the_session_failed_and_clean(
    runtime: Runtime,
) -> None:
    user = await factories.user()
    session = await running(runtime, user)
    await driver_of(runtime).lose_machine(str(session.id), "m0")
    await runtime.driver.destroy(str(session.id))  # the engine lost every machine

    ended = await controls.pause(runtime, actor(user), session.id, SYSTEM)

    assert ended.state is S.FAILED
    assert ended.end_reason == "engine_error"
    assert "pausing the machines failed" in (ended.failure_reason or "")
    assert await runtime.driver.list_owned() == {}


async def test_someone_elses_session_is_not_found(runtime: Runtime) -> None:
    owner = await factories.user()
    session = await running(runtime, owner)
    stranger = actor(await factories.user())
    for work in (
        controls.pause(runtime, stranger, session.id, SYSTEM),
        controls.resume(runtime, stranger, session.id, SYSTEM),
        controls.extend(runtime, stranger, session.id, 30, SYSTEM),
        controls.reset(runtime, stranger, session.id, SYSTEM),
        controls.terminate(runtime, stranger, session.id, SYSTEM),
    ):
        assert await codes_of(work) == "SESSION_NOT_FOUND"
    assert (await EnvironmentSession.get(id=session.id)).state is S.RUNNING


async def test_an_admin_may_terminate_any_session(runtime: Runtime) -> None:
    session = await running(runtime)
    admin = await factories.user(UserRole.ADMIN)
    ended = await controls.terminate(runtime, actor(admin), session.id, SYSTEM)
    assert ended.state is S.TERMINATED
    assert ended.end_reason == "admin"
    assert ended.ended_at is not None
    assert await runtime.driver.list_owned() == {}
    entry = await AuditLog.filter(action="session.terminate", actor_id=admin.id).first()
    assert entry is not None
    assert await codes_of(controls.terminate(runtime, actor(admin), session.id, SYSTEM)) == (
        "SESSION_ENDED"
    )
    assert await codes_of(controls.pause(runtime, actor(admin), session.id, SYSTEM)) == (
        "SESSION_ENDED"
    )


async def near_expiry(session: EnvironmentSession, minutes_left: int) -> None:
    now = datetime.now(UTC)
    await EnvironmentSession.filter(id=session.id).update(
        started_at=now - timedelta(minutes=60), expires_at=now + timedelta(minutes=minutes_left)
    )


async def test_extend_follows_the_versions_policy(runtime: Runtime) -> None:
    user = await factories.user()
    session = await running(runtime, user)
    me = actor(user)
    await ScenarioVersion.filter(id=session.version_id).update(  # type: ignore[attr-defined]
        extension_window_minutes=15, max_extensions=2, max_lifetime_minutes=150
    )
    assert await codes_of(controls.extend(runtime, me, session.id, 30, SYSTEM)) == (
        "EXTENSION_TOO_EARLY"
    )
    await near_expiry(session, 10)
    with pytest.raises(DomainError) as caught:
        await controls.extend(runtime, me, session.id, 0, SYSTEM)
    assert (caught.value.code, caught.value.field) == ("INVALID_DURATION", "input.minutes")

    before = await EnvironmentSession.get(id=session.id)
    extended = await controls.extend(runtime, me, session.id, 30, SYSTEM)
    assert extended.extensions_used == 1
    assert before.expires_at is not None
    assert extended.expires_at is not None
    assert extended.expires_at - before.expires_at == timedelta(minutes=30)
    assert await AuditLog.filter(action="session.extend", actor_id=user.id).exists()

    await near_expiry(session, 10)  # 60 + 10 minutes so far; 150 at most
    assert await codes_of(controls.extend(runtime, me, session.id, 120, SYSTEM)) == (
        "LIFETIME_LIMIT"
    )
    await controls.extend(runtime, me, session.id, 30, SYSTEM)
    await near_expiry(session, 10)
    assert await codes_of(controls.extend(runtime, me, session.id, 30, SYSTEM)) == (
        "EXTENSION_LIMIT"
    )
    await controls.pause(runtime, me, session.id, SYSTEM)
    assert await codes_of(controls.extend(runtime, me, session.id, 30, SYSTEM)) == (
        "SESSION_NOT_RUNNING"
    )


async def test_reset_recreates_machines_keeps_answers_flags_credentials_and_expiry(
    runtime: Runtime,
) -> None:
    user = await factories.user()
    session = await running(runtime, user)
    question_id = (
        await SessionAnswer.filter(session_id=session.id).values_list("question_id", flat=True)
    ) or None
    from rangex_graphql.models import Question

    question = await Question.filter(version_id=session.version_id).first()  # type: ignore[attr-defined]
    assert question is not None
    assert question_id is None
    await SessionAnswer.create(
        session_id=session.id, question_id=question.id, attempts=2, correct=True, points_awarded=10
    )
    driver = driver_of(runtime)
    old_ids = {s.resource_id for s in await driver.status(str(session.id))}
    attacker = await SessionMachine.get(session_id=session.id, username="learner")
    password = (await driver.spec_of(str(session.id), "m0")).environment["RANGEX_LEARNER_PASSWORD"]

    resetting = await controls.reset(runtime, actor(user), session.id, SYSTEM)
    assert resetting.state is S.PROVISIONING
    await settle(runtime)

    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert row.expires_at == session.expires_at
    new_ids = {s.resource_id for s in await driver.status(str(session.id))}
    assert new_ids
    assert not new_ids & old_ids
    spec = await driver.spec_of(str(session.id), "m0")
    assert spec.environment["RANGEX_LEARNER_PASSWORD"] == password
    assert (await SessionMachine.get(id=attacker.id)).password_sealed == attacker.password_sealed
    kept = await SessionAnswer.get(session_id=session.id, question_id=question.id)
    assert (kept.correct, kept.attempts, kept.points_awarded) == (True, 2, 10)
    assert await AuditLog.filter(action="session.reset").exists()


async def test_reset_of_a_paused_session_runs_with_the_time_that_was_left(
    runtime: Runtime,
) -> None:
    user = await factories.user()
    session = await running(runtime, user)
    paused = await controls.pause(runtime, actor(user), session.id, SYSTEM)
    await controls.reset(runtime, actor(user), session.id, SYSTEM)
    await settle(runtime)
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.RUNNING
    assert row.expires_at is not None
    left = (row.expires_at - datetime.now(UTC)).total_seconds()
    assert paused.paused_remaining_seconds is not None
    assert abs(left - paused.paused_remaining_seconds) <= 3


async def test_tear_down_expires_a_session_for_the_jobs(runtime: Runtime) -> None:
    session = await running(runtime)
    broker = cast(MemoryBroker, runtime.broker)
    events = await broker.subscribe([topic_for_session(session.id)])
    ended = await tear_down(
        runtime, session.id, final=S.EXPIRED, action="expire", end_reason="expired"
    )
    assert ended is not None
    assert ended.state is S.EXPIRED
    assert ended.end_reason == "expired"
    assert await runtime.driver.list_owned() == {}
    first = await anext(aiter(events))
    second = await anext(aiter(events))
    assert (first["state"], second["state"]) == ("TERMINATING", "EXPIRED")
    assert second["action"] == "expire"
    # Once ended, nothing more happens.
    assert (
        await tear_down(runtime, session.id, final=S.EXPIRED, action="expire", end_reason="expired")
        is None
    )


async def test_tear_down_takes_over_a_dead_processes_teardown(runtime: Runtime) -> None:
    session = await running(runtime)
    await EnvironmentSession.filter(id=session.id).update(
        state=S.TERMINATING,
        lease_owner="dead-process",
        lease_expires_at=datetime.now(UTC) - timedelta(seconds=1),
    )
    ended = await tear_down(
        runtime, session.id, final=S.TERMINATED, action="terminate", end_reason="user"
    )
    assert ended is not None
    assert ended.state is S.TERMINATED
    assert await runtime.driver.list_owned() == {}


async def test_tear_down_leaves_a_live_lease_alone(runtime: Runtime) -> None:
    session = await running(runtime)
    await EnvironmentSession.filter(id=session.id).update(
        state=S.TERMINATING,
        lease_owner="live-process",
        lease_expires_at=datetime.now(UTC) + timedelta(seconds=60),
    )
    assert (
        await tear_down(runtime, session.id, final=S.TERMINATED, action="x", end_reason="user")
        is None
    )
    assert await runtime.driver.list_owned() != {}
    await runtime.driver.destroy(str(session.id))


async def test_an_engine_that_already_ran_the_session_is_a_bug_destroyed_and_failed(
    runtime: Runtime,
) -> None:
    from rangex_graphql.services.sessions.plan import build_plan

    session = await started(runtime, await factories.user(), await published())
    # Something put the session on the engine already: provisioning must not run it twice.
    await runtime.driver.provision(await build_plan(runtime.settings, session.id, {}))
    await settle(runtime)
    row = await EnvironmentSession.get(id=session.id)
    assert row.state is S.FAILED
    assert "already ran this session" in (row.failure_reason or "")
    assert await runtime.driver.list_owned() == {}


async def test_the_provisioning_process_holds_the_lease_while_the_engine_works(
    runtime: Runtime,
) -> None:
    driver = driver_of(runtime)
    original = driver.provision
    seen: list[tuple[str | None, bool]] = []

    async def watching(plan):  # type: ignore[no-untyped-def]
        row = await EnvironmentSession.get(id=plan.session_id)
        seen.append((row.lease_owner, row.lease_expires_at is not None))
        return await original(plan)

    driver.provision = watching  # type: ignore[method-assign]
    session = await started(runtime, await factories.user(), await published())
    await settle(runtime)
    assert seen == [(runtime.instance_id, True)]
    row = await EnvironmentSession.get(id=session.id)
    assert row.lease_owner is None
    assert row.lease_expires_at is None
