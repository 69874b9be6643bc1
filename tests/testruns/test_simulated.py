"""Creator test runs on the simulated engine: the state machine, the checks (those that
need a network SKIPPED with the reason), cancel, the refusals, what a test session is
kept out of, submit's warning and the setting, the subscription, the timeout job."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.api.context import Context
from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.api.schema import schema
from rangex_graphql.broker import MemoryBroker
from rangex_graphql.jobs.test_run_timeouts import fail_stuck_test_runs
from rangex_graphql.models import (
    AuditLog,
    EnvironmentSession,
    Machine,
    Question,
    Scenario,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from rangex_graphql.models.test_run import TestRunStatus, VersionTestCheck, VersionTestRun
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.sessions.answers import submit_answer
from rangex_graphql.services.testruns.probes import SIMULATED_REASON
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run, viewer_of
from tests.conftest import StatementCounter
from tests.support.images import approve_images
from tests.support.sessions import settle
from tests.support.simulated_runtime import simulated_runtime
from tests.testruns.support import (
    CANCEL_RUN,
    LATEST,
    checks_by_name,
    latest,
    machine,
    run_to_verdict,
    start_run,
)

pytestmark = pytest.mark.usefixtures("db")
S = VersionStatus


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        yield built


async def draft(author: User | None = None, status: S = S.DRAFT) -> tuple[User, ScenarioVersion]:
    author = author or await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), status)
    return author, version


async def test_a_draft_runs_to_passed_with_network_checks_skipped(
    settings: Settings, runtime: Runtime
) -> None:
    author, version = await draft()
    started = await start_run(settings, runtime, author, version)
    assert started["errors"] == []
    # The run goes on in the background from its creation: by the time the payload reads
    # it, it may have started deploying.
    assert started["testRun"]["status"] in ("PENDING", "DEPLOYING")
    await settle(runtime)
    result = await latest(settings, author, version)
    assert result["status"] == "PASSED", result
    assert result["failureMessage"] is None
    checks = checks_by_name(result)
    assert [c["position"] for c in result["checks"]] == list(range(len(result["checks"])))
    assert checks["machines_running"]["status"] == "PASSED"
    assert checks["machines_running"]["message"] == "2 machines running"
    assert checks["private_addresses"]["status"] == "PASSED"
    assert checks["internal_entrypoints"]["status"] == "PASSED"
    # Both machines expose SSH and HTTP (the factory's version): one check each, skipped.
    entrypoints = [c for c in result["checks"] if c["name"].startswith("entrypoint ")]
    assert [c["name"] for c in entrypoints] == [
        "entrypoint m0:22",
        "entrypoint m0:80",
        "entrypoint m1:22",
        "entrypoint m1:80",
    ]
    assert {(c["status"], c["message"]) for c in entrypoints} == {("SKIPPED", SIMULATED_REASON)}
    assert checks["segmentation"]["status"] == "SKIPPED"
    assert "network group" in checks["segmentation"]["message"]
    assert checks["healthchecks"] == {
        "name": "healthchecks",
        "status": "SKIPPED",
        "message": "no machine has a healthcheck",
        "position": checks["healthchecks"]["position"],
    }
    # The attacker has the learner's generated login and an SSH entrypoint: only the
    # network is missing.
    assert checks["learner_login"]["status"] == "SKIPPED"
    assert checks["learner_login"]["message"] == SIMULATED_REASON
    # The session: a test one, ended, nothing left on the engine.
    row = await VersionTestRun.get(version_id=version.id)
    assert row.started_at is not None
    assert row.finished_at is not None
    session = await EnvironmentSession.get(id=row.session_id)  # type: ignore[attr-defined]
    assert session.is_test
    assert session.state is SessionState.TERMINATED
    assert session.end_reason == "test_run"
    assert await runtime.driver.list_owned() == {}
    assert await AuditLog.filter(action="version.test_run.start", actor_id=author.id).exists()


async def test_segmentation_and_login_say_why_they_skip(
    settings: Settings, runtime: Runtime
) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), S.DRAFT, machines=0)
    http = {"protocol": "HTTP", "port": 80, "exposed": False, "description": ""}
    await machine(version, "web", network_group="dmz", entrypoints=[http])
    await machine(version, "db", network_group="lan", entrypoints=[http])
    result = await run_to_verdict(settings, runtime, author, version)
    checks = checks_by_name(result)
    assert result["status"] == "PASSED"
    assert checks["segmentation"]["status"] == "SKIPPED"
    assert checks["segmentation"]["message"] == SIMULATED_REASON
    assert checks["entrypoints"]["message"] == "no exposed entrypoint"
    assert checks["learner_login"]["message"] == "no machine the learner enters"
    assert checks["internal_entrypoints"]["message"] == "2 internal entrypoints unpublished"


async def test_a_version_that_does_not_deploy_fails_with_the_reason(
    settings: Settings, runtime: Runtime
) -> None:
    author, version = await draft()
    driver = runtime.driver
    assert isinstance(driver, SimulatedDriver)
    driver.fail_provision("m1", "image pull failed: not found")
    result = await run_to_verdict(settings, runtime, author, version)
    assert result["status"] == "FAILED"
    assert "image pull failed" in result["failureMessage"]
    assert result["checks"][0]["name"] == "machines_running"
    assert result["checks"][0]["status"] == "FAILED"
    assert await runtime.driver.list_owned() == {}


async def test_test_sessions_are_unscored_unpopular_and_not_listed(
    settings: Settings, runtime: Runtime
) -> None:
    author, version = await draft()
    before = (await Scenario.get(id=version.scenario_id)).sessions_started  # type: ignore[attr-defined]
    await run_to_verdict(settings, runtime, author, version)
    assert (await Scenario.get(id=version.scenario_id)).sessions_started == before  # type: ignore[attr-defined]
    session = await EnvironmentSession.get(version_id=version.id)
    # Not in the learner's own list of sessions.
    data = await data_of(
        settings,
        "query($id: ID!) { node(id: $id) { ... on User { sessions { totalCount nodes { id } } } } "
        "}",
        {"id": to_global_id("User", author.id)},
        as_user=author,
    )
    assert data["node"]["sessions"] == {"totalCount": 0, "nodes": []}
    # Answers are refused with a code, even while the session runs.
    await EnvironmentSession.filter(id=session.id).update(state=SessionState.RUNNING)
    question = await Question.filter(version_id=version.id).first()
    assert question is not None
    with pytest.raises(DomainError) as refused:
        await submit_answer(
            author.id,
            session.id,
            question.id,
            ["FLAG{0}"],
            settings=settings,
            broker=runtime.broker,
            meta=SYSTEM,
        )
    assert refused.value.code == "TEST_SESSION"
    assert refused.value.field == "input.session"
    assert (await User.get(id=author.id)).total_score == 0


async def test_a_test_session_counts_against_the_caps(settings: Settings) -> None:
    capped = settings.model_copy(update={"session_max_per_user": 1})
    async with simulated_runtime(capped) as runtime:
        author, version = await draft()
        await factories.session(author, await factories.version(await factories.scenario()))
        payload = await start_run(capped, runtime, author, version)
        assert payload["testRun"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [
            ("input.versionId", "USER_SESSION_LIMIT")
        ]
        assert not await VersionTestRun.filter(version_id=version.id).exists()


@pytest.mark.parametrize(
    ("status", "as_admin", "code"),
    [
        (S.PUBLISHED, False, "TEST_RUN_NOT_ALLOWED"),
        (S.ARCHIVED, False, "TEST_RUN_NOT_ALLOWED"),
        (S.PUBLISHED, True, "TEST_RUN_NOT_ALLOWED"),
        (S.SUBMITTED, False, "TEST_RUN_NOT_ALLOWED"),
        (S.APPROVED, False, "TEST_RUN_NOT_ALLOWED"),
        (S.DRAFT, True, "TEST_RUN_NOT_ALLOWED"),  # an admin, of someone else's draft
    ],
)
async def test_refusals_by_status_and_role(
    settings: Settings, runtime: Runtime, status: S, as_admin: bool, code: str
) -> None:
    author, version = await draft(status=status)
    who = await factories.user(UserRole.ADMIN) if as_admin else author
    payload = await start_run(settings, runtime, who, version)
    assert payload["testRun"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("input.versionId", code)]
    assert not await VersionTestRun.filter(version_id=version.id).exists()


async def test_an_image_not_approved_is_not_run(settings: Settings, runtime: Runtime) -> None:
    """Nothing a creator typed runs on the engine before an admin approves the image."""
    author, version = await draft()
    refs = sorted(
        map(str, await Machine.filter(version=version).values_list("image_ref", flat=True))
    )
    await approve_images(refs[0])  # one of them approved, the others not
    payload = await start_run(settings, runtime, author, version, approve=False)
    assert payload["testRun"] is None
    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("input.versionId", "IMAGE_NOT_APPROVED")
    assert refs[1] in error["message"]
    assert refs[0] not in error["message"]
    assert not await VersionTestRun.filter(version_id=version.id).exists()
    assert not await EnvironmentSession.filter(version_id=version.id).exists()
    assert await runtime.driver.list_owned() == {}
    # Once approved, the same version runs.
    await approve_images(*refs)
    assert (await run_to_verdict(settings, runtime, author, version))["status"] == "PASSED"


@pytest.mark.parametrize("status", [S.SUBMITTED, S.APPROVED])
async def test_an_admin_tests_what_is_in_review(
    settings: Settings, runtime: Runtime, status: S
) -> None:
    _, version = await draft(status=status)
    admin = await factories.user(UserRole.ADMIN)
    result = await run_to_verdict(settings, runtime, admin, version)
    assert result["status"] == "PASSED"


async def test_another_creator_and_bad_ids_are_not_found(
    settings: Settings, runtime: Runtime
) -> None:
    _, version = await draft()
    stranger = await factories.user(UserRole.CREATOR)
    payload = await start_run(settings, runtime, stranger, version)
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("input.versionId", "NOT_FOUND")
    ]
    data, errors = await run(
        settings,
        'mutation { versionTestRunStart(input: {versionId: "nope"}) { errors { field code } } }',
        as_user=stranger,
        runtime=runtime,
    )
    assert not errors
    assert data is not None
    assert data["versionTestRunStart"]["errors"] == [
        {"field": "input.versionId", "code": "NOT_FOUND"}
    ]


async def test_one_active_run_per_version(settings: Settings) -> None:
    slow = SimulatedDriver(SimulatedDelays(network=0, machine_start=0.3, destroy=0))
    runtime = build_runtime(settings, driver=slow, broker=MemoryBroker())
    try:
        author, version = await draft()
        first = await start_run(settings, runtime, author, version)
        assert first["errors"] == []
        second = await start_run(settings, runtime, author, version)
        assert [(e["field"], e["code"]) for e in second["errors"]] == [
            ("input.versionId", "TEST_RUN_ACTIVE")
        ]
        await settle(runtime)
        third = await start_run(settings, runtime, author, version)  # over: a new one may
        assert third["errors"] == []
        await settle(runtime)
    finally:
        await runtime.aclose()


async def test_cancel_ends_the_run_and_its_session(settings: Settings) -> None:
    slow = SimulatedDriver(SimulatedDelays(network=0, machine_start=0.5, destroy=0))
    runtime = build_runtime(settings, driver=slow, broker=MemoryBroker())
    try:
        author, version = await draft()
        started = await start_run(settings, runtime, author, version)
        run_id = started["testRun"]["id"]
        await asyncio.sleep(0.1)  # deploying
        assert (await VersionTestRun.get(version_id=version.id)).status is TestRunStatus.DEPLOYING
        data, errors = await run(
            settings, CANCEL_RUN, {"input": {"testRunId": run_id}}, as_user=author, runtime=runtime
        )
        assert not errors
        assert data is not None
        cancelled = data["versionTestRunCancel"]
        assert cancelled["errors"] == []
        assert cancelled["testRun"]["status"] == "CANCELLED"
        await settle(runtime)
        row = await VersionTestRun.get(version_id=version.id)
        assert row.status is TestRunStatus.CANCELLED  # the background run did not overwrite it
        assert await VersionTestCheck.filter(run_id=row.id).count() == 0
        session = await EnvironmentSession.get(id=row.session_id)  # type: ignore[attr-defined]
        assert session.state is SessionState.TERMINATED
        assert await slow.list_owned() == {}
        # Cancelling again, or by a stranger.
        again, _ = await run(
            settings, CANCEL_RUN, {"input": {"testRunId": run_id}}, as_user=author, runtime=runtime
        )
        assert again is not None
        assert [e["code"] for e in again["versionTestRunCancel"]["errors"]] == ["TEST_RUN_ENDED"]
        stranger = await factories.user(UserRole.CREATOR)
        hidden, _ = await run(
            settings,
            CANCEL_RUN,
            {"input": {"testRunId": run_id}},
            as_user=stranger,
            runtime=runtime,
        )
        assert hidden is not None
        assert hidden["versionTestRunCancel"]["errors"] == [
            {
                "field": "input.testRunId",
                "code": "NOT_FOUND",
                "message": "no such test run of yours",
            }
        ]
    finally:
        await runtime.aclose()


async def test_runs_are_the_authors_and_admins_only(settings: Settings, runtime: Runtime) -> None:
    author, version = await draft()
    await run_to_verdict(settings, runtime, author, version)
    admin = await factories.user(UserRole.ADMIN)
    assert (await latest(settings, admin, version))["status"] == "PASSED"
    learner = await factories.user()
    await ScenarioVersion.filter(id=version.id).update(status=S.PUBLISHED)
    _data, errors = await run(
        settings, LATEST, {"id": to_global_id("ScenarioVersion", version.id)}, as_user=learner
    )
    assert errors
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    run_id = (await VersionTestRun.get(version_id=version.id)).id
    node = await data_of(
        settings,
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_global_id("VersionTestRun", run_id)},
        as_user=learner,
    )
    assert node == {"node": None}


SUBMIT = """mutation($input: VersionInput!) { versionSubmit(input: $input) {
  version { status } warnings { code message } errors { field code } } }"""


async def ready_draft() -> tuple[User, ScenarioVersion]:
    """A draft that passes every content rule of versionSubmit."""
    author, version = await draft()
    refs = await Machine.filter(version=version).values_list("image_ref", flat=True)
    await approve_images(*(str(ref) for ref in refs))
    await ScenarioVersion.filter(id=version.id).update(
        mission="Find the flag on the web server.", solution="Read /flag."
    )
    return author, version


async def submit(settings: Settings, who: User, version: ScenarioVersion) -> dict[str, Any]:
    data = await data_of(
        settings,
        SUBMIT,
        {"input": {"versionId": to_global_id("ScenarioVersion", version.id)}},
        as_user=who,
    )
    found: dict[str, Any] = data["versionSubmit"]
    return found


async def test_submit_warns_without_a_passed_run(settings: Settings, runtime: Runtime) -> None:
    author, version = await ready_draft()
    answered = await submit(settings, author, version)
    assert answered["errors"] == [], answered
    assert answered["version"]["status"] == "SUBMITTED"
    assert [w["code"] for w in answered["warnings"]] == ["NO_PASSED_TEST_RUN"]


async def test_submit_has_no_warning_after_a_passed_run(
    settings: Settings, runtime: Runtime
) -> None:
    author, version = await ready_draft()
    assert (await run_to_verdict(settings, runtime, author, version))["status"] == "PASSED"
    answered = await submit(settings, author, version)
    assert answered["errors"] == [], answered
    assert answered["warnings"] == []


async def test_the_setting_makes_a_passed_run_required(
    settings: Settings, runtime: Runtime
) -> None:
    strict = settings.model_copy(update={"require_passed_test_run": True})
    author, version = await ready_draft()
    refused = await submit(strict, author, version)
    assert refused["errors"] == [{"field": "versionId", "code": "TEST_RUN_REQUIRED"}]
    assert refused["version"] is None
    assert (await ScenarioVersion.get(id=version.id)).status is S.DRAFT
    # A FAILED or CANCELLED run is not enough; a PASSED one is.
    await VersionTestRun.create(version=version, started_by=author, status=TestRunStatus.FAILED)
    assert (await submit(strict, author, version))["errors"][0]["code"] == "TEST_RUN_REQUIRED"
    assert (await run_to_verdict(strict, runtime, author, version))["status"] == "PASSED"
    accepted = await submit(strict, author, version)
    assert accepted["errors"] == []
    assert accepted["version"]["status"] == "SUBMITTED"


UPDATED = """subscription($id: ID!) { testRunUpdated(id: $id) {
  status checks { name status } } }"""


async def test_the_subscription_streams_states_and_checks(settings: Settings) -> None:
    slow = SimulatedDriver(SimulatedDelays(network=0, machine_start=0.2, destroy=0))
    runtime = build_runtime(settings, driver=slow, broker=MemoryBroker())
    try:
        author, version = await draft()
        started = await start_run(settings, runtime, author, version)
        run_id = started["testRun"]["id"]
        context = Context(settings=settings, viewer=viewer_of(author), runtime=runtime)
        results = await schema.subscribe(
            UPDATED, variable_values={"id": run_id}, context_value=context
        )
        assert isinstance(results, AsyncIterator)
        seen: list[tuple[str, int]] = []
        async with asyncio.timeout(10):
            async for result in results:
                assert not result.errors, result.errors
                assert result.data is not None
                value = result.data["testRunUpdated"]
                seen.append((value["status"], len(value["checks"])))
        statuses = [status for status, _ in seen]
        assert statuses[0] in ("PENDING", "DEPLOYING")  # the current value first
        assert "TESTING" in statuses
        assert statuses[-1] == "PASSED"  # then it completes
        counts = [n for status, n in seen if status == "TESTING"]
        assert counts == sorted(counts)
        assert counts[-1] > counts[0]
        # A stranger cannot subscribe.
        stranger = await factories.user(UserRole.CREATOR)
        other = Context(settings=settings, viewer=viewer_of(stranger), runtime=runtime)
        refused = await schema.subscribe(
            UPDATED, variable_values={"id": run_id}, context_value=other
        )
        first = await anext(refused) if isinstance(refused, AsyncIterator) else refused
        assert first.errors
        assert first.errors[0].extensions
        assert first.errors[0].extensions["code"] == "NOT_FOUND"
        await settle(runtime)
    finally:
        await runtime.aclose()


async def test_a_stuck_run_is_failed_by_the_job(settings: Settings, runtime: Runtime) -> None:
    author, version = await draft()
    session = await factories.session(author, version)
    await EnvironmentSession.filter(id=session.id).update(is_test=True)
    long_ago = datetime.now(UTC) - timedelta(seconds=settings.test_run_timeout_seconds + 5)
    stuck = await VersionTestRun.create(
        version=version,
        started_by=author,
        session=session,
        status=TestRunStatus.TESTING,
        started_at=long_ago,
    )
    fresh_version = (await draft(author))[1]
    fresh = await VersionTestRun.create(
        version=fresh_version,
        started_by=author,
        status=TestRunStatus.DEPLOYING,
        started_at=datetime.now(UTC),
    )
    assert await fail_stuck_test_runs(runtime) == 1
    await stuck.refresh_from_db()
    assert stuck.status is TestRunStatus.FAILED
    assert "no verdict after" in (stuck.failure_message or "")
    assert (await EnvironmentSession.get(id=session.id)).state is SessionState.TERMINATED
    assert (await VersionTestRun.get(id=fresh.id)).status is TestRunStatus.DEPLOYING
    assert await fail_stuck_test_runs(runtime) == 0  # once


async def test_statements_of_latest_run_do_not_depend_on_its_checks(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    counts = []
    for checks in (2, 12):
        author, version = await draft()
        test_run = await VersionTestRun.create(
            version=version, started_by=author, status=TestRunStatus.PASSED
        )
        for i in range(checks):
            await VersionTestCheck.create(
                run=test_run, name=f"c{i}", status="PASSED", message="ok", position=i
            )
        sql_counter.reset()
        found = await latest(settings, author, version)
        counts.append(sql_counter.count)
        assert len(found["checks"]) == checks
    assert counts[0] == counts[1], counts


def test_ids() -> None:
    assert from_global_id(to_global_id("VersionTestRun", "0" * 32), "id")[0] == "VersionTestRun"
