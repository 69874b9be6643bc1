"""Orchestrator operations by engine, operation and outcome; background job passes by
job and outcome: each counted once, where every call passes."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import SecretStr

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.jobs.scheduler import PeriodicJob, run_periodically
from rangex_graphql.observability.metrics import Metrics
from rangex_graphql.observability.orchestrator_calls import MeteredDriver, engine_driver
from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import SessionNotFound
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import build_runtime
from rangex_graphql.services.testruns.probes import DockerProbe, network_probe
from rangex_graphql.settings import Settings
from tests.observability.conftest import TOKEN, Scrape
from tests.orchestrator.plans import three_machines

OPERATIONS = "rangex_graphql_orchestrator_operations_total"
SECONDS_COUNT = "rangex_graphql_orchestrator_operation_seconds_count"
JOB_RUNS = "rangex_graphql_job_runs_total"


def metered(settings: Settings) -> Settings:
    return settings.model_copy(update={"metrics_token": SecretStr(TOKEN)})


def scrape_of(metrics: Metrics) -> Scrape:
    return Scrape.parse(metrics.exposition().decode())


async def test_every_driver_operation_is_counted_by_outcome(settings: Settings) -> None:
    simulated = SimulatedDriver(SimulatedDelays.none())
    runtime = build_runtime(metered(settings), driver=simulated, broker=MemoryBroker())
    try:
        assert isinstance(runtime.driver, MeteredDriver)
        assert engine_driver(runtime.driver) is simulated
        assert runtime.driver.store is simulated.store  # the engine's own attributes
        plan = three_machines()
        assert len(await runtime.driver.provision(plan)) == 3
        await runtime.driver.pause(plan.session_id)
        await runtime.driver.resume(plan.session_id)
        with pytest.raises(SessionNotFound):
            await runtime.driver.pause("no-such-session")
        await runtime.driver.destroy(plan.session_id)
        await runtime.driver.status(plan.session_id)
        assert runtime.metrics is not None
        scrape = scrape_of(runtime.metrics)
    finally:
        await runtime.aclose()
    for operation in ("provision", "resume", "destroy", "status"):
        labels = {"engine": "simulated", "operation": operation}
        assert scrape.value(OPERATIONS, **labels, outcome="ok") == 1, operation
        assert scrape.value(SECONDS_COUNT, **labels) == 1, operation
    pause = {"engine": "simulated", "operation": "pause"}
    assert scrape.value(OPERATIONS, **pause, outcome="ok") == 1
    assert scrape.value(OPERATIONS, **pause, outcome="error") == 1
    assert scrape.value(SECONDS_COUNT, **pause) == 2


async def test_without_metrics_the_driver_is_the_engines_own(settings: Settings) -> None:
    simulated = SimulatedDriver(SimulatedDelays.none())
    runtime = build_runtime(settings, driver=simulated, broker=MemoryBroker())
    try:
        assert runtime.metrics is None
        assert runtime.driver is simulated
    finally:
        await runtime.aclose()


def test_test_runs_see_the_docker_engine_behind_the_metered_driver(settings: Settings) -> None:
    metrics = Metrics(metered(settings))
    docker = MeteredDriver(DockerDriver(), metrics.orchestrator, "docker")
    assert isinstance(network_probe(docker, 3.0), DockerProbe)


async def test_job_passes_are_counted_by_outcome(settings: Settings) -> None:
    metrics = Metrics(metered(settings))
    passes = 0
    third = asyncio.Event()

    async def flaky_pass() -> None:
        nonlocal passes
        passes += 1
        if passes == 1:
            raise RuntimeError("the first pass fails")
        if passes == 3:
            third.set()
            await asyncio.Event().wait()  # cancelled mid-pass: not a finished pass

    loop = asyncio.create_task(
        run_periodically(PeriodicJob("flaky", flaky_pass, 0), 0, metrics.jobs)
    )
    await asyncio.wait_for(third.wait(), 5)
    loop.cancel()
    with pytest.raises(asyncio.CancelledError):
        await loop
    scrape = scrape_of(metrics)
    assert scrape.value(JOB_RUNS, job="flaky", outcome="error") == 1
    assert scrape.value(JOB_RUNS, job="flaky", outcome="ok") == 1
    assert scrape.value("rangex_graphql_job_seconds_count", job="flaky") == 2
