"""``viewerDataExport``: everything stored about the viewer, as one JSON document.

Each section is a list of the viewer's rows of one table (newest first, at most
``data_export_max_rows``; ``truncated`` names the sections cut short). Columns that hold
secrets or their digests (password and token hashes, sealed flags and passwords, the MFA
secret, invite-code tags) are never read, whatever the table.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.models import Model
from tortoise.queryset import QuerySet

from ...models import (
    ApiToken,
    AuditLog,
    EnvironmentSession,
    EventParticipant,
    EventRegistration,
    EventSolve,
    HintUnlock,
    Notification,
    RefreshToken,
    ScenarioFavorite,
    ScenarioRating,
    SessionAnswer,
    StoredFile,
    TeamJoinRequest,
    TeamMember,
    User,
    VersionTestRun,
)
from ..audit import RequestMeta, audit
from ..errors import DomainError
from ..tokens import now
from .errors import UserAdminCode

if TYPE_CHECKING:
    from ...runtime import Runtime

SECRET_SUFFIXES = ("_hash", "_sealed", "_encrypted", "_tag")
SECRET_COLUMNS = frozenset({"mfa_last_step", "upload_key", "object_key", "lease_owner"})


def exportable_columns(model: type[Model]) -> list[str]:
    """The model's columns minus secrets and server internals, by name."""
    return [
        column
        for column in model._meta.fields_db_projection
        if not column.endswith(SECRET_SUFFIXES) and column not in SECRET_COLUMNS
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _sections(user_id: UUID) -> dict[str, tuple[type[Model], QuerySet[Any]]]:
    own = {"user_id": user_id}
    in_own_session = {"session__user_id": user_id}
    return {
        "sessions": (EnvironmentSession, EnvironmentSession.filter(**own)),
        "answers": (SessionAnswer, SessionAnswer.filter(**in_own_session)),
        "hintUnlocks": (HintUnlock, HintUnlock.filter(**in_own_session)),
        "eventRegistrations": (EventRegistration, EventRegistration.filter(**own)),
        "eventParticipations": (EventParticipant, EventParticipant.filter(**own)),
        "eventSolves": (EventSolve, EventSolve.filter(**own)),
        "teamMemberships": (TeamMember, TeamMember.filter(**own)),
        "teamJoinRequests": (TeamJoinRequest, TeamJoinRequest.filter(**own)),
        "favorites": (ScenarioFavorite, ScenarioFavorite.filter(**own)),
        "ratings": (ScenarioRating, ScenarioRating.filter(**own)),
        "notifications": (Notification, Notification.filter(**own)),
        "auditEntries": (AuditLog, AuditLog.filter(actor_id=user_id)),
        "apiTokens": (ApiToken, ApiToken.filter(**own)),
        "signIns": (RefreshToken, RefreshToken.filter(**own)),
        "files": (StoredFile, StoredFile.filter(owner_id=user_id)),
        "testRuns": (VersionTestRun, VersionTestRun.filter(started_by_id=user_id)),
    }


async def export(runtime: Runtime, user_id: UUID, meta: RequestMeta) -> dict[str, Any]:
    limits = runtime.rate_limits
    decision = await limits.hit_account(limits.rules.data_export, f"export:{user_id}")
    if not decision.allowed:
        await audit("user.data_export_throttled", meta, actor_id=user_id)
        raise DomainError(
            UserAdminCode.TOO_MANY_ATTEMPTS,
            f"too many exports; try again in {decision.retry_after} s",
            None,
        )
    cap = runtime.settings.data_export_max_rows
    profile = await User.filter(id=user_id).values(*exportable_columns(User))
    document: dict[str, Any] = {
        "exportedAt": now().isoformat(),
        "user": _plain(profile[0]) if profile else None,
    }
    truncated: list[str] = []
    for name, (model, query) in _sections(user_id).items():
        rows = await query.order_by("-created_at").limit(cap + 1).values(*exportable_columns(model))
        if len(rows) > cap:
            truncated.append(name)
        document[name] = [_plain(row) for row in rows[:cap]]
    document["truncated"] = truncated
    # Audited after the read, so the export does not list its own audit entry.
    await audit("user.data_export", meta, actor_id=user_id, target_type="User", target_id=user_id)
    return document
