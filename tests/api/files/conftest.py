from __future__ import annotations

from pathlib import Path

import pytest

from rangex_graphql.settings import Settings


@pytest.fixture
def files_settings(settings: Settings, tmp_path: Path) -> Settings:
    """The local store in a folder of the test's own."""
    return settings.model_copy(update={"files_dir": tmp_path / "objects", "files_backend": "local"})
