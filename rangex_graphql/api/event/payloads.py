"""The event mutations' payloads and their error codes."""

from __future__ import annotations

from enum import Enum

import strawberry

from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, result
from .types import EventNode


@strawberry.enum(description="Why organising an event failed.")
class EventErrorCode(Enum):
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No such event, or not one you organise."
    )
    INVALID_VALUE = strawberry.enum_value(
        "INVALID_VALUE", description="A value out of its range or length, or a required one."
    )
    TIMEZONE_REQUIRED = strawberry.enum_value(
        "TIMEZONE_REQUIRED", description="A time without its timezone."
    )
    INVALID_SCHEDULE = strawberry.enum_value(
        "INVALID_SCHEDULE",
        description="Times out of order: the end after the start, the freeze between them, "
        "registration opening before it closes and closing by the end.",
    )
    STATUS_CONFLICT = strawberry.enum_value(
        "STATUS_CONFLICT", description="Not allowed in the event's status (running, finished…)."
    )
    NO_CHALLENGES = strawberry.enum_value(
        "NO_CHALLENGES", description="An event needs a challenge before it is published."
    )
    VERSION_NOT_FOUND = strawberry.enum_value(
        "VERSION_NOT_FOUND", description="No such scenario version."
    )
    VERSION_NOT_PUBLISHED = strawberry.enum_value(
        "VERSION_NOT_PUBLISHED", description="Only a PUBLISHED version can be a challenge."
    )
    TOO_MANY_CHALLENGES = strawberry.enum_value(
        "TOO_MANY_CHALLENGES", description="More challenges than an event may have."
    )
    DUPLICATE_CHALLENGE = strawberry.enum_value(
        "DUPLICATE_CHALLENGE", description="A version listed twice."
    )
    NOT_INVITE_CODE = strawberry.enum_value(
        "NOT_INVITE_CODE", description="The event's registration mode takes no invite code."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class EventError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: EventErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="What an event mutation did.")
class EventPayload:
    event: EventNode | None = strawberry.field(
        default=None, description=result("The event as it is now")
    )
    errors: list[EventError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What eventDelete did.")
class EventDeletePayload:
    deleted_event_id: strawberry.ID | None = strawberry.field(
        default=None, description=result("The ID of the event deleted")
    )
    errors: list[EventError] = strawberry.field(default_factory=list, description=ERRORS)
