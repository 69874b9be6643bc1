"""The run-time settings as GraphQL sees them, the public status, and their errors."""

from __future__ import annotations

from enum import Enum

import strawberry

from ...services.platform_settings.changes import MIB
from ...services.platform_settings.values import PlatformValues
from ..payload import ERROR_CODE, ERROR_MESSAGE

CAP = "; null: no cap."


@strawberry.type(
    name="PlatformSettings",
    description="The settings an admin changes at run time (platformSettingsUpdate, "
    "maintenanceModeSet); every replica obeys a change within a second. The environment "
    "gives the values the record starts with.",
)
class PlatformSettingsType:
    version: int = strawberry.field(description="Bumped by every change.")
    maintenance_enabled: bool = strawberry.field(
        description="Maintenance mode: sign-ups and session starts refused to all but "
        "admins; running sessions go on."
    )
    maintenance_message: str | None = strawberry.field(
        description="What users are told while maintenance is on."
    )
    registrations_open: bool = strawberry.field(description="New accounts may register.")
    max_total_users: int | None = strawberry.field(description="Most accounts" + CAP)
    max_concurrent_users: int | None = strawberry.field(
        description="Most distinct users holding an active session at once" + CAP
    )
    max_active_sessions: int | None = strawberry.field(
        description="Most active sessions on the platform at once" + CAP
    )
    max_total_machines: int | None = strawberry.field(
        description="Most machines (containers) of active sessions at once" + CAP
    )
    sessions_per_user: int = strawberry.field(
        description="Active sessions one user may hold at once (outside events)."
    )
    starts_per_hour: int = strawberry.field(
        description="Session starts one user may make in any 60 minutes."
    )
    starts_per_day: int = strawberry.field(
        description="Session starts one user may make in any 24 hours."
    )
    max_session_minutes: int = strawberry.field(
        description="Longest running time a session may ask for."
    )
    idle_timeout_minutes: int = strawberry.field(
        description="A RUNNING session (outside events) without activity this long ends."
    )
    files_user_quota_mib: int = strawberry.field(
        description="MiB of files one user may store (pending uploads count)."
    )
    files_total_quota_mib: int = strawberry.field(
        description="MiB of files all users together may store."
    )

    @classmethod
    def of(cls, values: PlatformValues) -> PlatformSettingsType:
        plain = values.as_dict()
        user_bytes = plain.pop("files_user_quota_bytes")
        total_bytes = plain.pop("files_total_quota_bytes")
        return cls(
            **plain,
            files_user_quota_mib=user_bytes // MIB,
            files_total_quota_mib=total_bytes // MIB,
        )


@strawberry.type(description="What anyone may know of the platform's state (for a banner).")
class PlatformStatus:
    maintenance: bool = strawberry.field(
        description="Under maintenance: no sign-ups or session starts for now."
    )
    message: str | None = strawberry.field(description="The admins' word on the maintenance.")
    registrations_open: bool = strawberry.field(description="New accounts may register.")
    max_session_minutes: int = strawberry.field(
        description="Longest running time a session may ask for."
    )

    @classmethod
    def of(cls, values: PlatformValues) -> PlatformStatus:
        return cls(
            maintenance=values.maintenance_enabled,
            message=values.maintenance_message if values.maintenance_enabled else None,
            registrations_open=values.registrations_open and not values.maintenance_enabled,
            max_session_minutes=values.max_session_minutes,
        )


@strawberry.enum(description="Why a change of the platform settings or a scenario's cap failed.")
class PlatformSettingsErrorCode(Enum):
    OUT_OF_RANGE = strawberry.enum_value(
        "OUT_OF_RANGE", description="A number outside its range (the message gives it)."
    )
    REQUIRED = strawberry.enum_value(
        "REQUIRED", description="null given for a setting that has no 'no cap'."
    )
    IDLE_ABOVE_DURATION = strawberry.enum_value(
        "IDLE_ABOVE_DURATION",
        description="The idle timeout would exceed the maximum session duration.",
    )
    DAY_BELOW_HOUR = strawberry.enum_value(
        "DAY_BELOW_HOUR", description="The starts per day would be below the starts per hour."
    )
    MESSAGE_TOO_LONG = strawberry.enum_value(
        "MESSAGE_TOO_LONG", description="The maintenance message is over 500 characters."
    )
    SCENARIO_NOT_FOUND = strawberry.enum_value(
        "SCENARIO_NOT_FOUND", description="No such scenario (or it was deleted)."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class PlatformSettingsError:
    field: str | None = strawberry.field(description="Input field path, camelCase.")
    code: PlatformSettingsErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)
