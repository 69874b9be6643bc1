"""``userCreate``: an admin creates an account without a password and mails its owner an
invitation: a single-use code of the password reset flow, valid for
``invitation_hours``. The account is INVITED (no sign-in: it has no password) until the
code sets one (``accounts.confirm_password_reset`` makes it ACTIVE)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise.exceptions import IntegrityError

from ...db.transactions import retrying_transaction
from ...mail import Message
from ...models import OneTimeToken, User
from ...models.enums import UserRole, UserStatus
from ...security.secrets import new_secret
from ..accounts import EMAIL, PASSWORD_RESET, USERNAME
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from ..tokens import now
from .errors import UserAdminCode

if TYPE_CHECKING:
    from ...runtime import Runtime


def _problems(email: str, username: str, display_name: str) -> list[DomainError]:
    errors: list[DomainError] = []
    if not EMAIL.match(email) or len(email) > 254:
        errors.append(DomainError(UserAdminCode.INVALID, "enter a valid email address", "email"))
    if not USERNAME.match(username):
        errors.append(
            DomainError(UserAdminCode.INVALID, "3-30 characters of a-z, 0-9 and _", "username")
        )
    if not 1 <= len(display_name) <= 100:
        errors.append(DomainError(UserAdminCode.INVALID, "1-100 characters", "displayName"))
    return errors


async def _taken(email: str, username: str) -> list[DomainError]:
    """An admin may learn that an address has an account: no enumeration concern here."""
    errors: list[DomainError] = []
    if await User.filter(email=email).exists():
        errors.append(
            DomainError(
                UserAdminCode.ALREADY_REGISTERED, "that email already has an account", "email"
            )
        )
    if await User.filter(username=username).exists():
        errors.append(
            DomainError(UserAdminCode.ALREADY_REGISTERED, "that username is taken", "username")
        )
    return errors


async def invite(
    runtime: Runtime,
    admin_id: UUID,
    email: str,
    username: str,
    display_name: str | None,
    role: UserRole,
    meta: RequestMeta,
) -> User:
    email, username = email.strip().lower(), username.strip()
    shown_name = (display_name if display_name is not None else username).strip()
    errors = _problems(email, username, shown_name)
    if errors:
        raise DomainErrors(errors)
    errors = await _taken(email, username)
    if errors:
        raise DomainErrors(errors)
    hours = runtime.settings.invitation_hours

    async def create() -> tuple[User, str]:
        user = await User.create(
            email=email,
            username=username,
            display_name=shown_name,
            role=role,
            status=UserStatus.INVITED,
            password_hash=None,
        )
        token, token_hash = new_secret("rgp_")
        await OneTimeToken.create(
            user_id=user.id,
            purpose=PASSWORD_RESET,
            token_hash=token_hash,
            expires_at=now() + timedelta(hours=hours),
        )
        return user, token

    try:
        user, token = await retrying_transaction(create)
    except IntegrityError:
        # Taken between the check and the insert: say which, as the check would have.
        raise DomainErrors(await _taken(email, username) or _race_error()) from None
    await runtime.mailer.send(
        Message(
            to=email,
            subject="You are invited to RangeX",
            body=(
                f"An administrator created a RangeX account for you (username {username}).\n\n"
                f"Choose your password with this code within {hours} hours "
                "(the 'reset password' page):\n\n"
                f"{token}\n\n"
                "After that, use 'forgot password' with this address for a new code."
            ),
        )
    )
    await audit(
        "user.create",
        meta,
        actor_id=admin_id,
        target_type="User",
        target_id=user.id,
        role=role.value,
    )
    return user


def _race_error() -> list[DomainError]:
    return [DomainError(UserAdminCode.ALREADY_REGISTERED, "that username is taken", "username")]
