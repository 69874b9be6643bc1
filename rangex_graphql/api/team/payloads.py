"""The team mutations' payloads and their error codes."""

from __future__ import annotations

from enum import Enum

import strawberry

from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, result
from .types import TeamJoinRequestNode, TeamNode


@strawberry.enum(description="Why a team operation failed.")
class TeamErrorCode(Enum):
    INVALID_VALUE = strawberry.enum_value(
        "INVALID_VALUE", description="A value breaks its rule (length, country code)."
    )
    TEAM_NOT_FOUND = strawberry.enum_value("TEAM_NOT_FOUND", description="No such team.")
    NOT_CAPTAIN = strawberry.enum_value(
        "NOT_CAPTAIN", description="Only the team's captain (or an admin) may do this."
    )
    NAME_TAKEN = strawberry.enum_value(
        "NAME_TAKEN", description="Another team has this name (case ignored)."
    )
    ALREADY_IN_TEAM = strawberry.enum_value(
        "ALREADY_IN_TEAM", description="The user is in a team already: one team per user."
    )
    TEAM_FULL = strawberry.enum_value(
        "TEAM_FULL", description="The team has `maxMembers` members already."
    )
    TEAM_LOCKED = strawberry.enum_value(
        "TEAM_LOCKED",
        description="The team is registered for a RUNNING or FROZEN event: its members "
        "do not change, and it is not deleted, until the event is over.",
    )
    TEAM_NOT_OPEN = strawberry.enum_value(
        "TEAM_NOT_OPEN", description="Only an open team has an invite code."
    )
    INVALID_INVITE_CODE = strawberry.enum_value(
        "INVALID_INVITE_CODE", description="No open team has this invite code."
    )
    NOT_A_MEMBER = strawberry.enum_value(
        "NOT_A_MEMBER", description="The user is not a member of the team."
    )
    CAPTAIN_NOT_REMOVABLE = strawberry.enum_value(
        "CAPTAIN_NOT_REMOVABLE",
        description="The captain is not removed: they leave, or hand the captaincy on.",
    )
    REQUEST_PENDING = strawberry.enum_value(
        "REQUEST_PENDING", description="You have a pending request to this team already."
    )
    REQUEST_NOT_FOUND = strawberry.enum_value(
        "REQUEST_NOT_FOUND", description="No such join request, or not yours."
    )
    REQUEST_NOT_PENDING = strawberry.enum_value(
        "REQUEST_NOT_PENDING", description="The request has been decided already."
    )
    MEMBER_IN_EVENT = strawberry.enum_value(
        "MEMBER_IN_EVENT",
        description="The joiner is already in an event the team is registered for (alone "
        "or with another team).",
    )
    TEAM_TOO_LARGE_FOR_EVENT = strawberry.enum_value(
        "TEAM_TOO_LARGE_FOR_EVENT",
        description="The team is registered for an event whose team size limit it would pass.",
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class TeamError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: TeamErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="What a team mutation did.")
class TeamPayload:
    team: TeamNode | None = strawberry.field(
        default=None, description=result("The team as it is now")
    )
    errors: list[TeamError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What teamDelete did.")
class TeamDeletePayload:
    deleted_team_id: strawberry.ID | None = strawberry.field(
        default=None, description=result("The ID of the team deleted")
    )
    errors: list[TeamError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What teamLeave did.")
class TeamLeavePayload:
    team: TeamNode | None = strawberry.field(
        default=None,
        description="The team left, as it is now; null when you were its last member (it "
        "is deleted) or when the mutation failed.",
    )
    team_deleted: bool = strawberry.field(
        default=False, description="Whether the team went with its last member."
    )
    errors: list[TeamError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What a join request mutation did.")
class TeamJoinRequestPayload:
    request: TeamJoinRequestNode | None = strawberry.field(
        default=None,
        description=result("The request as it is now (null too once withdrawn)"),
    )
    team: TeamNode | None = strawberry.field(default=None, description=result("The team asked"))
    errors: list[TeamError] = strawberry.field(default_factory=list, description=ERRORS)
