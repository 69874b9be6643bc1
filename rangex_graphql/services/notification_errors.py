"""Why marking notifications read was refused (notifications_read)."""

from __future__ import annotations

from .errors import ErrorCode


class NotificationCode(ErrorCode):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
