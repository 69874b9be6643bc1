"""``rangex-graphql persisted-queries register | list``, run in a subprocess on a SQLite file
of its own (see tests/test_cli.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.test_cli import assert_one_error_line, query, rangex

VIEWER = "query Viewer { viewer { id } }\n"
NODE = "query Node($id: ID!) { node(id: $id) { id } }"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_register_files_and_a_manifest_then_list(tmp_path: Path) -> None:
    db_file = tmp_path / "cli.sqlite3"
    viewer = tmp_path / "viewer.graphql"
    viewer.write_text(VIEWER, encoding="utf-8")
    manifest = tmp_path / "persisted-query-manifest.json"
    operation = {"id": sha256(NODE), "name": "Node", "type": "query", "body": NODE}
    manifest.write_text(
        json.dumps(
            {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [operation]}
        ),
        encoding="utf-8",
    )

    result = rangex(
        "persisted-queries", "register", str(viewer), str(manifest), "--client", "web",
        db_file=db_file,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "2 document(s) registered, 0 already registered"
    assert sorted(query(db_file, "SELECT sha256_hash, document FROM persisted_query")) == sorted(
        [(sha256(VIEWER), VIEWER), (sha256(NODE), NODE)]
    )

    again = rangex("persisted-queries", "register", str(viewer), db_file=db_file)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "0 document(s) registered, 1 already registered"

    listed = rangex("persisted-queries", "list", db_file=db_file)
    assert listed.returncode == 0, listed.stderr
    rows = sorted(line.split("\t")[:4] for line in listed.stdout.splitlines())
    assert rows == sorted(
        [
            [sha256(VIEWER), "Viewer", "web", str(viewer)],
            [sha256(NODE), "Node", "web", f"{manifest}#Node"],
        ]
    )


def test_a_document_the_schema_refuses_registers_nothing(tmp_path: Path) -> None:
    db_file = tmp_path / "cli.sqlite3"
    good = tmp_path / "good.graphql"
    good.write_text(VIEWER, encoding="utf-8")
    bad = tmp_path / "bad.graphql"
    bad.write_text("query Bad { noSuchField }", encoding="utf-8")
    result = rangex("persisted-queries", "register", str(good), str(bad), db_file=db_file)
    assert_one_error_line(result, "bad.graphql: Cannot query field 'noSuchField'")
    assert query(db_file, "SELECT COUNT(*) FROM persisted_query") == [(0,)]


def test_a_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = rangex(
        "persisted-queries", "register", str(tmp_path / "missing.graphql"),
        db_file=tmp_path / "cli.sqlite3",
    )  # fmt: skip
    assert_one_error_line(result, "missing.graphql: cannot read it")


def test_list_says_when_nothing_is_registered(tmp_path: Path) -> None:
    result = rangex("persisted-queries", "list", db_file=tmp_path / "cli.sqlite3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no registered documents"
