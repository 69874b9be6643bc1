"""Persisted queries over HTTP (Apollo's protocol), requests shaped as Apollo Client's
``PersistedQueryLink`` sends them, on a schema of our own that counts what it runs."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis
import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.websockets import WebSocket

from rangex_graphql.api.http.persisted_queries import PersistedQueries
from rangex_graphql.api.http.view import GraphQLView, graphql_routes
from rangex_graphql.models import PersistedQuery
from rangex_graphql.services.persisted_queries import Document, register_documents
from rangex_graphql.settings import PersistedQueriesMode, Settings

from .conftest import client_for

GRAPHQL_RESPONSE = "application/graphql-response+json"
# What Apollo Client 4's HttpLink sends as Accept.
APOLLO_ACCEPT = "application/graphql-response+json,application/json;q=0.9"

runs: list[str] = []


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "world") -> str:
        runs.append(f"hello {name}")
        return f"hello {name}"


@strawberry.type
class Mutation:
    @strawberry.mutation
    def record(self, what: str) -> str:
        runs.append(f"record {what}")
        return what


counting_schema = strawberry.Schema(query=Query, mutation=Mutation)


async def context(request: Request | WebSocket) -> dict[str, object]:
    return {"request": request}


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def persisted(query: str, version: int = 1) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": sha256(query)}}


def hash_only(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """The first request of Apollo's link: the hash, not the text."""
    return {"variables": variables or {}, "extensions": persisted(query)}


def with_text(query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """Its retry after PersistedQueryNotFound: the text and the hash."""
    return {"query": query, "variables": variables or {}, "extensions": persisted(query)}


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


async def post(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/graphql", json=body, headers={"accept": APOLLO_ACCEPT})


async def get(
    client: httpx.AsyncClient, body: dict[str, Any], headers: dict[str, str] | None = None
) -> httpx.Response:
    params = {key: json.dumps(value) for key, value in body.items() if key != "query"}
    if "query" in body:
        params["query"] = body["query"]
    return await client.get(
        "/graphql", params=params, headers={"accept": APOLLO_ACCEPT, **(headers or {})}
    )


def view_of(app: Starlette) -> GraphQLView:
    views = [getattr(route, "app", None) for route in app.routes]
    return next(view for view in views if isinstance(view, GraphQLView))


@pytest.fixture
async def app_with(db: None) -> AsyncIterator[Callable[..., Starlette]]:
    """Apps on the counting schema; their stores closed and registrations deleted after."""
    made: list[Starlette] = []

    def build(**overrides: Any) -> Starlette:
        settings = Settings(migrate_on_start=False, graphiql=False, **overrides)
        app = Starlette(routes=graphql_routes(counting_schema, context, settings))
        made.append(app)
        return app

    runs.clear()
    yield build
    for app in made:
        await view_of(app).persisted_queries.aclose()
    await PersistedQuery.all().delete()


@pytest.fixture
async def client(app_with: Callable[..., Starlette]) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app_with()) as client:
        yield client


HELLO = "query Hello($name: String!) { hello(name: $name) }"


# --- automatic persisted queries ---------------------------------------------------------


async def test_a_hash_runs_once_the_server_has_seen_its_text(client: httpx.AsyncClient) -> None:
    unknown = await post(client, hash_only(HELLO, {"name": "a"}))
    assert unknown.status_code == 200  # Apollo's link reads the error from a 200 body
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert "data" not in unknown.json()
    assert unknown.headers["cache-control"] == "no-store"
    assert runs == []

    sent = await post(client, with_text(HELLO, {"name": "b"}))
    assert sent.status_code == 200
    assert sent.json() == {"data": {"hello": "hello b"}}

    by_hash = await post(client, hash_only(HELLO, {"name": "c"}))
    assert by_hash.status_code == 200
    assert by_hash.json() == {"data": {"hello": "hello c"}}
    assert runs == ["hello b", "hello c"]


async def test_a_text_that_does_not_match_its_hash_is_refused_and_not_run(
    client: httpx.AsyncClient,
) -> None:
    claimed = "query Innocent { hello }"
    body = {
        "query": 'mutation { record(what: "sneaky") }',
        "extensions": persisted(claimed),
    }
    response = await post(client, body)
    assert response.status_code == 400
    assert codes(response) == ["PERSISTED_QUERY_HASH_MISMATCH"]
    assert runs == []
    # Nor was it kept under the hash it claimed.
    assert codes(await post(client, hash_only(claimed))) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_a_document_that_fails_validation_is_not_kept(client: httpx.AsyncClient) -> None:
    invalid = "query { nope }"
    response = await post(client, with_text(invalid))
    assert codes(response) == ["GRAPHQL_VALIDATION_FAILED"]
    assert codes(await post(client, hash_only(invalid))) == ["PERSISTED_QUERY_NOT_FOUND"]


@pytest.mark.parametrize(
    ("extension", "code"),
    [
        ({"version": 2, "sha256Hash": sha256(HELLO)}, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"),
        ({"sha256Hash": sha256(HELLO)}, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"),
        ({"version": 1, "sha256Hash": "abc"}, "PERSISTED_QUERY_INVALID"),
        ({"version": 1, "sha256Hash": 42}, "PERSISTED_QUERY_INVALID"),
        ("not an object", "PERSISTED_QUERY_INVALID"),
    ],
)
async def test_a_malformed_extension_is_a_bad_request(
    client: httpx.AsyncClient, extension: object, code: str
) -> None:
    response = await post(client, {"query": HELLO, "extensions": {"persistedQuery": extension}})
    assert response.status_code == 400
    assert codes(response) == [code]
    assert runs == []


async def test_the_hash_may_be_upper_case(client: httpx.AsyncClient) -> None:
    query = "{ hello }"
    body = {
        "query": query,
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256(query).upper()}},
    }
    assert (await post(client, body)).json() == {"data": {"hello": "hello world"}}
    assert (await post(client, hash_only(query))).json() == {"data": {"hello": "hello world"}}


# --- GET -------------------------------------------------------------------------------


async def test_a_query_runs_by_hash_over_get(app_with: Callable[..., Starlette]) -> None:
    async with client_for(app_with(persisted_queries_get_max_age_seconds=60)) as client:
        unknown = await get(client, hash_only(HELLO, {"name": "a"}))
        assert unknown.status_code == 200
        assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]
        assert unknown.headers["cache-control"] == "no-store"  # never a cached "not found"

        assert (await post(client, with_text(HELLO, {"name": "b"}))).status_code == 200
        response = await get(client, hash_only(HELLO, {"name": "c"}))
        assert response.status_code == 200
        assert response.json() == {"data": {"hello": "hello c"}}
        assert response.headers["cache-control"] == "public, max-age=60"
        assert response.headers["vary"] == "Accept, Authorization"

        signed_in = await get(
            client, hash_only(HELLO, {"name": "d"}), {"authorization": "Bearer x"}
        )
        assert signed_in.json() == {"data": {"hello": "hello d"}}
        assert signed_in.headers["cache-control"] == "no-store"


async def test_a_get_by_hash_is_not_cacheable_by_default(client: httpx.AsyncClient) -> None:
    await post(client, with_text(HELLO, {"name": "b"}))
    response = await get(client, hash_only(HELLO, {"name": "c"}))
    assert response.json() == {"data": {"hello": "hello c"}}
    assert response.headers["cache-control"] == "no-store"


async def test_a_get_with_text_and_hash_keeps_the_document(client: httpx.AsyncClient) -> None:
    query = "{ hello }"
    assert (await get(client, with_text(query))).json() == {"data": {"hello": "hello world"}}
    assert (await get(client, hash_only(query))).json() == {"data": {"hello": "hello world"}}


async def test_a_mutation_by_hash_over_get_is_refused(client: httpx.AsyncClient) -> None:
    mutation = 'mutation { record(what: "once") }'
    assert (await post(client, with_text(mutation))).json() == {"data": {"record": "once"}}
    response = await get(client, hash_only(mutation))
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert runs == ["record once"]


# --- off -------------------------------------------------------------------------------


async def test_off_says_not_supported_and_runs_plain_queries(
    app_with: Callable[..., Starlette],
) -> None:
    async with client_for(app_with(persisted_queries=PersistedQueriesMode.OFF)) as client:
        for body in (hash_only(HELLO, {"name": "a"}), with_text(HELLO, {"name": "b"})):
            response = await post(client, body)
            assert response.status_code == 200
            assert response.json()["errors"][0]["message"] == "PersistedQueryNotSupported"
            assert codes(response) == ["PERSISTED_QUERY_NOT_SUPPORTED"]
        # Apollo's link then drops the extension and sends the text alone.
        plain = await post(client, {"query": HELLO, "variables": {"name": "c"}})
        assert plain.json() == {"data": {"hello": "hello c"}}
        assert runs == ["hello c"]


# --- registered documents ----------------------------------------------------------------


async def register(*texts: str) -> None:
    await register_documents([Document(text, "test") for text in texts], counting_schema._schema)


async def test_only_runs_registered_documents(app_with: Callable[..., Starlette]) -> None:
    registered = 'query Registered { hello(name: "listed") }'
    await register(registered)
    async with client_for(app_with(persisted_queries=PersistedQueriesMode.ONLY)) as client:
        for body in (hash_only(registered), with_text(registered), {"query": registered}):
            response = await post(client, body)
            assert response.json() == {"data": {"hello": "hello listed"}}, body
        assert len(runs) == 3

        runs.clear()
        other = 'mutation { record(what: "unlisted") }'
        for body in (hash_only(other), with_text(other), {"query": other}):
            response = await post(client, body)
            assert response.status_code == 400, body
            assert codes(response) == ["PERSISTED_QUERY_NOT_ALLOWED"]
        assert runs == []


async def test_only_refuses_a_registered_hash_with_another_text(
    app_with: Callable[..., Starlette],
) -> None:
    registered = "query Registered { hello }"
    await register(registered)
    body = {"query": 'mutation { record(what: "x") }', "extensions": persisted(registered)}
    async with client_for(app_with(persisted_queries=PersistedQueriesMode.ONLY)) as client:
        response = await post(client, body)
    assert codes(response) == ["PERSISTED_QUERY_HASH_MISMATCH"]
    assert runs == []


async def test_automatic_also_answers_registered_hashes(client: httpx.AsyncClient) -> None:
    registered = 'query Registered { hello(name: "from the manifest") }'
    await register(registered)
    response = await post(client, hash_only(registered))
    assert response.json() == {"data": {"hello": "hello from the manifest"}}


async def test_registered_documents_are_looked_up_once_per_process() -> None:
    looked_up: list[str] = []

    async def lookup(sha256_hash: str) -> str | None:
        looked_up.append(sha256_hash)
        return "{ hello }"

    settings = Settings(persisted_queries=PersistedQueriesMode.ONLY)
    queries = PersistedQueries.from_settings(settings)
    queries.lookup_registered = lookup
    for _ in range(3):
        document = await queries.resolve({"extensions": persisted("{ hello }")})
        assert document is not None
        assert document.query == "{ hello }"
    assert looked_up == [sha256("{ hello }")]


# --- Redis: shared by the replicas ----------------------------------------------------------


async def test_replicas_share_documents_through_redis(
    app_with: Callable[..., Starlette], redis_url: str
) -> None:
    name = uuid.uuid4().hex  # a document no earlier run has stored
    query = f'query Shared {{ hello(name: "{name}") }}'
    first = app_with(redis_url=redis_url, persisted_queries_ttl_seconds=120)
    second = app_with(redis_url=redis_url, persisted_queries_ttl_seconds=120)
    async with client_for(first) as one, client_for(second) as two:
        assert codes(await post(two, hash_only(query))) == ["PERSISTED_QUERY_NOT_FOUND"]
        assert (await post(one, with_text(query))).json() == {"data": {"hello": f"hello {name}"}}
        response = await post(two, hash_only(query))
    assert response.json() == {"data": {"hello": f"hello {name}"}}
    client = aioredis.Redis.from_url(redis_url)
    try:
        key = f"rangex:persisted-query:{sha256(query)}"
        assert 0 < await client.ttl(key) <= 120
        await client.delete(key)
    finally:
        await client.aclose()
