"""docs/operations.md maps every setting to its area, so a new setting needs a place there."""

from __future__ import annotations

import re
from pathlib import Path

from rangex_graphql.settings import Settings


def test_the_settings_map_names_every_setting(repo_root: Path) -> None:
    doc = (repo_root / "docs" / "operations.md").read_text()
    section = doc.split("## Settings by area", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(RANGEX_[A-Z0-9_]+)`", section))
    prefixes = [p.rstrip("_") for p in re.findall(r"`(RANGEX_[A-Z0-9_]+)\*`", section)]
    assert prefixes  # the map uses prefixes for the large families
    settings = [f"RANGEX_{field.upper()}" for field in Settings.model_fields]
    missing = [
        name
        for name in settings
        if name not in named and not any(name.startswith(prefix) for prefix in prefixes)
    ]
    assert not missing
    # And the map names no setting that does not exist.
    assert named <= set(settings)
    assert all(any(name.startswith(prefix) for name in settings) for prefix in prefixes)
