"""Row readers return exactly what QuerySet.values() returns, on SQLite and MariaDB."""

from __future__ import annotations

from rangex_graphql.db.rows import ChildJoin, RowConverter, RowReader, fetch_rows
from rangex_graphql.models import (
    EnvironmentSession,
    Machine,
    Question,
    Scenario,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from tests import factories


async def test_rows_match_queryset_values_for_every_column_type(db: None) -> None:
    scenario = await factories.scenario()
    draft = await factories.version(scenario, VersionStatus.DRAFT, machines=3)
    published = await factories.version(scenario, machines=1)
    learner = await factories.user(UserRole.CREATOR)
    await factories.session(learner, published, SessionState.RUNNING)

    machine_columns = ("id", "version_id", "name", "role", "cpu", "entrypoints", "environment")
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


async def test_rows_with_their_children_and_grandchildren_in_one_statement(db: None) -> None:
    with_two = await factories.scenario()
    await factories.version(with_two, VersionStatus.ARCHIVED, machines=1, questions=0)
    three_machines = await factories.version(
        with_two, VersionStatus.PUBLISHED, machines=3, questions=0
    )
    # Positions against the order of insertion: the join must sort, not trust the table.
    inserted = await Machine.filter(version_id=three_machines.id).order_by("id")
    for position, machine in enumerate(reversed(inserted)):
        await Machine.filter(id=machine.id).update(position=position)
    await factories.version(with_two, VersionStatus.PUBLISHED, machines=0, questions=0)
    without = await factories.scenario()
    await factories.version(without, VersionStatus.DRAFT, machines=2, questions=0)
    scenario_columns = ("id", "slug", "visibility", "created_at", "deleted_at")
    version_columns = ("id", "scenario_id", "number", "status", "published_at")
    machine_columns = ("id", "version_id", "name", "role", "cpu", "entrypoints", "position")
    scenarios = RowReader(Scenario, scenario_columns, "slug")
    published = RowReader(
        ScenarioVersion,
        version_columns,
        "scenario_id",
        ("-number",),
        {"status": VersionStatus.PUBLISHED},
    )
    machines = RowReader(Machine, machine_columns, "version_id", ("position", "id"))
    for join in (ChildJoin(scenarios, published), ChildJoin(scenarios, published, machines)):
        found = await join.where_in([without.slug, with_two.slug, "no-such-slug"])
        by_slug = {joined.row["slug"]: joined for joined in found}
        assert set(by_slug) == {with_two.slug, without.slug}
        for scenario in (with_two, without):
            joined = by_slug[scenario.slug]
            assert [joined.row] == await Scenario.filter(id=scenario.id).values(*scenario_columns)
            assert [version.row for version in joined.children] == await ScenarioVersion.filter(
                scenario_id=scenario.id, status=VersionStatus.PUBLISHED
            ).order_by("-number").values(*version_columns)
            for version in joined.children:
                expected = await (
                    Machine.filter(version_id=version.row["id"])
                    .order_by("position", "id")
                    .values(*machine_columns)
                )
                got = [machine.row for machine in version.children]
                assert got == (expected if len(join.readers) == 3 else [])
        assert [v.row["number"] for v in by_slug[with_two.slug].children] == [3, 2]
        assert by_slug[without.slug].children == []
        assert await join.where_in([]) == []
    three = by_slug[with_two.slug].children[1]
    assert len(three.children) == 3


async def test_counts_of_rows_pointing_at_each_row(db: None) -> None:
    scenario = await factories.scenario()
    three = await factories.version(scenario, machines=3)
    none = await factories.version(scenario, VersionStatus.DRAFT, machines=0)
    columns = ("id", "number", "status")
    reader = RowReader(
        ScenarioVersion, columns, "scenario_id", ("number",), counts={"n": (Machine, "version_id")}
    )
    rows = await reader.where_in([scenario.id])
    expected = (
        await ScenarioVersion.filter(scenario_id=scenario.id).order_by("number").values(*columns)
    )
    assert [{k: v for k, v in row.items() if k != "n"} for row in rows] == expected
    assert [(row["id"], row["n"]) for row in rows] == [(three.id, 3), (none.id, 0)]


async def test_columns_of_related_rows_convert_as_values_does(db: None) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    columns = ("id", "author__id", "author__role", "author__created_at", "author__mfa_enabled")
    query = Scenario.filter(id=scenario.id).values(*columns)
    query.sql()
    sql, params = query.query.get_parameterized_sql()
    rows = await fetch_rows(Scenario, RowConverter(Scenario, columns), sql, params)
    assert rows == await Scenario.filter(id=scenario.id).values(*columns)
    assert rows[0]["author__role"] is UserRole.CREATOR


async def test_rows_with_two_kinds_of_children_in_one_statement(db: None) -> None:
    scenario = await factories.scenario()
    both = await factories.version(scenario, VersionStatus.PUBLISHED, machines=3, questions=3)
    only_questions = await factories.version(
        scenario, VersionStatus.PUBLISHED, machines=0, questions=2
    )
    only_machines = await factories.version(
        scenario, VersionStatus.PUBLISHED, machines=2, questions=0
    )
    await factories.version(scenario, VersionStatus.PUBLISHED, machines=0, questions=0)
    # Positions against the order of insertion: the join must sort, not trust the table.
    for model in (Machine, Question):
        inserted = await model.filter(version_id=both.id).order_by("id")
        for position, row in enumerate(reversed(inserted)):
            await model.filter(id=row.id).update(position=position)
    machine_columns = ("id", "version_id", "name", "position")
    question_columns = ("id", "version_id", "prompt", "position", "choices")
    join = ChildJoin(
        RowReader(Scenario, ("id", "slug"), "slug"),
        RowReader(ScenarioVersion, ("id", "scenario_id", "number"), "scenario_id", ("-number",)),
        RowReader(Machine, machine_columns, "version_id", ("position", "id")),
        also=RowReader(Question, question_columns, "version_id", ("position", "id")),
    )

    [found] = await join.where_in([scenario.slug])

    assert [v.row["number"] for v in found.children] == [4, 3, 2, 1]
    assert found.also == []
    for version in found.children:
        machines = (
            await Machine.filter(version_id=version.row["id"])
            .order_by("position", "id")
            .values(*machine_columns)
        )
        questions = (
            await Question.filter(version_id=version.row["id"])
            .order_by("position", "id")
            .values(*question_columns)
        )
        assert [m.row for m in version.children] == machines
        assert [q.row for q in version.also] == questions
    counts = {v.row["id"]: (len(v.children), len(v.also)) for v in found.children}
    assert counts[both.id] == (3, 3)
    assert counts[only_questions.id] == (0, 2)
    assert counts[only_machines.id] == (2, 0)
