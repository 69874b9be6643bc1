"""The run-time settings as one immutable value, from the record or the environment."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from ...models import PlatformSettingsRecord
from ...settings import Settings


@dataclass(frozen=True, slots=True)
class PlatformValues:
    """What requests read (``PlatformSettingsCache.current``). Caps of ``None``: no cap."""

    version: int
    maintenance_enabled: bool
    maintenance_message: str | None
    registrations_open: bool
    max_total_users: int | None
    # Distinct users holding an active session at once (a user with several counts once).
    max_concurrent_users: int | None
    max_active_sessions: int | None
    # Machines (containers) of active sessions, summed over the platform.
    max_total_machines: int | None
    sessions_per_user: int
    starts_per_hour: int
    starts_per_day: int
    max_session_minutes: int
    idle_timeout_minutes: int
    files_user_quota_bytes: int
    files_total_quota_bytes: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_changes(self, changes: dict[str, Any]) -> PlatformValues:
        return PlatformValues(**{**self.as_dict(), **changes})


#: The names an admin may change (all but ``version``).
CHANGEABLE = tuple(f.name for f in fields(PlatformValues) if f.name != "version")


def from_settings(settings: Settings) -> PlatformValues:
    """The defaults: what the record holds when it is first created."""
    return PlatformValues(
        version=0,
        maintenance_enabled=False,
        maintenance_message=None,
        registrations_open=settings.platform_registrations_open,
        max_total_users=settings.platform_max_users,
        max_concurrent_users=settings.session_platform_max_users,
        max_active_sessions=settings.session_platform_max_active,
        max_total_machines=settings.platform_max_machines,
        sessions_per_user=settings.session_max_per_user,
        starts_per_hour=settings.session_starts_per_hour,
        starts_per_day=settings.session_starts_per_day,
        max_session_minutes=settings.session_max_minutes,
        idle_timeout_minutes=settings.session_idle_minutes,
        files_user_quota_bytes=settings.files_user_quota_bytes,
        files_total_quota_bytes=settings.files_total_quota_bytes,
    )


def from_record(record: PlatformSettingsRecord) -> PlatformValues:
    return PlatformValues(**{name: getattr(record, name) for name in ("version", *CHANGEABLE)})


def record_fields(values: PlatformValues) -> dict[str, Any]:
    """The record's columns holding ``values``."""
    return values.as_dict()
