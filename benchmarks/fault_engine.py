"""The engine fault: the private Docker engine stopped and started again under traffic, or,
without Docker, every machine of the simulated engine dying at once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from typing import Any

from fault_checks import AnswerLedger, DockerEngine, SimulatedEngine, query
from fault_run import FaultResult, Run, now
from fault_traffic import Mix, Pool, start_sessions, wait_states
from fault_world import Tally, client, replicas, seed

ENGINE_STOP_SECONDS = 20.0


def _stop_dockerd(engine: Any) -> None:
    """Stop the private dockerd (its containers stop with it); ``_start_dockerd`` starts it
    again on the same folders, as a host's engine restart would."""
    process: subprocess.Popen[bytes] = engine.process
    os.kill(process.pid, signal.SIGTERM)
    process.wait(timeout=ENGINE_STOP_SECONDS)


def _start_dockerd(engine: Any, command: list[str]) -> None:
    from tests.support.dockerd import cache_dir, prepare_engine

    root = prepare_engine(cache_dir())
    env = {**os.environ, "PATH": f"{root}/usr/bin:{root}/usr/sbin:{os.environ['PATH']}"}
    with engine.log_path.open("ab") as log:
        engine.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )


def _wait_ping(engine: Any) -> None:
    deadline = time.monotonic() + ENGINE_STOP_SECONDS
    while not engine.ping() and time.monotonic() < deadline:
        time.sleep(0.1)


async def fault_engine(run: Run) -> list[FaultResult]:
    try:
        from session_start import LAB_IMAGE, import_lab_image

        from tests.support.dockerd import DockerdUnavailable, start_private_dockerd

        docker = start_private_dockerd()
    except (DockerdUnavailable, OSError, RuntimeError) as error:
        result = await _simulated_engine_dies(run)
        result.notes.append(f"no private Docker engine ({error}): simulated instead")
        return [result]
    try:
        import_lab_image(docker.socket)
        return [await _docker_restarts(run, docker, LAB_IMAGE)]
    finally:
        docker.stop()


async def _docker_restarts(run: Run, docker: Any, image: str) -> FaultResult:
    seeded = await seed(run.database_url, learners=5, image=image)
    engine = DockerEngine(docker.url)
    env = run.env(
        RANGEX_ORCHESTRATOR="docker",
        RANGEX_DOCKER_URL=docker.url,
        RANGEX_DOCKER_SUBNET_POOL=docker.subnet_pool,
    )
    seconds = run.args.fault_seconds
    command = list(docker.process.args)
    with replicas(1, env, run.workdir) as (a,):
        async with client(a, timeout=30) as ca:
            pool = Pool([ca])
            started = await start_sessions(pool, seeded, 3, Tally())
            sessions = await wait_states(pool, started, ["RUNNING"], 60)
            tally, ledger = Tally(), AnswerLedger()
            mix = Mix(pool, seeded, sessions, tally, ledger)
            traffic = asyncio.create_task(mix.run(run.args.rate / 4, seconds + 4))
            await asyncio.sleep(1)
            await asyncio.to_thread(_stop_dockerd, docker)
            await asyncio.sleep(seconds)
            await asyncio.to_thread(_start_dockerd, docker, command)
            await asyncio.to_thread(_wait_ping, docker)
            ended = now()
            check, took = await run.settle(engine, ended)
            await traffic
    result = FaultResult("docker engine stopped, restarted", engine.name, tally, check, took)
    result.notes.append(f"engine down {seconds:g} s; {len(sessions)} sessions RUNNING before")
    return result


async def _simulated_engine_dies(run: Run) -> FaultResult:
    seeded = await seed(run.database_url, learners=5)
    engine = SimulatedEngine(run.database_url)
    with replicas(1, run.env(), run.workdir) as (a,):
        async with client(a) as ca:
            pool = Pool([ca])
            started = await start_sessions(pool, seeded, 5, Tally())
            sessions = await wait_states(pool, started, ["RUNNING"], 30)
            tally, ledger = Tally(), AnswerLedger()
            mix = Mix(pool, seeded, sessions, tally, ledger)
            traffic = asyncio.create_task(mix.run(run.args.rate / 4, 4))
            await asyncio.sleep(1)
            await query(run.database_url, "UPDATE simulated_machine SET state = 'exited'")
            ended = now()
            check, took = await run.settle(engine, ended)
            await traffic
    return FaultResult("engine lost every machine", engine.name, tally, check, took)
