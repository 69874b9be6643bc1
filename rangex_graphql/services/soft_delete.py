"""Soft deletion of a row with a slug (a scenario, an event): hidden from every read from
then on, its slug still reserved, and the deletion audited."""

from __future__ import annotations

from datetime import UTC, datetime

from ..models import Event, Scenario
from .audit import RequestMeta, audit
from .authoring.access import Actor


async def mark_deleted(row: Event | Scenario, actor: Actor, meta: RequestMeta) -> None:
    """In the caller's transaction; audited as ``<type>.delete`` (``event.delete``)."""
    row.deleted_at = datetime.now(UTC)
    await row.save(update_fields=["deleted_at", "updated_at"])
    target_type = type(row).__name__
    await audit(
        f"{target_type.lower()}.delete",
        meta,
        actor_id=actor.id,
        target_type=target_type,
        target_id=row.id,
        slug=row.slug,
    )
