"""What one /metrics scrape costs the server, with 1,000 subscriptions open.

Seeds a SQLite database, starts ``rangex-graphql serve`` (one worker, metrics on behind a
token, Redis broker), opens the subscriptions over graphql-transport-ws (admins watching
one session, as ``subscriptions.py`` does), then sends requests one at a time in ABBA
rounds: ``GET /metrics`` with the token, and ``GET /health`` as the baseline (the same
HTTP path through uvicorn and Starlette, no exposition). The server's CPU time per
request comes from ``/proc/<pid>/stat`` over each round. The difference is what the
exposition itself costs.

``--operation-names K`` first sends K GraphQL requests with different operation names, so
that the request counter has K label values (the worst case is
``RANGEX_METRICS_MAX_OPERATION_NAMES``, 200 by default).

    .venv/bin/python benchmarks/metrics_scrape.py
    .venv/bin/python benchmarks/metrics_scrape.py --subscribers 1000 --operation-names 200
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
from pathlib import Path

import httpx

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR.parent), str(BENCH_DIR)]

from subscriptions import (  # noqa: E402
    HOST,
    SECRET,
    Subscriber,
    cpu_seconds,
    free_port,
    open_subscriber,
    seed,
    server,
)

from rangex_graphql.api.ids import to_global_id  # noqa: E402
from rangex_graphql.settings import Settings  # noqa: E402

METRICS_TOKEN = "metrics-benchmark-token-0123456789abcdef"


async def cpu_per_request(
    client: httpx.AsyncClient, pid: int, path: str, headers: dict[str, str], count: int
) -> float:
    """Server CPU milliseconds per request over ``count`` requests sent one at a time."""
    before = cpu_seconds(pid)
    for _ in range(count):
        response = await client.get(path, headers=headers)
        assert response.status_code == 200, response.text
    return (cpu_seconds(pid) - before) * 1000 / count


async def run(args: argparse.Namespace) -> dict[str, float]:
    workdir = Path(tempfile.mkdtemp(prefix="rangex-scrape-"))
    database = workdir / "bench.sqlite3"
    env = {
        **os.environ,
        "RANGEX_DATABASE_URL": f"sqlite://{database}",
        "RANGEX_REDIS_URL": args.redis_url,
        "RANGEX_SECRET_KEY": SECRET,
        "RANGEX_MIGRATE_ON_START": "false",
        "RANGEX_JOBS_ENABLED": "false",
        "RANGEX_GRAPHIQL": "false",
        "RANGEX_LOG_LEVEL": "warning",
        "RANGEX_METRICS_TOKEN": METRICS_TOKEN,
        "RANGEX_WS_MAX_CONNECTIONS_PER_USER": "1000",
    }
    settings = Settings(database_url=env["RANGEX_DATABASE_URL"], secret_key=SECRET)
    seeded = await seed(settings)
    gid = to_global_id("EnvironmentSession", seeded.session_id)
    port = free_port()
    base = f"http://{HOST}:{port}"
    scrape_headers = {"Authorization": f"Bearer {METRICS_TOKEN}"}
    with server(env, port, workdir / "server.log", None, False) as pid:
        subscribers: list[Subscriber] = []
        for start in range(0, args.subscribers, 50):
            batch = range(start, min(start + 50, args.subscribers))
            subscribers += await asyncio.gather(
                *(
                    open_subscriber(f"ws://{HOST}:{port}/graphql", seeded.tokens[i % 50], gid)
                    for i in batch
                )
            )
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            auth = {"Authorization": f"Bearer {seeded.tokens[0]}"}
            for n in range(args.operation_names):
                query = f"query Op{n} {{ __typename }}"
                body = {"query": query, "operationName": f"Op{n}"}
                await client.post("/graphql", json=body, headers=auth)
            metrics = await client.get("/metrics", headers=scrape_headers)
            open_now = next(
                line
                for line in metrics.text.splitlines()
                if line.startswith("rangex_graphql_subscriptions_active ")
            )
            series = sum(1 for line in metrics.text.splitlines() if not line.startswith("#"))
            await cpu_per_request(client, pid, "/health", {}, args.requests // 4)  # warm up
            scrapes: list[float] = []
            health: list[float] = []
            for round_ in range(args.rounds):
                order = [("m", "h"), ("h", "m")][round_ % 2]
                for which in order:
                    if which == "m":
                        scrapes.append(
                            await cpu_per_request(
                                client, pid, "/metrics", scrape_headers, args.requests
                            )
                        )
                    else:
                        health.append(
                            await cpu_per_request(client, pid, "/health", {}, args.requests)
                        )
        for subscriber in subscribers:
            await subscriber.socket.close()
    scrape = statistics.median(scrapes)
    baseline = statistics.median(health)
    print(f"server: {open_now.split()[1]} subscriptions open, {series} series in a scrape")
    print("| request | server CPU ms per request (median of rounds) |")
    print("|---|---|")
    print(f"| GET /health (baseline) | {baseline:.3f} |")
    print(f"| GET /metrics | {scrape:.3f} |")
    print(f"| the exposition itself (difference) | {scrape - baseline:.3f} |")
    return {"scrape_ms": scrape, "health_ms": baseline, "series": series}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--operation-names", type=int, default=0)
    parser.add_argument("--requests", type=int, default=200, help="requests per round and kind")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    asyncio.run(run(parser.parse_args()))
