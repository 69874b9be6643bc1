"""``accountDelete``: a person erases their own account, confirming with their password.

Wrong passwords are throttled per account like logins (a stolen access token must not
become a way to guess the password, nor to erase an account without it)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from ...models import User
from ...security.passwords import verify_password
from ..audit import RequestMeta, audit
from ..errors import DomainError
from ..tokens import account_key, check_attempt
from .erasure import erase
from .errors import UserAdminCode

if TYPE_CHECKING:
    from ...runtime import Runtime


async def erase_own(runtime: Runtime, user_id: UUID, password: str, meta: RequestMeta) -> User:
    guard = runtime.login_guard
    key = account_key(user_id, "account-delete")
    try:
        await check_attempt(
            guard,
            key,
            meta,
            action="user.self_delete_throttled",
            field="password",
            actor_id=user_id,
        )
    except DomainError as refused:
        raise DomainError(UserAdminCode.TOO_MANY_ATTEMPTS, refused.message, "password") from None
    user = await User.get(id=user_id)
    ok = user.password_hash is not None and (await verify_password(user.password_hash, password))[0]
    ip = meta.ip or "unknown"
    if not ok:
        await guard.record_failure(key, ip)
        await audit("user.self_delete_failure", meta, actor_id=user_id)
        raise DomainError(UserAdminCode.INVALID_CREDENTIALS, "the password is wrong", "password")
    await guard.record_success(key, ip)
    try:
        return await erase(runtime, user_id, user_id, None, meta)
    except DomainError as failure:
        # accountDelete has no `id` input: LAST_ADMIN is about the account itself.
        raise DomainError(failure.code, failure.message, None) from None
