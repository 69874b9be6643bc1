"""A session's clock: it runs only while the machines run.

``expires_at`` is set while the clock runs (RUNNING). Before the first start it is unset
and the whole requested duration is left; a pause (and a reset, until the machines run
again) clears it and keeps what was left in ``paused_remaining_seconds``.
"""

from __future__ import annotations

from datetime import datetime


def seconds_left(
    expires_at: datetime | None,
    paused_remaining_seconds: int | None,
    duration_minutes: int,
    now: datetime,
) -> int:
    if expires_at is None:
        if paused_remaining_seconds is not None:
            return paused_remaining_seconds
        return duration_minutes * 60
    return max(0, int((expires_at - now).total_seconds()))
