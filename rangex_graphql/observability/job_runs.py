"""Passes of the background jobs (``jobs/scheduler.py``), by job and outcome."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

from .loop_histogram import LoopHistogram

SECONDS_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)


class JobMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.runs = Counter(
            "rangex_graphql_job_runs",
            "Passes of the background jobs in this process, by job and outcome (ok, error)",
            ["job", "outcome"],
            registry=registry,
        )
        self.seconds = LoopHistogram(
            "rangex_graphql_job_seconds",
            "Duration of one pass of a background job",
            ["job"],
            buckets=SECONDS_BUCKETS,
            registry=registry,
        )

    def record(self, job: str, ok: bool, seconds: float) -> None:
        self.runs.labels(job, "ok" if ok else "error").inc()
        self.seconds.labels(job).observe(seconds)
