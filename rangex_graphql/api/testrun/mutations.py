"""``versionTestRunStart`` and ``versionTestRunCancel``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry

from ...models.enums import UserRole
from ...services.api_tokens import ApiScope
from ...services.errors import DomainError
from ...services.testruns.errors import TestRunCode
from ...services.testruns.service import (
    RUN_FIELD,
    VERSION_FIELD,
    cancel_test_run,
    start_test_run,
)
from ..context import Info
from ..errors import ApiError
from ..ids import from_global_id
from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from .types import VersionTestRunNode

LIMIT = "A session cannot start now: "


@strawberry.enum(description="Why a test run did not start or was not cancelled.")
class TestRunErrorCode(Enum):
    __test__ = False  # not a pytest test class

    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No such version or test run, or not yours to test."
    )
    TEST_RUN_NOT_ALLOWED = strawberry.enum_value(
        "TEST_RUN_NOT_ALLOWED",
        description="Not in this status: the author tests DRAFT or REJECTED versions, an "
        "admin SUBMITTED or APPROVED ones; PUBLISHED and ARCHIVED ones never.",
    )
    TEST_RUN_ACTIVE = strawberry.enum_value(
        "TEST_RUN_ACTIVE", description="A run of this version is still going on."
    )
    TEST_RUN_ENDED = strawberry.enum_value(
        "TEST_RUN_ENDED", description="The run has its verdict already (or was cancelled)."
    )
    BUDGET_EXHAUSTED = strawberry.enum_value(
        "BUDGET_EXHAUSTED", description=LIMIT + "the platform's daily or monthly budget is spent."
    )
    USER_SESSION_LIMIT = strawberry.enum_value(
        "USER_SESSION_LIMIT", description=LIMIT + "you hold as many active sessions as you may."
    )
    PLATFORM_SESSION_LIMIT = strawberry.enum_value(
        "PLATFORM_SESSION_LIMIT", description=LIMIT + "the range runs as many as it may."
    )
    PLATFORM_USER_LIMIT = strawberry.enum_value(
        "PLATFORM_USER_LIMIT", description=LIMIT + "the range has as many users as it may."
    )
    SCENARIO_SESSION_LIMIT = strawberry.enum_value(
        "SCENARIO_SESSION_LIMIT", description=LIMIT + "the scenario runs as many as it may."
    )
    MAINTENANCE = strawberry.enum_value(
        "MAINTENANCE", description=LIMIT + "the platform is under maintenance."
    )
    START_LIMIT_REACHED = strawberry.enum_value(
        "START_LIMIT_REACHED",
        description=LIMIT + "you started as many sessions in the last hour or day as you may.",
    )
    PLATFORM_MACHINE_LIMIT = strawberry.enum_value(
        "PLATFORM_MACHINE_LIMIT", description=LIMIT + "the range runs as many machines as it may."
    )
    IMAGE_NOT_APPROVED = strawberry.enum_value(
        "IMAGE_NOT_APPROVED",
        description="A machine's image is not an approved catalog image: nothing a creator "
        "typed runs before an admin approves it (imageApprovalRequest).",
    )


@strawberry.type(description="Why a test run mutation did nothing.")
class TestRunError:
    __test__ = False

    field: str | None = strawberry.field(
        description="Input field path: `input.versionId` or `input.testRunId`."
    )
    code: TestRunErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="What versionTestRunStart or versionTestRunCancel did.")
class VersionTestRunPayload:
    test_run: VersionTestRunNode | None = strawberry.field(
        default=None, description=result("The test run as it is now")
    )
    errors: list[TestRunError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.input(description="The version to test.")
class VersionTestRunStartInput:
    version_id: strawberry.ID = strawberry.field(description="A ScenarioVersion ID.")


@strawberry.input(description="The test run to cancel.")
class VersionTestRunCancelInput:
    test_run_id: strawberry.ID = strawberry.field(description="A VersionTestRun ID.")


def _pk(global_id: str, type_name: str, field: str) -> UUID:
    """An ID of the expected type; otherwise the same error as an unknown one."""
    try:
        found, pk = from_global_id(global_id, field)
    except ApiError:
        found, pk = "", UUID(int=0)
    if found != type_name:
        raise DomainError(TestRunCode.NOT_FOUND, f"no such {type_name}", field)
    return pk


async def _payload(run_id: UUID) -> VersionTestRunPayload:
    return VersionTestRunPayload(test_run=await VersionTestRunNode.read(run_id))


@strawberry.type
class TestRunMutation:
    __test__ = False

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Run a version on the configured engine as a test session and check "
        "it (machines running, addresses, entrypoints reachable, segmentation, "
        "healthchecks, the learner's login): the scenario's author on a DRAFT or REJECTED "
        "version, an admin on a SUBMITTED or APPROVED one. The session is unscored and "
        "counts against the budget and caps like any other; it is terminated when the "
        "run ends. Follow it with `testRunUpdated`.",
    )
    @mutation_payload(VersionTestRunPayload, TestRunCode)
    async def version_test_run_start(
        self,
        info: Info,
        input: Annotated[
            VersionTestRunStartInput, strawberry.argument(description="The version to test.")
        ],
    ) -> VersionTestRunPayload:
        version_id = _pk(input.version_id, "ScenarioVersion", VERSION_FIELD)
        run = await start_test_run(
            info.context.services, actor(info), version_id, info.context.meta
        )
        return await _payload(run.id)

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Cancel a test run before its verdict (its version's author or an "
        "admin): CANCELLED, its session terminated.",
    )
    @mutation_payload(VersionTestRunPayload, TestRunCode)
    async def version_test_run_cancel(
        self,
        info: Info,
        input: Annotated[
            VersionTestRunCancelInput, strawberry.argument(description="The test run.")
        ],
    ) -> VersionTestRunPayload:
        run_id = _pk(input.test_run_id, "VersionTestRun", RUN_FIELD)
        await cancel_test_run(info.context.services, actor(info), run_id, info.context.meta)
        return await _payload(run_id)
