"""platformSettings, platformSettingsUpdate, maintenanceModeSet, scenarioCapSet and
platformStatus: who may call them, partial and validated changes, audit entries."""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import AuditLog, PlatformSettingsRecord, Scenario
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime
from tests import factories

from .helpers import MAINTENANCE, READ, STATUS, UPDATE, call, codes, payload, update

pytestmark = pytest.mark.usefixtures("db")

CAP_SET = (
    "mutation($input: ScenarioCapSetInput!) { scenarioCapSet(input: $input) {"
    " scenario { id maxActiveSessions } errors { field code message } } }"
)


async def record() -> dict[str, Any]:
    rows = await PlatformSettingsRecord.all().values()
    assert len(rows) == 1
    return rows[0]


def error_code(errors: list[dict[str, Any]]) -> str:
    assert len(errors) == 1, errors
    code: str = errors[0]["extensions"]["code"]
    return code


async def test_admins_read_the_settings_started_from_the_environment(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    data, errors = await call(runtime, READ, admin)
    assert not errors
    assert data is not None
    read = data["platformSettings"]
    env = runtime.settings
    assert read["version"] == 1
    assert read["sessionsPerUser"] == env.session_max_per_user
    assert read["idleTimeoutMinutes"] == env.session_idle_minutes
    assert (read["startsPerHour"], read["startsPerDay"]) == (10, 50)
    assert read["filesUserQuotaMib"] == env.files_user_quota_bytes // 2**20
    assert read["maintenanceEnabled"] is False
    assert read["maxTotalUsers"] is None


async def test_only_admins_read_the_settings(runtime: Runtime) -> None:
    _, errors = await call(runtime, READ, await factories.user())
    assert error_code(errors) == "FORBIDDEN"
    _, errors = await call(runtime, READ, None)
    assert error_code(errors) == "UNAUTHENTICATED"


async def test_anyone_reads_the_status(runtime: Runtime) -> None:
    data, errors = await call(runtime, STATUS, None)
    assert not errors
    assert data == {
        "platformStatus": {
            "maintenance": False,
            "message": None,
            "registrationsOpen": True,
            "maxSessionMinutes": runtime.settings.session_max_minutes,
        }
    }


async def test_a_partial_update_changes_the_given_fields_and_is_audited(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    before = await record()
    result = await update(
        runtime, admin, sessionsPerUser=2, maxTotalUsers=500, filesUserQuotaMib=64
    )
    assert result["errors"] == []
    changed = result["platformSettings"]
    assert (changed["sessionsPerUser"], changed["maxTotalUsers"]) == (2, 500)
    assert changed["filesUserQuotaMib"] == 64
    assert changed["version"] == before["version"] + 1
    # The others are as they were.
    assert changed["idleTimeoutMinutes"] == before["idle_timeout_minutes"]
    assert changed["startsPerDay"] == before["starts_per_day"]
    after = await record()
    assert after["sessions_per_user"] == 2
    assert after["files_user_quota_bytes"] == 64 * 2**20
    assert after["updated_by_id"] == admin.id
    # This replica took the change at once.
    assert runtime.platform.current.sessions_per_user == 2

    entry = await AuditLog.get(action="platform_settings.update")
    assert entry.actor_id == admin.id  # type: ignore[attr-defined]
    assert entry.data["before"] == {
        "sessions_per_user": before["sessions_per_user"],
        "max_total_users": None,
        "files_user_quota_bytes": before["files_user_quota_bytes"],
    }
    assert entry.data["after"] == {
        "sessions_per_user": 2,
        "max_total_users": 500,
        "files_user_quota_bytes": 64 * 2**20,
    }
    assert entry.data["version"] == changed["version"]


async def test_null_lifts_a_cap(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    await update(runtime, admin, maxActiveSessions=3)
    result = await update(runtime, admin, maxActiveSessions=None)
    assert result["platformSettings"]["maxActiveSessions"] is None
    assert runtime.platform.current.max_active_sessions is None


async def test_an_update_that_changes_nothing_writes_nothing(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    before = await record()
    result = await update(runtime, admin, sessionsPerUser=before["sessions_per_user"])
    assert result["errors"] == []
    assert result["platformSettings"]["version"] == before["version"]
    assert await AuditLog.filter(action="platform_settings.update").count() == 0


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"maxTotalUsers": -1}, [("input.maxTotalUsers", "OUT_OF_RANGE")]),
        ({"maxTotalMachines": 0}, [("input.maxTotalMachines", "OUT_OF_RANGE")]),
        ({"sessionsPerUser": -3}, [("input.sessionsPerUser", "OUT_OF_RANGE")]),
        ({"filesTotalQuotaMib": -1}, [("input.filesTotalQuotaMib", "OUT_OF_RANGE")]),
        ({"sessionsPerUser": None}, [("input.sessionsPerUser", "REQUIRED")]),
        ({"registrationsOpen": None}, [("input.registrationsOpen", "REQUIRED")]),
        (
            {"idleTimeoutMinutes": 200, "maxSessionMinutes": 180},
            [("input.idleTimeoutMinutes", "IDLE_ABOVE_DURATION")],
        ),
        # The idle timeout is 60 by default: a maximum below it is refused where it is given.
        ({"maxSessionMinutes": 45}, [("input.maxSessionMinutes", "IDLE_ABOVE_DURATION")]),
        ({"startsPerDay": 5, "startsPerHour": 10}, [("input.startsPerDay", "DAY_BELOW_HOUR")]),
        # One good value beside bad ones: nothing is changed, every problem is told.
        (
            {"sessionsPerUser": 3, "maxActiveSessions": -5, "startsPerHour": 0},
            [("input.maxActiveSessions", "OUT_OF_RANGE"), ("input.startsPerHour", "OUT_OF_RANGE")],
        ),
    ],
)
async def test_bad_values_change_nothing(
    runtime: Runtime, changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    before = await record()
    current = runtime.platform.current
    result = await update(runtime, admin, **changes)
    assert result["platformSettings"] is None
    assert sorted(codes(result)) == sorted(expected)
    assert await record() == before
    assert runtime.platform.current == current
    assert await AuditLog.all().count() == 0


async def test_only_admins_change_the_settings(runtime: Runtime) -> None:
    before = await record()
    for who in (await factories.user(), await factories.user(UserRole.CREATOR), None):
        _, errors = await call(runtime, UPDATE, who, input={"sessionsPerUser": 1})
        assert error_code(errors) in {"FORBIDDEN", "UNAUTHENTICATED"}
        _, errors = await call(runtime, MAINTENANCE, who, input={"enabled": True})
        assert error_code(errors) in {"FORBIDDEN", "UNAUTHENTICATED"}
    assert await record() == before
    assert runtime.platform.current.maintenance_enabled is False


async def test_maintenance_mode_on_and_off_is_audited_and_public(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    on = await payload(
        runtime,
        MAINTENANCE,
        "maintenanceModeSet",
        admin,
        input={"enabled": True, "message": "Back at 14:00", "reason": "database upgrade"},
    )
    assert on["errors"] == []
    assert on["platformSettings"]["maintenanceEnabled"] is True
    data, _ = await call(runtime, STATUS, None)
    assert data is not None
    assert data["platformStatus"]["maintenance"] is True
    assert data["platformStatus"]["message"] == "Back at 14:00"
    assert data["platformStatus"]["registrationsOpen"] is False

    off = await payload(runtime, MAINTENANCE, "maintenanceModeSet", admin, input={"enabled": False})
    assert off["platformSettings"]["maintenanceEnabled"] is False
    assert off["platformSettings"]["maintenanceMessage"] is None

    entries = await AuditLog.filter(action="platform.maintenance_set").order_by("created_at")
    assert [e.data["after"]["maintenance_enabled"] for e in entries] == [True, False]
    assert entries[0].data["before"] == {
        "maintenance_enabled": False,
        "maintenance_message": None,
    }
    assert entries[0].data["reason"] == "database upgrade"
    assert entries[1].data["reason"] == "set by an admin"


async def test_a_too_long_maintenance_message_changes_nothing(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    result = await payload(
        runtime,
        MAINTENANCE,
        "maintenanceModeSet",
        admin,
        input={"enabled": True, "message": "x" * 501},
    )
    assert codes(result) == [("input.message", "MESSAGE_TOO_LONG")]
    assert runtime.platform.current.maintenance_enabled is False
    assert (await record())["maintenance_enabled"] is False


async def test_admins_cap_a_scenario(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    scenario = await factories.scenario()
    gid = to_global_id("Scenario", scenario.id)
    result = await payload(
        runtime, CAP_SET, "scenarioCapSet", admin, input={"scenarioId": gid, "maxActiveSessions": 4}
    )
    assert result == {"scenario": {"id": gid, "maxActiveSessions": 4}, "errors": []}
    assert (await Scenario.get(id=scenario.id)).max_active_sessions == 4
    entry = await AuditLog.get(action="scenario.cap_set")
    assert entry.data == {
        "before": {"max_active_sessions": None},
        "after": {"max_active_sessions": 4},
    }
    assert entry.target_id == str(scenario.id)

    lifted = await payload(
        runtime,
        CAP_SET,
        "scenarioCapSet",
        admin,
        input={"scenarioId": gid, "maxActiveSessions": None},
    )
    assert lifted["scenario"]["maxActiveSessions"] is None


async def test_bad_scenario_caps_change_nothing(runtime: Runtime) -> None:
    admin = await factories.user(UserRole.ADMIN)
    scenario = await factories.scenario(max_active_sessions=2)
    gid = to_global_id("Scenario", scenario.id)
    result = await payload(
        runtime,
        CAP_SET,
        "scenarioCapSet",
        admin,
        input={"scenarioId": gid, "maxActiveSessions": -1},
    )
    assert codes(result) == [("input.maxActiveSessions", "OUT_OF_RANGE")]
    await scenario.delete()
    gone = await payload(
        runtime, CAP_SET, "scenarioCapSet", admin, input={"scenarioId": gid, "maxActiveSessions": 3}
    )
    assert codes(gone) == [("input.scenarioId", "SCENARIO_NOT_FOUND")]
    assert await AuditLog.all().count() == 0
    other = await factories.scenario(max_active_sessions=2)
    _, errors = await call(
        runtime,
        CAP_SET,
        await factories.user(UserRole.CREATOR),
        input={"scenarioId": to_global_id("Scenario", other.id), "maxActiveSessions": 9},
    )
    assert error_code(errors) == "FORBIDDEN"
    assert (await Scenario.get(id=other.id)).max_active_sessions == 2
