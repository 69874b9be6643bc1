"""userDelete: personal data replaced by a stable pseudonym, credentials gone, scores kept."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.viewer import InvalidCredentials, viewer_from_token
from rangex_graphql.models import (
    ApiToken,
    AuditLog,
    EnvironmentSession,
    MfaRecoveryCode,
    Notification,
    OneTimeToken,
    Question,
    RefreshToken,
    ScenarioRating,
    SessionAnswer,
    StoredFile,
    TeamMember,
    User,
)
from rangex_graphql.models.enums import FileKind, FileState, UserRole, UserStatus
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.users.erasure import pseudonym
from tests import factories
from tests.api.account.conftest import PASSWORD, Api, login, person
from tests.users.conftest import delete

TOKEN = """mutation { apiTokenCreate(input: {name: "ivy's laptop", scopes: [READ]}) {
  token errors { code } } }"""
REFRESH = """mutation($t: String!) { tokenRefresh(input: {refreshToken: $t}) {
  errors { code } } }"""
STATUS = """mutation($id: ID!, $status: UserStatus!) {
  userStatusUpdate(input: {userId: $id, status: $status}) { errors { field code } } }"""


async def learner_with_everything(api: Api, runtime: Runtime) -> dict[str, Any]:
    """A learner with personal data in every place it can be, and scored work."""
    ivy = await person(
        email="ivy@example.test",
        username="ivy_lind",
        display_name="Ivy Lind",
        mfa_secret_encrypted="sealed-totp-secret",
        total_score=10,
    )
    assert (await login(api, "ivy_lind", "wrong-password-1"))["errors"]  # audits the login
    signed_in = await login(api, "ivy_lind")
    token = (await api.ok(TOKEN, as_user=ivy))["apiTokenCreate"]["token"]
    await OneTimeToken.create(
        user=ivy, purpose="password_reset", token_hash="a" * 64, expires_at=_later()
    )
    await MfaRecoveryCode.create(user=ivy, code_hash="b" * 64)
    await Notification.create(user=ivy, kind="hello", title="Welcome, Ivy Lind")
    assert runtime.store is not None
    await runtime.store.put("files/ivy-avatar", b"\x89PNG face", "image/png")
    avatar = await StoredFile.create(
        owner=ivy,
        kind=FileKind.AVATAR,
        state=FileState.ATTACHED,
        object_key="files/ivy-avatar",
        filename="ivy-lind-face.png",
        content_type="image/png",
        size=9,
        expires_at=_later(),
        completed_at=datetime.now(UTC),
    )
    await User.filter(id=ivy.id).update(avatar_file_id=avatar.id)
    # An avatar upload never completed: its row names the file too.
    await StoredFile.create(
        owner=ivy,
        kind=FileKind.AVATAR,
        object_key="files/ivy-next",
        upload_key="uploads/ivy-next",
        filename="ivy-lind-holiday.png",
        content_type="image/png",
        size=9,
        expires_at=_later(),
    )
    scenario = await factories.scenario()
    version = await factories.version(scenario)
    session = await factories.session(ivy, version)
    await EnvironmentSession.filter(id=session.id).update(score=10)
    question = await Question.get(version=version)
    await SessionAnswer.create(session=session, question=question, correct=True, points_awarded=10)
    team = await factories.team()
    await TeamMember.create(team=team, user=ivy)
    await ScenarioRating.create(user=ivy, scenario=scenario, stars=5, comment="Ivy from Oslo")
    return {
        "user": ivy,
        "tokens": signed_in["tokens"],
        "api_token": token,
        "session": session,
        "team": team,
    }


def _later() -> datetime:
    return datetime.now(UTC) + timedelta(hours=1)


async def test_delete_replaces_every_personal_field_and_keeps_the_scored_work(
    api: Api, runtime: Runtime
) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    made = await learner_with_everything(api, runtime)
    ivy: User = made["user"]
    assert await AuditLog.filter(actor_id=ivy.id, ip="203.0.113.7").count() >= 2

    answer = await delete(api, admin, ivy, reason="asked by mail")

    name = pseudonym(runtime.settings, ivy.id)
    assert answer == {
        "user": {
            "id": to_global_id("User", ivy.id),
            "username": name,
            "displayName": name,
            "status": "DELETED",
        },
        "errors": [],
    }
    row = await User.get(id=ivy.id)
    assert (row.email, row.username, row.display_name) == (
        f"{name}@deleted.invalid",
        name,
        name,
    )
    assert row.password_hash is None
    assert row.mfa_secret_encrypted is None
    assert row.avatar_file_id is None
    assert row.profile_hidden
    assert row.token_generation == ivy.token_generation + 1
    for credentials in (RefreshToken, OneTimeToken, ApiToken, MfaRecoveryCode, Notification):
        assert not await credentials.filter(user_id=ivy.id).exists(), credentials
    assert not await StoredFile.filter(owner_id=ivy.id).exists()
    assert runtime.store is not None
    assert await runtime.store.head("files/ivy-avatar") is None
    # The audit rows the user acted in keep the action, not the address or the login.
    entries = await AuditLog.filter(actor_id=ivy.id).values("action", "ip", "user_agent", "data")
    assert {e["action"] for e in entries} >= {"login.failure", "login.success", "api_token.create"}
    assert {e["ip"] for e in entries} == {name}
    assert all(e["user_agent"] is None and "login" not in e["data"] for e in entries)
    assert "ivy" not in str(await AuditLog.all().values()).lower()
    # Scored work stays, pointing at the pseudonymous row.
    assert row.total_score == 10
    assert (await EnvironmentSession.get(id=made["session"].id)).score == 10
    assert await SessionAnswer.filter(session_id=made["session"].id, correct=True).count() == 1
    assert await TeamMember.filter(user_id=ivy.id, team_id=made["team"].id).exists()
    assert (await ScenarioRating.get(user_id=ivy.id)).comment is None
    deletion = await AuditLog.get(action="user.delete")
    assert deletion.actor_id == admin.id  # type: ignore[attr-defined]
    assert deletion.target_id == str(ivy.id)
    assert deletion.data == {"pseudonym": name, "reason": "asked by mail"}


async def test_what_others_and_the_unknown_logged_about_the_user_is_scrubbed(
    api: Api, runtime: Runtime
) -> None:
    """Before registering, someone asked a reset for the address and tried the username;
    an admin acted on the account: those rows lose the typed names (and the unknown
    someone's address); a stranger's rows stay as they were."""
    admin = await person(UserRole.ADMIN, username="root")
    seen: dict[str, Any] = {"ip": "198.51.100.9", "user_agent": "curl/8"}
    asked = await AuditLog.create(
        action="password.reset_request_unknown", data={"email": "Ivy@Example.test"}, **seen
    )
    tried = await AuditLog.create(action="login.failure", data={"login": "ivy_lind"}, **seen)
    stranger = await AuditLog.create(
        action="password.reset_request_unknown", data={"email": "ann@example.test"}, **seen
    )
    ivy = await person(email="ivy@example.test", username="ivy_lind", display_name="Ivy Lind")
    about = await AuditLog.create(
        action="user.role_update",
        actor=admin,
        target_type="User",
        target_id=str(ivy.id),
        data={"role": "CREATOR", "email": "ivy@example.test"},
        ip="192.0.2.1",
    )

    await delete(api, admin, ivy)

    name = pseudonym(runtime.settings, ivy.id)
    for row in (asked, tried):
        found = await AuditLog.get(id=row.id)
        assert (found.ip, found.user_agent, found.data) == (name, None, {}), found.action
    kept = await AuditLog.get(id=stranger.id)
    assert (kept.ip, kept.data) == ("198.51.100.9", {"email": "ann@example.test"})
    admins_row = await AuditLog.get(id=about.id)
    assert (admins_row.ip, admins_row.data) == ("192.0.2.1", {"role": "CREATOR"})
    assert "ivy" not in str(await AuditLog.all().values()).lower()


async def test_the_pseudonym_is_stable_per_user_and_reveals_nothing(
    api: Api, runtime: Runtime
) -> None:
    ivy, jan = await person(username="ivy"), await person(username="jan")
    name = pseudonym(runtime.settings, ivy.id)
    assert name == pseudonym(runtime.settings, ivy.id)
    assert name != pseudonym(runtime.settings, jan.id)
    assert name.startswith("deleted-")
    assert len(name) == 20
    assert str(ivy.id).replace("-", "")[:12] not in name
    admin = await person(UserRole.ADMIN, username="root")
    assert (await delete(api, admin, ivy))["user"]["username"] == name
    # Asked again: the same answer, and still nothing else changes.
    again = await delete(api, admin, ivy)
    assert again["errors"] == [
        {"field": "id", "code": "ALREADY_DELETED", "message": "this user is already deleted"}
    ]
    assert (await User.get(id=ivy.id)).username == name


async def test_a_deleted_user_cannot_sign_in_and_their_tokens_stop_working(
    api: Api, runtime: Runtime
) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    made = await learner_with_everything(api, runtime)
    settings = runtime.settings
    access, refresh = made["tokens"]["accessToken"], made["tokens"]["refreshToken"]
    assert (await viewer_from_token(settings, access)) is not None
    assert (await viewer_from_token(settings, made["api_token"])) is not None

    await delete(api, admin, made["user"])

    for token in (access, made["api_token"]):
        with pytest.raises(InvalidCredentials):
            await viewer_from_token(settings, token)
    refreshed = await api.ok(REFRESH, {"t": refresh})
    assert refreshed["tokenRefresh"]["errors"] == [{"code": "INVALID_TOKEN"}]
    for name in ("ivy_lind", "ivy@example.test"):
        assert (await login(api, name, PASSWORD))["errors"][0]["code"] == "INVALID_CREDENTIALS"
    # No admin action brings the account back.
    revived = await api.ok(
        STATUS, {"id": to_global_id("User", made["user"].id), "status": "ACTIVE"}, admin
    )
    assert revived["userStatusUpdate"]["errors"] == [{"field": "userId", "code": "NOT_FOUND"}]


async def test_deleted_and_invited_are_not_statuses_an_admin_can_set(api: Api) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    learner = await person(username="learner")
    for status in ("DELETED", "INVITED"):
        data = await api.ok(
            STATUS, {"id": to_global_id("User", learner.id), "status": status}, admin
        )
        assert data["userStatusUpdate"]["errors"] == [{"field": "status", "code": "INVALID"}]
    row = await User.get(id=learner.id)
    assert (row.status, row.username) == (UserStatus.ACTIVE, "learner")


async def test_the_last_active_admin_cannot_be_deleted_and_nothing_changes(api: Api) -> None:
    only = await person(UserRole.ADMIN, username="root")
    await person(UserRole.ADMIN, username="former", status=UserStatus.SUSPENDED)
    before = await User.filter(id=only.id).values()

    answer = await delete(api, only, only)

    assert answer["user"] is None
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [("id", "LAST_ADMIN")]
    assert await User.filter(id=only.id).values() == before
    assert not await AuditLog.filter(action="user.delete").exists()
    assert (await login(api, "root"))["errors"] == []


async def test_an_admin_may_delete_another_admin_or_themselves_while_one_stays(api: Api) -> None:
    first = await person(UserRole.ADMIN, username="first")
    second = await person(UserRole.ADMIN, username="second")
    third = await person(UserRole.ADMIN, username="third")
    assert (await delete(api, first, second))["errors"] == []
    deleted = await User.get(id=second.id)
    assert (deleted.role, deleted.status) == (UserRole.USER, UserStatus.DELETED)
    assert (await delete(api, first, first))["errors"] == []
    # An admin's own deletion keeps no network address either.
    own = await AuditLog.get(action="user.delete", target_id=str(first.id))
    assert own.ip == pseudonym(api.settings, first.id)
    assert (await delete(api, third, third))["errors"][0]["code"] == "LAST_ADMIN"


async def test_two_admins_deleting_each_other_at_once_leave_one(api: Api) -> None:
    ann = await person(UserRole.ADMIN, username="ann")
    bob = await person(UserRole.ADMIN, username="bob")
    answers = await asyncio.gather(delete(api, ann, bob), delete(api, bob, ann))
    codes = sorted(tuple(e["code"] for e in a["errors"]) for a in answers)
    assert codes in ([(), ("LAST_ADMIN",)], [(), ("NOT_FOUND",)])
    remaining = await User.filter(role=UserRole.ADMIN, status=UserStatus.ACTIVE).count()
    assert remaining == 1


async def test_unknown_ids_and_wrong_types_are_refused(api: Api) -> None:
    admin = await person(UserRole.ADMIN, username="root")
    ghost = User(id=uuid4())
    assert (await delete(api, admin, ghost))["errors"][0]["code"] == "NOT_FOUND"
    data, errors = await api(
        "mutation($id: ID!) { userDelete(input: {id: $id}) { errors { code } } }",
        {"id": to_global_id("Team", uuid4())},
        admin,
    )
    assert data is None
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("role", [UserRole.USER, UserRole.CREATOR, None])
async def test_only_admins_may_delete(api: Api, role: UserRole | None) -> None:
    victim = await person(username="victim")
    caller = await person(role, username="caller") if role else None
    data, errors = await api(
        "mutation($id: ID!) { userDelete(input: {id: $id}) { errors { code } } }",
        {"id": to_global_id("User", victim.id)},
        caller,
    )
    assert data is None
    assert errors[0]["extensions"]["code"] == ("FORBIDDEN" if role else "UNAUTHENTICATED")
    assert (await User.get(id=victim.id)).status is UserStatus.ACTIVE
