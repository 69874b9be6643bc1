"""Who organises an event: admins, and the creator who made it."""

from __future__ import annotations

from uuid import UUID

from ..authoring.access import Actor


def organises(actor: Actor | None, created_by_id: UUID | None) -> bool:
    return actor is not None and (actor.is_admin or created_by_id == actor.id)
