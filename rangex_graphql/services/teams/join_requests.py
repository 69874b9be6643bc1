"""Asking to join a team, and the captain's answer.

A request is PENDING until its captain (or an admin) approves it (the applicant becomes a
member, under every rule of a join) or rejects it; the applicant may withdraw it while it
is pending (the row goes). ``pending_key`` ("<team>:<user>", unique, cleared on review)
keeps a user to one pending request per team whatever the race. The captain is notified
of each request, the applicant of the decision; the announcements leave after the commit.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from tortoise.exceptions import IntegrityError

from ...broker import Broker
from ...db.transactions import retrying_transaction, savepoint
from ...models import Notification, Team, TeamJoinRequest, TeamMember
from ...models.enums import JoinRequestStatus, TeamRole
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, fk
from ..errors import DomainError
from ..notifications import announce, notify
from .access import team_for_captain
from .errors import TeamCode
from .membership import add_member, refuse_if_in_team
from .validation import MESSAGE_MAX_LENGTH, clean_text


def pending_key(team_id: UUID, user_id: UUID) -> str:
    return f"{team_id}:{user_id}"


async def _announce(told: list[Notification], broker: Broker | None) -> None:
    for notification in told:
        await announce(notification.id, notification.user_id, broker)


async def request_to_join(
    actor: Actor,
    team_id: UUID,
    message: str,
    meta: RequestMeta,
    *,
    broker: Broker | None,
) -> UUID:
    text = clean_text(message, MESSAGE_MAX_LENGTH, "input.message")
    told: list[Notification] = []

    async def ask() -> UUID:
        told.clear()
        team = await Team.filter(id=team_id).first()
        if team is None:
            raise DomainError(TeamCode.TEAM_NOT_FOUND, "no such team", "input.teamId")
        await refuse_if_in_team(actor.id, "input.teamId")
        try:
            async with savepoint():
                request = await TeamJoinRequest.create(
                    team_id=team_id,
                    user_id=actor.id,
                    message=text,
                    pending_key=pending_key(team_id, actor.id),
                )
        except IntegrityError:
            raise DomainError(
                TeamCode.REQUEST_PENDING,
                "you have a pending request to this team already",
                "input.teamId",
            ) from None
        captains = await TeamMember.filter(team_id=team_id, role=TeamRole.CAPTAIN).values("user_id")
        for captain in captains:
            told.append(
                await notify(
                    captain["user_id"],
                    "team.join_requested",
                    f"A request to join {team.name}",
                    text,
                    broker=None,
                    team_id=team_id,
                    team_slug=team.slug,
                    request_id=request.id,
                    applicant_id=actor.id,
                )
            )
        await audit(
            "team.join_request",
            meta,
            actor_id=actor.id,
            target_type="TeamJoinRequest",
            target_id=request.id,
            team_id=str(team_id),
        )
        return request.id

    request_id = await retrying_transaction(ask)
    await _announce(told, broker)
    return request_id


async def _pending_request(request_id: UUID) -> TeamJoinRequest:
    request = await TeamJoinRequest.filter(id=request_id).select_for_update().first()
    if request is None:
        raise DomainError(TeamCode.REQUEST_NOT_FOUND, "no such join request", "input.requestId")
    if request.status != JoinRequestStatus.PENDING:
        raise DomainError(
            TeamCode.REQUEST_NOT_PENDING,
            f"the request is {request.status} already",
            "input.requestId",
        )
    return request


async def review_request(
    actor: Actor,
    request_id: UUID,
    approve: bool,
    meta: RequestMeta,
    *,
    broker: Broker | None,
) -> UUID:
    """APPROVE (the applicant joins) or REJECT a pending request; the request's team."""
    told: list[Notification] = []

    async def review() -> UUID:
        told.clear()
        found = await TeamJoinRequest.filter(id=request_id).values("team_id")
        if not found:
            raise DomainError(TeamCode.REQUEST_NOT_FOUND, "no such join request", "input.requestId")
        team_id: UUID = found[0]["team_id"]
        team = await team_for_captain(actor, team_id, "input.requestId")  # the lock first
        request = await _pending_request(request_id)
        applicant = fk(request, "user_id")
        if approve:
            await add_member(team_id, applicant, "input.requestId")
        await TeamJoinRequest.filter(id=request_id).update(
            status=JoinRequestStatus.APPROVED if approve else JoinRequestStatus.REJECTED,
            pending_key=None,
            reviewed_by_id=actor.id,
            reviewed_at=datetime.now(UTC),
        )
        word = "accepted" if approve else "declined"
        told.append(
            await notify(
                applicant,
                f"team.join_{'approved' if approve else 'rejected'}",
                f"{team.name} {word} your request to join",
                broker=None,
                team_id=team_id,
                team_slug=team.slug,
                request_id=request_id,
            )
        )
        await audit(
            "team.join_request_review",
            meta,
            actor_id=actor.id,
            target_type="TeamJoinRequest",
            target_id=request_id,
            team_id=str(team_id),
            decision="APPROVE" if approve else "REJECT",
            user_id=str(applicant),
        )
        return team_id

    team_id = await retrying_transaction(review)
    await _announce(told, broker)
    return team_id


async def cancel_request(actor: Actor, request_id: UUID, meta: RequestMeta) -> UUID:
    """The applicant (or an admin) withdraws a pending request; its team."""

    async def cancel() -> UUID:
        request = await _pending_request(request_id)
        if not (actor.is_admin or fk(request, "user_id") == actor.id):
            raise DomainError(TeamCode.REQUEST_NOT_FOUND, "no such join request", "input.requestId")
        team_id = fk(request, "team_id")
        await request.delete()
        await audit(
            "team.join_request_cancel",
            meta,
            actor_id=actor.id,
            target_type="TeamJoinRequest",
            target_id=request_id,
            team_id=str(team_id),
        )
        return team_id

    return await retrying_transaction(cancel)
