"""A database that stalls during a request: the client gets SERVICE_UNAVAILABLE, HTTP 503
with Retry-After, within the read timeout (issue 13, item 5), instead of a wait as long as
the fault or an INTERNAL_SERVER_ERROR. The fault: a black-holed proxy in front of MariaDB.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest
import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.websockets import WebSocket
from tortoise import BaseDBAsyncClient
from tortoise.context import TortoiseContext

from rangex_graphql.api.error_log import ApiSchema
from rangex_graphql.api.error_masking import MaskUnexpectedErrors
from rangex_graphql.api.http.view import graphql_routes
from rangex_graphql.api.unavailable import RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.settings import Settings
from tests.support.fault_proxy import FaultProxy, fault_proxy

from .conftest import client_for

HANG = 10.0  # far above the timeouts below; only a hang reaches it
QUERY = {"query": "{ answer }"}
JSON = {"accept": "application/json"}


@strawberry.type
class Query:
    @strawberry.field
    async def answer(self, info: strawberry.Info) -> int:
        db: BaseDBAsyncClient = info.context["db"]
        rows = await db.execute_query_dict("SELECT 42 AS answer")
        return int(rows[0]["answer"])


schema = ApiSchema(query=Query, extensions=[MaskUnexpectedErrors])


@pytest.fixture
async def proxy(mysql_url: str) -> AsyncIterator[FaultProxy]:
    async with fault_proxy(urlparse(mysql_url).port or 3306) as proxy:
        yield proxy


@pytest.fixture
async def db(proxy: FaultProxy, mysql_url: str) -> AsyncIterator[BaseDBAsyncClient]:
    url = urlparse(mysql_url)._replace(netloc=f"root@{proxy.url_netloc}").geturl()
    settings = Settings(
        database_url=url,
        migrate_on_start=False,
        db_connect_timeout_seconds=0.5,
        db_statement_timeout_seconds=0.3,
        db_read_timeout_seconds=0.6,
    )
    config = tortoise_config(settings)
    config["apps"]["models"]["models"] = ["aerich.models"]
    async with TortoiseContext() as context:
        await context.init(config=config)
        yield context.db()


def app_with(db: BaseDBAsyncClient, *, context_reads: bool = False) -> Starlette:
    async def context(request: Request | WebSocket) -> dict[str, Any]:
        if context_reads:  # as the real context does to check a token
            await db.execute_query("SELECT 1")
        return {"request": request, "db": db}

    return Starlette(routes=graphql_routes(schema, context, Settings(graphiql=False)))


async def post(app: Starlette) -> httpx.Response:
    async with client_for(app) as client:
        return await asyncio.wait_for(client.post("/graphql", json=QUERY, headers=JSON), HANG)


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503
    assert response.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    codes = [error["extensions"]["code"] for error in response.json()["errors"]]
    assert codes == [SERVICE_UNAVAILABLE]
    assert "127.0.0.1" not in response.text


async def test_a_stalled_database_during_execution_is_service_unavailable(
    db: BaseDBAsyncClient, proxy: FaultProxy
) -> None:
    app = app_with(db)
    assert (await post(app)).json() == {"data": {"answer": 42}}
    proxy.blackhole()
    response = await post(app)
    assert_unavailable(response)
    assert response.json()["data"] is None
    await proxy.heal()
    assert (await post(app)).json() == {"data": {"answer": 42}}


async def test_a_stalled_database_while_building_the_context_is_service_unavailable(
    db: BaseDBAsyncClient, proxy: FaultProxy
) -> None:
    app = app_with(db, context_reads=True)
    assert (await post(app)).status_code == 200
    proxy.blackhole()
    assert_unavailable(await post(app))


async def test_a_database_that_refuses_is_service_unavailable(
    db: BaseDBAsyncClient, proxy: FaultProxy
) -> None:
    app = app_with(db)
    assert (await post(app)).status_code == 200
    await proxy.cut()
    assert_unavailable(await post(app))
