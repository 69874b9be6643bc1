"""Throttles around accounts: one lock-out budget per account, wrong current passwords and
MFA codes, reset mails and registrations; and an outage that is not a failed sign-in."""

from __future__ import annotations

import time

import pyotp
import pytest
from tortoise.exceptions import OperationalError

from rangex_graphql.mail import MemoryMailer
from rangex_graphql.models import AuditLog, User
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.throttle import LoginThrottle, ThrottlePolicy, memory_storage
from rangex_graphql.services import tokens
from rangex_graphql.services.audit import RequestMeta
from rangex_graphql.services.errors import DomainError
from rangex_graphql.settings import Settings
from tests.api.account.conftest import PASSWORD, Api, login, person
from tests.api.account.test_mfa import enable_mfa

CHANGE = """mutation($c: String!, $n: String!) { passwordChange(input:
  {currentPassword: $c, newPassword: $n}) { tokens { accessToken } errors { field code } } }"""
DISABLE = "mutation($c: String!) { mfaDisable(input: {code: $c}) { ok errors { field code } } }"
RESET = """mutation($e: String!) { passwordResetRequest(input: {email: $e}) {
  ok errors { field code } } }"""
CONFIRM_RESET = """mutation($t: String!, $p: String!) { passwordResetConfirm(input:
  {token: $t, newPassword: $p}) { ok errors { field code } } }"""
REGISTER = """mutation($input: AccountRegisterInput!) { accountRegister(input: $input) {
  user { username } errors { field code } } }"""


def wrong_code(secret: str) -> str:
    """A six-digit code outside the window the server accepts now."""
    totp, now = pyotp.TOTP(secret), time.time()
    accepted = {totp.at(now + 30 * k) for k in (-2, -1, 0, 1, 2)}
    return next(c for c in (f"{n:06d}" for n in range(0, 10**6, 7919)) if c not in accepted)


async def outbox(runtime: Runtime) -> MemoryMailer:
    await runtime.mailer.drain()
    assert isinstance(runtime.mailer.mailer, MemoryMailer)
    return runtime.mailer.mailer


async def test_username_and_email_share_one_lock_out_budget(api: Api) -> None:
    await person(email="ivy@example.test", username="ivy")
    for name in ("ivy", "ivy@example.test", "IVY", "ivy@example.test", "ivy"):
        failed = await login(api, name, "not-the-password-1")
        assert failed["errors"][0]["code"] == "INVALID_CREDENTIALS"
    for name in ("ivy", "ivy@example.test"):
        assert (await login(api, name))["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"


async def test_unknown_logins_lock_alike(api: Api) -> None:
    for _ in range(5):
        await login(api, "no-such-person", "not-the-password-1")
    locked = await login(api, "No-Such-Person ", "not-the-password-1")
    assert locked["errors"][0]["code"] == "TOO_MANY_ATTEMPTS"


async def test_wrong_current_passwords_are_throttled_per_account(api: Api) -> None:
    user = await person(username="jon")
    for _ in range(5):
        wrong = await api.ok(CHANGE, {"c": "guess-password-9", "n": "next-password-42"}, user)
        assert wrong["passwordChange"]["errors"] == [
            {"field": "currentPassword", "code": "INVALID_CREDENTIALS"}
        ]
    right = await api.ok(CHANGE, {"c": PASSWORD, "n": "next-password-42"}, user)
    assert right["passwordChange"]["errors"] == [
        {"field": "currentPassword", "code": "TOO_MANY_ATTEMPTS"}
    ]
    assert (await login(api, "jon"))["errors"] == []  # sign-in keeps its own budget
    assert await AuditLog.filter(action="password.change_throttled", actor_id=user.id).count()


async def test_wrong_codes_that_would_disable_mfa_are_throttled_per_account(api: Api) -> None:
    user = await person(username="kai")
    secret, _ = await enable_mfa(api, user)
    bad = wrong_code(secret)
    for _ in range(5):
        refused = await api.ok(DISABLE, {"c": bad}, user)
        assert refused["mfaDisable"]["errors"] == [{"field": "code", "code": "INVALID_CODE"}]
    right = await api.ok(DISABLE, {"c": pyotp.TOTP(secret).now()}, user)
    assert right["mfaDisable"]["errors"] == [{"field": "code", "code": "TOO_MANY_ATTEMPTS"}]
    assert (await User.get(id=user.id)).mfa_enabled
    assert await AuditLog.filter(action="mfa.disable_throttled", actor_id=user.id).count() == 1


async def test_reset_mails_per_account_are_limited_without_changing_the_answer(
    api: Api, runtime: Runtime
) -> None:
    await person(email="lea@example.test", username="lea")
    limit = runtime.settings.account_mail_max
    answers = [await api.ok(RESET, {"e": "lea@example.test"}) for _ in range(limit + 2)]
    assert all(a["passwordResetRequest"] == {"ok": True, "errors": []} for a in answers)
    assert len((await outbox(runtime)).outbox) == limit
    assert await AuditLog.filter(action="account.mail_throttled").count() == 2


async def test_reset_requests_per_client_address_are_limited(
    settings: Settings, runtime: Runtime, db: None
) -> None:
    from tests.api.graphql import run

    limit = settings.password_reset_ip_max
    for n in range(limit):
        data, _ = await run(settings, RESET, {"e": f"n{n}@example.test"}, runtime=runtime)
        assert data == {"passwordResetRequest": {"ok": True, "errors": []}}
    data, _ = await run(settings, RESET, {"e": "one-more@example.test"}, runtime=runtime)
    assert data == {
        "passwordResetRequest": {
            "ok": False,
            "errors": [{"field": None, "code": "TOO_MANY_ATTEMPTS"}],
        }
    }
    other, _ = await run(
        settings, RESET, {"e": "x@example.test"}, runtime=runtime, client_ip="198.51.100.9"
    )
    assert other == {"passwordResetRequest": {"ok": True, "errors": []}}


async def test_the_first_reset_code_used_ends_every_other(api: Api, runtime: Runtime) -> None:
    await person(email="max@example.test", username="max")
    await api.ok(RESET, {"e": "max@example.test"})
    await api.ok(RESET, {"e": "max@example.test"})
    older, newer = (
        next(line for line in m.body.splitlines() if line.startswith("rgp_"))
        for m in (await outbox(runtime)).outbox
    )
    done = await api.ok(CONFIRM_RESET, {"t": newer, "p": "brand-new-secret-5"})
    assert done["passwordResetConfirm"] == {"ok": True, "errors": []}
    stale = await api.ok(CONFIRM_RESET, {"t": older, "p": "attacker-secret-66"})
    assert stale["passwordResetConfirm"]["errors"] == [{"field": "token", "code": "INVALID_TOKEN"}]
    assert (await login(api, "max", "brand-new-secret-5"))["errors"] == []


async def test_registrations_per_client_address_are_limited(api: Api, runtime: Runtime) -> None:
    limit = runtime.settings.register_ip_max
    for n in range(limit):
        data = await api.ok(
            REGISTER,
            {"input": {"email": f"r{n}@example.test", "username": f"r{n}x", "password": PASSWORD}},
        )
        assert data["accountRegister"]["errors"] == []
    data = await api.ok(
        REGISTER,
        {"input": {"email": "late@example.test", "username": "late", "password": PASSWORD}},
    )
    assert data["accountRegister"] == {
        "user": None,
        "errors": [{"field": None, "code": "TOO_MANY_ATTEMPTS"}],
    }
    assert await User.all().count() == limit
    assert await AuditLog.filter(action="account.register_throttled").count() == 1


class _DatabaseDown:
    @staticmethod
    def filter(**_: object) -> object:
        raise OperationalError("database is unavailable")


async def test_a_database_outage_during_sign_in_uses_no_lock_out_budget(
    settings: Settings, db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    await person(username="noa")
    throttle = LoginThrottle(memory_storage(), ThrottlePolicy(account_max_failures=3))
    meta = RequestMeta(ip="203.0.113.50", user_agent=None)
    with monkeypatch.context() as patched:
        patched.setattr(tokens, "User", _DatabaseDown)
        for _ in range(10):
            with pytest.raises(OperationalError):
                await tokens.login(settings, throttle, "noa", PASSWORD, meta)
    signed_in = await tokens.login(settings, throttle, "noa", PASSWORD, meta)
    assert isinstance(signed_in, tokens.TokenPair)
    # Wrong passwords still count as before.
    for _ in range(3):
        with pytest.raises(DomainError, match="wrong sign-in name or password"):
            await tokens.login(settings, throttle, "noa", "not-the-password", meta)
    with pytest.raises(DomainError, match="too many"):
        await tokens.login(settings, throttle, "noa", PASSWORD, meta)
