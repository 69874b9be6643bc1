"""Which errors mean "a dependency is away" (SERVICE_UNAVAILABLE) and which stay bugs
(INTERNAL_SERVER_ERROR), as the drivers and Tortoise raise them; and the subscription
results that carry them (issue 13, item 5)."""

from __future__ import annotations

import json

import pytest
from asyncmy.errors import OperationalError as AsyncmyOperationalError
from asyncmy.errors import ProgrammingError
from graphql import ExecutionResult, GraphQLError
from pymysql.err import OperationalError as PyMySQLOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from tortoise.exceptions import DBConnectionError, OperationalError

from rangex_graphql.api.error_masking import public_error
from rangex_graphql.api.subscriptions.fanout import encode_result
from rangex_graphql.api.unavailable import SERVICE_UNAVAILABLE, is_outage


def tortoise_wrapped(driver_error: Exception) -> OperationalError:
    """As Tortoise's ``translate_exceptions`` raises it: the driver's error as argument
    and as context."""
    wrapped = OperationalError(driver_error)
    wrapped.__context__ = driver_error
    return wrapped


@pytest.mark.parametrize(
    "error",
    [
        tortoise_wrapped(AsyncmyOperationalError(2013, "Lost connection (read timeout)")),
        tortoise_wrapped(PyMySQLOperationalError(2003, "Can't connect to MySQL server")),
        tortoise_wrapped(AsyncmyOperationalError(1969, "max_statement_time exceeded")),
        DBConnectionError("Can't connect to MySQL server: {...}"),
        RedisConnectionError("Error 111 connecting to 127.0.0.1:6379."),
        ConnectionResetError(),
    ],
)
def test_connectivity_and_timeouts_are_outages(error: Exception) -> None:
    assert is_outage(error)


@pytest.mark.parametrize(
    "error",
    [
        tortoise_wrapped(ProgrammingError(1064, "You have an error in your SQL syntax")),
        tortoise_wrapped(AsyncmyOperationalError(1054, "Unknown column 'x'")),
        ResponseError("WRONGTYPE Operation against a key holding the wrong kind of value"),
        ValueError("a bug"),
    ],
)
def test_bugs_are_not_outages(error: Exception) -> None:
    assert not is_outage(error)


def test_a_subscription_result_failed_by_an_outage_says_service_unavailable() -> None:
    lost = GraphQLError("boom", path=["sessionUpdated"], original_error=DBConnectionError("x"))
    bug = GraphQLError("boom", path=["sessionUpdated"], original_error=ValueError("x"))
    body = json.loads(encode_result(ExecutionResult(None, [lost, bug]), "req-1"))
    codes = [error["extensions"]["code"] for error in body["errors"]]
    assert codes == [SERVICE_UNAVAILABLE, "INTERNAL_SERVER_ERROR"]
    assert public_error(lost)[1] == SERVICE_UNAVAILABLE
