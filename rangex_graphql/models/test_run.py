"""Creator test runs: a version run as a test session, and the automatic checks on it."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel

if TYPE_CHECKING:
    from .scenario import ScenarioVersion
    from .session import EnvironmentSession
    from .user import User


class TestRunStatus(StrEnum):
    """PENDING then DEPLOYING then TESTING, ending PASSED, FAILED or CANCELLED."""

    __test__ = False  # not a pytest test class

    PENDING = "PENDING"
    DEPLOYING = "DEPLOYING"
    TESTING = "TESTING"
    PASSED = "PASSED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class TestCheckStatus(StrEnum):
    """The verdict of one automatic check."""

    __test__ = False  # not a pytest test class

    PASSED = "PASSED"
    FAILED = "FAILED"
    SKIPPED = "SKIPPED"


class VersionTestRun(TimestampedModel):
    """One run of a version on the configured engine, in a session marked test."""

    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion", related_name="test_runs", on_delete=fields.CASCADE
    )
    started_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="test_runs", on_delete=fields.CASCADE, db_index=True
    )
    # The test session; null before it exists, or once removed.
    session: fields.ForeignKeyNullableRelation[EnvironmentSession] = fields.ForeignKeyField(
        "models.EnvironmentSession",
        related_name="test_runs",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    status = fields.CharEnumField(
        TestRunStatus, max_length=16, default=TestRunStatus.PENDING, db_index=True
    )
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    failure_message = fields.TextField(null=True)

    class Meta:
        table = "version_test_run"
        indexes = (("version_id", "created_at"),)


class VersionTestCheck(TimestampedModel):
    """One automatic check of a test run, in the order they ran."""

    __test__ = False

    run: fields.ForeignKeyRelation[VersionTestRun] = fields.ForeignKeyField(
        "models.VersionTestRun", related_name="checks", on_delete=fields.CASCADE, db_index=True
    )
    name = fields.CharField(max_length=128)
    status = fields.CharEnumField(TestCheckStatus, max_length=8)
    message = fields.TextField()
    position = fields.IntField(default=0)

    class Meta:
        table = "version_test_check"
        unique_together = (("run", "position"),)
