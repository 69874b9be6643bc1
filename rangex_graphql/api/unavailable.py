"""Errors that mean a dependency is away, not that the server has a bug.

A request that meets a database or Redis that refuses, drops or stalls its connection (the
driver's timeouts end the wait: ``RANGEX_DB_*_TIMEOUT_SECONDS``,
``RANGEX_REDIS_TIMEOUT_SECONDS``), or a statement the server stopped at its time limit,
fails at once with ``SERVICE_UNAVAILABLE`` (HTTP 503 with ``Retry-After``): the client may
retry the same request shortly, unlike after an ``INTERNAL_SERVER_ERROR``.
"""

from __future__ import annotations

from asyncmy.errors import OperationalError as AsyncmyOperationalError
from pymysql.err import OperationalError as PyMySQLOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tortoise.exceptions import DBConnectionError

from ..security.throttle import ThrottleUnavailableError

SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
UNAVAILABLE_MESSAGE = (
    "Service temporarily unavailable: a database or cache did not answer. Retry shortly."
)
RETRY_AFTER_SECONDS = 5

# MySQL client errors: cannot connect (2002, 2003), server gone away (2006), connection
# lost during a query (2013, 2055, read timeouts too); MariaDB's max_statement_time (1969).
_MYSQL_OUTAGE_CODES = frozenset({2002, 2003, 2006, 2013, 2055, 1969})

_OUTAGE_TYPES = (
    DBConnectionError,
    RedisConnectionError,
    RedisTimeoutError,
    ThrottleUnavailableError,
    ConnectionError,
    TimeoutError,
)


def is_outage(error: BaseException | None) -> bool:
    """Whether ``error``, or an error it wraps, says a dependency is away."""
    pending = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, _OUTAGE_TYPES):
            return True
        if (
            isinstance(current, AsyncmyOperationalError | PyMySQLOperationalError)
            and current.args
            and current.args[0] in _MYSQL_OUTAGE_CODES
        ):
            return True
        # Tortoise wraps the driver's error as its argument; others chain it.
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
        pending.extend((current.__cause__, current.__context__))
    return False
