"""What a version's test runs say, for its review (``versionSubmit``)."""

from __future__ import annotations

from uuid import UUID

from ...models.test_run import TestRunStatus, VersionTestRun

NO_PASSED_TEST_RUN = "NO_PASSED_TEST_RUN"


async def has_passed_run(version_id: UUID) -> bool:
    return await VersionTestRun.filter(version_id=version_id, status=TestRunStatus.PASSED).exists()
