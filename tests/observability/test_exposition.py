"""The server's text exposition writes what prometheus-client's ``generate_latest``
writes, byte for byte, for every kind of metric and awkward value; its histogram counts
as prometheus-client's does."""

from __future__ import annotations

import math

import pytest
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Enum,
    Gauge,
    Histogram,
    Info,
    Summary,
    disable_created_metrics,
    enable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.registry import Collector

from rangex_graphql.observability.exposition import text_exposition
from rangex_graphql.observability.loop_counter import LoopCounter
from rangex_graphql.observability.loop_histogram import LoopHistogram
from rangex_graphql.observability.metrics import Metrics
from rangex_graphql.settings import Settings

BUCKETS = (0, 1, 2.5, 30.0, 1e7)


class Stamped(Collector):
    def collect(self):  # type: ignore[no-untyped-def]
        family = GaugeMetricFamily("stamped", "a gauge with a timestamp", labels=["k"])
        family.add_metric(["v"], 1.5, timestamp=1_700_000_000.25)
        yield family


def every_kind(registry: CollectorRegistry) -> None:
    counter = Counter("calls", 'calls, with\\ a "quoted"\nhelp', ["op", "kind"], registry=registry)
    counter.labels('say "hi"\\', "line\nbreak").inc(3)
    counter.labels("plain", "x").inc(0.5)
    gauge = Gauge("level", "levels", ["which"], registry=registry)
    for which, value in {
        "inf": math.inf,
        "-inf": -math.inf,
        "nan": math.nan,
        "big": 123456789012.0,
        "huge": 1e22,
        "tiny": 1e-9,
        "negative": -42.75,
        "zero": 0.0,
    }.items():
        gauge.labels(which).set(value)
    Gauge("unlabelled", "no labels", registry=registry).set(7)
    histogram = Histogram("waits", "waits", ["outcome"], buckets=BUCKETS, registry=registry)
    for value in (0, 0.5, 1, 3, 1e8):
        histogram.labels("ok").observe(value)
    Histogram("plain_waits", "no labels", buckets=BUCKETS, registry=registry).observe(2)
    Summary("sizes", "sizes", registry=registry).observe(4)
    Info("build", "build facts", registry=registry).info({"version": "1.2", "commit": "abc"})
    Enum("phase", "phase", states=["a", "b"], registry=registry).state("b")
    loop = LoopHistogram("loop_waits", "loop", ["outcome"], buckets=BUCKETS, registry=registry)
    for value in (0, 0.5, 1, 3, 1e8):
        loop.labels("ok").observe(value)
    LoopHistogram("loop_plain", "no labels, never observed", buckets=BUCKETS, registry=registry)
    registry.register(Stamped())


@pytest.mark.parametrize("created", [False, True], ids=["without-created", "with-created"])
def test_every_kind_of_metric_is_written_as_generate_latest_writes_it(created: bool) -> None:
    if created:
        enable_created_metrics()  # type: ignore[no-untyped-call]
    try:
        registry = CollectorRegistry()
        every_kind(registry)
        ours = text_exposition(registry)
        assert ours == generate_latest(registry)
    finally:
        disable_created_metrics()  # type: ignore[no-untyped-call]
    assert b'loop_waits_bucket{le="+Inf",outcome="ok"} 5.0' in ours
    assert b"loop_plain_count 0.0" in ours


def test_the_loop_histogram_counts_as_prometheus_clients_histogram() -> None:
    values = [0, 0.001, 1, 1.0000001, 2.5, 2.6, 29.9, 30, 31, -3, 1e9]
    theirs_registry, ours_registry = CollectorRegistry(), CollectorRegistry()
    theirs = Histogram("h", "h", ["a", "b"], buckets=BUCKETS, registry=theirs_registry)
    ours = LoopHistogram("h", "h", ["a", "b"], buckets=BUCKETS, registry=ours_registry)
    for n, value in enumerate(values):
        labels = ("x", str(n % 2))
        theirs.labels(*labels).observe(value)
        ours.labels(*labels).observe(value)
    disable_created_metrics()  # type: ignore[no-untyped-call]
    assert generate_latest(ours_registry) == generate_latest(theirs_registry)
    assert text_exposition(ours_registry) == generate_latest(theirs_registry)


def test_the_apps_registry_is_written_as_generate_latest_writes_it() -> None:
    metrics = Metrics(Settings(secret_key="k" * 40))
    metrics.jobs.record("expiry", True, 0.2)
    metrics.orchestrator.seconds.labels("docker", "provision").observe(1.5)
    metrics.broker.arrived_after(0.003)
    # The process collector reads /proc at each collect: compare everything else.
    ours = [
        line for line in text_exposition(metrics.registry).splitlines() if b"process_" not in line
    ]
    theirs = [
        line for line in generate_latest(metrics.registry).splitlines() if b"process_" not in line
    ]
    assert ours == theirs
    families = {f.name for f in text_string_to_metric_families(b"\n".join(ours).decode() + "\n")}
    assert {"rangex_graphql_request_seconds", "rangex_graphql_broker_lag_seconds"} <= families


def test_a_loop_histogram_refuses_buckets_out_of_order() -> None:
    with pytest.raises(ValueError, match="increasing"):
        LoopHistogram("bad", "bad", buckets=(1, 0.5))
    with pytest.raises(ValueError, match="not negative"):
        LoopHistogram("bad", "bad", buckets=(-1, 0.5))
    with pytest.raises(ValueError, match="expected the labels"):
        LoopHistogram("h", "h", ["a"], buckets=(1,)).labels("x", "y")


def test_large_counts_are_written_in_gos_exponent_form() -> None:
    theirs_registry, ours_registry = CollectorRegistry(), CollectorRegistry()
    theirs = Histogram("n", "n", buckets=(1.0,), registry=theirs_registry)
    ours = LoopHistogram("n", "n", buckets=(1.0,), registry=ours_registry)
    for histogram in (theirs, ours):
        for _ in range(3):
            histogram.observe(0.5)
    ours.labels().counts[0] += 1_234_564  # as after 1,234,567 observations
    theirs._buckets[0].inc(1_234_564)
    theirs._sum.inc(617_282)
    ours.labels().sum += 617_282
    disable_created_metrics()  # type: ignore[no-untyped-call]
    assert text_exposition(ours_registry) == generate_latest(theirs_registry)
    assert b"1.234567e+06" in text_exposition(ours_registry)


def test_the_loop_counter_counts_as_prometheus_clients_counter() -> None:
    theirs_registry, ours_registry = CollectorRegistry(), CollectorRegistry()
    theirs = Counter("c", "c", ["op", "outcome"], registry=theirs_registry)
    ours = LoopCounter("c", "c", ["op", "outcome"], registry=ours_registry)
    Counter("plain", "no labels", registry=theirs_registry).inc(2_500_000)
    LoopCounter("plain", "no labels", registry=ours_registry).inc(2_500_000)
    for n, amount in enumerate((1, 2.5, 0, 1e7, 3)):
        theirs.labels(f"Op{n % 2}", 'a "b"\\').inc(amount)
        ours.labels(f"Op{n % 2}", 'a "b"\\').inc(amount)
    disable_created_metrics()  # type: ignore[no-untyped-call]
    assert generate_latest(ours_registry) == generate_latest(theirs_registry)
    assert text_exposition(ours_registry) == generate_latest(theirs_registry)
    with pytest.raises(ValueError, match="only goes up"):
        ours.labels("Op0", "x").inc(-1)
