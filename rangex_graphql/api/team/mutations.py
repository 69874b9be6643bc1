"""teamCreate, teamUpdate, teamDelete, teamInviteCodeRotate, teamJoin, teamJoinRequest,
teamJoinRequestReview, teamJoinRequestCancel, teamMemberRemove, teamLeave,
teamCaptainTransfer.

Each needs a signed-in user (API tokens: the SESSIONS scope, that of playing). Captain
actions are open to admins too.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated, Any
from uuid import UUID

import strawberry

from ...services.api_tokens import ApiScope
from ...services.teams import join_requests, membership, teams
from ...services.teams.errors import TeamCode
from ..context import Info
from ..ids import expect_global_id
from ..payload import actor, broker_of, mutation_payload
from ..permissions import Allow
from .inputs import (
    JoinDecision,
    TeamCreateInput,
    TeamInput,
    TeamJoinInput,
    TeamJoinRequestCancelInput,
    TeamJoinRequestInput,
    TeamJoinRequestReviewInput,
    TeamMemberInput,
    TeamUpdateInput,
)
from .payloads import TeamDeletePayload, TeamJoinRequestPayload, TeamLeavePayload, TeamPayload
from .types import TeamJoinRequestNode, TeamNode


async def team_payload(team_id: UUID) -> TeamPayload:
    return TeamPayload(team=await TeamNode.read(team_id))


async def request_payload(request_id: UUID | None, team_id: UUID) -> TeamJoinRequestPayload:
    return TeamJoinRequestPayload(
        request=await TeamJoinRequestNode.read(request_id) if request_id is not None else None,
        team=await TeamNode.read(team_id),
    )


# The team's own settings, named alike in the inputs and the services' spec and changes.
SETTINGS = tuple(f.name for f in fields(teams.TeamSpec))


def settings_in(input: TeamCreateInput | TeamUpdateInput) -> dict[str, Any]:
    return {name: getattr(input, name) for name in SETTINGS}


def team_of(global_id: str) -> UUID:
    return TeamNode.pk_of(global_id, "input.teamId")


def request_of(global_id: str) -> UUID:
    return TeamJoinRequestNode.pk_of(global_id, "input.requestId")


def user_of(global_id: str) -> UUID:
    return expect_global_id(global_id, "User", "input.userId")


@strawberry.type
class TeamMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Create a team: you become its captain, its only member. Refused "
        "while you are in a team (one team per user). An open team gets an invite code.",
    )
    @mutation_payload(TeamPayload, TeamCode)
    async def team_create(
        self,
        info: Info,
        input: Annotated[TeamCreateInput, strawberry.argument(description="The new team.")],
    ) -> TeamPayload:
        spec = teams.TeamSpec(**settings_in(input))
        team_id = await teams.create_team(
            actor(info), spec, info.context.settings, info.context.meta
        )
        return await team_payload(team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Change a team's name, description, motto, country or openness: its "
        "captain or an admin.",
    )
    @mutation_payload(TeamPayload, TeamCode)
    async def team_update(
        self,
        info: Info,
        input: Annotated[TeamUpdateInput, strawberry.argument(description="The changes.")],
    ) -> TeamPayload:
        team_id = team_of(input.team_id)
        changes = teams.TeamChanges(**settings_in(input))
        await teams.update_team(
            actor(info), team_id, changes, info.context.settings, info.context.meta
        )
        return await team_payload(team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Delete a team with its memberships, requests and event registrations: "
        "its captain or an admin; refused while it is registered for a RUNNING or FROZEN "
        "event.",
    )
    @mutation_payload(TeamDeletePayload, TeamCode)
    async def team_delete(
        self,
        info: Info,
        input: Annotated[TeamInput, strawberry.argument(description="The team to delete.")],
    ) -> TeamDeletePayload:
        team_id = team_of(input.team_id)
        await teams.delete_team(actor(info), team_id, info.context.meta)
        return TeamDeletePayload(deleted_team_id=TeamNode.global_id_of(team_id))

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="A new invite code for an open team (the old one stops working): its "
        "captain or an admin.",
    )
    @mutation_payload(TeamPayload, TeamCode)
    async def team_invite_code_rotate(
        self,
        info: Info,
        input: Annotated[TeamInput, strawberry.argument(description="The open team.")],
    ) -> TeamPayload:
        team_id = team_of(input.team_id)
        await teams.rotate_invite_code(
            actor(info), team_id, info.context.settings, info.context.meta
        )
        return await team_payload(team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Join an open team by its invite code, at once. Refused when you are in "
        "a team, when the team is full, and when it is registered for an event that is "
        "running (locked) or that you are in already, or whose team size it would pass; a "
        "refused join leaves the team as it was.",
    )
    @mutation_payload(TeamPayload, TeamCode)
    async def team_join(
        self,
        info: Info,
        input: Annotated[TeamJoinInput, strawberry.argument(description="The invite code.")],
    ) -> TeamPayload:
        team_id = await membership.join_by_code(
            actor(info), input.invite_code, info.context.settings, info.context.meta
        )
        return await team_payload(team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Ask to join a team; its captain is notified and decides with "
        "`teamJoinRequestReview`. One pending request per team.",
    )
    @mutation_payload(TeamJoinRequestPayload, TeamCode)
    async def team_join_request(
        self,
        info: Info,
        input: Annotated[
            TeamJoinRequestInput, strawberry.argument(description="The team and a message.")
        ],
    ) -> TeamJoinRequestPayload:
        team_id = team_of(input.team_id)
        request_id = await join_requests.request_to_join(
            actor(info), team_id, input.message, info.context.meta, broker=broker_of(info)
        )
        return await request_payload(request_id, team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Approve (the applicant joins, under every rule of `teamJoin`) or reject "
        "a pending join request: the team's captain or an admin. The applicant is notified.",
    )
    @mutation_payload(TeamJoinRequestPayload, TeamCode)
    async def team_join_request_review(
        self,
        info: Info,
        input: Annotated[
            TeamJoinRequestReviewInput, strawberry.argument(description="The decision.")
        ],
    ) -> TeamJoinRequestPayload:
        request_id = request_of(input.request_id)
        team_id = await join_requests.review_request(
            actor(info),
            request_id,
            input.decision is JoinDecision.APPROVE,
            info.context.meta,
            broker=broker_of(info),
        )
        return await request_payload(request_id, team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Withdraw your pending join request (an admin: anyone's).",
    )
    @mutation_payload(TeamJoinRequestPayload, TeamCode)
    async def team_join_request_cancel(
        self,
        info: Info,
        input: Annotated[
            TeamJoinRequestCancelInput, strawberry.argument(description="The request.")
        ],
    ) -> TeamJoinRequestPayload:
        request_id = request_of(input.request_id)
        team_id = await join_requests.cancel_request(actor(info), request_id, info.context.meta)
        return await request_payload(None, team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Remove a member (not the captain): the team's captain or an admin. "
        "Refused while the team plays in a RUNNING or FROZEN event.",
    )
    @mutation_payload(TeamPayload, TeamCode)
    async def team_member_remove(
        self,
        info: Info,
        input: Annotated[TeamMemberInput, strawberry.argument(description="Who goes.")],
    ) -> TeamPayload:
        team_id = team_of(input.team_id)
        await membership.remove_member(
            actor(info), team_id, user_of(input.user_id), info.context.meta
        )
        return await team_payload(team_id)

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Leave a team. A leaving captain hands the captaincy to the oldest "
        "member; the last member takes the team along. Refused while the team plays in a "
        "RUNNING or FROZEN event.",
    )
    @mutation_payload(TeamLeavePayload, TeamCode)
    async def team_leave(
        self,
        info: Info,
        input: Annotated[TeamInput, strawberry.argument(description="The team to leave.")],
    ) -> TeamLeavePayload:
        team_id = team_of(input.team_id)
        kept = await membership.leave(actor(info), team_id, info.context.meta)
        return TeamLeavePayload(
            team=await TeamNode.read(team_id) if kept else None, team_deleted=not kept
        )

    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Make another member the captain (you become a member): the team's "
        "captain or an admin.",
    )
    @mutation_payload(TeamPayload, TeamCode)
    async def team_captain_transfer(
        self,
        info: Info,
        input: Annotated[TeamMemberInput, strawberry.argument(description="The next captain.")],
    ) -> TeamPayload:
        team_id = team_of(input.team_id)
        await membership.transfer_captaincy(
            actor(info), team_id, user_of(input.user_id), info.context.meta
        )
        return await team_payload(team_id)
