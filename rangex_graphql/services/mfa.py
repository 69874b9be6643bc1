"""TOTP two-factor sign-in: setup, confirmation with recovery codes, login, disable."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import pyotp

from ..db.transactions import retrying_transaction
from ..models import MfaRecoveryCode, User
from ..security.secret_box import open_sealed, seal
from ..security.secrets import digest
from ..settings import Settings
from .account_errors import AccountCode
from .audit import RequestMeta, audit
from .errors import DomainError
from .tokens import (
    MFA_LOGIN,
    LoginGuard,
    TokenPair,
    account_key,
    check_attempt,
    complete_login,
    consume_one_time,
    now,
)

RECOVERY_CODES = 10
# Accept the previous and next 30-second step too: phone clocks drift.
VALID_WINDOW = 1


@dataclass(frozen=True, slots=True)
class TotpSetup:
    secret: str
    provisioning_uri: str


def _recovery_code() -> str:
    raw = secrets.token_hex(5)  # 40 bits, shown once, single use
    return f"{raw[:5]}-{raw[5:]}"


def _normalize(code: str) -> str:
    return code.strip().replace(" ", "").lower()


async def setup(settings: Settings, user: User, meta: RequestMeta) -> TotpSetup:
    if user.mfa_enabled:
        raise DomainError(AccountCode.MFA_ALREADY_ENABLED, "two-factor sign-in is already on", None)
    secret = pyotp.random_base32()
    await User.filter(id=user.id).update(
        mfa_secret_encrypted=seal(settings, secret), mfa_last_step=None
    )
    await audit("mfa.setup", meta, actor_id=user.id)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=settings.mfa_issuer)
    return TotpSetup(secret=secret, provisioning_uri=uri)


async def _accept_totp(settings: Settings, user: User, code: str) -> bool:
    """True once per valid code: the accepted time step is stored with a compare-and-set."""
    if not user.mfa_secret_encrypted or not code.strip().isdigit():
        return False
    totp = pyotp.TOTP(open_sealed(settings, user.mfa_secret_encrypted))
    at = now()
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        step = totp.timecode(at) + offset
        if totp.at(step * totp.interval) == code.strip():
            # Later steps only: a replayed (or older) code never passes twice.
            previous = user.mfa_last_step
            query = User.filter(id=user.id)
            query = (
                query.filter(mfa_last_step__lt=step)
                if previous is not None
                else query.filter(mfa_last_step__isnull=True)
            )
            claimed = await query.update(mfa_last_step=step)
            if claimed:
                user.mfa_last_step = step
            return bool(claimed)
    return False


async def _accept_recovery_code(user: User, code: str) -> bool:
    row = await MfaRecoveryCode.filter(
        user_id=user.id, code_hash=digest(_normalize(code)), used_at__isnull=True
    ).first()
    if row is None:
        return False
    return bool(await MfaRecoveryCode.filter(id=row.id, used_at__isnull=True).update(used_at=now()))


async def confirm(settings: Settings, user: User, code: str, meta: RequestMeta) -> list[str]:
    """Turn TOTP on with a first valid code; returns the recovery codes (shown once)."""
    if user.mfa_enabled:
        raise DomainError(AccountCode.MFA_ALREADY_ENABLED, "two-factor sign-in is already on", None)
    if not user.mfa_secret_encrypted:
        raise DomainError(AccountCode.MFA_NOT_SET_UP, "start with mfaTotpSetup", None)
    if not await _accept_totp(settings, user, code):
        await audit("mfa.confirm_failure", meta, actor_id=user.id)
        raise DomainError(AccountCode.INVALID_CODE, "that code is not valid", "code")
    codes = [_recovery_code() for _ in range(RECOVERY_CODES)]

    async def enable() -> None:
        await MfaRecoveryCode.filter(user_id=user.id).delete()
        await MfaRecoveryCode.bulk_create(
            [MfaRecoveryCode(user_id=user.id, code_hash=digest(_normalize(c))) for c in codes]
        )
        await User.filter(id=user.id).update(mfa_enabled=True, mfa_confirmed_at=now())

    await retrying_transaction(enable)
    await audit("mfa.enable", meta, actor_id=user.id)
    return codes


async def login_with_code(
    settings: Settings, challenge: str, code: str, meta: RequestMeta
) -> TokenPair:
    """Second step of a login: a TOTP code or one unused recovery code."""
    row = await consume_one_time(challenge, MFA_LOGIN)
    if row is None:
        raise DomainError(
            AccountCode.INVALID_CHALLENGE, "sign in again: this challenge is not valid", "challenge"
        )
    user = await User.get(id=row.user_id)
    if await _accept_totp(settings, user, code):
        method = "totp"
    elif await _accept_recovery_code(user, code):
        method = "recovery_code"
    else:
        await audit("login.mfa_failure", meta, actor_id=user.id)
        raise DomainError(AccountCode.INVALID_CODE, "that code is not valid; sign in again", "code")
    await audit("login.mfa_success", meta, actor_id=user.id, method=method)
    return await complete_login(settings, user, meta)


async def disable(
    settings: Settings, guard: LoginGuard, user: User, code: str, meta: RequestMeta
) -> None:
    """Turn TOTP off with a valid code; wrong codes are throttled per account (a stolen
    access token must not be able to guess its way to stripping the second factor)."""
    if not user.mfa_enabled:
        raise DomainError(AccountCode.MFA_NOT_ENABLED, "two-factor sign-in is off", None)
    key = account_key(user.id, "mfa-disable")
    await check_attempt(
        guard, key, meta, action="mfa.disable_throttled", field="code", actor_id=user.id
    )
    ip = meta.ip or "unknown"
    if not await _accept_totp(settings, user, code):
        await guard.record_failure(key, ip)
        await audit("mfa.disable_failure", meta, actor_id=user.id)
        raise DomainError(AccountCode.INVALID_CODE, "that code is not valid", "code")
    await guard.record_success(key, ip)

    async def disable_totp() -> None:
        await MfaRecoveryCode.filter(user_id=user.id).delete()
        await User.filter(id=user.id).update(
            mfa_enabled=False, mfa_secret_encrypted=None, mfa_confirmed_at=None, mfa_last_step=None
        )

    await retrying_transaction(disable_totp)
    await audit("mfa.disable", meta, actor_id=user.id)
