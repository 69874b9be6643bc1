"""The team mutations' inputs."""

from __future__ import annotations

from enum import Enum

import strawberry

TEAM_ID = "The Team to act on."
USER_ID = "A User ID: a member of the team."
REQUEST_ID = "A TeamJoinRequest ID."


@strawberry.input(description="A new team; you become its captain.")
class TeamCreateInput:
    name: str = strawberry.field(
        description="Its name, unique ignoring case; spaces are collapsed."
    )
    description: str = strawberry.field(default="", description="What the team is about.")
    motto: str = strawberry.field(default="", description="A line the team stands by.")
    country: str | None = strawberry.field(
        default=None, description="An ISO 3166-1 alpha-2 code, two upper-case letters (`MY`)."
    )
    is_open: bool = strawberry.field(
        default=False,
        description="Open: anyone with the invite code joins at once. Closed: by request.",
    )


@strawberry.input(description="Changes to a team; a field left out stays as it is.")
class TeamUpdateInput:
    team_id: strawberry.ID = strawberry.field(description=TEAM_ID)
    name: str | None = strawberry.field(
        default=None, description="A new name, unique ignoring case (the slug stays)."
    )
    description: str | None = strawberry.field(default=None, description="A new description.")
    motto: str | None = strawberry.field(default=None, description="A new motto.")
    country: str | None = strawberry.field(
        default=None, description="An ISO 3166-1 alpha-2 code; an empty string clears it."
    )
    is_open: bool | None = strawberry.field(
        default=None,
        description="Open the team (it gets an invite code) or close it (its code stops working).",
    )


@strawberry.input(description="One team to act on.")
class TeamInput:
    team_id: strawberry.ID = strawberry.field(description=TEAM_ID)


@strawberry.input(description="Join an open team by its invite code.")
class TeamJoinInput:
    invite_code: str = strawberry.field(description="The code a member passed on.")


@strawberry.input(description="Ask to join a team.")
class TeamJoinRequestInput:
    team_id: strawberry.ID = strawberry.field(description=TEAM_ID)
    message: str = strawberry.field(
        default="", description="A word to the captain, at most 500 characters."
    )


@strawberry.enum(description="The captain's answer to a join request.")
class JoinDecision(Enum):
    APPROVE = strawberry.enum_value("APPROVE", description="The applicant joins the team.")
    REJECT = strawberry.enum_value("REJECT", description="The applicant does not join.")


@strawberry.input(description="Answer a pending join request.")
class TeamJoinRequestReviewInput:
    request_id: strawberry.ID = strawberry.field(description=REQUEST_ID)
    decision: JoinDecision = strawberry.field(description="Approve or reject.")


@strawberry.input(description="One join request to act on.")
class TeamJoinRequestCancelInput:
    request_id: strawberry.ID = strawberry.field(description=REQUEST_ID)


@strawberry.input(description="A team and one of its members.")
class TeamMemberInput:
    team_id: strawberry.ID = strawberry.field(description=TEAM_ID)
    user_id: strawberry.ID = strawberry.field(description=USER_ID)
