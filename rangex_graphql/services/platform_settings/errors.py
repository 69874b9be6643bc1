"""Why a change of the run-time settings or of a scenario's cap did nothing."""

from __future__ import annotations

from ..errors import ErrorCode


class PlatformSettingsCode(ErrorCode):
    OUT_OF_RANGE = "OUT_OF_RANGE"
    REQUIRED = "REQUIRED"
    IDLE_ABOVE_DURATION = "IDLE_ABOVE_DURATION"
    DAY_BELOW_HOUR = "DAY_BELOW_HOUR"
    MESSAGE_TOO_LONG = "MESSAGE_TOO_LONG"
    SCENARIO_NOT_FOUND = "SCENARIO_NOT_FOUND"
