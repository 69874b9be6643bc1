"""Why an admin's user change, an account deletion or a data export failed
(services/users)."""

from __future__ import annotations

from ..errors import ErrorCode


class UserAdminCode(ErrorCode):
    INVALID = "INVALID"
    ALREADY_REGISTERED = "ALREADY_REGISTERED"
    NOT_FOUND = "NOT_FOUND"
    ALREADY_DELETED = "ALREADY_DELETED"
    LAST_ADMIN = "LAST_ADMIN"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
