"""Changing the run-time settings: validated, written under the record's lock, audited
with the values before and after, then taken by this replica and announced to the others.

``set_maintenance`` is also what the server calls on its own (a budget emergency):
``actor_id=None`` and a ``reason`` then say who and why in the audit log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import PlatformSettingsRecord
from ...models.platform_settings import RECORD_ID
from ..audit import SYSTEM, RequestMeta, audit
from ..errors import DomainError, DomainErrors
from .cache import PlatformSettingsCache, ensure_record
from .errors import PlatformSettingsCode as Code
from .values import CHANGEABLE, PlatformValues, from_record

MIB = 1024 * 1024
MESSAGE_MAX = 500
CAP_MAX = 1_000_000
NULLABLE = frozenset(
    {
        "maintenance_message",
        "max_total_users",
        "max_concurrent_users",
        "max_active_sessions",
        "max_total_machines",
    }
)
# name: (least, most) of each number.
RANGES: dict[str, tuple[int, int]] = {
    "max_total_users": (1, CAP_MAX),
    "max_concurrent_users": (1, CAP_MAX),
    "max_active_sessions": (1, CAP_MAX),
    "max_total_machines": (1, CAP_MAX),
    "sessions_per_user": (1, 10_000),
    "starts_per_hour": (1, 10_000),
    "starts_per_day": (1, 100_000),
    "max_session_minutes": (30, 1440),
    "idle_timeout_minutes": (1, 1440),
    "files_user_quota_bytes": (0, (2**31 - 1) * MIB),
    "files_total_quota_bytes": (0, (2**31 - 1) * MIB),
}
# The input field each setting comes from (the quotas are given in MiB).
FIELDS = {
    "files_user_quota_bytes": "input.filesUserQuotaMib",
    "files_total_quota_bytes": "input.filesTotalQuotaMib",
    "maintenance_enabled": "input.enabled",
    "maintenance_message": "input.message",
}


def field_of(name: str) -> str:
    return FIELDS.get(name, f"input.{name}")


def validate(before: PlatformValues, changes: Mapping[str, Any]) -> PlatformValues:
    """The values after ``changes``, or every problem with them at once."""
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise ValueError(f"not a run-time setting: {sorted(unknown)}")
    errors = [e for name, value in changes.items() if (e := _value_error(name, value))]
    if errors:
        raise DomainErrors(errors)
    after = before.with_changes(dict(changes))
    if after.idle_timeout_minutes > after.max_session_minutes:
        name = "max_session_minutes" if "idle_timeout_minutes" not in changes else None
        errors.append(
            DomainError(
                Code.IDLE_ABOVE_DURATION,
                f"the idle timeout ({after.idle_timeout_minutes} min) must not exceed the "
                f"maximum session duration ({after.max_session_minutes} min)",
                field_of(name or "idle_timeout_minutes"),
            )
        )
    if after.starts_per_day < after.starts_per_hour:
        name = "starts_per_hour" if "starts_per_day" not in changes else "starts_per_day"
        errors.append(
            DomainError(
                Code.DAY_BELOW_HOUR,
                "the starts per day must be at least the starts per hour",
                field_of(name),
            )
        )
    if errors:
        raise DomainErrors(errors)
    return after


def _value_error(name: str, value: Any) -> DomainError | None:
    if value is None:
        if name in NULLABLE:
            return None
        return DomainError(Code.REQUIRED, "this setting cannot be unset", field_of(name))
    if name == "maintenance_message":
        if len(value) > MESSAGE_MAX:
            return DomainError(
                Code.MESSAGE_TOO_LONG, f"at most {MESSAGE_MAX} characters", field_of(name)
            )
        return None
    bounds = RANGES.get(name)
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        least, most = bounds
        if name.endswith("_bytes"):
            least, most = least // MIB, most // MIB
        return DomainError(Code.OUT_OF_RANGE, f"must be {least}-{most}", field_of(name))
    return None


async def update_settings(
    cache: PlatformSettingsCache,
    changes: Mapping[str, Any],
    actor_id: UUID | None,
    meta: RequestMeta,
    *,
    action: str = "platform_settings.update",
    **audit_data: Any,
) -> PlatformValues:
    """Apply ``changes`` (setting name: new value; absent ones stay) and return the
    values after. Nothing is written when any change is invalid, or when none differs."""
    settings = cache.settings
    await ensure_record(settings)

    async def write() -> tuple[PlatformValues, bool]:
        record = await PlatformSettingsRecord.select_for_update().get(id=RECORD_ID)
        before = from_record(record)
        after = validate(before, changes)
        changed = [n for n in CHANGEABLE if getattr(before, n) != getattr(after, n)]
        if not changed:
            return before, False
        after = after.with_changes({"version": before.version + 1})
        for name in (*changed, "version"):
            setattr(record, name, getattr(after, name))
        record.updated_by_id = actor_id
        await record.save(update_fields=[*changed, "version", "updated_at", "updated_by_id"])
        await audit(
            action,
            meta,
            actor_id=actor_id,
            target_type="PlatformSettings",
            target_id=str(RECORD_ID),
            version=after.version,
            before={n: getattr(before, n) for n in changed},
            after={n: getattr(after, n) for n in changed},
            **audit_data,
        )
        return after, True

    after, written = await retrying_transaction(write)
    cache.accept(after)
    if written:
        await cache.announce(after.version)
    return after


async def set_maintenance(
    cache: PlatformSettingsCache,
    enabled: bool,
    message: str | None,
    actor_id: UUID | None,
    reason: str,
    meta: RequestMeta = SYSTEM,
) -> PlatformValues:
    """Turn maintenance mode on (with ``message`` for the users) or off; every replica
    obeys within a second. Callable from inside the server (``actor_id=None``)."""
    text = message.strip() if message is not None else None
    return await update_settings(
        cache,
        {"maintenance_enabled": enabled, "maintenance_message": text or None},
        actor_id,
        meta,
        action="platform.maintenance_set",
        reason=reason,
    )
