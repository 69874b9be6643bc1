"""Migration 11 (image governance) on rows written before it: every image a machine
already uses enters the catalog APPROVED, once, with rows the models can read."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rangex_graphql.db.migrate import apply_migrations, migration_files
from rangex_graphql.settings import Settings
from tests.db.test_migration_competitions import insert
from tests.db.test_migrations import (  # noqa: F401 - fixtures used by name
    Database,
    _rebind_session_models,
    apply_first,
    new_database,
    read_schema,
)

BEFORE = [p.name for p in migration_files()].index(
    next(p.name for p in migration_files() if p.name.endswith("_image_governance.py"))
)


async def test_images_in_use_enter_the_catalog_approved(
    new_database: Callable[[], Settings],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    settings = new_database()
    await apply_first(settings, BEFORE, tmp_path)
    with Database(settings) as db:
        s = read_schema(db)
        author = insert(db, s, "user", email="a@x", username="a")
        scenario = insert(db, s, "scenario", author_id=author, category="web")
        for number in (1, 2):
            version = insert(db, s, "scenario_version", scenario_id=scenario, number=number)
            insert(db, s, "machine", version_id=version, name="kali", image_ref="rangex/kali:1")
            insert(db, s, "machine", version_id=version, name="web", image_ref=f"web:{number}")
    await apply_migrations(settings)
    with Database(settings) as db:
        sql = (
            'SELECT "id", "image_ref", "approval", "name", "created_at", "pinned_ref" '
            'FROM "image_variant" ORDER BY "image_ref"'
        )
        rows = db.rows(sql.replace('"', "`") if db.dialect == "mysql" else sql, ())
    assert [(r[1], r[2], r[3], r[5]) for r in rows] == [
        ("rangex/kali:1", "APPROVED", "rangex/kali:1", None),
        ("web:1", "APPROVED", "web:1", None),
        ("web:2", "APPROVED", "web:2", None),
    ]
    assert len({uuid.UUID(str(row[0])) for row in rows}) == 3  # a UUID each, distinct
    for row in rows:
        created = row[4] if isinstance(row[4], datetime) else datetime.fromisoformat(row[4])
        assert abs((datetime.now(created.tzinfo) - created).total_seconds()) < 600
