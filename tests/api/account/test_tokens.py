"""Sign-in, refresh-token rotation with reuse detection, sign-out, suspension."""

from __future__ import annotations

import httpx

from rangex_graphql.models import AuditLog, RefreshToken, User
from rangex_graphql.models.enums import UserRole
from tests.api.account.conftest import PASSWORD, Api, gql, login, person

REFRESH = """mutation($t: String!) { tokenRefresh(input: {refreshToken: $t}) {
  tokens { accessToken refreshToken } errors { field code message } } }"""


async def test_login_returns_tokens_that_authenticate(api: Api, http: httpx.AsyncClient) -> None:
    user = await person(email="ana@example.test", username="ana")
    result = await login(api, "ANA@example.test ")
    assert result["errors"] == []
    assert result["user"] == {"username": "ana"}
    response = await gql(http, "{ viewer { username email } }", result["tokens"]["accessToken"])
    assert response.json()["data"]["viewer"] == {"username": "ana", "email": "ana@example.test"}
    assert await AuditLog.filter(action="login.success", actor_id=user.id).count() == 1
    assert (await User.get(id=user.id)).last_login_at is not None


async def test_wrong_password_and_unknown_account_look_the_same(api: Api) -> None:
    user = await person(username="ben")
    wrong = await login(api, "ben", "not-the-password-1")
    unknown = await login(api, "nobody-here", "not-the-password-1")
    assert wrong["errors"] == unknown["errors"]
    assert wrong["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert wrong["tokens"] is None
    failures = await AuditLog.filter(action="login.failure").values_list("actor_id", flat=True)
    assert sorted(map(str, failures)) == sorted([str(user.id), "None"])


async def test_repeated_failures_lock_the_account_even_for_the_right_password(
    api: Api,
) -> None:
    await person(username="cleo")
    for _ in range(5):
        assert (await login(api, "cleo", "bad-password-123"))["errors"][0]["code"] == (
            "INVALID_CREDENTIALS"
        )
    locked = await login(api, "cleo", PASSWORD)
    assert locked["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"
    assert locked["tokens"] is None
    assert await AuditLog.filter(action="login.throttled").count() == 1


async def test_refresh_rotates_and_a_reused_token_ends_the_whole_login(api: Api) -> None:
    user = await person(username="dora")
    first = (await login(api, "dora"))["tokens"]["refreshToken"]
    rotated = await api.ok(REFRESH, {"t": first})
    second = rotated["tokenRefresh"]["tokens"]["refreshToken"]
    assert second != first
    reused = await api.ok(REFRESH, {"t": first})
    assert reused["tokenRefresh"]["errors"][0]["code"] == "TOKEN_REUSED"
    # The thief's copy is dead, and so is the legitimate newer token of that login.
    after = await api.ok(REFRESH, {"t": second})
    assert after["tokenRefresh"]["errors"][0]["code"] == "INVALID_TOKEN"
    assert await RefreshToken.filter(user_id=user.id, revoked_at__isnull=True).count() == 0
    assert await AuditLog.filter(action="token.refresh_reuse", actor_id=user.id).count() == 1


async def test_reuse_revokes_only_that_login(api: Api) -> None:
    await person(username="eli")
    laptop = (await login(api, "eli"))["tokens"]["refreshToken"]
    phone = (await login(api, "eli"))["tokens"]["refreshToken"]
    await api.ok(REFRESH, {"t": laptop})
    await api.ok(REFRESH, {"t": laptop})  # reuse: the laptop login ends
    still = await api.ok(REFRESH, {"t": phone})
    assert still["tokenRefresh"]["errors"] == []


async def test_logout_and_sign_out_everywhere(api: Api, http: httpx.AsyncClient) -> None:
    user = await person(username="fay")
    one = (await login(api, "fay"))["tokens"]
    two = (await login(api, "fay"))["tokens"]
    await api.ok(
        "mutation($t: String!) { tokenRevoke(input: {refreshToken: $t}) { ok } }",
        {"t": one["refreshToken"]},
    )
    assert (await api.ok(REFRESH, {"t": one["refreshToken"]}))["tokenRefresh"]["errors"][0][
        "code"
    ] == "INVALID_TOKEN"
    assert (await gql(http, "{ viewer { username } }", two["accessToken"])).status_code == 200
    await api.ok("mutation { tokenRevokeAll { ok } }", as_user=user)
    response = await gql(http, "{ viewer { username } }", two["accessToken"])
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await api.ok(REFRESH, {"t": two["refreshToken"]}))["tokenRefresh"]["errors"][0][
        "code"
    ] == "INVALID_TOKEN"


async def test_tampered_or_garbage_tokens_get_401(api: Api, http: httpx.AsyncClient) -> None:
    await person(username="gus")
    access = (await login(api, "gus"))["tokens"]["accessToken"]
    for token in (access[:-3] + "abc", "not.a.jwt", "rgx_not-a-real-api-token"):
        response = await gql(http, "{ viewer { username } }", token)
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_suspension_stops_tokens_at_once(api: Api, http: httpx.AsyncClient) -> None:
    learner = await person(username="hal")
    admin = await person(UserRole.ADMIN, username="root_admin")
    tokens = (await login(api, "hal"))["tokens"]
    from rangex_graphql.api.ids import to_global_id

    suspend = """mutation($id: ID!) { userStatusUpdate(input: {userId: $id, status: SUSPENDED}) {
      user { username status } errors { code } } }"""
    data = await api.ok(suspend, {"id": to_global_id("User", learner.id)}, as_user=admin)
    assert data["userStatusUpdate"]["user"] == {"username": "hal", "status": "SUSPENDED"}
    assert (await gql(http, "{ viewer { username } }", tokens["accessToken"])).status_code == 401
    refreshed = await api.ok(REFRESH, {"t": tokens["refreshToken"]})
    assert refreshed["tokenRefresh"]["errors"][0]["code"] == "INVALID_TOKEN"
    relogin = await login(api, "hal")
    assert relogin["errors"][0]["code"] == "ACCOUNT_SUSPENDED"
    entry = await AuditLog.get(action="user.status_update")
    assert entry.data == {"previous": "ACTIVE", "status": "SUSPENDED"}


async def test_role_changes_are_for_admins_and_not_on_themselves(api: Api) -> None:
    from rangex_graphql.api.ids import to_global_id

    admin = await person(UserRole.ADMIN, username="boss")
    learner = await person(username="ivy")
    promote = """mutation($id: ID!) { userRoleUpdate(input: {userId: $id, role: CREATOR}) {
      user { role } errors { field code } } }"""
    _, errors = await api(promote, {"id": to_global_id("User", learner.id)}, as_user=learner)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    data = await api.ok(promote, {"id": to_global_id("User", admin.id)}, as_user=admin)
    assert data["userRoleUpdate"]["errors"] == [{"field": "userId", "code": "SELF_CHANGE"}]
    data = await api.ok(promote, {"id": to_global_id("User", learner.id)}, as_user=admin)
    assert data["userRoleUpdate"]["user"] == {"role": "CREATOR"}
    assert (await User.get(id=learner.id)).role is UserRole.CREATOR
