"""MariaDB that stalls or runs a statement on (issue 13, item 5), through a proxy the
tests black-hole (``tests/support/fault_proxy.py``), on both drivers.

A stalled server fails the query within the read timeout, a new connection within the
connect timeout, a statement that runs on at the server's statement timeout; each as an
outage (``SERVICE_UNAVAILABLE`` to clients), never a wait as long as the fault.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlparse

import pytest
from pydantic import ValidationError
from tortoise import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.exceptions import DBConnectionError, OperationalError

from rangex_graphql.api.unavailable import is_outage
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.settings import MySQLDriver, Settings
from tests.support.fault_proxy import FaultProxy, fault_proxy

# Far above what the timeouts below need; only a hang reaches it.
HANG = 10.0
TIMEOUTS: dict[str, Any] = {
    "db_connect_timeout_seconds": 0.5,
    "db_statement_timeout_seconds": 0.3,
    "db_read_timeout_seconds": 0.6,
}
DRIVERS = pytest.mark.parametrize("driver", list(MySQLDriver))


@pytest.fixture
async def proxy(mysql_url: str) -> AsyncIterator[FaultProxy]:
    async with fault_proxy(urlparse(mysql_url).port or 3306) as proxy:
        yield proxy


def settings_through(proxy: FaultProxy, mysql_url: str, driver: MySQLDriver) -> Settings:
    url = urlparse(mysql_url)._replace(netloc=f"root@{proxy.url_netloc}").geturl()
    return Settings(database_url=url, mysql_driver=driver, migrate_on_start=False, **TIMEOUTS)


@asynccontextmanager
async def database(settings: Settings) -> AsyncIterator[BaseDBAsyncClient]:
    config = tortoise_config(settings)
    config["apps"]["models"]["models"] = ["aerich.models"]  # no rebinding of the app's
    async with TortoiseContext() as context:
        await context.init(config=config)
        yield context.db()


@DRIVERS
async def test_a_stalled_database_fails_the_query_and_the_pool_recovers(
    proxy: FaultProxy, mysql_url: str, driver: MySQLDriver
) -> None:
    async with database(settings_through(proxy, mysql_url, driver)) as db:
        assert await db.execute_query_dict("SELECT 1 AS one") == [{"one": 1}]
        proxy.blackhole()
        with pytest.raises(OperationalError) as failed:
            await asyncio.wait_for(db.execute_query_dict("SELECT 2 AS two"), HANG)
        assert is_outage(failed.value)
        await proxy.heal()
        # The connection that timed out was dropped, not handed back out of step.
        assert await db.execute_query_dict("SELECT 3 AS three") == [{"three": 3}]


@DRIVERS
async def test_connecting_to_a_stalled_database_fails(
    proxy: FaultProxy, mysql_url: str, driver: MySQLDriver
) -> None:
    proxy.blackhole()
    with pytest.raises(DBConnectionError) as failed:
        async with database(settings_through(proxy, mysql_url, driver)) as db:
            await asyncio.wait_for(db.execute_query_dict("SELECT 1"), HANG)
    assert is_outage(failed.value)


@DRIVERS
async def test_a_statement_that_runs_on_is_stopped_by_the_server(
    proxy: FaultProxy, mysql_url: str, driver: MySQLDriver
) -> None:
    async with database(settings_through(proxy, mysql_url, driver)) as db:
        with pytest.raises(OperationalError) as failed:
            await asyncio.wait_for(db.execute_query_dict("SELECT SLEEP(3)"), HANG)
        assert is_outage(failed.value)
        assert await db.execute_query_dict("SELECT 1 AS one") == [{"one": 1}]


def test_migrations_connect_without_the_request_timeouts(mysql_url: str) -> None:
    from rangex_graphql.db.config import connection_config

    settings = Settings(database_url=mysql_url, **TIMEOUTS)
    credentials = connection_config(settings)["credentials"]
    assert credentials["connect_timeout"] == 0.5
    assert "read_timeout" not in credentials
    assert "init_command" not in credentials


def test_the_read_timeout_must_outlast_the_statement_timeout() -> None:
    with pytest.raises(ValidationError, match="DB_STATEMENT_TIMEOUT"):
        Settings(db_statement_timeout_seconds=5, db_read_timeout_seconds=5)
    Settings(db_statement_timeout_seconds=0, db_read_timeout_seconds=5)
    Settings(db_statement_timeout_seconds=5, db_read_timeout_seconds=0)
