"""RowReader returns exactly what QuerySet.values() returns, on SQLite and MariaDB."""

from __future__ import annotations

from rangex_graphql.db.rows import RowReader
from rangex_graphql.models import EnvironmentSession, Machine, ScenarioVersion, User
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from tests import factories


async def test_rows_match_queryset_values_for_every_column_type(db: None) -> None:
    scenario = await factories.scenario()
    draft = await factories.version(scenario, VersionStatus.DRAFT, machines=3)
    published = await factories.version(scenario, machines=1)
    learner = await factories.user(UserRole.CREATOR)
    await factories.session(learner, published, SessionState.RUNNING)

    machine_columns = ("id", "version_id", "name", "role", "cpu", "exposed_ports", "environment")
    reader = RowReader(Machine, machine_columns, "version_id", ("position", "id"))
    expected = (
        await Machine.filter(version_id__in=[draft.id, published.id])
        .order_by("position", "id")
        .values(*machine_columns)
    )
    assert await reader.where_in([draft.id, published.id]) == expected
    assert len(expected) == 4

    session_columns = ("id", "user_id", "event_id", "state", "cost_rm", "started_at", "ended_at")
    sessions = RowReader(EnvironmentSession, session_columns, "user_id")
    assert await sessions.where_in([learner.id]) == await EnvironmentSession.filter(
        user_id=learner.id
    ).values(*session_columns)

    user_columns = ("id", "role", "mfa_enabled", "created_at", "last_login_at")
    users = RowReader(User, user_columns, "id")
    assert await users.where_in([learner.id]) == await User.filter(id=learner.id).values(
        *user_columns
    )


async def test_where_conditions_and_empty_keys(db: None) -> None:
    scenario = await factories.scenario()
    await factories.version(scenario, VersionStatus.ARCHIVED)
    live = await factories.version(scenario, VersionStatus.PUBLISHED)
    reader = RowReader(
        ScenarioVersion, ("id", "status"), "scenario_id", where={"status": VersionStatus.PUBLISHED}
    )
    assert await reader.where_in([scenario.id]) == [
        {"id": live.id, "status": VersionStatus.PUBLISHED}
    ]
    assert await reader.where_in([]) == []
