"""Reliability under faults: real ``rangex-graphql serve`` replicas on MariaDB, a fault
injected for a bounded time, then what it did to requests, sessions and answers.

Faults (``--faults``, comma-separated; all by default):

- ``kill``: ``kill -9`` of one of two replicas while sessions provision, then while
  answers are submitted (the killed replica is restarted; failed requests are retried on
  either replica until their outcome is known);
- ``engine``: the private Docker engine (``tests/support/dockerd.py``) stopped for
  ``--fault-seconds`` and started again; without Docker, every machine of the simulated
  engine dies at once instead (said in the table);
- ``db``: the database behind a TCP proxy, refused then black-holed for ``--fault-seconds``
  each, under a ~``--rate`` requests/s mix on two replicas;
- ``redis``: the same for Redis (db 14) under two replicas, with ``sessionUpdated``
  subscribers on the other replica than the one changing the sessions;
- ``conflicts``: ``--conflicts`` concurrent pause/resume/terminate/extend calls on a few
  sessions, through one replica and through two;
- ``soak``: two replicas on MariaDB + Redis for ``--soak-seconds`` at ``--rate`` requests/s
  with ``--subscribers`` subscribers (half ``mySessions``, half ``notifications``).

After each fault the session rows are checked against the engine every 0.25 s until
consistent, with no orphan and no session in a transient state; the time from the end of
the fault to that is "converge". Targets: 0 inconsistent, 0 orphans, 0 lost or doubled
answers and events, no untyped failure (INTERNAL_SERVER_ERROR, a 5xx other than 503),
convergence within one reconcile interval (``--reconcile-interval``).

    .venv/bin/python benchmarks/faults.py                        # all, a few minutes
    .venv/bin/python benchmarks/faults.py --faults kill,db --fault-seconds 3

The database (``--database-url``, default ``mysql://root@127.0.0.1:3306/rangex_faults``) is
dropped and recreated for each fault and dropped at the end. Exit status: 0 when every
target is met, 1 when one is missed, 2 when the set-up failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
sys.path[:0] = [str(REPO_DIR), str(BENCH_DIR)]

from fault_checks import AnswerLedger, SimulatedEngine  # noqa: E402
from fault_engine import fault_engine  # noqa: E402
from fault_run import FaultResult, Run, now, table  # noqa: E402
from fault_soak import fault_soak  # noqa: E402
from fault_traffic import (  # noqa: E402
    LIFECYCLE_CALLS,
    SESSION_UPDATED,
    Mix,
    Owned,
    Pool,
    answer_all,
    last_state,
    lifecycle_call,
    start_sessions,
    subscribe,
    wait_states,
)
from fault_world import (  # noqa: E402
    FINAL_STATES,
    Seeded,
    Tally,
    client,
    drop_database,
    replicas,
    seed,
)
from tcp_proxy import Mode, TcpProxy  # noqa: E402

ALL_FAULTS = ("kill", "engine", "db", "redis", "conflicts", "soak")


# -- kill -9 ---------------------------------------------------------------------------------


async def fault_kill(run: Run) -> list[FaultResult]:
    seeded = await seed(run.database_url, learners=10)
    engine = SimulatedEngine(run.database_url)
    env = run.env(RANGEX_SIMULATED_DELAY_SCALE="3")  # provisioning takes ~2 s
    results = []
    with replicas(2, env, run.workdir) as (a, b):
        async with client(a) as ca, client(b) as cb:
            both, via_b = Pool([ca, cb]), Pool([cb])
            tally = Tally()
            sessions = await start_sessions(Pool([ca]), seeded, 12, tally)
            await asyncio.sleep(0.5)
            await asyncio.to_thread(a.kill9)
            await asyncio.to_thread(a.start)
            check, took = await run.settle(engine, now())
            results.append(
                FaultResult("kill -9 while provisioning", engine.name, tally, check, took)
            )

            tally, ledger = Tally(), AnswerLedger()
            running = await wait_states(via_b, sessions, ["RUNNING"], 10)
            if len(running) < 6:
                fresh = await start_sessions(via_b, seeded, 6 - len(running), tally)
                running += await wait_states(via_b, fresh, ["RUNNING"], 20)
            answering = asyncio.create_task(
                answer_all(both, running, seeded.questions, tally, ledger)
            )
            # Kill once about half the answers are in.
            while tally.sent < len(running) * len(seeded.questions) // 2:  # noqa: ASYNC110
                await asyncio.sleep(0.005)
            await asyncio.to_thread(a.kill9)
            await asyncio.to_thread(a.start)
            ended = now()
            await answering
            lost, doubled = await ledger.compare(run.database_url)
            check, took = await run.settle(engine, ended)
            results.append(
                FaultResult(
                    "kill -9 while answering", engine.name, tally, check, took, lost, doubled
                )
            )
    return results


# -- database and Redis behind a proxy -------------------------------------------------------


async def cut(proxy: TcpProxy, seconds: float) -> None:
    """Refuse, pass for a moment, black-hole, pass: the fault's whole timeline."""
    await proxy.set_mode(Mode.REFUSE)
    await asyncio.sleep(seconds)
    await proxy.set_mode(Mode.PASS)
    await asyncio.sleep(2)
    await proxy.set_mode(Mode.BLACKHOLE)
    await asyncio.sleep(seconds)
    await proxy.set_mode(Mode.PASS)


async def running_sessions(pool: Pool, seeded: Seeded, count: int) -> list[Owned]:
    started = await start_sessions(pool, seeded, count, Tally())
    return await wait_states(pool, started, ["RUNNING"], 30)


async def fault_db(run: Run) -> list[FaultResult]:
    seeded = await seed(run.database_url, learners=10)
    engine = SimulatedEngine(run.database_url)
    proxy = await TcpProxy(3306).start()
    seconds = run.args.fault_seconds
    try:
        env = run.env(run.proxied_database(proxy.port))
        with replicas(2, env, run.workdir) as (a, b):
            async with client(a) as ca, client(b) as cb:
                pool = Pool([ca, cb])
                sessions = await running_sessions(pool, seeded, 10)
                tally, ledger = Tally(), AnswerLedger()
                mix = Mix(pool, seeded, sessions, tally, ledger)
                traffic = asyncio.create_task(mix.run(run.args.rate, 2 * seconds + 8))
                await asyncio.sleep(2)
                await cut(proxy, seconds)
                ended = now()
                check, took = await run.settle(engine, ended)
                await traffic
                lost, doubled = await ledger.compare(run.database_url)
    finally:
        await proxy.close()
    result = FaultResult("database refused, black-holed", engine.name, tally, check, took)
    result.lost, result.doubled = lost, doubled
    result.notes.append(f"{seconds:g} s refused, 2 s up, {seconds:g} s black-holed")
    return [result]


async def fault_redis(run: Run) -> list[FaultResult]:
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=14).flushdb()
    seeded = await seed(run.database_url, learners=10)
    engine = SimulatedEngine(run.database_url)
    proxy = await TcpProxy(6379).start()
    seconds = run.args.fault_seconds
    try:
        env = run.env(RANGEX_REDIS_URL=f"redis://127.0.0.1:{proxy.port}/14")
        with replicas(2, env, run.workdir) as (a, b):
            async with client(a) as ca, client(b) as cb:
                sessions = await running_sessions(Pool([ca, cb]), seeded, 10)
                watchers = [
                    await subscribe(b.port, owned.token, SESSION_UPDATED, {"id": owned.gid})
                    for owned in sessions
                ]
                listening = [asyncio.create_task(w.listen()) for w in watchers]
                tally, ledger = Tally(), AnswerLedger()
                mix = Mix(Pool([ca]), seeded, sessions, tally, ledger)
                traffic = asyncio.create_task(mix.run(run.args.rate, 2 * seconds + 6))
                await asyncio.sleep(2)
                await cut(proxy, seconds)
                ended = now()
                check, took = await run.settle(engine, ended)
                await traffic
                await asyncio.sleep(2)  # the broker's reconnection
                # One last change per watched session, made on replica A, seen on B.
                for owned in sessions:
                    await lifecycle_call(Pool([ca]), owned, "Terminate", tally)
                await wait_states(Pool([ca]), sessions, list(FINAL_STATES), 10)
                await asyncio.sleep(3)
                seen = sum(last_state(w, "sessionUpdated") in FINAL_STATES for w in watchers)
                endings = Counter(
                    w.ended or ("socket closed" if w.closed else "open") for w in watchers
                )
                frames = sum(len(w.frames) for w in watchers)
                for watcher in watchers:
                    await watcher.socket.close()
                await asyncio.gather(*listening, return_exceptions=True)
                lost, doubled = await ledger.compare(run.database_url)
    finally:
        await proxy.close()
    result = FaultResult("redis refused, black-holed (2 replicas)", engine.name, tally, check, took)
    result.lost, result.doubled = lost, doubled
    result.events = f"{len(sessions)}/{seen} final states"
    result.notes.append(f"subscribers: {frames} frames; ended: {dict(endings)}")
    result.events_lost = len(sessions) - seen
    result.notes.append(f"{seconds:g} s refused, 2 s up, {seconds:g} s black-holed")
    return [result]


# -- conflicting lifecycle calls -------------------------------------------------------------


async def fault_conflicts(run: Run) -> list[FaultResult]:
    results = []
    for count in (1, 2):
        seeded = await seed(run.database_url, learners=5)
        engine = SimulatedEngine(run.database_url)
        with replicas(count, run.env(), run.workdir) as started:
            clients = [client(replica) for replica in started]
            try:
                pool = Pool(clients)
                sessions = await running_sessions(pool, seeded, 8)
                rng = random.Random(count)
                tally = Tally()
                # Few terminations, so that most calls still meet a live session.
                actions = rng.choices(LIFECYCLE_CALLS, weights=(6, 6, 1, 3), k=run.args.conflicts)
                calls = [(rng.choice(sessions), action) for action in actions]
                await asyncio.gather(
                    *(lifecycle_call(pool, owned, action, tally) for owned, action in calls)
                )
                check, took = await run.settle(engine, now())
            finally:
                for each in clients:
                    await each.aclose()
        name = f"{run.args.conflicts} conflicting calls, {count} replica{'s' * (count > 1)}"
        results.append(FaultResult(name, engine.name, tally, check, took))
    return results


# -- main ------------------------------------------------------------------------------------

RUNNERS = {
    "kill": fault_kill,
    "engine": fault_engine,
    "db": fault_db,
    "redis": fault_redis,
    "conflicts": fault_conflicts,
    "soak": fault_soak,
}


async def run_faults(run: Run, faults: list[str]) -> list[FaultResult]:
    results: list[FaultResult] = []
    try:
        for name in faults:
            print(f"-- {name}", file=sys.stderr, flush=True)
            try:
                results += await RUNNERS[name](run)
            except (RuntimeError, OSError) as error:  # a replica that did not start, ...
                results.append(FaultResult(name, "-", Tally(), notes=[f"set-up failed: {error}"]))
    finally:
        await drop_database(run.database_url)
    return results


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--faults", default=",".join(ALL_FAULTS), help=", ".join(ALL_FAULTS))
    parser.add_argument("--database-url", default="mysql://root@127.0.0.1:3306/rangex_faults")
    parser.add_argument("--fault-seconds", type=float, default=3.0)
    parser.add_argument("--reconcile-interval", type=float, default=3.0)
    parser.add_argument("--converge-limit", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=20.0, help="requests/s of the mix")
    parser.add_argument("--conflicts", type=int, default=200)
    parser.add_argument("--soak-seconds", type=float, default=120.0)
    parser.add_argument("--subscribers", type=int, default=100, help="50-200 for the soak")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results/faults.json")
    args = parser.parse_args(argv)
    args.fault_list = [name.strip() for name in args.faults.split(",") if name.strip()]
    unknown = set(args.fault_list) - set(ALL_FAULTS)
    if unknown:
        parser.error(f"unknown faults: {sorted(unknown)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rangex-faults-") as tmp:
        run = Run(args, Path(tmp))
        try:
            results = asyncio.run(run_faults(run, args.fault_list))
        except (RuntimeError, OSError) as error:
            print(f"set-up failed: {error}", file=sys.stderr)
            for log in Path(tmp).glob("*.log"):
                print(f"--- {log.name}\n{log.read_text()[-3000:]}", file=sys.stderr)
            return 2
        logs = {log.name: log.read_text()[-2000:] for log in Path(tmp).glob("*.log")}
    print(table(results, args.reconcile_interval))
    for result in results:
        refused = {c[8:]: n for c, n in result.tally.codes.items() if c.startswith("payload:")}
        if refused:
            print(f"- {result.fault}: typed refusals (payload codes): {refused}")
        if result.tally.untyped_by_operation:
            untyped = dict(result.tally.untyped_by_operation)
            print(f"- {result.fault}: untyped failures by operation: {untyped}")
        if result.check is not None:
            print(f"- {result.fault}: session states at the end: {result.check.states}")
        for note in result.notes:
            print(f"- {result.fault}: {note}")
        if result.check is not None and result.check.inconsistent:
            print(f"- {result.fault}: inconsistent: {result.check.inconsistent[:5]}")
    document = {
        "reconcile_interval_s": args.reconcile_interval,
        "faults": [result.as_json(args.reconcile_interval) for result in results],
        "server_log_tails": {name: text for name, text in logs.items() if text.strip()},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=1) + "\n")
    met = all(not result.misses(args.reconcile_interval) for result in results)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
