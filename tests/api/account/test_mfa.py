"""TOTP: setup, confirmation, two-step sign-in, replay refusal, recovery codes, disable."""

from __future__ import annotations

import time

import pyotp
import pytest

from rangex_graphql.models import AuditLog, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.api.account.conftest import Api, login, person

SETUP = "mutation { mfaTotpSetup { secret provisioningUri errors { code } } }"
CONFIRM = """mutation($c: String!) { mfaTotpConfirm(input: {code: $c}) {
  recoveryCodes errors { field code } } }"""
SECOND_STEP = """mutation($ch: String!, $c: String!) { tokenCreateWithMfa(input:
  {challenge: $ch, code: $c}) { tokens { accessToken } errors { field code } } }"""


def code_at(secret: str, offset_steps: int = 0) -> str:
    return pyotp.TOTP(secret).at(int(time.time()) + 30 * offset_steps)


async def enable_mfa(api: Api, user: User) -> tuple[str, list[str]]:
    setup = (await api.ok(SETUP, as_user=user))["mfaTotpSetup"]
    assert setup["provisioningUri"].startswith("otpauth://totp/RangeX:")
    confirmed = await api.ok(CONFIRM, {"c": code_at(setup["secret"], -1)}, as_user=user)
    codes = confirmed["mfaTotpConfirm"]["recoveryCodes"]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    return setup["secret"], codes


async def test_sign_in_needs_the_second_factor_once_enabled(api: Api) -> None:
    user = await person(username="quinn")
    secret, _ = await enable_mfa(api, user)
    stored = await User.get(id=user.id)
    assert stored.mfa_enabled
    assert secret not in (stored.mfa_secret_encrypted or "")  # encrypted at rest
    first = await login(api, "quinn")
    assert first["tokens"] is None
    challenge = first["mfaChallenge"]["challenge"]
    data = await api.ok(SECOND_STEP, {"ch": challenge, "c": code_at(secret)})
    assert data["tokenCreateWithMfa"]["tokens"]["accessToken"]
    # The challenge is single use.
    again = await api.ok(SECOND_STEP, {"ch": challenge, "c": code_at(secret, 1)})
    assert again["tokenCreateWithMfa"]["errors"][0]["code"] == "INVALID_CHALLENGE"


async def test_a_totp_code_is_never_accepted_twice(api: Api) -> None:
    user = await person(username="rosa")
    secret, _ = await enable_mfa(api, user)
    code = code_at(secret)
    ok = await api.ok(
        SECOND_STEP, {"ch": (await login(api, "rosa"))["mfaChallenge"]["challenge"], "c": code}
    )
    assert ok["tokenCreateWithMfa"]["errors"] == []
    replay = await api.ok(
        SECOND_STEP, {"ch": (await login(api, "rosa"))["mfaChallenge"]["challenge"], "c": code}
    )
    assert replay["tokenCreateWithMfa"]["errors"] == [{"field": "code", "code": "INVALID_CODE"}]
    # An older step than the last one used is refused too.
    older = await api.ok(
        SECOND_STEP,
        {"ch": (await login(api, "rosa"))["mfaChallenge"]["challenge"], "c": code_at(secret, -1)},
    )
    assert older["tokenCreateWithMfa"]["errors"][0]["code"] == "INVALID_CODE"
    assert await AuditLog.filter(action="login.mfa_failure").count() == 2


async def test_recovery_codes_work_once_each(api: Api) -> None:
    user = await person(username="sol")
    _, codes = await enable_mfa(api, user)
    for expected in ([], [{"field": "code", "code": "INVALID_CODE"}]):
        challenge = (await login(api, "sol"))["mfaChallenge"]["challenge"]
        data = await api.ok(SECOND_STEP, {"ch": challenge, "c": codes[3].upper()})
        assert data["tokenCreateWithMfa"]["errors"] == expected


async def test_confirm_and_disable_need_a_valid_code(api: Api) -> None:
    user = await person(username="tam")
    setup = (await api.ok(SETUP, as_user=user))["mfaTotpSetup"]
    bad = await api.ok(CONFIRM, {"c": "000000"}, as_user=user)
    assert bad["mfaTotpConfirm"]["errors"] == [{"field": "code", "code": "INVALID_CODE"}]
    assert not (await User.get(id=user.id)).mfa_enabled
    await api.ok(CONFIRM, {"c": code_at(setup["secret"], -1)}, as_user=user)
    disable = "mutation($c: String!) { mfaDisable(input: {code: $c}) { ok errors { code } } }"
    refused = await api.ok(disable, {"c": "123456"}, as_user=user)
    assert refused["mfaDisable"]["errors"] == [{"code": "INVALID_CODE"}]
    done = await api.ok(disable, {"c": code_at(setup["secret"])}, as_user=user)
    assert done["mfaDisable"] == {"ok": True, "errors": []}
    assert (await login(api, "tam"))["tokens"] is not None
    actions = set(await AuditLog.all().values_list("action", flat=True))
    assert {"mfa.setup", "mfa.enable", "mfa.disable", "mfa.confirm_failure"} <= actions


@pytest.mark.parametrize("role", [UserRole.ADMIN])
async def test_settings_can_require_mfa_for_a_role(
    settings: Settings, runtime: Runtime, role: UserRole, db: None
) -> None:
    strict = settings.model_copy(update={"mfa_required_roles": ["ADMIN"]})
    runtime.settings = strict
    api = Api(strict, runtime)
    await person(role, username="ursula")
    await person(UserRole.USER, username="victor")
    refused = await login(api, "ursula")
    assert refused["errors"][0]["code"] == "MFA_SETUP_REQUIRED"
    assert (await login(api, "victor"))["errors"] == []
