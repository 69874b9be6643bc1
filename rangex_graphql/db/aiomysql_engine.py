"""Tortoise's MySQL backend bound to aiomysql even when asyncmy is installed.

Tortoise picks its MySQL driver at import time (asyncmy when importable, else aiomysql)
and offers no switch. To let operators choose, this module loads a second copy of
Tortoise's MySQL client module with asyncmy hidden, so that copy binds aiomysql.

aiomysql has a connect timeout but no read timeout (asyncmy has both): a database that
stops answering would hold a query forever. The copy's pools therefore open their
connections through :class:`ReadTimeoutConnection`, which takes a ``read_timeout``
credential as asyncmy does.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from types import ModuleType
from typing import Any

import aiomysql
from pymysql.constants.CR import CR_SERVER_LOST
from pymysql.err import OperationalError


class ReadTimeoutConnection(aiomysql.Connection):  # type: ignore[misc]
    """A connection that gives up on a server silent for ``read_timeout`` seconds: the
    connection is closed (its protocol state is lost) and the query fails as a lost
    connection, like asyncmy's read timeout."""

    def __init__(self, *args: Any, read_timeout: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._read_timeout = read_timeout or None

    async def _read_bytes(self, num_bytes: int) -> bytes:
        # Rows already buffered need no timer: one per packet would cost more than parsing.
        buffered = len(getattr(self._reader, "_buffer", b""))
        if self._read_timeout is None or buffered >= num_bytes:
            return await super()._read_bytes(num_bytes)  # type: ignore[no-any-return]
        try:
            async with asyncio.timeout(self._read_timeout):
                return await super()._read_bytes(num_bytes)  # type: ignore[no-any-return]
        except TimeoutError as error:
            self.close()
            raise OperationalError(
                CR_SERVER_LOST, "Lost connection to MySQL server during query (read timeout)"
            ) from error


async def _connect(**kwargs: Any) -> ReadTimeoutConnection:
    connection = ReadTimeoutConnection(**kwargs)
    await connection._connect()
    return connection


def _load_pool_module() -> ModuleType:
    """A copy of ``aiomysql.pool`` whose pools connect through :func:`_connect`."""
    spec = importlib.util.find_spec("aiomysql.pool")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.__dict__["connect"] = _connect
    return module


def _load_client_with_aiomysql() -> ModuleType:
    spec = importlib.util.find_spec("tortoise.backends.mysql.client")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    hidden = sys.modules.get("asyncmy", None)
    sys.modules["asyncmy"] = None  # type: ignore[assignment]  # makes `import asyncmy` fail
    try:
        spec.loader.exec_module(module)
    finally:
        if hidden is None:
            del sys.modules["asyncmy"]
        else:
            sys.modules["asyncmy"] = hidden
    return module


def _driver_with_read_timeout(driver: ModuleType) -> ModuleType:
    """What the client module calls ``mysql``: aiomysql, its pools from the copy above."""
    pools = _load_pool_module()
    shim = ModuleType(driver.__name__)
    shim.__dict__.update(vars(driver))
    shim.__dict__.update(create_pool=pools.create_pool, Pool=pools.Pool)
    return shim


_client_module = _load_client_with_aiomysql()
_client_module.__dict__["mysql"] = _driver_with_read_timeout(_client_module.mysql)
client_class = _client_module.MySQLClient
DRIVER_NAME = _client_module.mysql.__name__
