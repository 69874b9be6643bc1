"""Registration, profile, password change and reset."""

from __future__ import annotations

import asyncio

from rangex_graphql.mail import MemoryMailer, Message
from rangex_graphql.models import AuditLog, User
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests.api.account.conftest import PASSWORD, Api, login, person

REGISTER = """mutation($input: AccountRegisterInput!) { accountRegister(input: $input) {
  user { username displayName role } errors { field code message } } }"""


async def test_register_reports_every_problem_at_once(api: Api) -> None:
    data = await api.ok(
        REGISTER,
        {"input": {"email": "not-an-email", "username": "No Spaces!", "password": "short"}},
    )
    errors = data["accountRegister"]["errors"]
    assert {(e["field"], e["code"]) for e in errors} >= {
        ("email", "INVALID"),
        ("username", "INVALID"),
        ("password", "PASSWORD_TOO_WEAK"),
    }
    assert data["accountRegister"]["user"] is None
    assert await User.all().count() == 0


async def test_password_may_not_contain_the_username_or_email(api: Api) -> None:
    for password in ("xx-kestrel-xx-42", "kestrel@example.test!"):
        data = await api.ok(
            REGISTER,
            {
                "input": {
                    "email": "kestrel@example.test",
                    "username": "kestrel",
                    "password": password,
                }
            },
        )
        assert data["accountRegister"]["errors"][0]["code"] == "PASSWORD_TOO_WEAK"


async def test_register_then_sign_in(api: Api) -> None:
    data = await api.ok(
        REGISTER,
        {"input": {"email": "Lin@Example.test", "username": "lin", "password": PASSWORD}},
    )
    assert data["accountRegister"]["errors"] == []
    assert data["accountRegister"]["user"]["role"] == "USER"
    user = await User.get(username="lin")
    assert user.email == "lin@example.test"
    assert user.password_hash is not None
    assert user.password_hash.startswith("$argon2id$")
    assert (await login(api, "lin"))["errors"] == []
    assert await AuditLog.filter(action="account.register").count() == 1


async def test_a_taken_email_gets_the_answer_of_a_new_one_and_its_owner_a_notice(
    api: Api, runtime: Runtime
) -> None:
    owner = await person(email="mo@example.test", username="moe")
    fresh = await api.ok(
        REGISTER,
        {"input": {"email": "new@example.test", "username": "newcomer", "password": PASSWORD}},
    )
    taken = await api.ok(
        REGISTER,
        {"input": {"email": "Mo@Example.test", "username": "other", "password": PASSWORD}},
    )

    assert taken["accountRegister"]["errors"] == fresh["accountRegister"]["errors"] == []
    shown = taken["accountRegister"]["user"]
    assert shown.keys() == fresh["accountRegister"]["user"].keys()
    assert shown == {"username": "other", "displayName": "other", "role": "USER"}
    assert not await User.filter(username="other").exists()
    assert await User.filter(email="mo@example.test").values_list("id", flat=True) == [owner.id]
    await runtime.mailer.drain()
    assert isinstance(runtime.mailer.mailer, MemoryMailer)
    (notice,) = runtime.mailer.mailer.outbox
    assert notice.to == "mo@example.test"
    assert "already has one" in notice.body
    assert await AuditLog.filter(action="account.register_existing_email").count() == 1


async def test_a_taken_username_is_said_usernames_being_public(api: Api) -> None:
    await person(email="mo@example.test", username="moe")
    data = await api.ok(
        REGISTER, {"input": {"email": "x@example.test", "username": "moe", "password": PASSWORD}}
    )
    assert data["accountRegister"]["errors"] == [
        {"field": "username", "code": "ALREADY_REGISTERED", "message": "that username is taken"}
    ]
    assert data["accountRegister"]["user"] is None


async def test_password_change_ends_other_sessions_and_returns_fresh_tokens(api: Api) -> None:
    user = await person(username="nia")
    other = (await login(api, "nia"))["tokens"]["refreshToken"]
    change = """mutation($c: String!, $n: String!) { passwordChange(input:
      {currentPassword: $c, newPassword: $n}) { tokens { refreshToken } errors { field code } } }"""
    wrong = await api.ok(change, {"c": "wrong-password-0", "n": "a-new-password-77"}, as_user=user)
    assert wrong["passwordChange"]["errors"] == [
        {"field": "currentPassword", "code": "INVALID_CREDENTIALS"}
    ]
    data = await api.ok(change, {"c": PASSWORD, "n": "a-new-password-77"}, as_user=user)
    fresh = data["passwordChange"]["tokens"]["refreshToken"]
    refresh = (
        "mutation($t: String!) { tokenRefresh(input: {refreshToken: $t}) { errors { code } } }"
    )
    assert (await api.ok(refresh, {"t": other}))["tokenRefresh"]["errors"][0][
        "code"
    ] == "INVALID_TOKEN"
    assert (await api.ok(refresh, {"t": fresh}))["tokenRefresh"]["errors"] == []
    assert (await login(api, "nia"))["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert (await login(api, "nia", "a-new-password-77"))["errors"] == []


async def test_password_reset_by_mailed_single_use_code(api: Api, runtime: Runtime) -> None:
    await person(email="oz@example.test", username="oz")
    request = "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { ok } }"
    assert (await api.ok(request, {"e": "nobody@example.test"}))["passwordResetRequest"]["ok"]
    await runtime.mailer.drain()
    assert isinstance(runtime.mailer.mailer, MemoryMailer)
    assert runtime.mailer.mailer.outbox == []
    assert (await api.ok(request, {"e": "OZ@example.test"}))["passwordResetRequest"]["ok"]
    await runtime.mailer.drain()
    (message,) = runtime.mailer.mailer.outbox
    assert message.to == "oz@example.test"
    code = next(line for line in message.body.splitlines() if line.startswith("rgp_"))
    confirm = """mutation($t: String!, $p: String!) { passwordResetConfirm(input:
      {token: $t, newPassword: $p}) { ok errors { field code } } }"""
    weak = await api.ok(confirm, {"t": code, "p": "oz"})
    assert weak["passwordResetConfirm"]["errors"][0] == {
        "field": "newPassword",
        "code": "PASSWORD_TOO_WEAK",
    }
    done = await api.ok(confirm, {"t": code, "p": "brand-new-secret-5"})
    assert done["passwordResetConfirm"] == {"ok": True, "errors": []}
    again = await api.ok(confirm, {"t": code, "p": "another-secret-66"})
    assert again["passwordResetConfirm"]["errors"] == [{"field": "token", "code": "INVALID_TOKEN"}]
    assert (await login(api, "oz", "brand-new-secret-5"))["errors"] == []
    actions = set(await AuditLog.all().values_list("action", flat=True))
    assert {"password.reset_request", "password.reset", "password.reset_request_unknown"} <= actions


async def test_account_update_changes_the_display_name(api: Api) -> None:
    user = await person(username="pia")
    update = """mutation($n: String) { accountUpdate(input: {displayName: $n}) {
      user { displayName } errors { field code } } }"""
    data = await api.ok(update, {"n": "  Pia P.  "}, as_user=user)
    assert data["accountUpdate"]["user"] == {"displayName": "Pia P."}
    data = await api.ok(update, {"n": ""}, as_user=user)
    assert data["accountUpdate"]["errors"] == [{"field": "displayName", "code": "INVALID"}]
    _, errors = await api(update, {"n": "x"})
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


class StalledMailer:
    """A mail server that does not answer until told to."""

    def __init__(self) -> None:
        self.answer = asyncio.Event()
        self.sent: list[Message] = []

    async def send(self, message: Message) -> None:
        await self.answer.wait()
        self.sent.append(message)


async def test_answers_that_mail_do_not_wait_for_the_mail_server(
    settings: Settings, db: None
) -> None:
    """Else a registration with a taken address, or a reset for an existing account,
    would answer measurably slower than one for an unknown address."""
    mailer = StalledMailer()
    runtime = build_runtime(settings, mailer=mailer)
    api = Api(settings, runtime)
    await person(email="ana@example.test", username="ana")
    taken = {"email": "ana@example.test", "username": "other", "password": PASSWORD}
    reset = "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { ok } }"
    async with asyncio.timeout(5):
        await api.ok(REGISTER, {"input": taken})
        await api.ok(reset, {"e": "ana@example.test"})
    assert mailer.sent == []
    mailer.answer.set()
    await runtime.aclose()
    assert [m.subject for m in mailer.sent] == [
        "Someone tried to register with your address",
        mailer.sent[1].subject,
    ]
    assert mailer.sent[1].to == "ana@example.test"
