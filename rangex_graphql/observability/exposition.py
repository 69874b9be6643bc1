"""Prometheus's classic text format, written for this server's registries: the same bytes
as prometheus-client's ``generate_latest`` (a test compares them), for less CPU.

``generate_latest`` sorts and escapes every sample's labels and tries three OpenMetrics
suffixes on every sample. Here each distinct label set is written once per scrape, the
OpenMetrics-only samples are set apart by one lookup, and the server's own histograms
(``loop_histogram.py``) write their lines straight from their counts.
``benchmarks/metrics_scrape.py`` measures a scrape at 1,000 open subscriptions.
"""

from __future__ import annotations

from prometheus_client.registry import Collector

from .loop_counter import LoopCounterFamily
from .loop_histogram import LoopHistogramFamily
from .text_format import LabelTexts, help_text, labels_text, value_text

# OpenMetrics samples that the classic format puts into a gauge family of their own,
# after the family's other samples.
_SET_APART = ("_created", "_gsum", "_gcount")
# Label sets seen in scrapes, written: the server's label values are bounded, so this
# stays small; the bound is a safety net.
_LABEL_TEXTS: LabelTexts = {}
_LABEL_TEXTS_MAX = 20_000
_TYPES = {"info": "gauge", "stateset": "gauge", "gaugehistogram": "histogram", "unknown": "untyped"}


def text_exposition(registry: Collector) -> bytes:
    """Every metric of ``registry`` in the classic text format (version 0.0.4).

    Metric and label names are the server's own, valid legacy Prometheus names: written
    as they are (``generate_latest`` changes nothing in a valid name either)."""
    output: list[str] = []
    texts = _LABEL_TEXTS
    if len(texts) > _LABEL_TEXTS_MAX:
        texts.clear()
    for metric in registry.collect():
        name = metric.name
        kind = metric.type
        family = {"counter": f"{name}_total", "info": f"{name}_info"}.get(kind, name)
        documentation = help_text(metric.documentation)
        output.append(
            f"# HELP {family} {documentation}\n# TYPE {family} {_TYPES.get(kind, kind)}\n"
        )
        if isinstance(metric, LoopHistogramFamily | LoopCounterFamily):
            output.append(metric.text())
            continue
        set_apart: dict[str, list[str]] = {}
        apart_names = {f"{name}{suffix}": suffix for suffix in _SET_APART}
        for sample in metric.samples:
            text = labels_text(texts, tuple(sample.labels.items())) if sample.labels else ""
            timestamp = sample.timestamp
            stamp = "" if timestamp is None else f" {int(float(timestamp) * 1000):d}"
            line = f"{sample.name}{text} {value_text(sample.value)}{stamp}\n"
            suffix = apart_names.get(sample.name)
            if suffix is None:
                output.append(line)
            else:
                set_apart.setdefault(suffix, []).append(line)
        for suffix, lines in sorted(set_apart.items()):
            output.append(f"# HELP {name}{suffix} {documentation}\n# TYPE {name}{suffix} gauge\n")
            output.extend(lines)
    return "".join(output).encode()
