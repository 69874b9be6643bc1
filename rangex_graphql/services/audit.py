"""Security-relevant actions, written as AuditLog rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ..models import AuditLog


@dataclass(frozen=True, slots=True)
class RequestMeta:
    """Who asked, as far as the network can tell."""

    ip: str | None = None
    user_agent: str | None = None


SYSTEM = RequestMeta()


async def audit(
    action: str,
    meta: RequestMeta,
    *,
    actor_id: UUID | None = None,
    target_type: str | None = None,
    target_id: UUID | str | None = None,
    **data: Any,
) -> None:
    await AuditLog.create(
        action=action,
        actor_id=actor_id,
        target_type=target_type,
        target_id=str(target_id) if target_id is not None else None,
        data=data,
        ip=meta.ip,
        user_agent=(meta.user_agent or "")[:512] or None,
    )
