"""The Grafana dashboard in docs/ reads only metrics the app exposes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import SecretStr

from rangex_graphql.observability.metrics import Metrics
from rangex_graphql.settings import Settings
from tests.observability.conftest import TOKEN

SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
METRIC_NAME = re.compile(r"\b(?:rangex_graphql|process)_[a-z_]+\b")


def exposed_names(settings: Settings) -> set[str]:
    metrics = Metrics(settings.model_copy(update={"metrics_token": SecretStr(TOKEN)}))
    return {
        family.name + suffix
        for family in metrics.registry.collect()
        for suffix in SUFFIXES.get(family.type, ("",))
    }


def test_every_metric_the_dashboard_reads_is_exposed(repo_root: Path, settings: Settings) -> None:
    dashboard = json.loads((repo_root / "docs" / "grafana-dashboard.json").read_text())
    expressions = [
        target["expr"] for panel in dashboard["panels"] for target in panel.get("targets", [])
    ]
    read = {name for expr in expressions for name in METRIC_NAME.findall(expr)}
    assert len(read) >= 15
    assert read <= exposed_names(settings), read - exposed_names(settings)
    assert "rangex_graphql_requests_total" in read
