"""Logins: access and refresh tokens, rotation with reuse detection, sign-out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol
from uuid import UUID, uuid4

from tortoise.expressions import F
from tortoise.fields import CharField

from ..db.transactions import retrying_transaction
from ..models import OneTimeToken, RefreshToken, User
from ..models.enums import UserStatus
from ..security.passwords import hash_password, verify_password
from ..security.secrets import digest, new_secret
from ..security.tokens import issue_access_token
from ..settings import Settings
from .account_errors import AccountCode
from .audit import RequestMeta, audit
from .errors import DomainError
from .revocations import SessionRevocations

MFA_LOGIN = "mfa_login"
# Verifying against this when no account matches keeps a failed login's timing the same
# whether or not the account exists.
_ABSENT_USER_HASH: str | None = None


class LoginGuard(Protocol):
    """Brute-force protection consulted around every password check."""

    async def check(self, account_key: str, ip: str) -> object: ...
    async def record_failure(self, account_key: str, ip: str) -> None: ...
    async def record_success(self, account_key: str, ip: str) -> None: ...
    async def aclose(self) -> None: ...


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime
    user_id: UUID


@dataclass(frozen=True, slots=True)
class MfaRequired:
    challenge: str
    expires_at: datetime
    user_id: UUID


def now() -> datetime:
    return datetime.now(UTC)


def normalize_login(identifier: str) -> str:
    return identifier.strip().lower()


async def issue_pair(
    settings: Settings, user: User, meta: RequestMeta, family_id: UUID | None = None
) -> TokenPair:
    family = family_id or uuid4()
    refresh, refresh_hash = new_secret("rgr_")
    expires = now() + timedelta(days=settings.refresh_token_days)
    await RefreshToken.create(
        user_id=user.id,
        family_id=family,
        token_hash=refresh_hash,
        expires_at=expires,
        ip=meta.ip,
        user_agent=(meta.user_agent or "")[:512] or None,
    )
    access, access_expires = issue_access_token(
        settings, user.id, generation=user.token_generation, family_id=family
    )
    return TokenPair(
        access_token=access,
        access_expires_at=datetime.fromtimestamp(access_expires, UTC),
        refresh_token=refresh,
        refresh_expires_at=expires,
        user_id=user.id,
    )


def account_key(user_id: UUID, purpose: str = "login") -> str:
    """The throttle's key for one account's secret checks of one kind."""
    return f"{purpose}:{user_id}"


async def check_attempt(
    guard: LoginGuard,
    key: str,
    meta: RequestMeta,
    *,
    action: str,
    field: str | None,
    what: str = "attempts",
    actor_id: UUID | None = None,
) -> None:
    """Raise TOO_MANY_ATTEMPTS (audited as ``action``) if the throttle refuses this attempt;
    otherwise the caller must record its outcome on ``guard``."""
    decision = await guard.check(key, meta.ip or "unknown")
    if not getattr(decision, "allowed", True):
        reason = str(getattr(decision, "reason", ""))
        await audit(action, meta, actor_id=actor_id, reason=reason)
        retry = int(getattr(decision, "retry_after", 0) or 0)
        raise DomainError(
            AccountCode.TOO_MANY_ATTEMPTS, f"too many {what}; try again in {retry} s", field
        )


async def _absent_user_hash() -> str:
    global _ABSENT_USER_HASH
    if _ABSENT_USER_HASH is None:
        _ABSENT_USER_HASH = await hash_password(new_secret()[0])
    return _ABSENT_USER_HASH


def _column_length(name: str) -> int:
    column = User._meta.fields_map[name]
    assert isinstance(column, CharField)
    return column.max_length


# A login longer than a column is refused by Tortoise's field check (an internal error);
# no such account can exist, so that column is not asked at all.
_LOGIN_COLUMNS = (("email", _column_length("email")), ("username", _column_length("username")))


async def _user_by_login(login_name: str) -> User | None:
    for field, max_length in _LOGIN_COLUMNS:
        if len(login_name) <= max_length:
            user = await User.filter(**{field: login_name}).first()
            if user is not None:
                return user
    return None


async def login(
    settings: Settings, guard: LoginGuard, identifier: str, password: str, meta: RequestMeta
) -> TokenPair | MfaRequired:
    login_name = normalize_login(identifier)
    ip = meta.ip or "unknown"
    # Looked up before the throttle: a database failure here is not a failed attempt,
    # and the account's username and e-mail share one budget.
    user = await _user_by_login(login_name)
    key = account_key(user.id) if user is not None else f"name:{login_name}"
    await check_attempt(
        guard, key, meta, action="login.throttled", field="login", what="sign-in attempts"
    )
    ok, new_hash = await verify_password(
        user.password_hash if user and user.password_hash else await _absent_user_hash(), password
    )
    if user is None or user.password_hash is None or not ok:
        await guard.record_failure(key, ip)
        await audit("login.failure", meta, actor_id=user.id if user else None, login=login_name)
        raise DomainError(
            AccountCode.INVALID_CREDENTIALS, "wrong sign-in name or password", "password"
        )
    await guard.record_success(key, ip)
    if user.status is not UserStatus.ACTIVE:
        await audit("login.refused_suspended", meta, actor_id=user.id)
        raise DomainError(AccountCode.ACCOUNT_SUSPENDED, "this account is suspended", "login")
    if new_hash:
        await User.filter(id=user.id).update(password_hash=new_hash)
    if user.role.value in settings.mfa_required_roles and not user.mfa_enabled:
        await audit("login.refused_mfa_required", meta, actor_id=user.id)
        raise DomainError(
            AccountCode.MFA_SETUP_REQUIRED,
            "your role requires two-factor sign-in: ask an admin to help you enable it",
            "login",
        )
    if user.mfa_enabled:
        challenge, challenge_hash = new_secret("rgm_")
        expires = now() + timedelta(minutes=settings.mfa_challenge_minutes)
        await OneTimeToken.create(
            user_id=user.id, purpose=MFA_LOGIN, token_hash=challenge_hash, expires_at=expires
        )
        await audit("login.mfa_challenge", meta, actor_id=user.id)
        return MfaRequired(challenge=challenge, expires_at=expires, user_id=user.id)
    return await complete_login(settings, user, meta)


async def complete_login(settings: Settings, user: User, meta: RequestMeta) -> TokenPair:
    await User.filter(id=user.id).update(last_login_at=now())
    await audit("login.success", meta, actor_id=user.id)
    return await issue_pair(settings, user, meta)


async def consume_one_time(token: str, purpose: str) -> OneTimeToken | None:
    """The token's row if it is valid, marking it used in the same compare-and-set."""
    row = await OneTimeToken.filter(token_hash=digest(token), purpose=purpose).first()
    if row is None or row.used_at is not None or row.expires_at <= now():
        return None
    claimed = await OneTimeToken.filter(id=row.id, used_at__isnull=True).update(used_at=now())
    return row if claimed else None


async def refresh(
    settings: Settings, revocations: SessionRevocations, token: str, meta: RequestMeta
) -> TokenPair:
    row = await RefreshToken.filter(token_hash=digest(token)).first()
    if row is None or row.revoked_at is not None or row.expires_at <= now():
        raise DomainError(
            AccountCode.INVALID_TOKEN, "this refresh token is not valid", "refreshToken"
        )

    async def rotate() -> int:
        claimed = await RefreshToken.filter(
            id=row.id, rotated_at__isnull=True, revoked_at__isnull=True
        ).update(rotated_at=now())
        if not claimed:
            await _revoke_family(row.family_id, "reuse")
        return claimed

    claimed = await retrying_transaction(rotate)
    if not claimed:
        # A rotated token came back: someone holds a copy. End the whole login, its
        # access tokens included.
        await revocations.revoke([row.family_id])
        await audit("token.refresh_reuse", meta, actor_id=row.user_id, family=str(row.family_id))
        raise DomainError(
            AccountCode.TOKEN_REUSED,
            "this refresh token was already used; sign in again",
            "refreshToken",
        )
    user = await User.get(id=row.user_id)
    if user.status is not UserStatus.ACTIVE:
        await _revoke_family(row.family_id, "suspended")
        await revocations.revoke([row.family_id])
        raise DomainError(
            AccountCode.ACCOUNT_SUSPENDED, "this account is suspended", "refreshToken"
        )
    return await issue_pair(settings, user, meta, family_id=row.family_id)


async def _revoke_family(family_id: UUID, reason: str) -> None:
    await RefreshToken.filter(family_id=family_id, revoked_at__isnull=True).update(
        revoked_at=now(), revoked_reason=reason
    )


async def revoke(revocations: SessionRevocations, token: str, meta: RequestMeta) -> None:
    """Sign out one login (the refresh token's family), its access tokens included.
    Unknown tokens are ignored."""
    row = await RefreshToken.filter(token_hash=digest(token)).first()
    if row is not None:
        await _revoke_family(row.family_id, "logout")
        await revocations.revoke([row.family_id])
        await audit("token.revoke", meta, actor_id=row.user_id, family=str(row.family_id))


async def revoke_all(
    revocations: SessionRevocations,
    user_id: UUID,
    meta: RequestMeta,
    *,
    keep_family: UUID | None = None,
) -> None:
    """End every login of a user, access tokens included (but ``keep_family``'s refresh).

    The generation bump ends the access tokens on HTTP (checked with the user's row);
    the families' revocation closes their WebSockets at once too."""
    await User.filter(id=user_id).update(token_generation=F("token_generation") + 1)
    query = RefreshToken.filter(user_id=user_id, revoked_at__isnull=True)
    if keep_family is not None:
        query = query.exclude(family_id=keep_family)
    families = await query.values_list("family_id", flat=True)
    await query.update(revoked_at=now(), revoked_reason="revoke_all")
    await revocations.revoke(UUID(str(family)) for family in families)
    await audit("token.revoke_all", meta, actor_id=user_id)
