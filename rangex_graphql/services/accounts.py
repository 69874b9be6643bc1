"""Accounts: registration, profile, password change and reset, admin role and status."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from tortoise.exceptions import IntegrityError

from ..db.transactions import retrying_transaction
from ..mail import Mailer, Message
from ..models import OneTimeToken, User
from ..models.enums import UserRole, UserStatus
from ..security.passwords import hash_password, password_problems, verify_password
from ..security.rate_limits import RateLimits, RateRule
from ..security.secrets import new_secret
from .account_errors import AccountCode
from .audit import RequestMeta, audit
from .errors import DomainError, DomainErrors
from .platform_settings.values import PlatformValues
from .sessions.platform_lock import hold, with_lock_row
from .tokens import (
    TokenPair,
    account_key,
    check_attempt,
    consume_one_time,
    issue_pair,
    now,
    revoke_all,
)

if TYPE_CHECKING:
    from ..runtime import Runtime

PASSWORD_RESET = "password_reset"
USERNAME = re.compile(r"^[a-z0-9_]{3,30}$")
# Deliberately loose: one @, something on each side, a dot in the domain. The mailbox
# is proven by the reset flow, not by a regex.
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
# The platform_lock row registrations take turns on while the platform has a user cap.
USER_REGISTRATIONS = "user-registrations"


def _password_errors(password: str, username: str, email: str, field: str) -> list[DomainError]:
    return [
        DomainError(AccountCode.PASSWORD_TOO_WEAK, problem, field)
        for problem in password_problems(password, username=username, email=email)
    ]


async def register(
    runtime: Runtime,
    email: str,
    username: str,
    password: str,
    display_name: str | None,
    meta: RequestMeta,
) -> User:
    """Create a learner account.

    An address that already has an account gets the same answer as a new one (a User
    that is not stored), and its owner a notice mail instead: the answer never confirms
    an account. Usernames are public, so a taken one is said."""
    limits = runtime.rate_limits
    await _within(limits, limits.rules.register_per_ip, meta, "account.register_throttled")
    platform = runtime.platform.current
    _check_registrations_open(platform)
    email, username = email.strip().lower(), username.strip()
    errors: list[DomainError] = []
    if not EMAIL.match(email) or len(email) > 254:
        errors.append(DomainError(AccountCode.INVALID, "enter a valid email address", "email"))
    if not USERNAME.match(username):
        errors.append(
            DomainError(AccountCode.INVALID, "3-30 characters of a-z, 0-9 and _", "username")
        )
    errors += _password_errors(password, username, email, "password")
    if display_name is not None and not 1 <= len(display_name.strip()) <= 100:
        errors.append(DomainError(AccountCode.INVALID, "1-100 characters", "displayName"))
    if errors:
        raise DomainErrors(errors)
    # Before the address is looked up: a full platform refuses every address alike.
    await _check_user_cap(platform.max_total_users)
    password_hash = await hash_password(password)
    shown_name = (display_name or username).strip()
    owner = await User.filter(email=email).first()
    if owner is None:

        async def create() -> User:
            return await User.create(
                email=email, username=username, display_name=shown_name, password_hash=password_hash
            )

        try:
            user = await _create_within_cap(platform.max_total_users, create)
        except IntegrityError:
            owner = await User.filter(email=email).first()
            if owner is None:
                raise DomainError(
                    AccountCode.ALREADY_REGISTERED, "that username is taken", "username"
                ) from None
        else:
            await audit(
                "account.register", meta, actor_id=user.id, target_type="User", target_id=user.id
            )
            return user
    await _notify_owner(runtime.mailer, limits, owner, meta)
    return User(
        id=uuid4(),
        email=email,
        username=username,
        display_name=shown_name,
        role=UserRole.USER,
        status=UserStatus.ACTIVE,
        total_score=0,
        mfa_enabled=False,
        created_at=now(),
    )


def _check_registrations_open(platform: PlatformValues) -> None:
    if platform.maintenance_enabled:
        raise DomainError(
            AccountCode.MAINTENANCE,
            platform.maintenance_message or "the platform is under maintenance; try again later",
        )
    if not platform.registrations_open:
        raise DomainError(AccountCode.REGISTRATION_CLOSED, "registrations are closed for now")


async def _check_user_cap(cap: int | None) -> None:
    if cap is not None and await User.all().count() >= cap:
        raise DomainError(
            AccountCode.USER_LIMIT_REACHED, "the platform has as many accounts as it may"
        )


async def _create_within_cap(cap: int | None, create: Callable[[], Awaitable[User]]) -> User:
    """``create`` the user; under a cap, counted again under the registrations' lock, so
    concurrent registrations cannot pass it together."""
    if cap is None:
        return await create()

    async def locked() -> User:
        await hold(USER_REGISTRATIONS)
        await _check_user_cap(cap)
        return await create()

    return await with_lock_row(USER_REGISTRATIONS, lambda: retrying_transaction(locked))


async def _notify_owner(mailer: Mailer, limits: RateLimits, owner: User, meta: RequestMeta) -> None:
    await audit("account.register_existing_email", meta, target_type="User", target_id=owner.id)
    if not await _may_mail(limits, owner, meta):
        return
    await mailer.send(
        Message(
            to=owner.email,
            subject="Someone tried to register with your address",
            body=(
                "Someone asked to create a RangeX account with this e-mail address, which "
                "already has one. Nothing was changed.\n\n"
                "If it was you, sign in instead, or use 'forgot password' to choose a new one. "
                "If not, you can ignore this message."
            ),
        )
    )


async def update(
    user: User,
    display_name: str | None,
    meta: RequestMeta,
    *,
    profile_hidden: bool | None = None,
) -> User:
    changed: list[str] = []
    if display_name is not None:
        if not 1 <= len(display_name.strip()) <= 100:
            raise DomainError(AccountCode.INVALID, "1-100 characters", "displayName")
        user.display_name = display_name.strip()
        changed.append("displayName")
    if profile_hidden is not None:
        user.profile_hidden = profile_hidden
        changed.append("profileHidden")
    if changed:
        columns = {"displayName": "display_name", "profileHidden": "profile_hidden"}
        await user.save(update_fields=[*(columns[c] for c in changed), "updated_at"])
        await audit("account.update", meta, actor_id=user.id, fields=changed)
    return user


async def change_password(
    runtime: Runtime, user: User, current: str, new: str, meta: RequestMeta
) -> TokenPair:
    """Change the password and end every login; the caller continues with fresh tokens.

    Wrong current passwords are throttled per account like logins: a stolen access token
    must not become a way to guess the password."""
    guard = runtime.login_guard
    key = account_key(user.id, "password-change")
    await check_attempt(
        guard,
        key,
        meta,
        action="password.change_throttled",
        field="currentPassword",
        actor_id=user.id,
    )
    ok = user.password_hash is not None and (await verify_password(user.password_hash, current))[0]
    ip = meta.ip or "unknown"
    if not ok:
        await guard.record_failure(key, ip)
        await audit("password.change_failure", meta, actor_id=user.id)
        raise DomainError(
            AccountCode.INVALID_CREDENTIALS, "the current password is wrong", "currentPassword"
        )
    await guard.record_success(key, ip)
    errors = _password_errors(new, user.username, user.email, "newPassword")
    if errors:
        raise DomainErrors(errors)
    await User.filter(id=user.id).update(password_hash=await hash_password(new))
    await revoke_all(runtime.revocations, user.id, meta)
    await audit("password.change", meta, actor_id=user.id)
    return await issue_pair(runtime.settings, await User.get(id=user.id), meta)


async def request_password_reset(runtime: Runtime, email: str, meta: RequestMeta) -> None:
    """Succeeds the same from the caller's view whether or not the address has an account
    (so it reveals nothing); only a client address over its budget is refused."""
    settings, limits = runtime.settings, runtime.rate_limits
    address = email.strip().lower()[:254]
    await _within(limits, limits.rules.reset_per_ip, meta, "password.reset_request_throttled")
    # An INVITED account may ask again: its invitation code may have run out.
    user = await User.filter(
        email=address, status__in=(UserStatus.ACTIVE, UserStatus.INVITED)
    ).first()
    if user is None:
        await audit("password.reset_request_unknown", meta, email=address)
        return
    if not await _may_mail(limits, user, meta):
        return
    token, token_hash = new_secret("rgp_")
    await OneTimeToken.create(
        user_id=user.id,
        purpose=PASSWORD_RESET,
        token_hash=token_hash,
        expires_at=now() + timedelta(minutes=settings.password_reset_minutes),
    )
    await runtime.mailer.send(
        Message(
            to=user.email,
            subject="Reset your RangeX password",
            body=(
                f"Use this code to choose a new password within "
                f"{settings.password_reset_minutes} minutes:\n\n{token}\n\n"
                "If you did not ask for it, ignore this message."
            ),
        )
    )
    await audit("password.reset_request", meta, actor_id=user.id)


async def _within(limits: RateLimits, rule: RateRule, meta: RequestMeta, action: str) -> None:
    """Count one request from the client address; refuse it over the rule's budget."""
    decision = await limits.hit_client(rule, meta.ip)
    if not decision.allowed:
        await audit(action, meta)
        raise DomainError(
            AccountCode.TOO_MANY_ATTEMPTS,
            f"too many requests; try again in {decision.retry_after} s",
            None,
        )


async def _may_mail(limits: RateLimits, user: User, meta: RequestMeta) -> bool:
    """Whether one more mail about this account is within its budget (else audited and
    silently skipped: the answer must not differ from an unknown address's)."""
    decision = await limits.hit_account(limits.rules.account_mail, str(user.id))
    if not decision.allowed:
        await audit("account.mail_throttled", meta, actor_id=user.id)
    return decision.allowed


async def confirm_password_reset(runtime: Runtime, token: str, new: str, meta: RequestMeta) -> None:
    row = await consume_one_time(token, PASSWORD_RESET)
    if row is None:
        raise DomainError(
            AccountCode.INVALID_TOKEN, "this reset code is not valid or has expired", "token"
        )
    user = await User.get(id=row.user_id)
    errors = _password_errors(new, user.username, user.email, "newPassword")
    if errors:
        # The code was spent by the check above; let the user retry with the same code.
        await OneTimeToken.filter(id=row.id).update(used_at=None)
        raise DomainErrors(errors)
    password_hash = await hash_password(new)

    async def reset() -> None:
        await User.filter(id=user.id).update(password_hash=password_hash)
        # The first password of an invited account (services/users/invitations.py).
        await User.filter(id=user.id, status=UserStatus.INVITED).update(status=UserStatus.ACTIVE)
        # Every reset code of the user ends with the first one used.
        await OneTimeToken.filter(
            user_id=user.id, purpose=PASSWORD_RESET, used_at__isnull=True
        ).update(used_at=now())
        await revoke_all(runtime.revocations, user.id, meta)

    await retrying_transaction(reset)
    await audit("password.reset", meta, actor_id=user.id)


async def _admin_target(admin_id: UUID, user_id: UUID) -> User:
    if admin_id == user_id:
        raise DomainError(
            AccountCode.SELF_CHANGE, "admins cannot change their own role or status", "userId"
        )
    user = await User.filter(id=user_id).first()
    # A deleted account is erased for good: no role or status brings it back.
    if user is None or user.status is UserStatus.DELETED:
        raise DomainError(AccountCode.NOT_FOUND, "no such user", "userId")
    return user


async def set_role(admin_id: UUID, user_id: UUID, role: UserRole, meta: RequestMeta) -> User:
    user = await _admin_target(admin_id, user_id)
    previous = user.role
    user.role = role
    await user.save(update_fields=["role", "updated_at"])
    await audit(
        "user.role_update",
        meta,
        actor_id=admin_id,
        target_type="User",
        target_id=user.id,
        previous=previous.value,
        role=role.value,
    )
    return user


async def set_status(
    runtime: Runtime, admin_id: UUID, user_id: UUID, status: UserStatus, meta: RequestMeta
) -> User:
    if status not in (UserStatus.ACTIVE, UserStatus.SUSPENDED):
        # INVITED and DELETED are reached through userCreate and userDelete alone.
        raise DomainError(AccountCode.INVALID, "only ACTIVE or SUSPENDED", "status")
    user = await _admin_target(admin_id, user_id)
    previous = user.status
    user.status = status
    await user.save(update_fields=["status", "updated_at"])
    if status is UserStatus.SUSPENDED:
        # Access tokens already stop: every request checks the status. Refresh too.
        await revoke_all(runtime.revocations, user.id, meta)
    await audit(
        "user.status_update",
        meta,
        actor_id=admin_id,
        target_type="User",
        target_id=user.id,
        previous=previous.value,
        status=status.value,
    )
    return user
