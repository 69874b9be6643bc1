"""Reading the run-time settings costs a request no SQL statement: requests read the
replica's memory, the record is read only in the background."""

from __future__ import annotations

import pytest

from rangex_graphql.models import User
from rangex_graphql.models.enums import ResourceProfile, UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.platform_settings.changes import update_settings
from rangex_graphql.services.sessions.start import StartRequest, start
from tests import factories
from tests.conftest import StatementCounter

from .helpers import READ, STATUS, call

pytestmark = pytest.mark.usefixtures("db")

REGISTER = """
mutation { accountRegister(input: {
  email: "late@example.test", username: "late", password: "correct-horse-battery-9"
}) { errors { code } } }
"""


async def test_reading_the_settings_sends_no_statement(
    runtime: Runtime, sql_counter: StatementCounter
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    sql_counter.reset()
    data, errors = await call(runtime, READ, admin)
    assert not errors
    assert data is not None
    data, errors = await call(runtime, STATUS, None)
    assert not errors
    assert data is not None
    assert sql_counter.statements == []


async def test_a_refusal_by_the_settings_sends_no_statement(
    runtime: Runtime, sql_counter: StatementCounter
) -> None:
    await update_settings(runtime.platform, {"registrations_open": False}, None, SYSTEM)
    sql_counter.reset()
    data, errors = await call(runtime, REGISTER, None)
    assert not errors
    assert data == {"accountRegister": {"errors": [{"code": "REGISTRATION_CLOSED"}]}}
    assert sql_counter.statements == []
    assert await User.filter(username="late").count() == 0


async def test_a_session_start_never_reads_the_settings_record(
    runtime: Runtime, sql_counter: StatementCounter
) -> None:
    user = await factories.user()
    version = await factories.version(await factories.scenario(), machines=1, questions=0)
    await update_settings(
        runtime.platform, {"max_total_machines": 50, "sessions_per_user": 3}, None, SYSTEM
    )
    sql_counter.reset()
    await start(
        runtime, Actor(user.id), StartRequest(version.id, ResourceProfile.MICRO, 30), SYSTEM
    )
    assert sql_counter.count > 0  # the counter sees the start's statements
    assert not [s for s in sql_counter.statements if "platform_settings_record" in s]
