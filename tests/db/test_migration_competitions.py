"""Migration 7 (competitions) on rows written before it: enum values map onto the new ones,
counters and participants are filled in, and ``user.total_score`` becomes the sum over
scenario versions of the best session score (it used to add every session's score)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rangex_graphql.db.migrate import apply_migrations, migration_files
from rangex_graphql.settings import Settings
from tests.db.test_migrations import (  # noqa: F401 - fixtures used by name
    Database,
    Table,
    _rebind_session_models,
    apply_first,
    new_database,
    read_schema,
    sample_value,
)

BEFORE = [p.name for p in migration_files()].index(
    next(p.name for p in migration_files() if p.name.startswith("7_"))
)


def insert(db: Database, schema: dict[str, Table], table: str, **values: Any) -> str:
    """A row of ``table`` with ``values``; other NOT NULL columns get sample values."""
    row: dict[str, Any] = {"id": str(uuid.uuid4())}
    for col, (kind, null) in schema[table].columns.items():
        if col in values:
            row[col] = values[col]
        elif col not in row and not null:
            row[col] = sample_value(kind)
    columns = ", ".join(db.quote(c) for c in row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO {db.quote(table)} ({columns}) VALUES ({marks})", tuple(row.values()))
    return str(row["id"])


def one(db: Database, sql: str, *params: Any) -> Any:
    return db.rows(sql.replace('"', "`") if db.dialect == "mysql" else sql, params)[0][0]


async def test_old_rows_take_the_competition_shape(
    new_database: Callable[[], Settings],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    settings = new_database()
    await apply_first(settings, BEFORE, tmp_path)
    with Database(settings) as db:
        s = read_schema(db)
        learner = insert(db, s, "user", total_score=999, email="l@x", username="l")
        captain = insert(db, s, "user", total_score=0, email="c@x", username="c")
        scenario = insert(db, s, "scenario", author_id=learner, category="web")
        v1 = insert(db, s, "scenario_version", scenario_id=scenario, created_by_id=learner)
        v2 = insert(
            db, s, "scenario_version", scenario_id=scenario, created_by_id=learner, number=2
        )
        for points in (30, 20):
            insert(db, s, "question", version_id=v1, points=points)
        # Version 1 played three times (30, 50, 10), version 2 once (20): best per version.
        for version, score in ((v1, 30), (v1, 50), (v1, 10), (v2, 20)):
            insert(
                db,
                s,
                "environment_session",
                user_id=learner,
                version_id=version,
                score=score,
                event_id=None,
                team_id=None,
            )
        event = insert(
            db,
            s,
            "event",
            slug="e",
            status="SCHEDULED",
            participation_mode="INDIVIDUAL",
            registration_mode="INVITE_ONLY",
            created_by_id=None,
        )
        insert(db, s, "event_scenario", event_id=event, version_id=v1)
        insert(
            db,
            s,
            "event_registration",
            event_id=event,
            user_id=learner,
            team_id=None,
            status="APPROVED",
        )
        insert(
            db,
            s,
            "event_registration",
            event_id=event,
            user_id=captain,
            team_id=None,
            status="WITHDRAWN",
        )
        cancelled = insert(db, s, "event", slug="x", status="CANCELLED", created_by_id=None)
        team_a = insert(db, s, "team", name="a", slug="a", created_by_id=None)
        team_b = insert(db, s, "team", name="b", slug="b", created_by_id=None)
        insert(
            db,
            s,
            "team_member",
            team_id=team_a,
            user_id=captain,
            role="CAPTAIN",
            created_at="2024-01-01 00:00:00",
        )
        insert(
            db,
            s,
            "team_member",
            team_id=team_b,
            user_id=captain,
            role="CAPTAIN",
            created_at="2024-02-01 00:00:00",
        )

    await apply_migrations(settings)

    with Database(settings) as db:
        assert one(db, 'SELECT total_score FROM "user" WHERE id = ?', learner) == 70
        assert one(db, 'SELECT total_score FROM "user" WHERE id = ?', captain) == 0
        assert db.rows(
            "SELECT status, participation_mode, registration_mode, registered_count"
            ' FROM "event" WHERE id = ?'.replace('"', "`" if db.dialect == "mysql" else '"'),
            (event,),
        ) == [("PUBLISHED", "SOLO", "INVITE_CODE", 1)]
        assert one(db, 'SELECT deleted_at IS NOT NULL FROM "event" WHERE id = ?', cancelled)
        # The withdrawn registration is gone; the approved one has its participant.
        assert one(db, 'SELECT COUNT(*) FROM "event_registration" WHERE event_id = ?', event) == 1
        assert one(db, 'SELECT COUNT(*) FROM "event_participant" WHERE user_id = ?', learner) == 1
        # The challenge knows its questions, its points and its category.
        assert one(db, 'SELECT COUNT(*) FROM "event_question" WHERE event_id = ?', event) == 2
        assert one(db, 'SELECT points FROM "event_scenario" WHERE event_id = ?', event) == 50
        assert one(db, 'SELECT category FROM "event_scenario" WHERE event_id = ?', event) == "web"
        # One team per user: the oldest membership stays.
        assert one(db, 'SELECT team_id FROM "team_member" WHERE user_id = ?', captain) == team_a
        assert one(db, 'SELECT member_count FROM "team" WHERE id = ?', team_a) == 1
        assert one(db, 'SELECT member_count FROM "team" WHERE id = ?', team_b) == 0
