"""Expiry warnings: a learner hears that a RUNNING session ends soon, once per deadline.

``RANGEX_EXPIRY_WARNING_MINUTES`` says how long before; the largest value is the window
(one ``expiry_warned_at`` column holds one warning per deadline). A session is claimed
with a compare-and-set on ``expiry_warned_at``, so of N replicas one sends each warning.
An extension moves the deadline past the old warning, which arms the next one. PAUSED
sessions are left alone: their clock is stopped and ``expires_at`` is set again on resume.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from tortoise.expressions import Q

from ..broker.protocol import Broker
from ..models import EnvironmentSession
from ..models.enums import SessionState
from ..services.notifications import notify
from ..settings import Settings

BATCH = 200


async def warn_expiring_sessions(now: datetime, settings: Settings, broker: Broker) -> int:
    """One pass; the number of warnings this process sent."""
    if not settings.expiry_warning_minutes:
        return 0
    window = timedelta(minutes=max(settings.expiry_warning_minutes))
    candidates = (
        await EnvironmentSession.filter(
            Q(state=SessionState.RUNNING),
            Q(expires_at__gt=now),
            Q(expires_at__lte=now + window),
        )
        .order_by("expires_at")
        .limit(BATCH)
        .values("id", "user_id", "expires_at", "expiry_warned_at")
    )
    sent = 0
    for row in candidates:
        expires: datetime = row["expires_at"]
        warned: datetime | None = row["expiry_warned_at"]
        if warned is not None and warned >= expires - window:
            continue  # warned for this deadline already
        claimed = await EnvironmentSession.filter(
            id=row["id"], expiry_warned_at=warned, expires_at=expires
        ).update(expiry_warned_at=now)
        if claimed != 1:
            continue  # another replica, or the session changed meanwhile
        minutes = max(1, math.ceil((expires - now).total_seconds() / 60))
        await notify(
            row["user_id"],
            "session.expiring",
            f"Your session ends in {minutes} minute{'s' if minutes != 1 else ''}",
            "Extend it or save your work before it is torn down.",
            broker=broker,
            session_id=row["id"],
            expires_at=expires.isoformat(),
        )
        sent += 1
    return sent
