"""Opaque global IDs: base64url of ``TypeName:uuid``."""

from __future__ import annotations

import base64
import binascii
from uuid import UUID

from .errors import BadUserInput


def to_global_id(type_name: str, pk: UUID | str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def from_global_id(global_id: str, field: str = "id") -> tuple[str, UUID]:
    """Decode a global ID; a malformed one is the caller's input error."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw_pk = base64.urlsafe_b64decode(padded).decode().partition(":")
        pk = UUID(raw_pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadUserInput(f"{field}: {global_id!r} is not a valid ID", field=field) from None
    if not type_name:
        raise BadUserInput(f"{field}: {global_id!r} is not a valid ID", field=field)
    return type_name, pk


def expect_global_id(global_id: str, type_name: str, field: str = "id") -> UUID:
    """Decode an ID that must name a given type (``scenario(id:)`` takes only Scenario IDs)."""
    found, pk = from_global_id(global_id, field)
    if found != type_name:
        raise BadUserInput(f"{field}: expected a {type_name} ID, got a {found} ID", field=field)
    return pk
