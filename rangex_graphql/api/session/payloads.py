"""The session mutations' payload and its error codes."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, result
from .types import EnvironmentSessionNode


@strawberry.enum(description="Why a session operation failed.")
class SessionErrorCode(Enum):
    VERSION_NOT_FOUND = strawberry.enum_value(
        "VERSION_NOT_FOUND", description="No such version, or not one you may see."
    )
    VERSION_NOT_PUBLISHED = strawberry.enum_value(
        "VERSION_NOT_PUBLISHED", description="Only a PUBLISHED version can run."
    )
    INVALID_DURATION = strawberry.enum_value(
        "INVALID_DURATION", description="A duration or extension out of its range."
    )
    USER_SESSION_LIMIT = strawberry.enum_value(
        "USER_SESSION_LIMIT", description="You hold as many active sessions as you may."
    )
    PLATFORM_SESSION_LIMIT = strawberry.enum_value(
        "PLATFORM_SESSION_LIMIT", description="The platform runs as many sessions as it may."
    )
    PLATFORM_USER_LIMIT = strawberry.enum_value(
        "PLATFORM_USER_LIMIT", description="As many users as the platform allows are active."
    )
    SCENARIO_SESSION_LIMIT = strawberry.enum_value(
        "SCENARIO_SESSION_LIMIT", description="The scenario runs as many sessions as it may."
    )
    BUDGET_EXHAUSTED = strawberry.enum_value(
        "BUDGET_EXHAUSTED", description="The platform's daily or monthly budget is spent."
    )
    MAINTENANCE = strawberry.enum_value(
        "MAINTENANCE",
        description="The platform is under maintenance: no new sessions (the message says "
        "why); running ones go on.",
    )
    START_LIMIT_REACHED = strawberry.enum_value(
        "START_LIMIT_REACHED",
        description="You started as many sessions in the last hour or day as you may.",
    )
    PLATFORM_MACHINE_LIMIT = strawberry.enum_value(
        "PLATFORM_MACHINE_LIMIT", description="The platform runs as many machines as it may."
    )
    SESSION_NOT_FOUND = strawberry.enum_value(
        "SESSION_NOT_FOUND", description="No such session, or not yours."
    )
    SESSION_NOT_RUNNING = strawberry.enum_value(
        "SESSION_NOT_RUNNING", description="The session is not RUNNING (or PAUSED, for reset)."
    )
    SESSION_NOT_PAUSED = strawberry.enum_value(
        "SESSION_NOT_PAUSED", description="Only a PAUSED session resumes; this one is not."
    )
    SESSION_ENDED = strawberry.enum_value(
        "SESSION_ENDED", description="The session has ended or is ending."
    )
    SESSION_BUSY = strawberry.enum_value(
        "SESSION_BUSY",
        description="Another pause, resume or reset of the session is still under way.",
    )
    EXTENSION_TOO_EARLY = strawberry.enum_value(
        "EXTENSION_TOO_EARLY", description="Extensions open shortly before expiry."
    )
    EXTENSION_LIMIT = strawberry.enum_value(
        "EXTENSION_LIMIT", description="No extensions left under the version's policy."
    )
    LIFETIME_LIMIT = strawberry.enum_value(
        "LIFETIME_LIMIT",
        description="The session would outlive the version's maximum lifetime, or (an "
        "event session) its event's end.",
    )
    EVENT_NOT_FOUND = strawberry.enum_value(
        "EVENT_NOT_FOUND", description="No such event (deleted, or still a draft)."
    )
    NOT_REGISTERED = strawberry.enum_value(
        "NOT_REGISTERED",
        description="You hold no approved registration for the event (alone or through your team).",
    )
    NOT_IN_EVENT = strawberry.enum_value(
        "NOT_IN_EVENT",
        description="The version is not a challenge of the event (an event pins the "
        "version it plays; a newer one of the same scenario is not in it).",
    )
    EVENT_NOT_RUNNING = strawberry.enum_value(
        "EVENT_NOT_RUNNING", description="The event has not started yet, or it has ended."
    )
    EVENT_SESSION_LIMIT = strawberry.enum_value(
        "EVENT_SESSION_LIMIT",
        description="You hold as many active sessions in this event as you may.",
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class SessionError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: SessionErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(
    description="What a session mutation (start, pause, resume, extend, reset, terminate) did."
)
class SessionPayload:
    session: EnvironmentSessionNode | None = strawberry.field(
        default=None,
        description=result(
            "The session as it is now (provisioning and teardown go on in the background)"
        ),
    )
    errors: list[SessionError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What sessionHeartbeat did.")
class SessionHeartbeatPayload:
    session: EnvironmentSessionNode | None = strawberry.field(
        default=None, description=result("The session as it is now")
    )
    idle_deadline: datetime | None = strawberry.field(
        default=None,
        description="When the session ends for inactivity unless the learner is heard from "
        "again (UTC); null when it cannot idle out (PAUSED) or the mutation failed.",
    )
    errors: list[SessionError] = strawberry.field(default_factory=list, description=ERRORS)
