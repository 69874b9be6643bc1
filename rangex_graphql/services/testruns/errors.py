"""Why a test run could not start or be cancelled."""

from __future__ import annotations

from ..errors import ErrorCode
from ..sessions.errors import SessionCode


class TestRunCode(ErrorCode):
    __test__ = False  # not a pytest test class

    NOT_FOUND = "NOT_FOUND"
    TEST_RUN_NOT_ALLOWED = "TEST_RUN_NOT_ALLOWED"
    TEST_RUN_ACTIVE = "TEST_RUN_ACTIVE"
    TEST_RUN_ENDED = "TEST_RUN_ENDED"
    # The caps and budget of every session (services/sessions/start.py).
    BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED"
    USER_SESSION_LIMIT = "USER_SESSION_LIMIT"
    PLATFORM_SESSION_LIMIT = "PLATFORM_SESSION_LIMIT"
    PLATFORM_USER_LIMIT = "PLATFORM_USER_LIMIT"
    SCENARIO_SESSION_LIMIT = "SCENARIO_SESSION_LIMIT"
    MAINTENANCE = "MAINTENANCE"
    START_LIMIT_REACHED = "START_LIMIT_REACHED"
    PLATFORM_MACHINE_LIMIT = "PLATFORM_MACHINE_LIMIT"
    IMAGE_NOT_APPROVED = "IMAGE_NOT_APPROVED"


#: The session start's refusals a test run answers with, under the same code.
SESSION_REFUSALS = {
    SessionCode.BUDGET_EXHAUSTED: TestRunCode.BUDGET_EXHAUSTED,
    SessionCode.USER_SESSION_LIMIT: TestRunCode.USER_SESSION_LIMIT,
    SessionCode.PLATFORM_SESSION_LIMIT: TestRunCode.PLATFORM_SESSION_LIMIT,
    SessionCode.PLATFORM_USER_LIMIT: TestRunCode.PLATFORM_USER_LIMIT,
    SessionCode.SCENARIO_SESSION_LIMIT: TestRunCode.SCENARIO_SESSION_LIMIT,
    SessionCode.MAINTENANCE: TestRunCode.MAINTENANCE,
    SessionCode.START_LIMIT_REACHED: TestRunCode.START_LIMIT_REACHED,
    SessionCode.PLATFORM_MACHINE_LIMIT: TestRunCode.PLATFORM_MACHINE_LIMIT,
}
