"""An event's status as time drives it, and the transitions that write it.

PUBLISHED → RUNNING at ``starts_at`` → FROZEN at ``freeze_at`` (when set) → FINISHED at
``ends_at``. DRAFT moves only by ``eventPublish``; FINISHED is final. ``status_at`` is the
effective status at any instant, so reads and registration are right between two passes
of the job (``jobs/event_schedule.py``), which writes it with conditional UPDATEs: of two
replicas applying one transition, one UPDATE matches the row and only it audits and
publishes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.expressions import Q

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import Event
from ...models.enums import EventStatus
from ..audit import SYSTEM, audit
from .solve_messages import publish_board_changed

# The order a status moves in; the schedule never moves an event backwards.
ORDER = {status: rank for rank, status in enumerate(EventStatus)}
SCHEDULED = (EventStatus.PUBLISHED, EventStatus.RUNNING, EventStatus.FROZEN)
BATCH = 100


def _read(event: Event | Mapping[str, Any], name: str) -> Any:
    return event[name] if isinstance(event, Mapping) else getattr(event, name)


def status_by_clock(
    starts_at: datetime, ends_at: datetime, freeze_at: datetime | None, now: datetime
) -> EventStatus:
    if now >= ends_at:
        return EventStatus.FINISHED
    if freeze_at is not None and now >= freeze_at:
        return EventStatus.FROZEN
    if now >= starts_at:
        return EventStatus.RUNNING
    return EventStatus.PUBLISHED


def status_at(event: Event | Mapping[str, Any], now: datetime) -> EventStatus:
    """The status ``event`` (a row or its ``status``, ``starts_at``, ``ends_at`` and
    ``freeze_at`` values) has at ``now``."""
    stored = EventStatus(_read(event, "status"))
    if stored not in SCHEDULED:
        return stored
    by_clock = status_by_clock(
        _read(event, "starts_at"), _read(event, "ends_at"), _read(event, "freeze_at"), now
    )
    return by_clock if ORDER[by_clock] > ORDER[stored] else stored


@dataclass(frozen=True, slots=True)
class Transition:
    event_id: UUID
    before: EventStatus
    after: EventStatus


def _due(now: datetime) -> Q:
    return Q(deleted_at__isnull=True) & (
        Q(status=EventStatus.PUBLISHED, starts_at__lte=now)
        | Q(status=EventStatus.RUNNING, freeze_at__lte=now)
        | Q(status__in=(EventStatus.RUNNING, EventStatus.FROZEN), ends_at__lte=now)
    )


async def apply_transition(row: Mapping[str, Any], now: datetime) -> Transition | None:
    """Move one event to its status at ``now`` if it is still where ``row`` saw it; the
    audit row is written in the same transaction, so it exists exactly when the move
    did."""
    before = EventStatus(row["status"])
    after = status_at(row, now)
    if after is before:
        return None

    async def move() -> Transition | None:
        moved = await Event.filter(id=row["id"], status=before, deleted_at__isnull=True).update(
            status=after, updated_at=now
        )
        if moved != 1:
            return None  # another replica (or an organiser) got there first
        change: dict[str, Any] = {"from": before.value, "to": after.value}
        await audit("event.status", SYSTEM, target_type="Event", target_id=row["id"], **change)
        return Transition(row["id"], before, after)

    return await retrying_transaction(move)


async def apply_due_transitions(now: datetime, broker: Broker | None) -> list[Transition]:
    """One pass: every due transition (a skipped one too, PUBLISHED straight to FINISHED),
    each published on its event's topic after its commit."""
    rows = (
        await Event.filter(_due(now))
        .order_by("ends_at", "id")
        .limit(BATCH)
        .values("id", "status", "starts_at", "ends_at", "freeze_at")
    )
    done: list[Transition] = []
    for row in rows:
        moved = await apply_transition(row, now)
        if moved is None:
            continue
        done.append(moved)
        if broker is not None:
            await publish_board_changed(broker, moved.event_id, reason="status")
    return done
