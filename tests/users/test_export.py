"""viewerDataExport: the viewer's own data, all of it, and never a secret."""

from __future__ import annotations

import json
from typing import Any

import httpx

from rangex_graphql.app import create_app
from rangex_graphql.models import (
    ApiToken,
    AuditLog,
    EventRegistration,
    Notification,
    RefreshToken,
    TeamMember,
    User,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.account.conftest import Api, gql, login, person

EXPORT = "mutation { viewerDataExport { data errors { field code message } } }"
TOKEN = """mutation($n: String!) { apiTokenCreate(input: {name: $n, scopes: [READ]}) {
  token } }"""


async def someone(api: Api, username: str) -> dict[str, Any]:
    """A learner with a sign-in, an API token, a session, a team, an event entry and a
    notification."""
    user = await person(
        email=f"{username}@example.test",
        username=username,
        mfa_secret_encrypted=f"sealed-secret-of-{username}",
    )
    await login(api, username)
    token = (await api.ok(TOKEN, {"n": f"{username}-ci"}, as_user=user))["apiTokenCreate"]["token"]
    version = await factories.version(await factories.scenario())
    session = await factories.session(user, version)
    team = await factories.team()
    await TeamMember.create(team=team, user=user)
    event = await factories.event()
    await factories.registration(event, user_=user)
    await Notification.create(user=user, kind="hello", title=f"Welcome {username}")
    return {"user": await User.get(id=user.id), "token": token, "session": session, "team": team}


async def export(api: Api, user: User) -> dict[str, Any]:
    answer = (await api.ok(EXPORT, as_user=user))["viewerDataExport"]
    assert answer["errors"] == []
    data: dict[str, Any] = answer["data"]
    return data


async def test_the_export_holds_the_viewers_data_and_nobody_elses(api: Api) -> None:
    mine, theirs = await someone(api, "ivy"), await someone(api, "jan")
    me: User = mine["user"]

    data = await export(api, me)

    assert data["user"]["id"] == str(me.id)
    assert data["user"]["email"] == "ivy@example.test"
    assert [s["id"] for s in data["sessions"]] == [str(mine["session"].id)]
    assert [t["team_id"] for t in data["teamMemberships"]] == [str(mine["team"].id)]
    registration = await EventRegistration.get(user_id=me.id)
    assert [r["id"] for r in data["eventRegistrations"]] == [str(registration.id)]
    assert [n["title"] for n in data["notifications"]] == ["Welcome ivy"]
    assert [t["name"] for t in data["apiTokens"]] == ["ivy-ci"]
    assert len(data["signIns"]) == 1
    assert data["signIns"][0]["ip"] == "203.0.113.7"
    assert {e["action"] for e in data["auditEntries"]} >= {"login.success", "api_token.create"}
    assert data["truncated"] == []
    text = json.dumps(data)
    other: User = theirs["user"]
    for foreign in (str(other.id), other.email, "jan-ci", "Welcome jan", str(theirs["session"].id)):
        assert foreign not in text, foreign


async def test_the_export_holds_no_secret_nor_digest(api: Api) -> None:
    mine = await someone(api, "ivy")
    me: User = mine["user"]

    text = json.dumps(await export(api, me))

    secrets = [
        me.password_hash,
        me.mfa_secret_encrypted,
        mine["token"],
        *(await ApiToken.filter(user_id=me.id).values_list("token_hash", flat=True)),
        *(await RefreshToken.filter(user_id=me.id).values_list("token_hash", flat=True)),
    ]
    assert len(secrets) == 5
    for secret in secrets:
        assert secret
        assert str(secret) not in text
    for column in ("password_hash", "mfa_secret_encrypted", "token_hash"):
        assert column not in text


async def test_the_export_is_audited_and_limited_per_user(
    user_settings: Settings, runtime: Runtime, db: None
) -> None:
    limited = Api(
        user_settings.model_copy(update={"data_export_max": 2}),
        runtime,
    )
    runtime.rate_limits.rules = type(runtime.rate_limits.rules).from_settings(limited.settings)
    ivy, jan = await person(username="ivy"), await person(username="jan")
    await export(limited, ivy)
    await export(limited, ivy)
    third = (await limited.ok(EXPORT, as_user=ivy))["viewerDataExport"]
    assert third["data"] is None
    assert [e["code"] for e in third["errors"]] == ["TOO_MANY_ATTEMPTS"]
    assert await AuditLog.filter(action="user.data_export", actor_id=ivy.id).count() == 2
    assert await AuditLog.filter(action="user.data_export_throttled").count() == 1
    # Another user's budget is their own.
    assert (await export(limited, jan))["user"]["username"] == "jan"


async def test_only_a_signed_in_person_may_export_not_an_api_token(api: Api) -> None:
    mine = await someone(api, "ivy")
    data, errors = await api(EXPORT)
    assert data is None
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    transport = httpx.ASGITransport(app=create_app(api.settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        body = (await gql(http, EXPORT, mine["token"])).json()
    assert body.get("data") is None
    assert body["errors"] == [
        {
            "message": "API tokens cannot call viewerDataExport",
            "extensions": {"code": "FORBIDDEN"},
        }
    ]
    assert not await AuditLog.filter(action="user.data_export").exists()
