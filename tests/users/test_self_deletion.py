"""accountDelete: a person erases their own account with their password."""

from __future__ import annotations

from rangex_graphql.models import AuditLog, User
from rangex_graphql.models.enums import UserRole, UserStatus
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.users.erasure import pseudonym
from tests.api.account.conftest import PASSWORD, Api, login, person

DELETE_OWN = """mutation($p: String!) { accountDelete(input: {password: $p}) {
  user { username status } errors { field code } } }"""


async def test_the_right_password_erases_the_account(api: Api, runtime: Runtime) -> None:
    ivy = await person(email="ivy@example.test", username="ivy")
    data = await api.ok(DELETE_OWN, {"p": PASSWORD}, ivy)
    name = pseudonym(runtime.settings, ivy.id)
    assert data["accountDelete"] == {
        "user": {"username": name, "status": "DELETED"},
        "errors": [],
    }
    row = await User.get(id=ivy.id)
    assert (row.email, row.password_hash) == (f"{name}@deleted.invalid", None)
    entry = await AuditLog.get(action="user.delete")
    assert (entry.actor_id, entry.target_id, entry.ip) == (ivy.id, str(ivy.id), name)  # type: ignore[attr-defined]
    assert (await login(api, "ivy@example.test"))["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_a_wrong_password_changes_nothing_and_repeated_ones_are_throttled(
    api: Api,
) -> None:
    ivy = await person(username="ivy")
    before = await User.filter(id=ivy.id).values()
    codes = [
        (await api.ok(DELETE_OWN, {"p": "not-the-password-1"}, ivy))["accountDelete"]["errors"]
        for _ in range(6)
    ]
    assert codes[0] == [{"field": "password", "code": "INVALID_CREDENTIALS"}]
    assert codes[-1] == [{"field": "password", "code": "TOO_MANY_ATTEMPTS"}]
    # Throttled: even the right password waits now.
    late = await api.ok(DELETE_OWN, {"p": PASSWORD}, ivy)
    assert late["accountDelete"]["errors"] == [{"field": "password", "code": "TOO_MANY_ATTEMPTS"}]
    assert await User.filter(id=ivy.id).values() == before
    assert await AuditLog.filter(action="user.self_delete_failure").count() == 5


async def test_the_last_active_admin_cannot_erase_themselves(api: Api) -> None:
    root = await person(UserRole.ADMIN, username="root")
    data = await api.ok(DELETE_OWN, {"p": PASSWORD}, root)
    assert data["accountDelete"]["errors"] == [{"field": None, "code": "LAST_ADMIN"}]
    assert (await User.get(id=root.id)).status is UserStatus.ACTIVE


async def test_anonymous_callers_cannot_delete(api: Api) -> None:
    data, errors = await api(DELETE_OWN, {"p": PASSWORD})
    assert data is None
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
