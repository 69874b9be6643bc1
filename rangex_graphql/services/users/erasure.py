"""``userDelete``: erase an account's personal data and keep what others rely on.

The user row stays (sessions, answers, scores, event results and team memberships point
at it) but its e-mail, username and display name become a pseudonym, the same for the
same user whatever the number of attempts, derived from the server key so that it
reveals nothing. Credentials go (password, MFA, refresh, one-time and API tokens,
recovery codes), the avatar files are deleted, and the audit rows the user acted in keep
the action but not the network address, user agent or typed login. Everything in one
transaction; the avatar object and the open WebSockets are dealt with after it commits.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.expressions import F

from ...db.transactions import retrying_transaction
from ...models import (
    ApiToken,
    AuditLog,
    MfaRecoveryCode,
    Notification,
    OneTimeToken,
    RefreshToken,
    ScenarioRating,
    StoredFile,
    TeamJoinRequest,
    User,
)
from ...models.enums import FileKind, UserRole, UserStatus
from ...security.keys import Purpose, current_subkey
from ..audit import RequestMeta, audit
from ..errors import DomainError
from ..files.storage import delete_objects, forget_if_unreferenced
from .errors import UserAdminCode

if TYPE_CHECKING:
    from ...runtime import Runtime
    from ...settings import Settings

PSEUDONYM_PREFIX = "deleted-"
# Audit data keys that can hold what a person typed to name themselves.
PERSONAL_AUDIT_KEYS = ("login", "email", "username", "display_name", "displayName")
# Actions recorded with what someone typed while the server did not know them: a reset
# asked for an address without an account, a sign-in with an unknown login. Made before
# the person registered, they name them all the same.
TYPED_BY_SOMEONE_UNKNOWN = ("password.reset_request_unknown", "login.failure")
SCAN_BATCH = 500


def pseudonym(settings: Settings, user_id: UUID) -> str:
    """``deleted-`` and 12 hex digits of an HMAC of the user's ID: stable, unguessable,
    and never a valid username (a hyphen), so it cannot collide with a live account."""
    tag = hmac.new(current_subkey(settings, Purpose.USER_PSEUDONYM), user_id.bytes, hashlib.sha256)
    return PSEUDONYM_PREFIX + tag.hexdigest()[:12]


async def _active_admins() -> set[UUID]:
    """Locks every active admin's row, so two admins deleting each other at once cannot
    both pass the last-admin check: the second waits, then counts one. Model rows, not
    values_list(): Tortoise drops FOR UPDATE from values queries."""
    rows = (
        await User.filter(role=UserRole.ADMIN, status=UserStatus.ACTIVE)
        .order_by("id")
        .select_for_update()
        .only("id")
    )
    return {row.id for row in rows}


def _scrubbed(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in PERSONAL_AUDIT_KEYS}


async def _anonymise_audit(user_id: UUID, name: str, typed: set[str]) -> None:
    """The rows the user acted in lose the address, the user agent and typed names; the
    rows about the user (others' actions on them) their typed names; the rows of an
    unknown someone who typed the user's e-mail or username (``typed``, lower-cased) are
    treated as the user's own."""
    await AuditLog.filter(actor_id=user_id).update(ip=name, user_agent=None)
    for entry in await AuditLog.filter(actor_id=user_id).only("id", "data"):
        if any(key in entry.data for key in PERSONAL_AUDIT_KEYS):
            await AuditLog.filter(id=entry.id).update(data=_scrubbed(entry.data))
    about = AuditLog.filter(target_type="User", target_id=str(user_id))
    for entry in await about.only("id", "data"):
        if any(key in entry.data for key in PERSONAL_AUDIT_KEYS):
            await AuditLog.filter(id=entry.id).update(data=_scrubbed(entry.data))
    # No JSON filter works alike on both databases: the (indexed) actions, by pages.
    after: Any = None
    while True:
        page = AuditLog.filter(actor_id=None, action__in=TYPED_BY_SOMEONE_UNKNOWN)
        if after is not None:
            page = page.filter(id__gt=after)
        entries = await page.order_by("id").limit(SCAN_BATCH).only("id", "data")
        for entry in entries:
            said = {str(entry.data.get(key, "")).strip().lower() for key in ("email", "login")}
            if said & typed:
                await AuditLog.filter(id=entry.id).update(
                    ip=name, user_agent=None, data=_scrubbed(entry.data)
                )
        if len(entries) < SCAN_BATCH:
            return
        after = entries[-1].id


async def _erase(user_id: UUID, name: str) -> tuple[list[UUID], list[str]]:
    """In the transaction: the refresh families to close and the object keys to delete."""
    admins = await _active_admins()
    user = await User.filter(id=user_id).select_for_update().first()
    if user is None:
        raise DomainError(UserAdminCode.NOT_FOUND, "no such user", "id")
    if user.status is UserStatus.DELETED:
        raise DomainError(UserAdminCode.ALREADY_DELETED, "this user is already deleted", "id")
    if admins == {user.id}:
        raise DomainError(
            UserAdminCode.LAST_ADMIN,
            "the last active admin cannot be deleted: make another user ADMIN first",
            "id",
        )
    families = await RefreshToken.filter(user_id=user_id).values_list("family_id", flat=True)
    await User.filter(id=user_id).update(
        email=f"{name}@deleted.invalid",
        username=name,
        display_name=name,
        role=UserRole.USER,
        status=UserStatus.DELETED,
        password_hash=None,
        profile_hidden=True,
        mfa_enabled=False,
        mfa_secret_encrypted=None,
        mfa_confirmed_at=None,
        mfa_last_step=None,
        last_login_at=None,
        avatar_file_id=None,
        token_generation=F("token_generation") + 1,
    )
    for credentials in (RefreshToken, OneTimeToken, ApiToken, MfaRecoveryCode):
        await credentials.filter(user_id=user_id).delete()
    await Notification.filter(user_id=user_id).delete()
    # Free text the user wrote may name them; the rows stay for the counts they feed.
    await TeamJoinRequest.filter(user_id=user_id).update(message="")
    await ScenarioRating.filter(user_id=user_id).update(comment=None)
    await _anonymise_audit(user_id, name, {user.email.lower(), user.username.lower()})
    # The avatar in use and any other avatar upload of theirs (pending, or replaced and
    # not yet swept): a face and a file name are personal data.
    keys: list[str] = []
    avatars = await StoredFile.filter(owner_id=user_id, kind=FileKind.AVATAR).values_list(
        "id", flat=True
    )
    for file_id in avatars:
        keys += await forget_if_unreferenced(UUID(str(file_id)))
    return [UUID(str(family)) for family in set(families)], keys


async def erase(
    runtime: Runtime, admin_id: UUID, user_id: UUID, reason: str | None, meta: RequestMeta
) -> User:
    """Erase ``user_id`` (an admin may erase their own account, unless they are the last
    active admin). Raises NOT_FOUND, ALREADY_DELETED or LAST_ADMIN with nothing changed."""
    if reason is not None and len(reason.strip()) > 500:
        raise DomainError(UserAdminCode.INVALID, "at most 500 characters", "reason")
    name = pseudonym(runtime.settings, user_id)

    async def work() -> tuple[list[UUID], list[str]]:
        families, keys = await _erase(user_id, name)
        # An admin erasing themselves: this row is theirs too, so it keeps no address.
        shown = RequestMeta(ip=name) if admin_id == user_id else meta
        await audit(
            "user.delete",
            shown,
            actor_id=admin_id,
            target_type="User",
            target_id=user_id,
            pseudonym=name,
            reason=(reason or "").strip() or None,
        )
        return families, keys

    families, keys = await retrying_transaction(work)
    await runtime.revocations.revoke(families)
    if runtime.store is not None:
        await delete_objects(runtime.store, keys)
    return await User.get(id=user_id)
