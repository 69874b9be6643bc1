"""Account mutations whose transaction InnoDB picks as a deadlock victim succeed once
it is run again, their rows written once (the victim's attempt was rolled back)."""

from __future__ import annotations

import pytest

from rangex_graphql.models import AuditLog, MfaRecoveryCode, OneTimeToken, RefreshToken, User
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.passwords import verify_password
from tests.api.account.conftest import Api, login, person
from tests.api.account.test_mfa import CONFIRM, SETUP, code_at
from tests.api.account.test_tokens import REFRESH
from tests.support.deadlocks import deadlock_once

RESET_REQUEST = "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { ok } }"
RESET_CONFIRM = """mutation($t: String!, $p: String!) { passwordResetConfirm(input:
  {token: $t, newPassword: $p}) { ok errors { field code } } }"""


async def test_token_refresh_rotates_once_after_a_deadlock(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await person(username="dina")
    first = (await login(api, "dina"))["tokens"]["refreshToken"]
    victim = deadlock_once(monkeypatch)

    rotated = (await api.ok(REFRESH, {"t": first}))["tokenRefresh"]

    assert victim.injected == 1
    assert rotated["errors"] == []
    rows = await RefreshToken.filter(user_id=user.id).order_by("created_at")
    assert len(rows) == 2  # the login's and the rotation's, not a reuse
    assert rows[0].rotated_at is not None
    assert [row.revoked_at for row in rows] == [None, None]
    again = (await api.ok(REFRESH, {"t": rotated["tokens"]["refreshToken"]}))["tokenRefresh"]
    assert again["errors"] == []


async def test_mfa_confirm_stores_one_set_of_recovery_codes_after_a_deadlock(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await person()
    secret = (await api.ok(SETUP, as_user=user))["mfaTotpSetup"]["secret"]
    victim = deadlock_once(monkeypatch)

    confirmed = await api.ok(CONFIRM, {"c": code_at(secret, -1)}, as_user=user)

    assert victim.injected == 1
    codes = confirmed["mfaTotpConfirm"]["recoveryCodes"]
    assert len(codes) == await MfaRecoveryCode.filter(user_id=user.id).count() == 10
    assert (await User.get(id=user.id)).mfa_enabled
    assert await AuditLog.filter(action="mfa.enable", actor_id=user.id).count() == 1


async def test_password_reset_confirm_applies_once_after_a_deadlock(
    api: Api, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await person(email="ria@example.test", username="ria")
    await api.ok(RESET_REQUEST, {"e": "ria@example.test"})
    await runtime.mailer.drain()
    (message,) = runtime.mailer.mailer.outbox  # type: ignore[attr-defined]
    code = next(line for line in message.body.splitlines() if line.startswith("rgp_"))
    victim = deadlock_once(monkeypatch)

    done = await api.ok(RESET_CONFIRM, {"t": code, "p": "brand-new-secret-5"})

    assert victim.injected == 1
    assert done["passwordResetConfirm"] == {"ok": True, "errors": []}
    changed = await User.get(id=user.id)
    assert changed.password_hash is not None
    assert (await verify_password(changed.password_hash, "brand-new-secret-5"))[0]
    assert changed.token_generation == user.token_generation + 1  # bumped once, not twice
    assert await OneTimeToken.filter(user_id=user.id, used_at__isnull=True).count() == 0
    assert await AuditLog.filter(action="password.reset", actor_id=user.id).count() == 1
