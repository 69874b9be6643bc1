"""Why a hint unlock failed (authoring hints uses the authoring codes)."""

from __future__ import annotations

from ..errors import ErrorCode


class HintCode(ErrorCode):
    SESSION_NOT_FOUND = "SESSION_NOT_FOUND"
    HINT_NOT_FOUND = "HINT_NOT_FOUND"
    HINTS_DISABLED = "HINTS_DISABLED"
    SESSION_NOT_RUNNING = "SESSION_NOT_RUNNING"
    HINT_LOCKED = "HINT_LOCKED"
