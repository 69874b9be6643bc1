"""userCreate: an admin invites; the invitee sets a password with the mailed code."""

from __future__ import annotations

import pytest

from rangex_graphql.models import AuditLog, OneTimeToken, User
from rangex_graphql.models.enums import UserRole, UserStatus
from rangex_graphql.runtime import Runtime
from tests.api.account.conftest import PASSWORD, Api, login, person
from tests.users.conftest import outbox

CREATE = """mutation($input: UserCreateInput!) { userCreate(input: $input) {
  user { username displayName role status email } errors { field code message } } }"""
RESET_REQUEST = "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { ok } }"
RESET = """mutation($t: String!, $p: String!) { passwordResetConfirm(input:
  {token: $t, newPassword: $p}) { ok errors { field code } } }"""


def code_in(body: str) -> str:
    return next(line for line in body.splitlines() if line.startswith("rgp_"))


async def test_invited_user_sets_a_password_with_the_mailed_code_then_signs_in(
    api: Api, runtime: Runtime
) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    data = await api.ok(
        CREATE,
        {"input": {"email": "Ivy@Example.test", "username": "ivy", "role": "CREATOR"}},
        admin,
    )
    assert data["userCreate"] == {
        "user": {
            "username": "ivy",
            "displayName": "ivy",
            "role": "CREATOR",
            "status": "INVITED",
            "email": "ivy@example.test",
        },
        "errors": [],
    }
    invited = await User.get(username="ivy")
    assert invited.email == "ivy@example.test"
    assert invited.password_hash is None
    # No password yet: no sign-in, whatever is typed.
    assert (await login(api, "ivy", ""))["errors"][0]["code"] == "INVALID_CREDENTIALS"

    (mail,) = await outbox(runtime)
    assert mail.to == "ivy@example.test"
    assert "invited" in mail.subject
    confirm = await api.ok(RESET, {"t": code_in(mail.body), "p": PASSWORD})
    assert confirm["passwordResetConfirm"] == {"ok": True, "errors": []}

    signed_in = await login(api, "ivy@example.test")
    assert signed_in["errors"] == []
    assert signed_in["tokens"]["accessToken"]
    assert (await User.get(id=invited.id)).status is UserStatus.ACTIVE
    entry = await AuditLog.get(action="user.create")
    assert (entry.actor_id, entry.target_id) == (admin.id, str(invited.id))  # type: ignore[attr-defined]
    assert entry.data == {"role": "CREATOR"}


async def test_the_invitation_code_lasts_invitation_hours_and_can_be_asked_for_again(
    api: Api, runtime: Runtime
) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    data = await api.ok(CREATE, {"input": {"email": "jo@example.test", "username": "joe"}}, admin)
    assert data["userCreate"]["errors"] == []
    token = await OneTimeToken.get(user__username="joe")
    lifetime = token.expires_at - token.created_at
    assert abs(lifetime.total_seconds() - 72 * 3600) < 60
    # An INVITED account may ask for a fresh code (the first may have run out).
    assert (await api.ok(RESET_REQUEST, {"e": "jo@example.test"}))["passwordResetRequest"]["ok"]
    invitation, fresh = await outbox(runtime)
    assert code_in(invitation.body) != code_in(fresh.body)
    assert (await api.ok(RESET, {"t": code_in(fresh.body), "p": PASSWORD}))["passwordResetConfirm"][
        "ok"
    ]
    assert (await login(api, "joe"))["errors"] == []


async def test_a_taken_email_or_username_is_an_error_with_its_field_and_nothing_is_created(
    api: Api, runtime: Runtime
) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    await person(email="kim@example.test", username="kim")
    data = await api.ok(CREATE, {"input": {"email": "KIM@example.test", "username": "kim"}}, admin)
    assert data["userCreate"]["user"] is None
    assert {(e["field"], e["code"]) for e in data["userCreate"]["errors"]} == {
        ("email", "ALREADY_REGISTERED"),
        ("username", "ALREADY_REGISTERED"),
    }
    assert await User.all().count() == 2
    assert await outbox(runtime) == []
    assert not await AuditLog.filter(action="user.create").exists()


async def test_malformed_input_reports_every_field(api: Api) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    data = await api.ok(
        CREATE,
        {"input": {"email": "nope", "username": "No Spaces", "displayName": "  "}},
        admin,
    )
    assert {(e["field"], e["code"]) for e in data["userCreate"]["errors"]} == {
        ("email", "INVALID"),
        ("username", "INVALID"),
        ("displayName", "INVALID"),
    }
    assert await User.all().count() == 1


@pytest.mark.parametrize("role", [UserRole.USER, UserRole.CREATOR, None])
async def test_only_admins_may_invite(api: Api, role: UserRole | None) -> None:
    caller = await person(role, username="caller") if role else None
    data, errors = await api(
        CREATE, {"input": {"email": "x@example.test", "username": "xx"}}, caller
    )
    assert data is None
    assert errors[0]["extensions"]["code"] == ("FORBIDDEN" if role else "UNAUTHENTICATED")
    assert not await User.filter(username="xx").exists()
