"""Both MySQL client libraries work end to end against the real server."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.mysql import drop_mysql_database, reset_mysql_database


@pytest.mark.parametrize("driver", ["asyncmy", "aiomysql"])
def test_driver_round_trips_rows_in_utc(mysql_url: str, driver: str, repo_root: Path) -> None:
    base, _, _ = mysql_url.rpartition("/")
    url = f"{base}/rangex_driver_{uuid.uuid4().hex[:8]}"
    reset_mysql_database(url)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.support.driver_probe", url, driver],
            cwd=repo_root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    finally:
        drop_mysql_database(url)
    facts = json.loads(done.stdout)
    assert facts["library"] == driver
    assert facts["id_round_trips"] is True
    assert facts["charset"] == "utf8mb4"
    created = datetime.fromisoformat(facts["created_at"])
    assert created.utcoffset() is not None
    assert abs((created - datetime.now(UTC)).total_seconds()) < 60
