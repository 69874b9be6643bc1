"""Organising an event: create, update (only the fields given), soft delete, publish, and
a new invite code.

Organisers are admins and the event's creator (``organisers.py``); anyone else is told
the event does not exist, as is everyone about a deleted event. Every rule is checked
before anything is written, all failures at once, each at its input field. Times are
stored in UTC: a time without a timezone is refused, one with an offset converted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from ...broker import Broker
from ...db.slugs import insert_with_free_slug
from ...db.slugs import slugify as db_slugify
from ...db.transactions import retrying_transaction
from ...models import Event, EventScenario
from ...models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    ScoringMode,
    Visibility,
)
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError, DomainErrors
from ..soft_delete import mark_deleted
from .errors import EventCode
from .invite_codes import new_sealed_code
from .organisers import organises
from .schedule import status_at
from .solve_messages import publish_board_changed

TITLE_LENGTH = (1, 160)  # the column's length
DESCRIPTION_MAX_LENGTH = 10_000
TEAM_SIZE_LIMIT = (1, 10)
MAX_PARTICIPANTS = (0, 100_000)
DYNAMIC_MINIMUM_PERCENT = (0, 100)
DYNAMIC_DECAY = (2, 10_000)
BLOOD_PERCENT = (0, 100)
# The column holds 180: room for a suffix.
SLUG_MAX_LENGTH = 160
EVENT_FIELD = "input.eventId"

TIMES = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at", "freeze_at")
RANGES: dict[str, tuple[int, int]] = {
    "team_size_limit": TEAM_SIZE_LIMIT,
    "max_participants": MAX_PARTICIPANTS,
    "dynamic_minimum_percent": DYNAMIC_MINIMUM_PERCENT,
    "dynamic_decay": DYNAMIC_DECAY,
    "first_blood_percent": BLOOD_PERCENT,
    "second_blood_percent": BLOOD_PERCENT,
    "third_blood_percent": BLOOD_PERCENT,
}
# What the competition is: fixed once it runs, so that every solve is scored alike.
SHAPE = (
    "starts_at",
    "participation_mode",
    "team_size_limit",
    "scoring_mode",
    "dynamic_minimum_percent",
    "dynamic_decay",
    "first_blood_percent",
    "second_blood_percent",
    "third_blood_percent",
)
# All that may change once the event has finished.
AFTER_THE_END = ("title", "description", "visibility")
NULLABLE = ("registration_opens_at", "registration_closes_at", "freeze_at")
UNDELETABLE = (EventStatus.RUNNING, EventStatus.FROZEN)


@dataclass(frozen=True, slots=True)
class EventSpec:
    """A new event's settings."""

    title: str
    starts_at: datetime
    ends_at: datetime
    description: str = ""
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    freeze_at: datetime | None = None
    visibility: Visibility = Visibility.PUBLIC
    registration_mode: RegistrationMode = RegistrationMode.OPEN
    participation_mode: ParticipationMode = ParticipationMode.SOLO
    team_size_limit: int = 5
    max_participants: int = 0
    scoring_mode: ScoringMode = ScoringMode.STATIC
    dynamic_minimum_percent: int = 10
    dynamic_decay: int = 20
    first_blood_percent: int = 5
    second_blood_percent: int = 3
    third_blood_percent: int = 1


SETTINGS = tuple(f.name for f in fields(EventSpec))


def now() -> datetime:
    return datetime.now(UTC)


def _path(name: str) -> str:
    return f"input.{name}"


def _normalized(values: Mapping[str, Any], errors: list[DomainError]) -> dict[str, Any]:
    """Text stripped, times in UTC (naive ones refused)."""
    out = dict(values)
    for name in ("title", "description"):
        if isinstance(out.get(name), str):
            out[name] = out[name].strip()
    for name in TIMES:
        value = out.get(name)
        if value is None:
            continue
        if value.tzinfo is None or value.utcoffset() is None:
            errors.append(
                DomainError(
                    EventCode.TIMEZONE_REQUIRED,
                    f"{name}: give a time with its timezone",
                    _path(name),
                )
            )
        else:
            out[name] = value.astimezone(UTC)
    return out


def _value_errors(values: Mapping[str, Any], checked: set[str]) -> list[DomainError]:
    errors: list[DomainError] = []
    if "title" in checked:
        low, high = TITLE_LENGTH
        if not low <= len(values["title"]) <= high:
            errors.append(
                DomainError(
                    EventCode.INVALID_VALUE, f"title: {low} to {high} characters", "input.title"
                )
            )
    if "description" in checked and len(values["description"]) > DESCRIPTION_MAX_LENGTH:
        errors.append(
            DomainError(
                EventCode.INVALID_VALUE,
                f"description: at most {DESCRIPTION_MAX_LENGTH:,} characters",
                "input.description",
            )
        )
    for name, (low, high) in RANGES.items():
        if name in checked and not low <= values[name] <= high:
            errors.append(
                DomainError(
                    EventCode.INVALID_VALUE, f"{name}: from {low:,} to {high:,}", _path(name)
                )
            )
    return errors


def _schedule_errors(values: Mapping[str, Any], changed: set[str]) -> list[DomainError]:
    """The times in order; a conflict is told at the field that was changed (the later
    one when both were)."""
    starts, ends = values["starts_at"], values["ends_at"]
    opens, closes = values["registration_opens_at"], values["registration_closes_at"]
    freeze = values["freeze_at"]
    rules: list[tuple[bool, str, str, str]] = [
        (starts < ends, "starts_at", "ends_at", "the event must end after it starts"),
    ]
    if freeze is not None:
        rules += [
            (starts < freeze, "starts_at", "freeze_at", "the freeze must come after the start"),
            (freeze < ends, "ends_at", "freeze_at", "the freeze must come before the end"),
        ]
    if opens is not None and closes is not None:
        rules.append(
            (
                opens < closes,
                "registration_opens_at",
                "registration_closes_at",
                "registration must close after it opens",
            )
        )
    if closes is not None:
        rules.append(
            (
                closes <= ends,
                "ends_at",
                "registration_closes_at",
                "registration must close by the event's end",
            )
        )
    if opens is not None:
        rules.append(
            (
                opens < ends,
                "ends_at",
                "registration_opens_at",
                "registration must open before the event's end",
            )
        )
    errors = []
    for holds, other, blamed, message in rules:
        if not holds:
            at = other if other in changed and blamed not in changed else blamed
            errors.append(DomainError(EventCode.INVALID_SCHEDULE, message, _path(at)))
    return errors


def _checked(values: Mapping[str, Any], changed: set[str]) -> dict[str, Any]:
    """``values`` normalized, or every problem of the ``changed`` fields raised at once."""
    errors: list[DomainError] = []
    for name in changed:
        if values.get(name) is None and name not in NULLABLE:
            errors.append(DomainError(EventCode.INVALID_VALUE, f"{name} is required", _path(name)))
    if errors:
        raise DomainErrors(errors)
    normalized = _normalized(values, errors)
    errors += _value_errors(normalized, changed)
    if not errors:
        errors += _schedule_errors(normalized, changed)
    if errors:
        raise DomainErrors(errors)
    return normalized


# --- slugs --------------------------------------------------------------------------------


def slugify(title: str) -> str:
    """``"Spring CTF 2027!"`` → ``"spring-ctf-2027"``; ASCII only."""
    return db_slugify(title, max_length=SLUG_MAX_LENGTH, fallback="event")


async def _insert_with_slug(base: str, **values: Any) -> Event:
    return await insert_with_free_slug(
        Event,
        base,
        values,
        exhausted=lambda: DomainError(
            EventCode.INVALID_VALUE, "no unique slug could be made; try again", "input.title"
        ),
    )


# --- the mutations' services ----------------------------------------------------------------


async def event_for_change(actor: Actor, event_id: UUID, field: str = EVENT_FIELD) -> Event:
    """The live event, locked until the transaction ends, when ``actor`` organises it."""
    event = await Event.filter(id=event_id, deleted_at__isnull=True).select_for_update().first()
    if event is None or not organises(actor, _created_by(event)):
        raise DomainError(EventCode.NOT_FOUND, "no such event, or not yours to change", field)
    return event


def _created_by(event: Event) -> UUID | None:
    value = getattr(event, "created_by_id", None)
    return value if value is None or isinstance(value, UUID) else UUID(str(value))


async def create_event(
    actor: Actor, spec: EventSpec, settings: Settings, meta: RequestMeta
) -> Event:
    values = _checked(asdict(spec), set(SETTINGS))
    if values["registration_mode"] is RegistrationMode.INVITE_CODE:
        values["invite_code_sealed"] = new_sealed_code(settings)

    async def insert() -> Event:
        event = await _insert_with_slug(
            slugify(values["title"]), status=EventStatus.DRAFT, created_by_id=actor.id, **values
        )
        await audit(
            "event.create",
            meta,
            actor_id=actor.id,
            target_type="Event",
            target_id=event.id,
            slug=event.slug,
        )
        return event

    return await retrying_transaction(insert)


def _status_errors(status: EventStatus, changed: set[str]) -> list[DomainError]:
    if status is EventStatus.FINISHED:
        refused = changed - set(AFTER_THE_END)
        message = "the event has finished: only its title, description and visibility change"
    elif status in (EventStatus.RUNNING, EventStatus.FROZEN):
        refused = changed & set(SHAPE)
        message = "the event is running: its start, participation and scoring are fixed"
    else:
        return []
    return [DomainError(EventCode.STATUS_CONFLICT, message, _path(n)) for n in sorted(refused)]


async def update_event(
    actor: Actor,
    event_id: UUID,
    changes: Mapping[str, Any],
    settings: Settings,
    meta: RequestMeta,
) -> Event:
    """Change the fields in ``changes`` (a None clears an optional time); the rest stay."""
    unknown = set(changes) - set(SETTINGS)
    if unknown:
        raise ValueError(f"not event settings: {sorted(unknown)}")

    async def change() -> Event:
        event = await event_for_change(actor, event_id)
        current = {name: getattr(event, name) for name in SETTINGS}
        changed = {n for n, v in changes.items() if v != current[n]}
        status_conflicts = _status_errors(status_at(event, now()), changed)
        if status_conflicts:
            raise DomainErrors(status_conflicts)
        values = _checked({**current, **changes}, changed)
        changed = {n for n in changed if values[n] != current[n]}
        if not changed:
            return event
        for name in changed:
            setattr(event, name, values[name])
        update = [*changed, "updated_at"]
        if "registration_mode" in changed:
            invite = event.registration_mode is RegistrationMode.INVITE_CODE
            event.invite_code_sealed = new_sealed_code(settings) if invite else None
            update.append("invite_code_sealed")
        await event.save(update_fields=update)
        await audit(
            "event.update",
            meta,
            actor_id=actor.id,
            target_type="Event",
            target_id=event.id,
            fields=sorted(changed),
        )
        return event

    return await retrying_transaction(change)


async def delete_event(actor: Actor, event_id: UUID, meta: RequestMeta) -> Event:
    """Soft delete: hidden from every read; refused while the event runs."""

    async def soft_delete() -> Event:
        event = await event_for_change(actor, event_id)
        status = status_at(event, now())
        if status in UNDELETABLE:
            raise DomainError(
                EventCode.STATUS_CONFLICT, f"a {status.value} event cannot be deleted", EVENT_FIELD
            )
        await mark_deleted(event, actor, meta)
        return event

    return await retrying_transaction(soft_delete)


async def publish_event(
    actor: Actor, event_id: UUID, meta: RequestMeta, *, broker: Broker | None
) -> Event:
    """DRAFT → PUBLISHED: visible (per its visibility) and open to registration per its
    mode; it needs at least one challenge. The schedule takes it on from there."""

    async def publish() -> Event:
        event = await event_for_change(actor, event_id)
        if event.status is not EventStatus.DRAFT:
            raise DomainError(
                EventCode.STATUS_CONFLICT, "only a DRAFT event is published", EVENT_FIELD
            )
        if not await EventScenario.filter(event_id=event.id).exists():
            raise DomainError(
                EventCode.NO_CHALLENGES,
                "choose its challenges first (eventChallengeSet)",
                EVENT_FIELD,
            )
        moved = await Event.filter(id=event.id, status=EventStatus.DRAFT).update(
            status=EventStatus.PUBLISHED, updated_at=now()
        )
        assert moved == 1  # the row is locked
        await audit(
            "event.publish", meta, actor_id=actor.id, target_type="Event", target_id=event.id
        )
        return await Event.get(id=event.id)

    event = await retrying_transaction(publish)
    if broker is not None:
        await publish_board_changed(broker, event.id, reason="status")
    return event


async def rotate_invite_code(
    actor: Actor, event_id: UUID, settings: Settings, meta: RequestMeta
) -> Event:
    """A new invite code for an INVITE_CODE event; the old one stops working."""

    async def rotate() -> Event:
        event = await event_for_change(actor, event_id)
        if event.registration_mode is not RegistrationMode.INVITE_CODE:
            raise DomainError(
                EventCode.NOT_INVITE_CODE,
                "the event's registration takes no invite code",
                EVENT_FIELD,
            )
        event.invite_code_sealed = new_sealed_code(settings)
        await event.save(update_fields=["invite_code_sealed", "updated_at"])
        await audit(
            "event.invite_rotate", meta, actor_id=actor.id, target_type="Event", target_id=event.id
        )
        return event

    return await retrying_transaction(rotate)
