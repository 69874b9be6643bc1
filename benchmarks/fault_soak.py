"""The bounded soak: two replicas on MariaDB + Redis under a steady mix, with subscribers.

Half the subscribers watch ``mySessions``, half ``notifications`` (each learner is
warned once that its session will expire: ``RANGEX_EXPIRY_WARNING_MINUTES`` is set above
the sessions' duration). What was published is read from Redis itself: this process
subscribes to every learner's topic, as a third replica would. RSS of both replicas is
sampled every few seconds; growth is fitted over the second half.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections import Counter
from typing import Any

from fault_checks import AnswerLedger, SimulatedEngine
from fault_run import FaultResult, Run, now
from fault_traffic import (
    MY_SESSIONS,
    NOTIFICATIONS,
    Mix,
    Pool,
    Subscriber,
    start_sessions,
    subscribe,
    wait_states,
)
from fault_world import Replica, Tally, client, replicas, seed

from rangex_graphql.broker.protocol import topic_for_user
from rangex_graphql.broker.redis import RedisBroker

REDIS_URL = "redis://127.0.0.1:6379/14"
RSS_EVERY_SECONDS = 5.0
DRAIN_SECONDS = 5.0


async def _count_published(broker: RedisBroker, user_ids: list[str], counts: Counter[str]) -> None:
    subscription = await broker.subscribe(
        [topic_for_user(uid) for uid in user_ids], queue_size=100_000
    )
    try:
        async for message in subscription:
            counts[f"{message.get('type')}:{message.get('userId')}"] += 1
    finally:
        await subscription.aclose()


async def _sample_rss(started: list[Replica], samples: list[tuple[float, int]]) -> None:
    while True:
        samples.append((now(), sum(replica.rss_kib() for replica in started)))
        await asyncio.sleep(RSS_EVERY_SECONDS)


def stage(text: str) -> None:
    print(f"   soak: {text}", file=sys.stderr, flush=True)


def growth_kib_per_minute(samples: list[tuple[float, int]]) -> float:
    """Least-squares slope of RSS over the second half of the samples."""
    half = samples[len(samples) // 2 :]
    if len(half) < 2:
        return 0.0
    mean_t = sum(t for t, _ in half) / len(half)
    mean_r = sum(r for _, r in half) / len(half)
    spread = sum((t - mean_t) ** 2 for t, _ in half)
    slope = sum((t - mean_t) * (r - mean_r) for t, r in half) / spread if spread else 0.0
    return slope * 60


async def fault_soak(run: Run) -> list[FaultResult]:
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=14).flushdb()
    learners = max(1, run.args.subscribers // 2)
    seeded = await seed(run.database_url, learners=learners)
    engine = SimulatedEngine(run.database_url)
    env = run.env(
        RANGEX_REDIS_URL=REDIS_URL,
        RANGEX_EXPIRY_WARNING_MINUTES="[45]",
        RANGEX_JOBS_EXPIRY_WARNING_INTERVAL_SECONDS="2",
    )
    published: Counter[str] = Counter()
    broker = RedisBroker(REDIS_URL)
    counting = asyncio.create_task(_count_published(broker, seeded.user_ids, published))
    rss: list[tuple[float, int]] = []
    with replicas(2, env, run.workdir) as started:
        async with client(started[0]) as c0, client(started[1]) as c1:
            pool = Pool([c0, c1])
            watchers: list[tuple[str, str, Subscriber]] = []
            for n, (token, uid) in enumerate(zip(seeded.tokens, seeded.user_ids, strict=True)):
                for kind, document in (("session", MY_SESSIONS), ("notification", NOTIFICATIONS)):
                    port = started[(n + len(watchers)) % 2].port
                    watchers.append((kind, uid, await subscribe(port, token, document)))
            stage("subscribers connected")
            listening = [asyncio.create_task(w.listen()) for _, _, w in watchers]
            await asyncio.sleep(1)
            sampling = asyncio.create_task(_sample_rss(started, rss))
            sessions = await start_sessions(pool, seeded, 10, Tally())
            sessions = await wait_states(pool, sessions, ["RUNNING"], 30)
            tally, ledger = Tally(), AnswerLedger()
            mix = Mix(pool, seeded, sessions, tally, ledger)
            stage("sessions running; the mix starts")
            await mix.run(run.args.rate, run.args.soak_seconds)
            stage("the mix ended")
            sampling.cancel()
            final, took = await run.settle(engine, now())
            await asyncio.sleep(DRAIN_SECONDS)
            for _, _, watcher in watchers:
                await watcher.socket.close()
            await asyncio.gather(*listening, sampling, return_exceptions=True)
            lost, doubled = await ledger.compare(run.database_url)
            stage("checked")
    stage("replicas stopped")
    counting.cancel()
    with contextlib.suppress(asyncio.CancelledError, TimeoutError):
        await asyncio.wait_for(counting, 5)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(broker.aclose(), 5)
    stage("broker closed")
    result = _result(tally, final, watchers, published, rss)
    result.converge_s = took
    result.lost, result.doubled = lost, doubled
    result.notes.append(
        f"{run.args.soak_seconds:g} s at {run.args.rate:g}/s, {len(watchers)} subscribers, "
        f"RSS growth (2 replicas, second half) {growth_kib_per_minute(rss):.0f} KiB/min, "
        f"RSS {rss[0][1] // 1024 if rss else 0} -> {rss[-1][1] // 1024 if rss else 0} MiB"
    )
    return [result]


def _result(
    tally: Tally,
    final: Any,
    watchers: list[tuple[str, str, Subscriber]],
    published: Counter[str],
    rss: list[tuple[float, int]],
) -> FaultResult:
    expected: Counter[str] = Counter()
    received: Counter[str] = Counter()
    missed = 0
    for kind, uid, watcher in watchers:
        want = published[f"{kind}:{uid}"]
        expected[kind] += want
        received[kind] += min(len(watcher.frames), want)
        missed += watcher.missed
    result = FaultResult("soak, 2 replicas, MariaDB + Redis", "simulated", tally, final)
    result.events = ", ".join(
        f"{kind}s {expected[kind]}/{received[kind]}" for kind in ("session", "notification")
    )
    result.events_lost = sum(expected.values()) - sum(received.values())
    if missed:
        result.notes.append(f"subscribers told of {missed} skipped events (extensions.missed)")
    return result
