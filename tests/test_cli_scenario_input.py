"""``rangex-graphql scenario import`` of files YAML refuses: one clean error line."""

from __future__ import annotations

from pathlib import Path

from tests.services.authoring.test_yaml_document import EXAMPLE, with_line
from tests.test_cli import assert_one_error_line, rangex
from tests.test_cli_scenario import db_file, row_counts, template_db

__all__ = ["db_file", "template_db"]  # the fixtures, shared


def test_a_control_character_gives_its_position_not_a_traceback(
    db_file: Path, tmp_path: Path
) -> None:
    before = row_counts(db_file)
    broken = tmp_path / "bell.yaml"
    broken.write_text(with_line(EXAMPLE, "  category: web\n", "  category: w\u0007eb\n"))
    result = rangex("scenario", "import", str(broken), "--author", "alice", db_file=db_file)
    assert_one_error_line(
        result,
        "bell.yaml is not a scenario document: line 11, column 14: the character U+0007 is "
        "not allowed",
    )
    assert row_counts(db_file) == before
