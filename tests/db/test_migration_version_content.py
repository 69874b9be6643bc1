"""Migration 8 (challenge content) on rows written before it: each exposed port of a
machine becomes an entrypoint exposed to the learner with the protocol its port serves,
in order; attacker machines are the ones the learner enters; and existing versions keep
scoring per question; the upload quota has its lock row."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rangex_graphql.db.migrate import apply_migrations, migration_files
from rangex_graphql.settings import Settings
from tests.db.test_migration_competitions import insert, one
from tests.db.test_migrations import (  # noqa: F401 - fixtures used by name
    Database,
    _rebind_session_models,
    apply_first,
    new_database,
    read_schema,
)

BEFORE = [p.name for p in migration_files()].index(
    next(p.name for p in migration_files() if p.name.startswith("8_"))
)


def entrypoints_of(db: Database, machine: str) -> Any:
    return json.loads(one(db, 'SELECT "entrypoints" FROM "machine" WHERE "id" = ?', machine))


async def test_exposed_ports_become_entrypoints_and_versions_keep_their_scoring(
    new_database: Callable[[], Settings],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    settings = new_database()
    await apply_first(settings, BEFORE, tmp_path)
    with Database(settings) as db:
        s = read_schema(db)
        author = insert(db, s, "user", email="a@x", username="a")
        scenario = insert(db, s, "scenario", author_id=author, category="web")
        version = insert(db, s, "scenario_version", scenario_id=scenario, number=1)
        attacker = insert(
            db,
            s,
            "machine",
            version_id=version,
            name="kali",
            role="ATTACKER",
            exposed_ports="[22, 6901, 1234]",
        )
        target = insert(
            db, s, "machine", version_id=version, name="web", role="TARGET", exposed_ports="[]"
        )
    await apply_migrations(settings)
    with Database(settings) as db:
        entrypoints = json.loads(
            one(db, 'SELECT "entrypoints" FROM "machine" WHERE "id" = ?', attacker)
        )
        assert entrypoints == [
            {"protocol": "SSH", "port": 22, "exposed": True, "description": ""},
            {"protocol": "HTTPS", "port": 6901, "exposed": True, "description": ""},
            {"protocol": "TCP", "port": 1234, "exposed": True, "description": ""},
        ]
        assert (
            json.loads(one(db, 'SELECT "entrypoints" FROM "machine" WHERE "id" = ?', target)) == []
        )
        assert one(db, 'SELECT "scoring_mode" FROM "scenario_version" WHERE "id" = ?', version) == (
            "PER_QUESTION"
        )
        assert one(db, 'SELECT "mission" FROM "scenario_version" WHERE "id" = ?', version) == ""
        # The row the upload quota check locks.
        assert one(db, 'SELECT COUNT(*) FROM "platform_lock" WHERE "name" = ?', "file-quota") == 1
