"""Scoped API tokens: created once, bounded by the owner's role, usable only in scope."""

from __future__ import annotations

import httpx

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import ApiToken, AuditLog
from rangex_graphql.models.enums import UserRole
from rangex_graphql.security.secrets import digest
from tests.api.account.conftest import Api, gql, person

CREATE = """mutation($name: String!, $scopes: [ApiScope!]!, $days: Int) {
  apiTokenCreate(input: {name: $name, scopes: $scopes, expiresInDays: $days}) {
    token apiToken { id name prefix scopes expiresAt } errors { field code } } }"""


async def test_token_is_shown_once_and_stored_hashed(api: Api) -> None:
    user = await person(UserRole.CREATOR, username="wren")
    data = await api.ok(CREATE, {"name": "ci", "scopes": ["READ", "AUTHORING"]}, as_user=user)
    created = data["apiTokenCreate"]
    token = created["token"]
    assert token.startswith("rgx_")
    assert token.startswith(created["apiToken"]["prefix"])
    row = await ApiToken.get(user_id=user.id)
    assert row.token_hash == digest(token)
    assert token not in str(await ApiToken.filter(id=row.id).values())
    listed = await api.ok("{ viewer { apiTokens { name scopes } } }", as_user=user)
    assert listed["viewer"]["apiTokens"] == [{"name": "ci", "scopes": ["AUTHORING", "READ"]}]
    assert await AuditLog.filter(action="api_token.create", actor_id=user.id).count() == 1


async def test_scopes_never_exceed_the_role(api: Api) -> None:
    learner = await person(username="xena")
    data = await api.ok(CREATE, {"name": "x", "scopes": ["READ", "ADMIN"]}, as_user=learner)
    assert data["apiTokenCreate"]["errors"] == [{"field": "scopes", "code": "SCOPE_NOT_ALLOWED"}]
    data = await api.ok(CREATE, {"name": "x", "scopes": ["READ"], "days": 9999}, as_user=learner)
    assert data["apiTokenCreate"]["errors"] == [{"field": "expiresInDays", "code": "INVALID"}]


async def test_read_scope_reads_but_cannot_mutate(api: Api, http: httpx.AsyncClient) -> None:
    user = await person(UserRole.ADMIN, username="yara")
    token = (await api.ok(CREATE, {"name": "ro", "scopes": ["READ"]}, as_user=user))[
        "apiTokenCreate"
    ]["token"]
    read = await gql(http, "{ viewer { username } }", token)
    assert read.json()["data"] == {"viewer": {"username": "yara"}}
    write = await gql(
        http, 'mutation { accountUpdate(input: {displayName: "x"}) { errors { code } } }', token
    )
    assert write.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert write.json().get("data") is None
    # An admin's READ token does not carry admin powers.
    users = await gql(http, "{ users(first: 1) { totalCount } }", token)
    assert users.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    last_used = (await ApiToken.get(user_id=user.id)).last_used_at
    assert last_used is not None


async def test_a_token_without_read_cannot_query(api: Api, http: httpx.AsyncClient) -> None:
    user = await person(username="zed")
    token = (await api.ok(CREATE, {"name": "s", "scopes": ["SESSIONS"]}, as_user=user))[
        "apiTokenCreate"
    ]["token"]
    response = await gql(http, "{ viewer { username } }", token)
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "READ" in response.json()["errors"][0]["message"]


async def test_revoked_tokens_stop_working(api: Api, http: httpx.AsyncClient) -> None:
    user = await person(username="abe")
    other = await person(username="bea")
    created = (await api.ok(CREATE, {"name": "t", "scopes": ["READ"]}, as_user=user))[
        "apiTokenCreate"
    ]
    revoke = """mutation($id: ID!) { apiTokenRevoke(input: {id: $id}) {
      apiToken { revokedAt } errors { field code } } }"""
    foreign = await api.ok(revoke, {"id": created["apiToken"]["id"]}, as_user=other)
    assert foreign["apiTokenRevoke"]["errors"] == [{"field": "id", "code": "NOT_FOUND"}]
    done = await api.ok(revoke, {"id": created["apiToken"]["id"]}, as_user=user)
    assert done["apiTokenRevoke"]["apiToken"]["revokedAt"] is not None
    response = await gql(http, "{ viewer { username } }", created["token"])
    assert response.status_code == 401
    assert await AuditLog.filter(action="api_token.revoke").count() == 1
    # API tokens cannot mint or revoke tokens themselves.
    node = await api.ok(
        "query($id: ID!) { node(id: $id) { id } }", {"id": created["apiToken"]["id"]}, as_user=other
    )
    assert node["node"] is None
    assert (
        to_global_id("ApiToken", (await ApiToken.get(user_id=user.id)).id)
        == created["apiToken"]["id"]
    )
