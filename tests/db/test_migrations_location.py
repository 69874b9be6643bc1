from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rangex_graphql.db.migrate import MigrationsMissing, apply_migrations, migrations_location
from rangex_graphql.settings import Settings


async def test_a_folder_without_migrations_is_an_error_not_up_to_date(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite://{tmp_path / 'x.sqlite3'}", migrations_dir=tmp_path)
    with pytest.raises(MigrationsMissing, match="RANGEX_MIGRATIONS_DIR"):
        await apply_migrations(settings)
    assert not (tmp_path / "x.sqlite3").exists()


def test_settings_point_at_another_migrations_folder(tmp_path: Path, repo_root: Path) -> None:
    copy = tmp_path / "migrations" / "models"
    copy.mkdir(parents=True)
    for path in (repo_root / "migrations" / "models").glob("*.py"):
        (copy / path.name).write_text(path.read_text())
    settings = Settings(migrations_dir=tmp_path / "migrations")
    assert migrations_location(settings) == tmp_path / "migrations"


def test_the_newest_migration_knows_every_model(tmp_path: Path, repo_root: Path) -> None:
    """aerich diffs the models against the newest file's ``MODELS_STATE``: migrations
    written side by side must leave it holding every model, or the next `migrate`
    re-creates tables that exist."""
    shutil.copytree(repo_root / "migrations", tmp_path / "migrations")
    shutil.copy(repo_root / "pyproject.toml", tmp_path / "pyproject.toml")
    aerich = Path(sys.executable).with_name("aerich")
    result = subprocess.run(
        [str(aerich), "migrate", "--offline", "--name", "drift"],
        cwd=tmp_path,
        env={**os.environ, "RANGEX_DATABASE_URL": "sqlite://:memory:"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "No changes detected" in result.stdout, result.stdout + result.stderr
