"""The ``rangex-graphql`` command line.

Commands that touch a database run in a subprocess on a SQLite file of their own: the CLI
binds the app's models to that database, which must not happen inside the test process
whose ``orm`` fixture owns them. The rest run in-process with typer's ``CliRunner``.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from strawberry.printer import print_schema
from typer.testing import CliRunner

from rangex_graphql import cli
from rangex_graphql.api.schema import schema
from rangex_graphql.db.migrate import migration_files
from rangex_graphql.security.passwords import verify_password_sync

ADMIN_PASSWORD = "Tr0ub4dor & 3 horses"
runner = CliRunner()


def rangex(
    *args: str, db_file: Path, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RANGEX_")}
    environment |= {"RANGEX_DATABASE_URL": f"sqlite://{db_file}", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "rangex_graphql.cli", *args],
        env=environment,
        cwd=db_file.parent,  # no stray .env file
        input=input,
        stdin=subprocess.DEVNULL if input is None else None,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def query(db_file: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db_file)) as connection:
        return connection.execute(sql, params).fetchall()


def assert_one_error_line(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert fragment in lines[0]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A SQLite file of the test's own, not the suite's shared test database."""
    return tmp_path / "cli.sqlite3"


# --- export-schema -----------------------------------------------------------------------


def test_export_schema_prints_the_sdl() -> None:
    result = runner.invoke(cli.app, ["export-schema"])
    assert result.exit_code == 0, result.output
    assert result.stdout == print_schema(schema) + "\n"


def test_export_schema_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "schema.graphql"
    result = runner.invoke(cli.app, ["export-schema", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == print_schema(schema) + "\n"


def test_checked_in_schema_is_what_export_schema_prints(repo_root: Path) -> None:
    result = runner.invoke(cli.app, ["export-schema"])
    assert result.stdout == (repo_root / "schema.graphql").read_text(encoding="utf-8")


# --- migrate -----------------------------------------------------------------------------


def test_migrate_applies_then_reports_up_to_date(db_file: Path) -> None:
    first = rangex("migrate", db_file=db_file)
    assert first.returncode == 0, first.stderr
    assert "applied" in first.stdout
    for path in migration_files():
        assert path.name in first.stdout
    assert query(db_file, "SELECT COUNT(*) FROM user") == [(0,)]

    second = rangex("migrate", db_file=db_file)
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    assert "applied" not in second.stdout


def test_unreachable_database_is_one_line_without_the_password(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"mysql://rangex:s3cret-pw@127.0.0.1:{port}/rangex"
    result = rangex("migrate", db_file=tmp_path / "unused", env={"RANGEX_DATABASE_URL": url})
    assert_one_error_line(result, f"127.0.0.1:{port}")
    assert "s3cret-pw" not in result.stderr


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"RANGEX_DATABASE_URL": "postgres://db/rangex"}, "unsupported database URL scheme"),
        ({"RANGEX_PORT": "eighty"}, "RANGEX_PORT"),
    ],
)
def test_bad_configuration_is_one_line(db_file: Path, env: dict[str, str], fragment: str) -> None:
    assert_one_error_line(rangex("migrate", db_file=db_file, env=env), fragment)


# --- create-admin ------------------------------------------------------------------------


def create_admin(db_file: Path, email: str, username: str, password: str = ADMIN_PASSWORD) -> Any:
    return rangex(
        "create-admin",
        "--email",
        email,
        "--username",
        username,
        db_file=db_file,
        env={"RANGEX_ADMIN_PASSWORD": password},
    )


def test_create_admin_with_the_password_from_the_environment(db_file: Path) -> None:
    result = rangex(
        "create-admin",
        "--email",
        "Ops.Lead@Example.org",
        "--username",
        "opslead",
        "--display-name",
        "Ops Lead",
        db_file=db_file,
        env={"RANGEX_ADMIN_PASSWORD": ADMIN_PASSWORD},
    )
    assert result.returncode == 0, result.stderr
    assert "created admin opslead" in result.stdout

    [(user_id, email, name, role, password_hash)] = query(
        db_file, "SELECT id, email, display_name, role, password_hash FROM user"
    )
    assert (email, name, role) == ("ops.lead@example.org", "Ops Lead", "ADMIN")
    assert password_hash.startswith("$argon2id$")
    assert verify_password_sync(password_hash, ADMIN_PASSWORD) == (True, None)
    assert ADMIN_PASSWORD not in result.stdout + result.stderr

    [(action, target_type, target_id, data)] = query(
        db_file, "SELECT action, target_type, target_id, data FROM audit_log"
    )
    assert (action, target_type) == ("user.create_admin", "User")
    assert target_id.replace("-", "") == str(user_id).replace("-", "")
    assert ADMIN_PASSWORD not in data


def test_create_admin_reads_a_piped_password_without_the_variable(db_file: Path) -> None:
    result = rangex(
        "create-admin",
        "--email",
        "root@example.org",
        "--username",
        "rootadmin",
        db_file=db_file,
        input=f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}\n",
    )
    assert result.returncode == 0, result.stderr
    [(password_hash,)] = query(db_file, "SELECT password_hash FROM user")
    assert verify_password_sync(password_hash, ADMIN_PASSWORD)[0]


def test_create_admin_refuses_mismatched_confirmation(db_file: Path) -> None:
    result = rangex(
        "create-admin",
        "--email",
        "root@example.org",
        "--username",
        "rootadmin",
        db_file=db_file,
        input=f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}x\n",
    )
    assert result.returncode == 1
    assert "do not match" in result.stdout + result.stderr
    assert not db_file.exists() or query(db_file, "SELECT COUNT(*) FROM user") == [(0,)]


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "at least 10 characters"),
        ("opslead-is-my-password", "must not contain the username"),
        ("lead.ops!2025-secure", "must not contain the email address"),
        ("rangex-demo-password", "public demo password"),
    ],
)
def test_create_admin_refuses_a_weak_password(db_file: Path, password: str, problem: str) -> None:
    result = create_admin(db_file, "lead.ops@example.org", "opslead", password)
    assert_one_error_line(result, problem)
    assert not db_file.exists()  # refused before touching the database


def test_create_admin_refuses_duplicates(db_file: Path) -> None:
    assert create_admin(db_file, "ops@example.org", "ops-admin").returncode == 0

    same_email = create_admin(db_file, "OPS@example.org", "other-admin")
    assert_one_error_line(same_email, "email ops@example.org already exists")
    same_username = create_admin(db_file, "other@example.org", "OPS-admin")
    assert_one_error_line(same_username, "username OPS-admin already exists")
    assert query(db_file, "SELECT COUNT(*) FROM user") == [(1,)]
    assert query(db_file, "SELECT COUNT(*) FROM audit_log") == [(1,)]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--email", "not-an-email", "--username", "ops"], "not an email address"),
        (["--email", "ops@example.org", "--username", "x"], "the username must be"),
    ],
)
def test_create_admin_validates_its_options(db_file: Path, args: list[str], fragment: str) -> None:
    result = rangex(
        "create-admin", *args, db_file=db_file, env={"RANGEX_ADMIN_PASSWORD": ADMIN_PASSWORD}
    )
    assert_one_error_line(result, fragment)


# --- seed --------------------------------------------------------------------------------


def test_seed_demo_refuses_a_non_empty_database_unless_reset(db_file: Path) -> None:
    first = rangex("seed", "--demo", db_file=db_file)
    assert first.returncode == 0, first.stderr
    assert "admin@rangex.local" in first.stdout
    assert "rangex-demo-password" in first.stdout
    users = query(db_file, "SELECT COUNT(*) FROM user")
    assert users == [(35,)]

    again = rangex("seed", "--demo", db_file=db_file)
    assert_one_error_line(again, "--reset")
    assert query(db_file, "SELECT COUNT(*) FROM user") == users

    reset = rangex("seed", "--demo", "--reset", db_file=db_file)
    assert reset.returncode == 0, reset.stderr
    assert "deleted" in reset.stdout
    assert query(db_file, "SELECT COUNT(*) FROM user") == users
    assert query(db_file, "SELECT COUNT(*) FROM aerich") == [(len(migration_files()),)]


def test_seed_needs_a_data_set() -> None:
    result = runner.invoke(cli.app, ["seed"])
    assert result.exit_code == 2
    assert "--demo" in result.stderr


# --- serve -------------------------------------------------------------------------------


def test_serve_migrates_once_then_starts_workers_that_do_not(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}

    def fake_uvicorn_run(app: str, **options: Any) -> None:
        started.update(options, app=app, migrate=os.environ["RANGEX_MIGRATE_ON_START"])

    monkeypatch.setattr("uvicorn.run", fake_uvicorn_run)
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{db_file}")
    monkeypatch.setenv("RANGEX_MIGRATE_ON_START", "true")
    monkeypatch.setenv("RANGEX_SECRET_KEY", "serve-test-secret-key-" * 3)
    monkeypatch.setenv("RANGEX_HOST", "127.0.0.1")
    monkeypatch.chdir(db_file.parent)

    result = runner.invoke(
        cli.app, ["serve", "--host", "0.0.0.0", "--port", "8123", "--workers", "3"]
    )

    assert result.exit_code == 0, result.output
    assert query(db_file, "SELECT COUNT(*) FROM aerich") == [(len(migration_files()),)]
    assert started["app"] == "rangex_graphql.app:create_app"
    assert started["factory"] is True
    assert (started["host"], started["port"], started["workers"]) == ("0.0.0.0", 8123, 3)
    assert started["migrate"] == "false"  # the workers inherit it
    assert started["proxy_headers"] is False  # client IPs come from RANGEX_TRUSTED_PROXIES
    assert "listening on http://0.0.0.0:8123" in result.stdout
    assert "GraphiQL: http://localhost:8123/graphql" in result.stdout


def test_serve_beyond_loopback_without_a_secret_key_refuses_to_start(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append(app))
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{db_file}")
    monkeypatch.delenv("RANGEX_SECRET_KEY", raising=False)
    monkeypatch.setenv("RANGEX_HOST", "127.0.0.1")
    monkeypatch.chdir(db_file.parent)

    result = runner.invoke(cli.app, ["serve", "--host", "0.0.0.0"])

    assert result.exit_code == 1
    assert "RANGEX_SECRET_KEY must be set" in " ".join(result.stderr.split())
    assert started == []


def test_serve_on_loopback_without_a_secret_key_generates_one_beside_the_database(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("uvicorn.run", lambda app, **options: None)
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{db_file}")
    monkeypatch.setenv("RANGEX_MIGRATE_ON_START", "false")
    monkeypatch.delenv("RANGEX_SECRET_KEY", raising=False)
    monkeypatch.setenv("RANGEX_HOST", "127.0.0.1")
    monkeypatch.chdir(db_file.parent)

    result = runner.invoke(cli.app, ["serve"])

    assert result.exit_code == 0, result.output
    key_file = db_file.with_name(db_file.name + ".secret-key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_serve_skips_migrations_when_disabled(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("uvicorn.run", lambda app, **options: None)
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{db_file}")
    monkeypatch.setenv("RANGEX_MIGRATE_ON_START", "false")
    monkeypatch.chdir(db_file.parent)
    result = runner.invoke(cli.app, ["serve"])
    assert result.exit_code == 0, result.output
    assert not db_file.exists()
    assert "listening on http://127.0.0.1:8000" in result.stdout


def test_serve_with_a_trace_endpoint_but_without_the_otel_extra_refuses_to_start(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append(app))
    monkeypatch.setitem(sys.modules, "opentelemetry.sdk.trace", None)  # not installed
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{db_file}")
    monkeypatch.setenv("RANGEX_MIGRATE_ON_START", "false")
    monkeypatch.setenv("RANGEX_OTEL_ENDPOINT", "http://collector:4318")
    monkeypatch.chdir(db_file.parent)

    result = runner.invoke(cli.app, ["serve"])

    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "RANGEX_OTEL_ENDPOINT is set" in message
    assert "pip install 'rangex-graphql[otel]'" in message
    assert started == []


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_serve_gives_uvicorn_the_log_format(
    db_file: Path, monkeypatch: pytest.MonkeyPatch, log_format: str
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options))
    monkeypatch.setenv("RANGEX_DATABASE_URL", f"sqlite://{db_file}")
    monkeypatch.setenv("RANGEX_MIGRATE_ON_START", "false")
    monkeypatch.setenv("RANGEX_LOG_FORMAT", log_format)
    monkeypatch.chdir(db_file.parent)

    result = runner.invoke(cli.app, ["serve"])

    assert result.exit_code == 0, result.output
    formatters = started["log_config"]["formatters"]
    assert set(formatters) == {"default", "access"}
    factories = {formatter.get("()") for formatter in formatters.values()}
    if log_format == "json":
        assert factories == {"rangex_graphql.log_setup.json_formatter"}
    else:  # uvicorn's own
        assert factories == {"uvicorn.logging.DefaultFormatter", "uvicorn.logging.AccessFormatter"}
