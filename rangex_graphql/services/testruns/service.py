"""Starting and cancelling a creator test run, and who may.

The scenario's author may test a version that is DRAFT or REJECTED (while editing it), an
admin one that is SUBMITTED or APPROVED (while reviewing it); a PUBLISHED or ARCHIVED
version has learners' sessions for that. One run of a version at a time: the run row is
inserted under the version's row lock after counting the active ones. The test session is
then created with the caps and budget of any session, and the run goes on in the
background (``runner.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import Machine, ScenarioVersion
from ...models.enums import VersionStatus
from ...models.test_run import TestRunStatus, VersionTestRun
from ...runtime import Runtime
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError
from ..images.catalog import unapproved_image_errors
from ..sessions.start import create_test_session
from .errors import SESSION_REFUSALS, TestRunCode
from .events import publish_test_run
from .runner import end_session, run_test

VERSION_FIELD = "input.versionId"
RUN_FIELD = "input.testRunId"
ACTIVE = (TestRunStatus.PENDING, TestRunStatus.DEPLOYING, TestRunStatus.TESTING)
AUTHOR_STATUSES = (VersionStatus.DRAFT, VersionStatus.REJECTED)
ADMIN_STATUSES = (VersionStatus.SUBMITTED, VersionStatus.APPROVED)


async def may_see_test_runs(actor: Actor, version_id: UUID) -> bool:
    """The version's author and admins see its test runs."""
    if actor.is_admin:
        return True
    authors = await ScenarioVersion.filter(id=version_id).values_list(
        "scenario__author_id", flat=True
    )
    return bool(authors) and authors[0] == actor.id


async def _testable(actor: Actor, version_id: UUID) -> ScenarioVersion:
    version = await ScenarioVersion.get_or_none(id=version_id).prefetch_related("scenario")
    if version is None or version.scenario.deleted_at is not None:
        raise DomainError(TestRunCode.NOT_FOUND, "no such scenario version", VERSION_FIELD)
    is_author = version.scenario.author_id == actor.id  # type: ignore[attr-defined]
    if not (is_author or actor.is_admin):
        raise DomainError(TestRunCode.NOT_FOUND, "no such scenario version", VERSION_FIELD)
    if (is_author and version.status in AUTHOR_STATUSES) or (
        actor.is_admin and version.status in ADMIN_STATUSES
    ):
        return version
    if version.status in (VersionStatus.PUBLISHED, VersionStatus.ARCHIVED):
        why = f"a {version.status.value} version is not test-run: start a session instead"
    elif is_author and not actor.is_admin:
        why = f"the author tests a DRAFT or REJECTED version; this one is {version.status.value}"
    else:
        why = (
            "an admin tests a SUBMITTED or APPROVED version, the author a DRAFT or REJECTED "
            f"one; this one is {version.status.value}"
        )
    raise DomainError(TestRunCode.TEST_RUN_NOT_ALLOWED, why, VERSION_FIELD)


async def _images_approved(version_id: UUID) -> None:
    """A test run deploys on the real engine: only catalog images an admin approved run,
    as for learners (``versionSubmit`` checks the same)."""
    images = (
        await Machine.filter(version_id=version_id)
        .order_by("position", "id")
        .values_list("image_ref", flat=True)
    )
    refused = await unapproved_image_errors([str(ref) for ref in images])
    if refused:
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        raise DomainError(
            TestRunCode.IMAGE_NOT_APPROVED,
            f"{refused[0].field}: {refused[0].message}{more}",
            VERSION_FIELD,
        )


async def start_test_run(
    runtime: Runtime, actor: Actor, version_id: UUID, meta: RequestMeta
) -> VersionTestRun:
    """A PENDING run of the version with its REQUESTED test session; deployed and checked
    in the background."""
    version = await _testable(actor, version_id)
    await _images_approved(version_id)

    async def insert() -> VersionTestRun:
        await ScenarioVersion.filter(id=version_id).select_for_update().only("id").first()
        if await VersionTestRun.filter(version_id=version_id, status__in=ACTIVE).exists():
            raise DomainError(
                TestRunCode.TEST_RUN_ACTIVE,
                "a test run of this version is still going on; cancel it or wait",
                VERSION_FIELD,
            )
        return await VersionTestRun.create(version_id=version_id, started_by_id=actor.id)

    run = await retrying_transaction(insert)
    try:
        session = await create_test_session(
            runtime, actor, version, runtime.settings.test_run_session_minutes, meta
        )
    except DomainError as refused:
        await VersionTestRun.filter(id=run.id).delete()
        code = SESSION_REFUSALS.get(refused.code)  # type: ignore[call-overload]
        if code is None:
            raise
        raise DomainError(code, refused.message, VERSION_FIELD) from refused
    except BaseException:
        await VersionTestRun.filter(id=run.id).delete()
        raise
    await VersionTestRun.filter(id=run.id).update(session_id=session.id)
    run.session_id = session.id
    await audit(
        "version.test_run.start",
        meta,
        actor_id=actor.id,
        target_type="VersionTestRun",
        target_id=run.id,
        version_id=str(version_id),
        session_id=str(session.id),
    )
    await publish_test_run(runtime.broker, run.id, "start")
    runtime.spawn(lambda: run_test(runtime, run.id, session.id), name=f"test-run-{run.id}")
    return run


async def cancel_test_run(
    runtime: Runtime, actor: Actor, run_id: UUID, meta: RequestMeta
) -> VersionTestRun:
    """An active run → CANCELLED, its session terminated (nothing left on the engine)."""
    rows = await VersionTestRun.filter(id=run_id).values("version_id", "session_id", "status")
    if not rows or not await may_see_test_runs(actor, rows[0]["version_id"]):
        raise DomainError(TestRunCode.NOT_FOUND, "no such test run of yours", RUN_FIELD)
    cancelled = await VersionTestRun.filter(id=run_id, status__in=ACTIVE).update(
        status=TestRunStatus.CANCELLED,
        finished_at=datetime.now(UTC),
        failure_message="cancelled",
    )
    if cancelled != 1:
        raise DomainError(TestRunCode.TEST_RUN_ENDED, "the test run is over already", RUN_FIELD)
    await audit(
        "version.test_run.cancel",
        meta,
        actor_id=actor.id,
        target_type="VersionTestRun",
        target_id=run_id,
        version_id=str(rows[0]["version_id"]),
    )
    await publish_test_run(runtime.broker, run_id, "cancel")
    if rows[0]["session_id"] is not None:
        await end_session(runtime, rows[0]["session_id"], "test run cancelled")
    return await VersionTestRun.get(id=run_id)
