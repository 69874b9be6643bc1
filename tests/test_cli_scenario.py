"""``rangex-graphql scenario export | import``, run in a subprocess on a SQLite file of its own.

(The CLI binds the app's models to its database: see tests/test_cli.py.)
"""

from __future__ import annotations

import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from rangex_graphql.services.authoring.yaml_document import dump, parse
from tests.services.authoring.test_yaml_document import ANSWERS, EXAMPLE, with_line
from tests.test_cli import assert_one_error_line, create_admin, query, rangex

CONTENT_TABLES = ("scenario", "scenario_version", "machine", "question", "question_answer_key")


def row_counts(db_file: Path) -> dict[str, int]:
    return {
        table: query(db_file, f"SELECT COUNT(*) FROM {table}")[0][0] for table in CONTENT_TABLES
    }


def execute(db_file: Path, sql: str, *params: Any) -> None:
    with closing(sqlite3.connect(db_file)) as connection, connection:  # commits
        connection.execute(sql, params)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: a migrated SQLite file with an admin ``ops`` and a creator ``alice``."""
    path = tmp_path_factory.mktemp("scenario-cli") / "template.sqlite3"
    assert create_admin(path, "ops@example.org", "ops").returncode == 0
    assert create_admin(path, "alice@example.org", "alice").returncode == 0
    execute(path, "UPDATE user SET role = 'CREATOR' WHERE username = 'alice'")
    return path


@pytest.fixture
def db_file(template_db: Path, tmp_path: Path) -> Path:
    """The test's own copy of the template database."""
    return Path(shutil.copy(template_db, tmp_path / "cli.sqlite3"))


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "sql-injection-101.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def test_export_import_export_round_trip(db_file: Path, document: Path, tmp_path: Path) -> None:
    imported = rangex("scenario", "import", str(document), "--author", "alice", db_file=db_file)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "imported sql-injection-101 version 1 as a DRAFT"
    assert query(db_file, "SELECT u.username FROM scenario s JOIN user u ON u.id = s.author_id")[
        0
    ] == ("alice",)

    secret = tmp_path / "exported.yaml"
    exported = rangex(
        "scenario",
        "export",
        "sql-injection-101",
        "--include-answers",
        "--output",
        str(secret),
        db_file=db_file,
    )
    assert exported.returncode == 0, exported.stderr
    assert secret.read_text(encoding="utf-8") == EXAMPLE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert "keep it secret" in exported.stderr

    # The owner is the author by default: a new version of the scenario the slug names.
    again = rangex("scenario", "import", str(secret), db_file=db_file)
    assert again.returncode == 0, again.stderr
    assert "version 2" in again.stdout
    assert query(db_file, "SELECT number, status FROM scenario_version ORDER BY number") == [
        (1, "DRAFT"),
        (2, "DRAFT"),
    ]

    latest = rangex("scenario", "export", "sql-injection-101", "--include-answers", db_file=db_file)
    assert latest.stdout == EXAMPLE
    public = rangex("scenario", "export", "sql-injection-101", "--version", "1", db_file=db_file)
    assert public.returncode == 0, public.stderr
    assert public.stdout == dump(parse(EXAMPLE), include_answers=False)
    for answer in ANSWERS:
        assert answer not in public.stdout
    assert query(
        db_file,
        "SELECT COUNT(*) FROM audit_log WHERE action = ?",
        "scenario_version.export_answers",
    ) == [(2,)]


def test_malformed_documents_are_refused_with_paths_and_write_nothing(
    db_file: Path, tmp_path: Path
) -> None:
    before = row_counts(db_file)
    broken = tmp_path / "broken.yaml"

    broken.write_text(with_line(EXAMPLE, "  category: web\n", "  category: [web\n"))
    result = rangex("scenario", "import", str(broken), "--author", "alice", db_file=db_file)
    assert_one_error_line(result, "broken.yaml is not a scenario document: line 12, column ")

    broken.write_text(
        with_line(
            with_line(EXAMPLE, "    role: TARGET\n", "    role: hacker\n"), "    points: 50\n", ""
        )
    )
    result = rangex("scenario", "import", str(broken), "--author", "alice", db_file=db_file)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"error: {broken} is not a scenario document: 2 problems",
        '  machines.1.role: unknown value "hacker" (one of ATTACKER, TARGET, INTERNAL, SERVICE)',
        "  questions.0.points: missing",
    ]
    assert row_counts(db_file) == before


def test_a_document_failing_the_submit_rules_lists_every_problem(
    db_file: Path, tmp_path: Path
) -> None:
    before = row_counts(db_file)
    invalid = tmp_path / "invalid.yaml"
    text = with_line(EXAMPLE, "timeLimitMinutes: 90\n", "timeLimitMinutes: 5\n")
    invalid.write_text(with_line(text, "        port: 6901\n", "        port: 31337\n"))

    result = rangex("scenario", "import", str(invalid), "--author", "alice", db_file=db_file)

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: cannot import {invalid}: 2 problems"
    assert lines[1].startswith("  timeLimitMinutes: ")
    assert lines[2].startswith("  machines.0.entrypoints.1.port: ")
    assert row_counts(db_file) == before


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["export", "no-such-scenario"], "no scenario has the slug 'no-such-scenario'"),
        (["export", "sql-injection-101", "--version", "7"], "has no version 7"),
        (["import", "DOCUMENT", "--author", "nobody"], "no user has the username 'nobody'"),
        (["import", "MISSING.yaml", "--author", "alice"], "cannot read MISSING.yaml"),
    ],
)
def test_expected_problems_are_one_line(
    db_file: Path, document: Path, args: list[str], fragment: str
) -> None:
    assert (
        rangex("scenario", "import", str(document), "--author", "ops", db_file=db_file).returncode
        == 0
    )
    args = [str(document) if arg == "DOCUMENT" else arg for arg in args]
    assert_one_error_line(rangex("scenario", *args, db_file=db_file), fragment)


def test_an_author_must_be_given_for_a_new_scenario_and_may_author(
    db_file: Path, document: Path
) -> None:
    anonymous = with_line(EXAMPLE, "  slug: sql-injection-101\n", "")
    document.write_text(anonymous)
    assert_one_error_line(
        rangex("scenario", "import", str(document), db_file=db_file), "give --author USERNAME"
    )
    execute(db_file, "UPDATE user SET role = 'USER' WHERE username = 'alice'")
    assert_one_error_line(
        rangex("scenario", "import", str(document), "--author", "alice", db_file=db_file),
        "author: alice may not author scenarios",
    )
    from_stdin = rangex(
        "scenario", "import", "-", "--author", "ops", db_file=db_file, input=anonymous
    )
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout.strip() == "imported sql-injection-101 version 1 as a DRAFT"
