"""teamJoinRequest → teamJoinRequestReview (or teamJoinRequestCancel)."""

from __future__ import annotations

import asyncio

import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.broker.protocol import topic_for_user
from rangex_graphql.models import AuditLog, Notification, Team, TeamJoinRequest, TeamMember
from rangex_graphql.models.enums import JoinRequestStatus, UserRole
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.teams.errors import TeamCode
from rangex_graphql.services.teams.join_requests import (
    cancel_request,
    request_to_join,
    review_request,
)
from rangex_graphql.settings import Settings
from tests import factories

from .helpers import as_actor, member_ids, open_team, snapshot

pytestmark = pytest.mark.usefixtures("db")


async def test_a_request_is_pending_and_its_captain_is_notified(settings: Settings) -> None:
    team, (captain, member) = await open_team(settings, 2)
    applicant = await factories.user()
    broker = MemoryBroker()
    inbox = await broker.subscribe([topic_for_user(captain.id)])
    request_id = await request_to_join(
        as_actor(applicant), team.id, "Let me in", SYSTEM, broker=broker
    )
    message = await asyncio.wait_for(anext(aiter(inbox)), 2)
    await inbox.aclose()
    request = await TeamJoinRequest.get(id=request_id)
    assert (request.status, request.message) == (JoinRequestStatus.PENDING, "Let me in")
    notification = await Notification.get(user_id=captain.id)
    assert notification.kind == "team.join_requested"
    assert notification.data["request_id"] == str(request_id)
    assert message["notificationId"] == str(notification.id)
    assert not await Notification.filter(user_id=member.id).exists()
    assert await AuditLog.filter(action="team.join_request").count() == 1


async def test_a_second_pending_request_to_the_same_team_is_refused(settings: Settings) -> None:
    team, _ = await open_team(settings)
    applicant = await factories.user()
    await request_to_join(as_actor(applicant), team.id, "", SYSTEM, broker=None)
    with pytest.raises(DomainError) as failure:
        await request_to_join(as_actor(applicant), team.id, "again", SYSTEM, broker=None)
    assert (failure.value.code, failure.value.field) == (TeamCode.REQUEST_PENDING, "input.teamId")
    assert await TeamJoinRequest.all().count() == 1


async def test_a_message_is_at_most_500_characters(settings: Settings) -> None:
    team, _ = await open_team(settings)
    with pytest.raises(DomainError) as failure:
        await request_to_join(
            as_actor(await factories.user()), team.id, "x" * 501, SYSTEM, broker=None
        )
    assert (failure.value.code, failure.value.field) == (TeamCode.INVALID_VALUE, "input.message")


async def test_approval_adds_the_member_and_tells_the_applicant(settings: Settings) -> None:
    team, (captain,) = await open_team(settings)
    applicant = await factories.user()
    request_id = await request_to_join(as_actor(applicant), team.id, "", SYSTEM, broker=None)
    await review_request(as_actor(captain), request_id, True, SYSTEM, broker=None)
    request = await TeamJoinRequest.get(id=request_id)
    assert (request.status, request.pending_key) == (JoinRequestStatus.APPROVED, None)
    assert request.reviewed_by_id == captain.id  # type: ignore[attr-defined]
    assert await member_ids(team.id) == {captain.id, applicant.id}
    assert (await Team.get(id=team.id)).member_count == 2
    told = await Notification.get(user_id=applicant.id)
    assert told.kind == "team.join_approved"
    with pytest.raises(DomainError) as failure:
        await review_request(as_actor(captain), request_id, False, SYSTEM, broker=None)
    assert failure.value.code is TeamCode.REQUEST_NOT_PENDING


async def test_rejection_marks_the_request_and_frees_a_new_one(settings: Settings) -> None:
    team, (captain,) = await open_team(settings)
    applicant = await factories.user()
    first = await request_to_join(as_actor(applicant), team.id, "", SYSTEM, broker=None)
    await review_request(as_actor(captain), first, False, SYSTEM, broker=None)
    assert (await TeamJoinRequest.get(id=first)).status == JoinRequestStatus.REJECTED
    assert (await Notification.get(user_id=applicant.id)).kind == "team.join_rejected"
    assert await member_ids(team.id) == {captain.id}
    await request_to_join(as_actor(applicant), team.id, "please", SYSTEM, broker=None)
    assert await TeamJoinRequest.filter(status=JoinRequestStatus.PENDING).count() == 1


async def test_only_the_captain_or_an_admin_reviews(settings: Settings) -> None:
    team, (_, member) = await open_team(settings, 2)
    applicant = await factories.user()
    request_id = await request_to_join(as_actor(applicant), team.id, "", SYSTEM, broker=None)
    for reviewer in (member, applicant):
        with pytest.raises(DomainError) as failure:
            await review_request(as_actor(reviewer), request_id, True, SYSTEM, broker=None)
        assert failure.value.code is TeamCode.NOT_CAPTAIN
    admin = await factories.user(UserRole.ADMIN)
    await review_request(as_actor(admin), request_id, True, SYSTEM, broker=None)
    assert applicant.id in await member_ids(team.id)


async def test_approving_into_a_full_team_changes_nothing(settings: Settings) -> None:
    team, (captain, _) = await open_team(settings, 2, max_members=2)
    applicant = await factories.user()
    request_id = await request_to_join(as_actor(applicant), team.id, "", SYSTEM, broker=None)
    before = await snapshot(team.id)
    with pytest.raises(DomainError) as failure:
        await review_request(as_actor(captain), request_id, True, SYSTEM, broker=None)
    assert (failure.value.code, failure.value.field) == (TeamCode.TEAM_FULL, "input.requestId")
    assert await snapshot(team.id) == before
    assert (await TeamJoinRequest.get(id=request_id)).status == JoinRequestStatus.PENDING
    assert not await Notification.filter(user_id=applicant.id).exists()


async def test_the_applicant_withdraws_a_pending_request(settings: Settings) -> None:
    team, (captain,) = await open_team(settings)
    applicant = await factories.user()
    request_id = await request_to_join(as_actor(applicant), team.id, "", SYSTEM, broker=None)
    with pytest.raises(DomainError) as failure:
        await cancel_request(as_actor(captain), request_id, SYSTEM)
    assert failure.value.code is TeamCode.REQUEST_NOT_FOUND
    await cancel_request(as_actor(applicant), request_id, SYSTEM)
    assert not await TeamJoinRequest.filter(id=request_id).exists()
    assert not await TeamMember.filter(user_id=applicant.id).exists()


async def test_a_team_member_cannot_ask_to_join(settings: Settings) -> None:
    team, (captain,) = await open_team(settings)
    with pytest.raises(DomainError) as failure:
        await request_to_join(as_actor(captain), team.id, "", SYSTEM, broker=None)
    assert failure.value.code is TeamCode.ALREADY_IN_TEAM
