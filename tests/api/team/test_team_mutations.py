"""The team mutations and the fields they feed, through the schema."""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import AuditLog, Team, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

pytestmark = pytest.mark.usefixtures("db")

TEAM = """
  id name slug motto country isOpen maxMembers memberCount inviteCode
  captain { username }
  members { role user { username } }
"""
CREATE = f"""
mutation($input: TeamCreateInput!) {{
  teamCreate(input: $input) {{ team {{ {TEAM} }} errors {{ field code message }} }}
}}
"""
JOIN = f"""
mutation($code: String!) {{
  teamJoin(input: {{inviteCode: $code}}) {{ team {{ {TEAM} }} errors {{ field code }} }}
}}
"""
READ = """
query($slug: String!) {
  team(slug: $slug) {
    inviteCode memberCount
    joinRequests { status message user { username } }
  }
}
"""
REQUEST = """
mutation($team: ID!, $message: String!) {
  teamJoinRequest(input: {teamId: $team, message: $message}) {
    request { id status message team { name } user { username } }
    errors { field code }
  }
}
"""
REVIEW = """
mutation($request: ID!, $decision: JoinDecision!) {
  teamJoinRequestReview(input: {requestId: $request, decision: $decision}) {
    request { status reviewedAt }
    team { memberCount members { user { username } } }
    errors { field code }
  }
}
"""


async def _create(settings: Settings, user: User, **fields: Any) -> dict[str, Any]:
    data = await data_of(settings, CREATE, {"input": fields}, as_user=user)
    payload: dict[str, Any] = data["teamCreate"]
    return payload


async def test_create_then_join_by_the_code_members_read(settings: Settings) -> None:
    captain = await factories.user()
    created = await _create(
        settings, captain, name="Null Pointers", motto="Segfault", country="MY", isOpen=True
    )
    assert created["errors"] == []
    team = created["team"]
    assert team["slug"] == "null-pointers"
    assert (team["memberCount"], team["maxMembers"], team["isOpen"]) == (1, 10, True)
    assert team["captain"] == {"username": captain.username}
    assert team["members"] == [{"role": "CAPTAIN", "user": {"username": captain.username}}]
    code = team["inviteCode"]
    assert isinstance(code, str)
    assert len(code) >= 16

    joiner = await factories.user()
    joined = (await data_of(settings, JOIN, {"code": code}, as_user=joiner))["teamJoin"]
    assert joined["errors"] == []
    assert joined["team"]["memberCount"] == 2
    assert joined["team"]["inviteCode"] == code  # a member reads it
    assert [m["role"] for m in joined["team"]["members"]] == ["CAPTAIN", "MEMBER"]

    outsider = await factories.user()
    seen = (await data_of(settings, READ, {"slug": "null-pointers"}, as_user=outsider))["team"]
    assert (seen["inviteCode"], seen["joinRequests"]) == (None, None)
    anonymous = (await data_of(settings, READ, {"slug": "null-pointers"}))["team"]
    assert (anonymous["inviteCode"], anonymous["memberCount"]) == (None, 2)


async def test_bad_values_are_payload_errors_at_their_field(settings: Settings) -> None:
    user = await factories.user()
    await _create(settings, await factories.user(), name="Taken")
    for fields, field, code in [
        ({"name": "taken"}, "input.name", "NAME_TAKEN"),
        ({"name": "  "}, "input.name", "INVALID_VALUE"),
        ({"name": "X", "country": "mys"}, "input.country", "INVALID_VALUE"),
        ({"name": "X", "description": "d" * 2001}, "input.description", "INVALID_VALUE"),
    ]:
        payload = await _create(settings, user, **fields)
        assert payload["team"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
    assert await Team.all().count() == 1


async def test_a_wrong_invite_code_is_refused(settings: Settings) -> None:
    data = await data_of(settings, JOIN, {"code": "nope"}, as_user=await factories.user())
    assert data["teamJoin"] == {
        "team": None,
        "errors": [{"field": "input.inviteCode", "code": "INVALID_INVITE_CODE"}],
    }


async def test_request_review_and_the_captains_view(settings: Settings) -> None:
    captain = await factories.user()
    team = (await _create(settings, captain, name="Closed Door"))["team"]
    assert team["inviteCode"] is None  # closed: no code
    first, second = await factories.user(), await factories.user()
    asked = []
    for user, message in ((first, "first"), (second, "second")):
        data = await data_of(
            settings, REQUEST, {"team": team["id"], "message": message}, as_user=user
        )
        assert data["teamJoinRequest"]["errors"] == []
        asked.append(data["teamJoinRequest"]["request"])
    assert asked[0]["status"] == "PENDING"
    assert asked[0]["user"] == {"username": first.username}

    again = await data_of(settings, REQUEST, {"team": team["id"], "message": ""}, as_user=first)
    assert again["teamJoinRequest"]["errors"] == [
        {"field": "input.teamId", "code": "REQUEST_PENDING"}
    ]

    reviewed = await data_of(
        settings, REVIEW, {"request": asked[1]["id"], "decision": "REJECT"}, as_user=captain
    )
    assert reviewed["teamJoinRequestReview"]["request"]["status"] == "REJECTED"
    approved = await data_of(
        settings, REVIEW, {"request": asked[0]["id"], "decision": "APPROVE"}, as_user=first
    )
    assert approved["teamJoinRequestReview"]["errors"] == [
        {"field": "input.requestId", "code": "NOT_CAPTAIN"}
    ]
    approved = await data_of(
        settings, REVIEW, {"request": asked[0]["id"], "decision": "APPROVE"}, as_user=captain
    )
    payload = approved["teamJoinRequestReview"]
    assert payload["request"]["status"] == "APPROVED"
    assert payload["request"]["reviewedAt"] is not None
    assert payload["team"]["memberCount"] == 2

    view = (await data_of(settings, READ, {"slug": "closed-door"}, as_user=captain))["team"]
    assert [(r["status"], r["message"]) for r in view["joinRequests"]] == [
        ("REJECTED", "second"),  # the newest first
        ("APPROVED", "first"),
    ]
    member_view = (await data_of(settings, READ, {"slug": "closed-door"}, as_user=first))["team"]
    assert member_view["joinRequests"] is None
    assert await AuditLog.filter(action="team.join_request_review").count() == 2


async def test_pending_requests_come_first(settings: Settings) -> None:
    captain = await factories.user()
    team = (await _create(settings, captain, name="Queue"))["team"]
    ids = []
    for _ in range(3):
        data = await data_of(
            settings, REQUEST, {"team": team["id"], "message": ""}, as_user=await factories.user()
        )
        ids.append(data["teamJoinRequest"]["request"]["id"])
    # The newest is decided; the older two stay pending and come first.
    await data_of(settings, REVIEW, {"request": ids[2], "decision": "REJECT"}, as_user=captain)
    view = (await data_of(settings, READ, {"slug": "queue"}, as_user=captain))["team"]
    assert [r["status"] for r in view["joinRequests"]] == ["PENDING", "PENDING", "REJECTED"]


async def test_a_join_request_node_is_for_applicant_captain_and_admins(
    settings: Settings,
) -> None:
    captain, applicant, stranger = [await factories.user() for _ in range(3)]
    team = (await _create(settings, captain, name="Nodes"))["team"]
    data = await data_of(
        settings, REQUEST, {"team": team["id"], "message": "hi"}, as_user=applicant
    )
    request_id = data["teamJoinRequest"]["request"]["id"]
    query = "query($id: ID!) { node(id: $id) { ... on TeamJoinRequest { message } } }"
    admin = await factories.user(UserRole.ADMIN)
    for viewer, seen in ((applicant, True), (captain, True), (admin, True), (stranger, False)):
        node = (await data_of(settings, query, {"id": request_id}, as_user=viewer))["node"]
        assert (node == {"message": "hi"}) is seen


async def test_leave_remove_transfer_and_delete(settings: Settings) -> None:
    captain = await factories.user()
    team = (await _create(settings, captain, name="Movers", isOpen=True))["team"]
    member = await factories.user()
    await data_of(settings, JOIN, {"code": team["inviteCode"]}, as_user=member)
    transfer = """
    mutation($team: ID!, $user: ID!) {
      teamCaptainTransfer(input: {teamId: $team, userId: $user}) {
        team { captain { username } } errors { code }
      }
    }"""
    variables = {"team": team["id"], "user": to_global_id("User", member.id)}
    data = await data_of(settings, transfer, variables, as_user=captain)
    assert data["teamCaptainTransfer"]["team"]["captain"] == {"username": member.username}
    remove = """
    mutation($team: ID!, $user: ID!) {
      teamMemberRemove(input: {teamId: $team, userId: $user}) {
        team { memberCount } errors { field code }
      }
    }"""
    variables = {"team": team["id"], "user": to_global_id("User", captain.id)}
    data = await data_of(settings, remove, variables, as_user=member)
    assert data["teamMemberRemove"] == {"team": {"memberCount": 1}, "errors": []}
    leave = """
    mutation($team: ID!) {
      teamLeave(input: {teamId: $team}) { team { name } teamDeleted errors { code } }
    }"""
    data = await data_of(settings, leave, {"team": team["id"]}, as_user=captain)
    assert data["teamLeave"]["errors"] == [{"code": "NOT_A_MEMBER"}]
    data = await data_of(settings, leave, {"team": team["id"]}, as_user=member)
    assert data["teamLeave"] == {"team": None, "teamDeleted": True, "errors": []}
    assert not await Team.filter(slug="movers").exists()


async def test_delete_by_the_captain(settings: Settings) -> None:
    captain = await factories.user()
    team = (await _create(settings, captain, name="Short Lived"))["team"]
    delete = """
    mutation($team: ID!) { teamDelete(input: {teamId: $team}) { deletedTeamId errors { code } } }
    """
    data = await data_of(settings, delete, {"team": team["id"]}, as_user=await factories.user())
    assert data["teamDelete"] == {"deletedTeamId": None, "errors": [{"code": "NOT_CAPTAIN"}]}
    data = await data_of(settings, delete, {"team": team["id"]}, as_user=captain)
    assert data["teamDelete"] == {"deletedTeamId": team["id"], "errors": []}
    assert await AuditLog.filter(action="team.delete").count() == 1


async def test_anonymous_visitors_cannot_create(settings: Settings) -> None:
    data, errors = await run(settings, CREATE, {"input": {"name": "Ghosts"}})
    assert data is None or data.get("teamCreate") is None
    assert errors
    assert not await Team.all().exists()
