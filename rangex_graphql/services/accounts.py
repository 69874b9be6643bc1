"""Accounts: registration, profile, password change and reset, admin role and status."""

from __future__ import annotations

import re
from datetime import timedelta
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from ..mail import Mailer, Message
from ..models import OneTimeToken, User
from ..models.enums import UserRole, UserStatus
from ..security.passwords import hash_password, password_problems, verify_password
from ..security.secrets import new_secret
from ..settings import Settings
from .audit import RequestMeta, audit
from .errors import DomainError, DomainErrors
from .tokens import TokenPair, consume_one_time, issue_pair, now, revoke_all

PASSWORD_RESET = "password_reset"
USERNAME = re.compile(r"^[a-z0-9_]{3,30}$")
# Deliberately loose: one @, something on each side, a dot in the domain. The mailbox
# is proven by the reset flow, not by a regex.
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")


def _password_errors(password: str, username: str, email: str, field: str) -> list[DomainError]:
    return [
        DomainError("PASSWORD_TOO_WEAK", problem, field)
        for problem in password_problems(password, username=username, email=email)
    ]


async def register(
    email: str, username: str, password: str, display_name: str | None, meta: RequestMeta
) -> User:
    email, username = email.strip().lower(), username.strip()
    errors: list[DomainError] = []
    if not EMAIL.match(email) or len(email) > 254:
        errors.append(DomainError("INVALID", "enter a valid email address", "email"))
    if not USERNAME.match(username):
        errors.append(DomainError("INVALID", "3-30 characters of a-z, 0-9 and _", "username"))
    errors += _password_errors(password, username, email, "password")
    if display_name is not None and not 1 <= len(display_name.strip()) <= 100:
        errors.append(DomainError("INVALID", "1-100 characters", "displayName"))
    if errors:
        raise DomainErrors(errors)
    password_hash = await hash_password(password)
    try:
        user = await User.create(
            email=email,
            username=username,
            display_name=(display_name or username).strip(),
            password_hash=password_hash,
        )
    except IntegrityError:
        # Which of the two is taken is not said: that would confirm an account exists.
        raise DomainError(
            "ALREADY_REGISTERED", "that email or username cannot be used", "email"
        ) from None
    await audit("account.register", meta, actor_id=user.id, target_type="User", target_id=user.id)
    return user


async def update(user: User, display_name: str | None, meta: RequestMeta) -> User:
    if display_name is not None:
        if not 1 <= len(display_name.strip()) <= 100:
            raise DomainError("INVALID", "1-100 characters", "displayName")
        user.display_name = display_name.strip()
        await user.save(update_fields=["display_name", "updated_at"])
        await audit("account.update", meta, actor_id=user.id, fields=["displayName"])
    return user


async def change_password(
    settings: Settings, user: User, current: str, new: str, meta: RequestMeta
) -> TokenPair:
    """Change the password and end every login; the caller continues with fresh tokens."""
    ok = user.password_hash is not None and (await verify_password(user.password_hash, current))[0]
    if not ok:
        await audit("password.change_failure", meta, actor_id=user.id)
        raise DomainError("INVALID_CREDENTIALS", "the current password is wrong", "currentPassword")
    errors = _password_errors(new, user.username, user.email, "newPassword")
    if errors:
        raise DomainErrors(errors)
    await User.filter(id=user.id).update(password_hash=await hash_password(new))
    await revoke_all(user.id, meta)
    await audit("password.change", meta, actor_id=user.id)
    return await issue_pair(settings, await User.get(id=user.id), meta)


async def request_password_reset(
    settings: Settings, mailer: Mailer, email: str, meta: RequestMeta
) -> None:
    """Always succeeds from the caller's view, so it does not reveal who has an account."""
    user = await User.filter(email=email.strip().lower(), status=UserStatus.ACTIVE).first()
    if user is None:
        await audit("password.reset_request_unknown", meta, email=email.strip().lower()[:254])
        return
    token, token_hash = new_secret("rgp_")
    await OneTimeToken.create(
        user_id=user.id,
        purpose=PASSWORD_RESET,
        token_hash=token_hash,
        expires_at=now() + timedelta(minutes=settings.password_reset_minutes),
    )
    await mailer.send(
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


async def confirm_password_reset(token: str, new: str, meta: RequestMeta) -> None:
    row = await consume_one_time(token, PASSWORD_RESET)
    if row is None:
        raise DomainError("INVALID_TOKEN", "this reset code is not valid or has expired", "token")
    user = await User.get(id=row.user_id)
    errors = _password_errors(new, user.username, user.email, "newPassword")
    if errors:
        # The code was spent by the check above; let the user retry with the same code.
        await OneTimeToken.filter(id=row.id).update(used_at=None)
        raise DomainErrors(errors)
    async with in_transaction():
        await User.filter(id=user.id).update(password_hash=await hash_password(new))
        await revoke_all(user.id, meta)
    await audit("password.reset", meta, actor_id=user.id)


async def _admin_target(admin_id: UUID, user_id: UUID) -> User:
    if admin_id == user_id:
        raise DomainError("SELF_CHANGE", "admins cannot change their own role or status", "userId")
    user = await User.filter(id=user_id).first()
    if user is None:
        raise DomainError("NOT_FOUND", "no such user", "userId")
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


async def set_status(admin_id: UUID, user_id: UUID, status: UserStatus, meta: RequestMeta) -> User:
    user = await _admin_target(admin_id, user_id)
    previous = user.status
    user.status = status
    await user.save(update_fields=["status", "updated_at"])
    if status is UserStatus.SUSPENDED:
        # Access tokens already stop: every request checks the status. Refresh too.
        await revoke_all(user.id, meta)
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
