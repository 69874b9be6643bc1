from __future__ import annotations

from pathlib import Path

import pytest

from rangex_graphql.db.config import connection_config, dialect_of
from rangex_graphql.settings import MySQLDriver, Settings


def test_readme_documents_every_setting(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text()
    missing = [n for n in Settings.model_fields if f"`RANGEX_{n.upper()}`" not in readme]
    assert not missing


def test_settings_come_from_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RANGEX_DATABASE_URL", "mysql://u:p%40ss@db:3307/rx")
    monkeypatch.setenv("RANGEX_MYSQL_DRIVER", "aiomysql")
    monkeypatch.setenv("RANGEX_DB_POOL_MAX", "7")
    settings = Settings()
    assert settings.mysql_driver is MySQLDriver.AIOMYSQL
    config = connection_config(settings)
    assert config["engine"] == "rangex_graphql.db.aiomysql_engine"
    creds = config["credentials"]
    assert (creds["host"], creds["port"], creds["user"], creds["password"]) == (
        "db",
        3307,
        "u",
        "p@ss",
    )
    assert (creds["database"], creds["maxsize"], creds["charset"]) == ("rx", 7, "utf8mb4")


def test_sqlite_is_the_embedded_default() -> None:
    config = connection_config(Settings(_env_file=None))
    assert config["engine"] == "tortoise.backends.sqlite"
    assert config["credentials"]["file_path"] == "rangex.sqlite3"


def test_unknown_database_scheme_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported database URL"):
        dialect_of("postgres://x")


def test_aiomysql_engine_really_binds_aiomysql() -> None:
    from rangex_graphql.db import aiomysql_engine

    assert aiomysql_engine.DRIVER_NAME == "aiomysql"
    import tortoise.backends.mysql.client as default_client

    assert vars(default_client)["mysql"].__name__ == "asyncmy"
