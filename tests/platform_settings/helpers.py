"""Calling the platform settings API as an admin, a user or nobody."""

from __future__ import annotations

from typing import Any

from rangex_graphql.models import User
from rangex_graphql.runtime import Runtime
from tests.api.graphql import run

SETTINGS_FIELDS = """
    version maintenanceEnabled maintenanceMessage registrationsOpen maxTotalUsers
    maxConcurrentUsers maxActiveSessions maxTotalMachines sessionsPerUser startsPerHour
    startsPerDay maxSessionMinutes idleTimeoutMinutes filesUserQuotaMib filesTotalQuotaMib
"""
UPDATE = (
    "mutation($input: PlatformSettingsUpdateInput!) { platformSettingsUpdate(input: $input) {"
    " platformSettings {" + SETTINGS_FIELDS + "} errors { field code message } } }"
)
MAINTENANCE = (
    "mutation($input: MaintenanceModeSetInput!) { maintenanceModeSet(input: $input) {"
    " platformSettings { version maintenanceEnabled maintenanceMessage }"
    " errors { field code message } } }"
)
READ = "{ platformSettings {" + SETTINGS_FIELDS + "} }"
STATUS = "{ platformStatus { maintenance message registrationsOpen maxSessionMinutes } }"


async def call(
    runtime: Runtime, document: str, as_user: User | None, **variables: Any
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    return await run(runtime.settings, document, variables, as_user=as_user, runtime=runtime)


async def payload(
    runtime: Runtime, document: str, field: str, as_user: User, **variables: Any
) -> dict[str, Any]:
    data, errors = await call(runtime, document, as_user, **variables)
    assert not errors, errors
    assert data is not None
    result: dict[str, Any] = data[field]
    return result


async def update(runtime: Runtime, admin: User, **changes: Any) -> dict[str, Any]:
    return await payload(runtime, UPDATE, "platformSettingsUpdate", admin, input=changes)


def codes(result: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in result["errors"]]
