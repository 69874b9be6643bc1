"""The aerich migrations, applied to empty SQLite and MariaDB databases.

Every test runs against SQLite and MariaDB (with both MySQL drivers), each on fresh
databases it creates and drops. The schema the migrations build must equal the one
Tortoise generates from the models, so a model change without a migration fails here.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pymysql
import pytest
from tortoise.context import TortoiseContext, get_current_context
from tortoise.exceptions import OperationalError
from tortoise.indexes import Index

from rangex_graphql.db.config import connection_config, tortoise_config
from rangex_graphql.db.migrate import apply_migrations, migration_files, pending_migrations
from rangex_graphql.settings import MySQLDriver, Settings
from tests.support.mysql import drop_mysql_database, reset_mysql_database

MIGRATIONS = [path.name for path in migration_files()]
TARGETS = [
    "sqlite",
    pytest.param("mysql", marks=pytest.mark.mysql),
    pytest.param("mysql-aiomysql", marks=pytest.mark.mysql),
]


# --- databases ------------------------------------------------------------------------


@pytest.fixture(params=TARGETS)
def new_database(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[], Settings]]:
    """Makes settings for a new empty database of the target kind; drops them afterwards."""
    target: str = request.param
    made: list[Settings] = []
    server = request.getfixturevalue("mysql_url") if target.startswith("mysql") else ""

    def make() -> Settings:
        if not server:
            url = f"sqlite://{tmp_path / f'db{len(made)}.sqlite3'}"
            settings = Settings(database_url=url, migrate_on_start=False)
        else:
            name = f"rangex_migr_{uuid.uuid4().hex[:12]}"
            url = urlparse(server)._replace(path=f"/{name}").geturl()
            reset_mysql_database(url)
            driver = MySQLDriver.AIOMYSQL if target.endswith("aiomysql") else MySQLDriver.ASYNCMY
            settings = Settings(database_url=url, mysql_driver=driver, migrate_on_start=False)
        made.append(settings)
        return settings

    yield make
    for settings in made:
        if server:
            drop_mysql_database(settings.database_url)


@pytest.fixture(autouse=True)
def _rebind_session_models() -> Iterator[None]:
    """Tortoise keeps each model's base query (SQL dialect included) on the model class,
    and every context that initialises rebinds it: after a test here generated a schema on
    another database, bind the models back to the session's context, if one is open."""
    yield
    context = get_current_context()
    if context is not None and context.apps is not None:
        context.apps._build_initial_querysets()


class Database:
    """A plain driver connection (no Tortoise) to look at what the migrations built."""

    def __init__(self, settings: Settings) -> None:
        self.credentials = connection_config(settings)["credentials"]
        self.dialect = "sqlite" if "file_path" in self.credentials else "mysql"
        self.name = self.credentials.get("database", "")
        self.connection: Any = None

    def __enter__(self) -> Database:
        if self.dialect == "sqlite":
            self.connection = sqlite3.connect(self.credentials["file_path"], isolation_level=None)
        else:
            c = self.credentials
            self.connection = pymysql.connect(
                host=c["host"],
                port=c["port"],
                user=c["user"],
                password=c["password"],
                database=self.name,
                autocommit=True,
            )
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()

    def quote(self, name: str) -> str:
        return f'"{name}"' if self.dialect == "sqlite" else f"`{name}`"

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if self.dialect == "mysql":
            sql = sql.replace("?", "%s")
        cursor = self.connection.cursor()
        cursor.execute(sql, params)
        return list(cursor.fetchall())

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        self.rows(sql, params)


# --- the schema as the database reports it ---------------------------------------------


@dataclass
class Table:
    columns: dict[str, tuple[str, bool]] = field(default_factory=dict)  # name: (type, null)
    primary_key: tuple[str, ...] = ()
    indexes: set[tuple[tuple[str, ...], bool]] = field(default_factory=set)  # (cols, unique)
    foreign_keys: set[tuple[str, str, str, str]] = field(default_factory=set)
    # (column, referenced table, referenced column, ON DELETE rule)


def read_schema(db: Database) -> dict[str, Table]:
    return read_sqlite_schema(db) if db.dialect == "sqlite" else read_mysql_schema(db)


def read_sqlite_schema(db: Database) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    names = db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
    for (name,) in names:
        if name.startswith("sqlite_"):
            continue
        table = tables[name] = Table()
        info = db.rows(f"PRAGMA table_info({db.quote(name)})")
        table.columns = {col: (kind.lower(), not notnull) for _, col, kind, notnull, _, _ in info}
        table.primary_key = tuple(row[1] for row in sorted(info, key=lambda row: row[5]) if row[5])
        for _, index, unique, _, _ in db.rows(f"PRAGMA index_list({db.quote(name)})"):
            columns = db.rows(f"PRAGMA index_info({db.quote(index)})")
            table.indexes.add((tuple(col for _, _, col in sorted(columns)), bool(unique)))
        for fk in db.rows(f"PRAGMA foreign_key_list({db.quote(name)})"):
            table.foreign_keys.add((fk[3], fk[2], fk[4], fk[6]))
    return tables


def read_mysql_schema(db: Database) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, col, kind, nullable, key in db.rows(
        "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_KEY"
        " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY ORDINAL_POSITION",
        (db.name,),
    ):
        table = tables.setdefault(name, Table())
        table.columns[col] = (kind.lower(), nullable == "YES")
        if key == "PRI":
            table.primary_key += (col,)
    indexes: dict[tuple[str, str], tuple[list[str], bool]] = {}
    for name, index, non_unique, col in db.rows(
        "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS"
        " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
        (db.name,),
    ):
        indexes.setdefault((name, index), ([], not non_unique))[0].append(col)
    for (name, _), (columns, unique) in indexes.items():
        tables[name].indexes.add((tuple(columns), unique))
    for name, col, ref_table, ref_col, on_delete in db.rows(
        "SELECT k.TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,"
        " r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
        " JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
        " ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
        " WHERE k.TABLE_SCHEMA = ?",
        (db.name,),
    ):
        tables[name].foreign_keys.add((col, ref_table, ref_col, on_delete))
    return tables


# --- the schema as the models define it ------------------------------------------------


@dataclass
class ModelTable:
    columns: dict[str, bool]  # name: null
    indexed: set[tuple[str, ...]]  # column groups that need an index leading with them


def model_tables(context: TortoiseContext) -> dict[str, ModelTable]:
    assert context.apps is not None
    tables: dict[str, ModelTable] = {}
    for model in context.apps.get_models_iterable():
        meta = model._meta
        column_of = dict(meta.fields_db_projection)
        for relation in meta.fk_fields | meta.o2o_fields:
            source_field = meta.fields_map[relation].source_field
            assert source_field is not None  # a relation always has its column
            column_of[relation] = column_of[source_field]
        columns = {
            col: meta.fields_map[name].null for name, col in meta.fields_db_projection.items()
        }
        indexed: set[tuple[str, ...]] = {
            (column_of[name],)
            for name in column_of
            if name in meta.fk_fields | meta.o2o_fields
            or any(getattr(meta.fields_map[name], flag) for flag in ("index", "unique", "pk"))
        }
        for group in [*meta.unique_together, *meta.indexes]:
            names = group.fields if isinstance(group, Index) else group
            indexed.add(tuple(column_of[name] for name in names))
        tables[meta.db_table] = ModelTable(columns, indexed)
    return tables


async def generated_schema(settings: Settings) -> tuple[dict[str, Table], dict[str, ModelTable]]:
    """What ``Tortoise.generate_schemas`` builds from the models, and the models' own view."""
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(settings))
        await context.generate_schemas(safe=False)
        expected = model_tables(context)
    with Database(settings) as db:
        return read_schema(db), expected


# --- tests ----------------------------------------------------------------------------


async def test_migrations_build_the_schema_of_the_models(
    new_database: Callable[[], Settings],
) -> None:
    migrated_db = new_database()
    assert await apply_migrations(migrated_db) == MIGRATIONS
    with Database(migrated_db) as db:
        migrated = read_schema(db)
    generated, models = await generated_schema(new_database())

    assert set(migrated) == set(models)  # aerich's own table is a model of the app too
    for name, model in models.items():
        table = migrated[name]
        assert {col: null for col, (_, null) in table.columns.items()} == model.columns, name
        # SQLite lists no index for an INTEGER PRIMARY KEY: the key is the table's b-tree.
        indexes = [cols for cols, _ in table.indexes] + [table.primary_key]
        for group in model.indexed:
            assert any(cols[: len(group)] == group for cols in indexes), f"{name}: {group}"
    # Types, primary keys, unique and composite indexes, foreign keys: all as Tortoise
    # would create them from the models today.
    for name in generated:
        assert migrated[name] == generated[name], name


async def test_second_run_applies_nothing(new_database: Callable[[], Settings]) -> None:
    settings = new_database()
    before = get_current_context()
    assert await pending_migrations(settings) == MIGRATIONS
    shown: list[str] = []
    assert await apply_migrations(settings, progress=shown.append) == MIGRATIONS
    assert shown == MIGRATIONS

    assert await apply_migrations(settings, progress=shown.append) == []
    assert shown == MIGRATIONS
    assert await pending_migrations(settings) == []
    assert get_current_context() is before  # the app can initialise Tortoise right after
    with Database(settings) as db:
        assert sorted(row[0] for row in db.rows("SELECT version FROM aerich")) == sorted(MIGRATIONS)
        if db.dialect == "mysql":
            assert other_sessions(db) == 0  # every connection it opened is closed


async def test_two_processes_starting_at_once_apply_each_migration_once(
    new_database: Callable[[], Settings],
) -> None:
    settings = new_database()
    # Each task runs in its own Tortoise context with its own connections, like a process.
    first, second = await asyncio.gather(apply_migrations(settings), apply_migrations(settings))
    assert sorted([first, second], key=len) == [[], MIGRATIONS]
    with Database(settings) as db:
        assert db.rows("SELECT COUNT(*) FROM aerich") == [(len(MIGRATIONS),)]


async def test_a_failing_migration_is_not_recorded(
    new_database: Callable[[], Settings], tmp_path: Path
) -> None:
    settings = new_database()
    assert await apply_first(settings, len(MIGRATIONS), tmp_path) == MIGRATIONS
    broken = f"{len(MIGRATIONS)}_broken.py"
    (tmp_path / "models" / broken).write_text(
        "async def upgrade(db):\n"
        "    return 'CREATE TABLE half_done (id INT);\\nINSERT INTO no_such_table VALUES (1);'\n"
    )
    with pytest.raises(OperationalError):
        await apply_migrations(settings, location=tmp_path)

    assert await pending_migrations(settings, location=tmp_path) == [broken]
    with Database(settings) as db:
        # SQLite rolls the whole migration back; MySQL commits each DDL statement.
        assert ("half_done" in read_schema(db)) is (db.dialect == "mysql")


async def test_a_database_that_cannot_be_opened_is_an_error_not_a_hang(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite://{tmp_path}", migrate_on_start=False)  # a folder
    with pytest.raises(OperationalError, match="unable to open"):
        await asyncio.wait_for(apply_migrations(settings), timeout=10)


@pytest.mark.parametrize("last_before", range(len(MIGRATIONS)), ids=MIGRATIONS)
async def test_rows_survive_the_migrations_after_them(
    new_database: Callable[[], Settings], tmp_path: Path, last_before: int
) -> None:
    """Rows written after migration N survive N+1 and the rest: this covers every
    consecutive pair; after the newest migration, the rest is a no-op run."""
    settings = new_database()
    assert await apply_first(settings, last_before + 1, tmp_path) == MIGRATIONS[: last_before + 1]
    with Database(settings) as db:
        written = insert_a_row_per_table(db)
    assert await apply_migrations(settings) == MIGRATIONS[last_before + 1 :]

    with Database(settings) as db:
        schema = read_schema(db)
        for name, key in written.items():
            if name not in schema:
                continue  # a later migration dropped the table on purpose
            where = " AND ".join(f"{db.quote(col)} = ?" for col in key)
            count = db.rows(
                f"SELECT COUNT(*) FROM {db.quote(name)} WHERE {where}", tuple(key.values())
            )
            assert count == [(1,)], name


async def apply_first(settings: Settings, count: int, scratch: Path) -> list[str]:
    """Apply only the first ``count`` migrations (a folder holding copies of just those)."""
    (scratch / "models").mkdir(parents=True)
    for path in migration_files()[:count]:
        shutil.copy(path, scratch / "models" / path.name)
    return await apply_migrations(settings, location=scratch)


def insert_a_row_per_table(db: Database) -> dict[str, dict[str, Any]]:
    """One row in every table, parents first, with values that fit each column's type;
    returns each row's primary key."""
    schema = {name: table for name, table in read_schema(db).items() if name != "aerich"}
    written: dict[str, dict[str, Any]] = {}
    while len(written) < len(schema):
        ready = [
            name
            for name, table in schema.items()
            if name not in written
            and all(
                ref in written or table.columns[col][1] for col, ref, _, _ in table.foreign_keys
            )
        ]
        assert ready, f"circular NOT NULL foreign keys among {set(schema) - set(written)}"
        for name in ready:
            table = schema[name]
            refs = {col: (ref, ref_col) for col, ref, ref_col, _ in table.foreign_keys}
            row: dict[str, Any] = {}
            for col, (kind, _) in table.columns.items():
                if col in refs:
                    ref, ref_col = refs[col]
                    row[col] = written.get(ref, {}).get(ref_col)
                else:
                    row[col] = sample_value(kind)
            columns = ", ".join(db.quote(col) for col in row)
            marks = ", ".join("?" for _ in row)
            db.execute(
                f"INSERT INTO {db.quote(name)} ({columns}) VALUES ({marks})", tuple(row.values())
            )
            written[name] = {col: row[col] for col in table.primary_key}
    return written


def other_sessions(db: Database) -> int:
    """Server sessions on this database besides ``db``'s own, once closing ones are gone."""
    for _ in range(50):
        (count,) = db.rows(
            "SELECT COUNT(*) - 1 FROM information_schema.PROCESSLIST WHERE DB = ?", (db.name,)
        )[0]
        if count == 0:
            break
        time.sleep(0.02)  # a client's QUIT reaches the server a moment after close()
    return int(count)


def sample_value(kind: str) -> Any:
    """A value that fits a column of this SQL type (as SQLite or MySQL report it)."""
    if re.match(r"(tiny|small|big)?int|integer|bool", kind):
        return 1
    if re.match(r"double|real|float|decimal|numeric", kind):
        return 1.5
    if re.match(r"datetime|timestamp", kind):
        return "2024-01-02 03:04:05"
    if re.match(r"date", kind):
        return "2024-01-02"
    if length := re.search(r"\((\d+)\)", kind):  # char(36), varchar(n): keys, enums, names
        return str(uuid.uuid4())[: int(length[1])]
    return "[]"  # text, and JSON: MariaDB reports JSON columns as longtext
