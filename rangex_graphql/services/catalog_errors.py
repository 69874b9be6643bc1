"""Why a favorite or a rating was refused (catalog)."""

from __future__ import annotations

from .errors import ErrorCode


class CatalogCode(ErrorCode):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    SESSION_REQUIRED = "SESSION_REQUIRED"
