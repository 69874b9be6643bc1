"""The session mutations and queries over GraphQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.api.scopes import MUTATION_SCOPES
from rangex_graphql.models import EnvironmentSession, ScenarioVersion, User
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.support.sessions import settle

S = SessionState
pytestmark = pytest.mark.usefixtures("db")

FIELDS = """
  session { id state durationMinutes timeLeftSeconds costRm extensionsUsed extensionsLeft
            endReason failureReason expiresAt machines { state machine { name } } }
  errors { field code message }
"""
START = f"mutation($input: SessionStartInput!) {{ sessionStart(input: $input) {{ {FIELDS} }} }}"


def control(name: str, input_type: str = "SessionInput") -> str:
    return f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {FIELDS} }} }}"


def vid(version: ScenarioVersion) -> str:
    return to_global_id("ScenarioVersion", version.id)


async def published() -> ScenarioVersion:
    return await factories.version(await factories.scenario(), machines=2)


async def start_running(
    settings: Settings, runtime: Runtime, user: User, minutes: int = 60
) -> dict[str, Any]:
    data = await data_of(
        settings,
        START,
        {"input": {"versionId": vid(await published()), "durationMinutes": minutes}},
        as_user=user,
        runtime=runtime,
    )
    payload = data["sessionStart"]
    assert payload["errors"] == []
    await settle(runtime)
    return payload["session"]  # type: ignore[no-any-return]


async def test_session_start_and_controls_happy_path(settings: Settings, runtime: Runtime) -> None:
    user = await factories.user()
    version = await published()
    data = await data_of(
        settings,
        START,
        {"input": {"versionId": vid(version), "durationMinutes": 45, "resourceProfile": "MEDIUM"}},
        as_user=user,
        runtime=runtime,
    )
    started = data["sessionStart"]["session"]
    assert started["state"] == "REQUESTED"
    assert started["timeLeftSeconds"] == 45 * 60
    assert started["expiresAt"] is None
    assert started["extensionsLeft"] == 2
    assert started["extensionsUsed"] == 0
    assert [m["state"] for m in started["machines"]] == ["PENDING", "PENDING"]
    await settle(runtime)
    row = await EnvironmentSession.get(id=from_global_id(started["id"], "id")[1])
    assert row.state is S.RUNNING
    assert row.resource_profile.value == "MEDIUM"

    variables = {"input": {"sessionId": started["id"]}}
    paused = await data_of(
        settings, control("sessionPause"), variables, as_user=user, runtime=runtime
    )
    assert paused["sessionPause"]["session"]["state"] == "PAUSED"
    assert 44 * 60 <= paused["sessionPause"]["session"]["timeLeftSeconds"] <= 45 * 60
    resumed = await data_of(
        settings, control("sessionResume"), variables, as_user=user, runtime=runtime
    )
    assert resumed["sessionResume"]["session"]["state"] == "RUNNING"
    reset = await data_of(
        settings, control("sessionReset"), variables, as_user=user, runtime=runtime
    )
    assert reset["sessionReset"]["session"]["state"] == "PROVISIONING"
    await settle(runtime)
    await EnvironmentSession.filter(id=row.id).update(
        expires_at=datetime.now(UTC) + timedelta(minutes=5)
    )
    extended = await data_of(
        settings,
        control("sessionExtend", "SessionExtendInput"),
        {"input": {"sessionId": started["id"], "minutes": 15}},
        as_user=user,
        runtime=runtime,
    )
    session = extended["sessionExtend"]["session"]
    assert session["extensionsUsed"] == 1
    assert session["extensionsLeft"] == 1
    assert 19 * 60 <= session["timeLeftSeconds"] <= 20 * 60
    ended = await data_of(
        settings, control("sessionTerminate"), variables, as_user=user, runtime=runtime
    )
    session = ended["sessionTerminate"]["session"]
    assert session["state"] == "TERMINATED"
    assert session["endReason"] == "user"
    assert session["timeLeftSeconds"] is None
    assert {m["state"] for m in session["machines"]} == {"STOPPED"}
    assert Decimal(session["costRm"]) >= 0
    assert await runtime.driver.list_owned() == {}


@pytest.mark.parametrize(
    ("input_", "code", "field"),
    [
        ({"durationMinutes": 10}, "INVALID_DURATION", "input.durationMinutes"),
        ({"durationMinutes": 600}, "INVALID_DURATION", "input.durationMinutes"),
    ],
)
async def test_session_start_errors_carry_code_and_field(
    settings: Settings, runtime: Runtime, input_: dict[str, Any], code: str, field: str
) -> None:
    user = await factories.user()
    data = await data_of(
        settings,
        START,
        {"input": {"versionId": vid(await published()), **input_}},
        as_user=user,
        runtime=runtime,
    )
    assert data["sessionStart"]["session"] is None
    assert [(e["code"], e["field"]) for e in data["sessionStart"]["errors"]] == [(code, field)]


async def test_starting_an_unpublished_version_is_refused(
    settings: Settings, runtime: Runtime
) -> None:
    author = await factories.user(UserRole.CREATOR)
    draft = await factories.version(await factories.scenario(author), VersionStatus.APPROVED)
    data = await data_of(
        settings, START, {"input": {"versionId": vid(draft)}}, as_user=author, runtime=runtime
    )
    errors = data["sessionStart"]["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("VERSION_NOT_PUBLISHED", "input.version")]
    assert not await EnvironmentSession.exists()


async def test_user_limit_is_a_payload_error(settings: Settings, runtime: Runtime) -> None:
    user = await factories.user()
    version = await published()
    for _ in range(5):
        await factories.session(user, version, S.RUNNING)
    data = await data_of(
        settings, START, {"input": {"versionId": vid(version)}}, as_user=user, runtime=runtime
    )
    assert [e["code"] for e in data["sessionStart"]["errors"]] == ["USER_SESSION_LIMIT"]


async def test_wrong_state_and_foreign_sessions_get_codes(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session = await start_running(settings, runtime, owner)
    variables = {"input": {"sessionId": session["id"]}}
    data = await data_of(
        settings, control("sessionResume"), variables, as_user=owner, runtime=runtime
    )
    assert [e["code"] for e in data["sessionResume"]["errors"]] == ["SESSION_NOT_PAUSED"]
    data = await data_of(
        settings,
        control("sessionExtend", "SessionExtendInput"),
        {"input": {"sessionId": session["id"], "minutes": 30}},
        as_user=owner,
        runtime=runtime,
    )
    assert [e["code"] for e in data["sessionExtend"]["errors"]] == ["EXTENSION_TOO_EARLY"]
    stranger = await factories.user()
    data = await data_of(
        settings, control("sessionTerminate"), variables, as_user=stranger, runtime=runtime
    )
    assert [(e["code"], e["field"]) for e in data["sessionTerminate"]["errors"]] == [
        ("SESSION_NOT_FOUND", "input.sessionId")
    ]
    await data_of(settings, control("sessionTerminate"), variables, as_user=owner, runtime=runtime)
    data = await data_of(
        settings, control("sessionPause"), variables, as_user=owner, runtime=runtime
    )
    assert [e["code"] for e in data["sessionPause"]["errors"]] == ["SESSION_ENDED"]


async def test_anonymous_callers_are_refused(settings: Settings, runtime: Runtime) -> None:
    _data, errors = await run(
        settings, START, {"input": {"versionId": vid(await published())}}, runtime=runtime
    )
    assert errors
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert not await EnvironmentSession.exists()


def test_every_session_mutation_needs_the_sessions_scope() -> None:
    for name in (
        "sessionStart",
        "sessionPause",
        "sessionResume",
        "sessionExtend",
        "sessionReset",
        "sessionTerminate",
    ):
        assert MUTATION_SCOPES[name] is ApiScope.SESSIONS


SESSION_QUERY = "query($id: ID!) { session(id: $id) { id state costRm } }"


async def test_session_query_is_for_the_owner_and_admins(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session = await start_running(settings, runtime, owner)
    variables = {"id": session["id"]}
    mine = await data_of(settings, SESSION_QUERY, variables, as_user=owner)
    assert mine["session"]["state"] == "RUNNING"
    admin = await factories.user(UserRole.ADMIN)
    assert (await data_of(settings, SESSION_QUERY, variables, as_user=admin))["session"]
    stranger = await factories.user()
    assert (await data_of(settings, SESSION_QUERY, variables, as_user=stranger))["session"] is None


ADMIN_SESSIONS = """
query($filter: AdminSessionFilter, $first: Int, $after: String) {
  sessions(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id state user { username } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_admin_sessions_filter_and_paginate(settings: Settings) -> None:
    admin = await factories.user(UserRole.ADMIN)
    alice = await factories.user()
    bob = await factories.user()
    version = await published()
    other = await published()
    for state in (S.RUNNING, S.PAUSED, S.TERMINATED):
        await factories.session(alice, version, state)
    await factories.session(bob, other, S.RUNNING)

    everything = await data_of(settings, ADMIN_SESSIONS, {"first": 2}, as_user=admin)
    page = everything["sessions"]
    assert page["totalCount"] == 4
    assert page["pageInfo"]["hasNextPage"]
    rest = await data_of(
        settings,
        ADMIN_SESSIONS,
        {"first": 10, "after": page["pageInfo"]["endCursor"]},
        as_user=admin,
    )
    ids = [e["node"]["id"] for e in page["edges"] + rest["sessions"]["edges"]]
    assert len(set(ids)) == 4

    running = await data_of(
        settings,
        ADMIN_SESSIONS,
        {"filter": {"states": ["RUNNING"], "userId": to_global_id("User", alice.id)}},
        as_user=admin,
    )
    assert running["sessions"]["totalCount"] == 1
    by_scenario = await data_of(
        settings,
        ADMIN_SESSIONS,
        {"filter": {"scenarioId": to_global_id("Scenario", other.scenario_id)}},  # type: ignore[attr-defined]
        as_user=admin,
    )
    assert [e["node"]["user"]["username"] for e in by_scenario["sessions"]["edges"]] == [
        bob.username
    ]
    by_version = await data_of(
        settings, ADMIN_SESSIONS, {"filter": {"versionId": vid(version)}}, as_user=admin
    )
    assert by_version["sessions"]["totalCount"] == 3

    _, errors = await run(settings, ADMIN_SESSIONS, {}, as_user=alice)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"


ESTIMATE = """
query($v: ID!, $m: Int!, $p: ResourceProfile) {
  sessionCostEstimate(versionId: $v, durationMinutes: $m, resourceProfile: $p) {
    resourceProfile durationMinutes hourlyRm totalRm
    perMachine { name cpu memoryMib hourlyRm costRm }
  }
}
"""


async def test_cost_estimate_per_machine_and_total(settings: Settings) -> None:
    user = await factories.user()
    version = await published()
    data = await data_of(
        settings, ESTIMATE, {"v": vid(version), "m": 120, "p": "LARGE"}, as_user=user
    )
    estimate = data["sessionCostEstimate"]
    entry = (Decimal("0.04556") * 2 + Decimal("0.00533") * 4) * Decimal("4.5")
    target = (Decimal("0.04556") * Decimal("0.5") + Decimal("0.00533")) * Decimal("4.5")
    assert estimate["perMachine"] == [
        {
            "name": "m0",
            "cpu": 2.0,
            "memoryMib": 4096,
            "hourlyRm": str(entry.quantize(Decimal("0.0001"))),
            "costRm": str((entry * 2).quantize(Decimal("0.0001"))),
        },
        {
            "name": "m1",
            "cpu": 0.5,
            "memoryMib": 1024,
            "hourlyRm": str(target.quantize(Decimal("0.0001"))),
            "costRm": str((target * 2).quantize(Decimal("0.0001"))),
        },
    ]
    assert Decimal(estimate["totalRm"]) == ((entry + target) * 2).quantize(Decimal("0.0001"))
    _, errors = await run(settings, ESTIMATE, {"v": vid(version), "m": 5}, as_user=user)
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert errors[0]["extensions"]["reason"] == "INVALID_DURATION"
    draft = await factories.version(await factories.scenario(), VersionStatus.DRAFT)
    hidden = await data_of(settings, ESTIMATE, {"v": vid(draft), "m": 60}, as_user=user)
    assert hidden["sessionCostEstimate"] is None
