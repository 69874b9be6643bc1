"""``eventChallengeSet``: the event's challenges, as a whole new list.

Each challenge is a PUBLISHED scenario version (of a scenario not deleted), pinned: the
event keeps playing that version whatever the scenario publishes later. Its points are the
sum of its questions' points, and each question gets an EventQuestion row (its initial
points and solve counter). Allowed while the event is DRAFT or PUBLISHED; the old list goes
and the new one comes in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import (
    Event,
    EventQuestion,
    EventScenario,
    Question,
    ScenarioVersion,
)
from ...models.enums import EventStatus, VersionStatus
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError, DomainErrors
from .errors import EventCode
from .lifecycle import EVENT_FIELD, event_for_change, now
from .schedule import status_at

MAX_CHALLENGES = 100
CATEGORY_MAX_LENGTH = 60
CHANGEABLE = (EventStatus.DRAFT, EventStatus.PUBLISHED)


@dataclass(frozen=True, slots=True)
class ChallengeChoice:
    version_id: UUID
    category: str = ""


def _at(i: int, name: str) -> str:
    return f"input.challenges.{i}.{name}"


def _shape_errors(choices: list[ChallengeChoice]) -> list[DomainError]:
    if len(choices) > MAX_CHALLENGES:
        return [
            DomainError(
                EventCode.TOO_MANY_CHALLENGES,
                f"at most {MAX_CHALLENGES} challenges",
                "input.challenges",
            )
        ]
    errors = []
    seen: set[UUID] = set()
    for i, choice in enumerate(choices):
        if choice.version_id in seen:
            errors.append(
                DomainError(
                    EventCode.DUPLICATE_CHALLENGE,
                    "this version is listed twice",
                    _at(i, "versionId"),
                )
            )
        seen.add(choice.version_id)
        if len(choice.category.strip()) > CATEGORY_MAX_LENGTH:
            errors.append(
                DomainError(
                    EventCode.INVALID_VALUE,
                    f"category: at most {CATEGORY_MAX_LENGTH} characters",
                    _at(i, "category"),
                )
            )
    return errors


async def _version_errors(choices: list[ChallengeChoice]) -> list[DomainError]:
    rows = await ScenarioVersion.filter(
        id__in=[c.version_id for c in choices], scenario__deleted_at__isnull=True
    ).values("id", "status")
    status = {row["id"]: VersionStatus(row["status"]) for row in rows}
    errors = []
    for i, choice in enumerate(choices):
        found = status.get(choice.version_id)
        if found is None:
            errors.append(
                DomainError(EventCode.VERSION_NOT_FOUND, "no such version", _at(i, "versionId"))
            )
        elif found is not VersionStatus.PUBLISHED:
            errors.append(
                DomainError(
                    EventCode.VERSION_NOT_PUBLISHED,
                    f"only a PUBLISHED version can be a challenge (this one is {found.value})",
                    _at(i, "versionId"),
                )
            )
    return errors


async def set_challenges(
    actor: Actor, event_id: UUID, choices: list[ChallengeChoice], meta: RequestMeta
) -> Event:
    errors = _shape_errors(choices)
    if errors:
        raise DomainErrors(errors)

    async def replace() -> Event:
        event = await event_for_change(actor, event_id)
        status = status_at(event, now())
        if status not in CHANGEABLE:
            raise DomainError(
                EventCode.STATUS_CONFLICT,
                f"the challenges of a {status.value} event are fixed",
                EVENT_FIELD,
            )
        found = await _version_errors(choices)
        if found:
            raise DomainErrors(found)
        questions = (
            await Question.filter(version_id__in=[c.version_id for c in choices])
            .order_by("position", "id")
            .values("id", "version_id", "points")
        )
        by_version: dict[UUID, list[dict[str, Any]]] = defaultdict(list)
        for row in questions:
            by_version[row["version_id"]].append(row)
        await EventQuestion.filter(event_id=event.id).delete()
        await EventScenario.filter(event_id=event.id).delete()
        entries = [
            EventScenario(
                event_id=event.id,
                version_id=choice.version_id,
                position=i,
                category=choice.category.strip(),
                points=sum(int(q["points"]) for q in by_version[choice.version_id]),
            )
            for i, choice in enumerate(choices)
        ]
        await EventScenario.bulk_create(entries)
        await EventQuestion.bulk_create(
            [
                EventQuestion(
                    event_id=event.id,
                    challenge_id=entry.id,
                    question_id=q["id"],
                    initial_points=int(q["points"]),
                )
                for entry, choice in zip(entries, choices, strict=True)
                for q in by_version[choice.version_id]
            ]
        )
        await audit(
            "event.challenges",
            meta,
            actor_id=actor.id,
            target_type="Event",
            target_id=event.id,
            versions=[str(c.version_id) for c in choices],
        )
        return event

    return await retrying_transaction(replace)
