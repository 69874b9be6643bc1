"""Why a session failed, in two forms: a stable code for learners, the detail for admins.

The code is the session's ``end_reason`` (a short word clients can switch on); the
engine's own words (``failure_reason``: an error message, a socket path, an exit code)
are for admins and the log only.
"""

from __future__ import annotations

from enum import StrEnum

from ...orchestrator import DriverError
from ...orchestrator.protocol import EngineUnavailable


class FailureCode(StrEnum):
    #: The engine could not be reached (Docker daemon or ECS API down).
    ENGINE_UNAVAILABLE = "engine_unavailable"
    #: The engine was reached but would not deploy the machines.
    PROVISION_FAILED = "provision_failed"
    #: The machines were deployed but the server could not record them.
    BOOKKEEPING_FAILED = "bookkeeping_failed"
    #: Pausing or resuming the machines failed.
    ENGINE_ERROR = "engine_error"
    #: A machine died, was OOM-killed or removed by someone else.
    MACHINE_FAILED = "machine_failed"
    #: The engine reports none of the session's machines any more.
    RESOURCES_LOST = "resources_lost"
    #: The engine went away (stopped, restarted) and the machines did not survive it.
    ENGINE_RESTARTED = "engine_restarted"
    #: The server working on the session stopped while it did.
    INTERRUPTED = "interrupted"
    #: The engine's state could not be brought back in line with the session's.
    STATE_MISMATCH = "state_mismatch"
    #: The machines could not be removed.
    CLEANUP_FAILED = "cleanup_failed"


FAILURE_CODES = frozenset(code.value for code in FailureCode)


def engine_failure_code(error: BaseException, otherwise: FailureCode) -> FailureCode:
    """``engine_unavailable`` when the engine could not be reached, else ``otherwise``."""
    if isinstance(error, EngineUnavailable):
        return FailureCode.ENGINE_UNAVAILABLE
    if isinstance(error, DriverError) and isinstance(error.__cause__, EngineUnavailable):
        return FailureCode.ENGINE_UNAVAILABLE
    return otherwise


def learner_reason(end_reason: str | None, detail: str | None) -> str | None:
    """What a learner is told about a failure: a stable code, never the engine's words.

    Rows written before the codes may hold a detail with no code: ``engine_error``."""
    if end_reason in FAILURE_CODES:
        return end_reason
    return FailureCode.ENGINE_ERROR.value if detail else None
