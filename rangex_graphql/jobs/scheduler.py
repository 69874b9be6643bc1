"""Runs each background job as a periodic loop of this process.

A job is one pass (``run_once``); the loop runs it at once, then again after its interval
(varied by ``jobs_jitter`` so replicas drift apart). A failed pass is logged and the loop
goes on. With metrics on, every pass is counted by job and outcome, and timed. The loops
are the runtime's background tasks, so ``Runtime.aclose`` stops them.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from ..observability.job_runs import JobMetrics
from ..runtime import Runtime
from .clock import utc_now
from .engine_events import watch_engine_events
from .event_end import end_event_sessions
from .event_schedule import advance_events
from .expiry import expire_sessions
from .expiry_warnings import warn_expiring_sessions
from .files import clean_stored_files
from .idle import end_idle_sessions
from .reconcile import Reconciler
from .test_run_timeouts import fail_stuck_test_runs
from .usage import account_usage

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PeriodicJob:
    name: str
    run_once: Callable[[], Awaitable[object]]
    interval_seconds: float


def pause_after_pass(interval: float, jitter: float, rng: random.Random | None = None) -> float:
    """The interval, varied by up to ``jitter`` of itself either way."""
    spread = interval * jitter
    return max(0.0, interval + (rng or random).uniform(-spread, spread))


async def run_periodically(
    job: PeriodicJob, jitter: float, metrics: JobMetrics | None = None
) -> None:
    """``metrics``: where each finished pass is counted (None: metrics are off)."""
    while True:
        started = time.perf_counter()
        ok = False
        try:
            await job.run_once()
            ok = True
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("background job %s failed; it runs again in its next pass", job.name)
        if metrics is not None:
            metrics.record(job.name, ok, time.perf_counter() - started)
        await asyncio.sleep(pause_after_pass(job.interval_seconds, jitter))


def periodic_jobs(runtime: Runtime) -> list[PeriodicJob]:
    settings = runtime.settings
    reconciler = Reconciler(runtime)
    return [
        # First in the list: at start-up a crash's leftovers are removed before anything else.
        PeriodicJob("reconcile", reconciler.run_once, settings.jobs_reconcile_interval_seconds),
        PeriodicJob(
            "expiry", partial(expire_sessions, runtime), settings.jobs_expiry_interval_seconds
        ),
        PeriodicJob("usage", partial(account_usage, runtime), settings.jobs_usage_interval_seconds),
        PeriodicJob(
            "idle", partial(end_idle_sessions, runtime), settings.jobs_idle_interval_seconds
        ),
        PeriodicJob(
            "event-end",
            partial(end_event_sessions, runtime),
            settings.jobs_event_end_interval_seconds,
        ),
        PeriodicJob(
            "expiry-warnings",
            partial(warn_expiring, runtime),
            settings.jobs_expiry_warning_interval_seconds,
        ),
        PeriodicJob(
            "event-schedule",
            partial(advance_events, runtime),
            settings.jobs_event_schedule_interval_seconds,
        ),
        PeriodicJob(
            "test-run-timeouts",
            partial(fail_stuck_test_runs, runtime),
            settings.jobs_test_run_timeout_interval_seconds,
        ),
        PeriodicJob(
            "files", partial(clean_stored_files, runtime), settings.jobs_files_interval_seconds
        ),
    ]


async def warn_expiring(runtime: Runtime) -> int:
    return await warn_expiring_sessions(utc_now(), runtime.settings, runtime.broker)


def start_jobs(runtime: Runtime) -> list[asyncio.Task[None]]:
    """Start every job's loop and the engine event watcher; none when jobs are disabled."""
    if not runtime.settings.jobs_enabled:
        return []
    jitter = runtime.settings.jobs_jitter
    metrics = runtime.metrics.jobs if runtime.metrics is not None else None
    tasks = [
        runtime.spawn(
            partial(run_periodically, job, jitter, metrics), name=f"rangex-job-{job.name}"
        )
        for job in periodic_jobs(runtime)
    ]
    tasks.append(
        runtime.spawn(partial(watch_engine_events, runtime), name="rangex-job-engine-events")
    )
    return tasks
