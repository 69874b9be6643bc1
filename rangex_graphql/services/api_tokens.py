"""Scoped API tokens for integrators: created once, stored hashed, revocable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from ..models import ApiToken, User
from ..models.enums import UserRole, UserStatus
from ..security.secrets import digest, new_secret
from ..settings import Settings
from .account_errors import AccountCode
from .audit import RequestMeta, audit
from .errors import DomainError
from .tokens import now

TOKEN_PREFIX = "rgx_"
# Writing last_used_at on every request would turn each read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiScope(StrEnum):
    READ = "READ"
    SESSIONS = "SESSIONS"
    AUTHORING = "AUTHORING"
    ADMIN = "ADMIN"


SCOPES_BY_ROLE = {
    UserRole.USER: {ApiScope.READ, ApiScope.SESSIONS},
    UserRole.CREATOR: {ApiScope.READ, ApiScope.SESSIONS, ApiScope.AUTHORING},
    UserRole.ADMIN: set(ApiScope),
}


@dataclass(frozen=True, slots=True)
class CreatedApiToken:
    token: str
    row: ApiToken


@dataclass(frozen=True, slots=True)
class ApiPrincipal:
    user_id: UUID
    role: UserRole
    scopes: frozenset[ApiScope]


async def create(
    settings: Settings,
    user: User,
    name: str,
    scopes: list[ApiScope],
    expires_in_days: int | None,
    meta: RequestMeta,
) -> CreatedApiToken:
    if not 1 <= len(name.strip()) <= 100:
        raise DomainError(AccountCode.INVALID, "1-100 characters", "name")
    if not scopes:
        raise DomainError(AccountCode.INVALID, "give at least one scope", "scopes")
    beyond = sorted(set(scopes) - SCOPES_BY_ROLE[user.role])
    if beyond:
        raise DomainError(
            AccountCode.SCOPE_NOT_ALLOWED,
            f"your role cannot grant: {', '.join(s.value for s in beyond)}",
            "scopes",
        )
    days = expires_in_days if expires_in_days is not None else settings.api_token_max_days
    if not 1 <= days <= settings.api_token_max_days:
        raise DomainError(
            AccountCode.INVALID,
            f"between 1 and {settings.api_token_max_days} days",
            "expiresInDays",
        )
    token, token_hash = new_secret(TOKEN_PREFIX)
    row = await ApiToken.create(
        user_id=user.id,
        name=name.strip(),
        prefix=token[: len(TOKEN_PREFIX) + 6],
        token_hash=token_hash,
        scopes=sorted(s.value for s in set(scopes)),
        expires_at=now() + timedelta(days=days),
    )
    await audit(
        "api_token.create",
        meta,
        actor_id=user.id,
        target_type="ApiToken",
        target_id=row.id,
        scopes=row.scopes,
    )
    return CreatedApiToken(token=token, row=row)


async def revoke(user_id: UUID, token_id: UUID, is_admin: bool, meta: RequestMeta) -> ApiToken:
    row = await ApiToken.filter(id=token_id).first()
    if row is None or (row.user_id != user_id and not is_admin):
        raise DomainError(AccountCode.NOT_FOUND, "no such API token", "id")
    if row.revoked_at is None:
        row.revoked_at = now()
        await row.save(update_fields=["revoked_at", "updated_at"])
        await audit(
            "api_token.revoke", meta, actor_id=user_id, target_type="ApiToken", target_id=row.id
        )
    return row


async def authenticate(token: str) -> ApiPrincipal | None:
    """The principal behind a presented API token, or None (unknown, revoked, expired)."""
    row = await ApiToken.filter(token_hash=digest(token), revoked_at__isnull=True).values(
        "id", "user_id", "scopes", "expires_at", "last_used_at", "user__role", "user__status"
    )
    if not row:
        return None
    found = row[0]
    at = now()
    expires: datetime | None = found["expires_at"]
    if (expires is not None and expires <= at) or found["user__status"] != UserStatus.ACTIVE:
        return None
    last_used: datetime | None = found["last_used_at"]
    if last_used is None or at - last_used > LAST_USED_RESOLUTION:
        await ApiToken.filter(id=found["id"]).update(last_used_at=at)
    return ApiPrincipal(
        user_id=found["user_id"],
        role=UserRole(found["user__role"]),
        # The owner's role today bounds the token, even if the role shrank since.
        scopes=frozenset(ApiScope(s) for s in found["scopes"])
        & frozenset(SCOPES_BY_ROLE[UserRole(found["user__role"])]),
    )
