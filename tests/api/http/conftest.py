"""A tiny schema of our own behind the HTTP view, so these tests need no domain code."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.websockets import WebSocket

from rangex_graphql.api.http.graphiql import GraphiQL, default_assets_dir
from rangex_graphql.api.http.view import graphql_routes
from rangex_graphql.settings import Settings
from tests.conftest import require_service


@strawberry.type
class Query:
    @strawberry.field
    def hello(self, name: str = "world") -> str:
        return f"hello {name}"

    @strawberry.field
    def broken(self) -> str:
        raise ValueError("resolver failed")

    @strawberry.field
    def request_header(self, info: strawberry.Info, name: str) -> str | None:
        request: Request = info.context["request"]
        return request.headers.get(name)


@strawberry.type
class Mutation:
    @strawberry.mutation
    def bump(self, by: int = 1) -> int:
        return by


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def count(self, to: int) -> AsyncIterator[int]:
        for number in range(1, to + 1):
            yield number
            await asyncio.sleep(0)


tiny_schema = strawberry.Schema(query=Query, mutation=Mutation, subscription=Subscription)


async def tiny_context(request: Request | WebSocket) -> dict[str, object]:
    return {"request": request}


def make_app(settings: Settings) -> Starlette:
    return Starlette(routes=graphql_routes(tiny_schema, tiny_context, settings))


@pytest.fixture
def assets_dir() -> Path:
    """node_modules with GraphiQL installed (`npm ci`); skips, or fails under CI, without."""
    directory = default_assets_dir()
    graphiql = GraphiQL(directory)
    if graphiql.missing():
        require_service(f"GraphiQL assets not installed in {directory}: run `npm ci`")
    return directory


@pytest.fixture
def app_for() -> Callable[..., Starlette]:
    def build(**overrides: object) -> Starlette:
        return make_app(Settings(migrate_on_start=False, **overrides))  # type: ignore[arg-type]

    return build


def client_for(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


@pytest.fixture
async def client(app_for: Callable[..., Starlette]) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app_for(graphiql=False)) as client:
        yield client
