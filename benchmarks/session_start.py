"""sessionStart → RUNNING: what the API adds to the engine's own time.

Starts the app (``rangex-graphql serve`` in a subprocess: 1 worker, 127.0.0.1, a free
port, a temporary SQLite database, migrations at start; see ``servers.py``), seeds one
learner and a published 3-machine version in that database, then for each engine:

1. **simulated** (``RANGEX_SIMULATED_DELAY_SCALE=0``: the engine takes no time, so what is
   measured is the API's own overhead): ``--runs`` sessions, one after the other;
2. **docker** (a private dockerd, ``tests/support/dockerd.py``, or ``--docker-url``): the
   same version on real containers (busybox httpd), ``--docker-runs`` sessions, and in the
   same run the **engine baseline**: the same networks and 3 containers created and started
   directly through aiodocker (no API, no database), as many times.

Per session it records the ``sessionStart`` mutation's latency (the answer comes in
REQUESTED; provisioning runs in the background), the time until the client sees RUNNING
(polling ``node(id:)`` every ``--poll-ms``: an upper bound, late by up to one interval;
polling faster loads the server it measures), and the server's own figure from the row:
``started_at - created_at`` (insert of the REQUESTED row to the moment the RUNNING
transition is written). Each session is terminated before the next starts.
``--mysql-url`` runs the server on MariaDB instead of SQLite.

Target: simulated start → RUNNING (server-side) p50 ≤ 20 ms.

Usage, from the repository root::

    .venv/bin/python benchmarks/session_start.py [--runs 200] [--docker-runs 10]
        [--skip-docker] [--docker-url unix:///path/docker.sock --docker-image IMAGE]
        [--output benchmarks/results/session_start.json]

Exit status: 0 target met, 1 missed, 2 set-up failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiodocker
import httpx

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
sys.path[:0] = [str(REPO_DIR), str(BENCH_DIR)]

from servers import Server, free_port, running_server  # noqa: E402

SECRET = "benchmark-secret-key-" * 3
LAB_IMAGE = "localhost/labserve:latest"
LAB_CMD = 'CMD ["httpd", "-f", "-p", "80", "-h", "/www"]'
TARGET_P50_MS = 20.0

START = """mutation($input: SessionStartInput!) {
  sessionStart(input: $input) { session { id state } errors { code message } } }"""
STATE = "query($id: ID!) { node(id: $id) { ... on EnvironmentSession { state failureReason } } }"
TERMINATE = """mutation($input: SessionInput!) {
  sessionTerminate(input: $input) { session { state } errors { code } } }"""


@dataclass
class Samples:
    mutation_ms: list[float] = field(default_factory=list)
    observed_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    session_ids: list[str] = field(default_factory=list)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def row(label: str, values: list[float]) -> str:
    if not values:
        return f"{label:<44} {'-':>8} {'-':>8} {'-':>8} {0:>5}"
    return (
        f"{label:<44} {percentile(values, 50):>8.1f} {percentile(values, 99):>8.1f} "
        f"{statistics.fmean(values):>8.1f} {len(values):>5}"
    )


# -- the database ------------------------------------------------------------------------


async def seed(database_url: str, image: str) -> tuple[str, str]:
    """A learner's access token and a published 3-machine version's global id."""
    from tortoise import Tortoise

    from rangex_graphql.api.ids import to_global_id
    from rangex_graphql.db.config import tortoise_config
    from rangex_graphql.db.migrate import apply_migrations
    from rangex_graphql.models import Machine, Scenario, ScenarioVersion, User
    from rangex_graphql.models.enums import Difficulty, MachineRole, UserRole, VersionStatus
    from rangex_graphql.security.tokens import issue_access_token
    from rangex_graphql.settings import Settings

    settings = Settings(
        database_url=database_url,
        secret_key=SECRET,
        access_token_minutes=600,
    )
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        author = await User.create(
            email="author@bench.test", username="author", display_name="A", role=UserRole.CREATOR
        )
        learner = await User.create(email="l@bench.test", username="learner", display_name="L")
        scenario = await Scenario.create(
            author=author,
            title="Session start benchmark",
            slug="session-start-bench",
            description="Three machines on one network, for the benchmark.",
            difficulty=Difficulty.BEGINNER,
            category="web",
        )
        version = await ScenarioVersion.create(
            scenario=scenario, number=1, status=VersionStatus.PUBLISHED
        )
        roles = (MachineRole.ATTACKER, MachineRole.INTERNAL, MachineRole.INTERNAL)
        for i, role in enumerate(roles):
            await Machine.create(
                version=version,
                name=f"m{i}",
                role=role,
                image_ref=image,
                cpu=0.25,
                memory_mib=64,
                entrypoints=[{"protocol": "HTTP", "port": 80, "exposed": True, "description": ""}]
                if i == 0
                else [],
                position=i,
            )
        token, _ = issue_access_token(settings, learner.id)
        return token, to_global_id("ScenarioVersion", version.id)
    finally:
        await Tortoise.close_connections()


async def server_side_ms(database_url: str, session_ids: list[str]) -> list[float]:
    """started_at - created_at of each session, read after the server stopped."""
    from tortoise import Tortoise

    from rangex_graphql.api.ids import from_global_id
    from rangex_graphql.db.config import tortoise_config
    from rangex_graphql.models import EnvironmentSession
    from rangex_graphql.settings import Settings

    settings = Settings(database_url=database_url, secret_key=SECRET)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        ids = [from_global_id(g, "id")[1] for g in session_ids]
        rows = await EnvironmentSession.filter(id__in=ids).values("created_at", "started_at")
        return [
            (r["started_at"] - r["created_at"]).total_seconds() * 1000
            for r in rows
            if r["started_at"] is not None
        ]
    finally:
        await Tortoise.close_connections()


# -- the API ---------------------------------------------------------------------------------


async def call(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> Any:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"GraphQL failed: {response.status_code} {body}")
    return body["data"]


async def start_sessions(
    server: Server, token: str, version_id: str, runs: int, poll_s: float
) -> Samples:
    samples = Samples()
    headers = {"Authorization": f"Bearer {token}"}
    base = f"http://127.0.0.1:{server.port}"
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as client:
        await call(client, STATE, {"id": version_id})  # warm the connection and the caches
        for _ in range(runs):
            began = time.perf_counter()
            data = await call(client, START, {"input": {"versionId": version_id}})
            answered = time.perf_counter()
            payload = data["sessionStart"]
            if payload["errors"]:
                raise RuntimeError(f"sessionStart refused: {payload['errors']}")
            session_id = payload["session"]["id"]
            state = payload["session"]["state"]
            while state != "RUNNING":
                if state in ("FAILED", "TERMINATED", "EXPIRED"):
                    node = (await call(client, STATE, {"id": session_id}))["node"]
                    raise RuntimeError(f"session ended {state}: {node['failureReason']}")
                await asyncio.sleep(poll_s)
                state = (await call(client, STATE, {"id": session_id}))["node"]["state"]
            running = time.perf_counter()
            samples.mutation_ms.append((answered - began) * 1000)
            samples.observed_ms.append((running - began) * 1000)
            samples.session_ids.append(session_id)
            await call(client, TERMINATE, {"input": {"sessionId": session_id}})
    return samples


def server_env(extra: dict[str, str]) -> dict[str, str]:
    # Only this run's settings reach the server: none of the caller's RANGEX_*.
    for name in [n for n in os.environ if n.startswith("RANGEX_")]:
        os.environ.pop(name)
    return {
        "RANGEX_SECRET_KEY": SECRET,
        "RANGEX_COST_BUDGET_PER_MINUTE": "0",
        "RANGEX_SESSION_MAX_PER_USER": "1000",
        "RANGEX_SESSION_STARTS_PER_HOUR": "10000",
        "RANGEX_SESSION_STARTS_PER_DAY": "100000",
        "RANGEX_LOG_LEVEL": "warning",
        **extra,
    }


@contextmanager
def api_server(name: str, workdir: Path, env: dict[str, str]) -> Iterator[Server]:
    port = free_port()
    command = [str(Path(sys.executable).parent / "rangex-graphql"), "serve"]
    env = server_env({**env, "RANGEX_HOST": "127.0.0.1", "RANGEX_PORT": str(port)})
    # servers.running_server finds the port after --port in the command.
    with running_server(name, [*command, "--port", str(port)], env, workdir / f"{name}.log") as s:
        yield s


async def measure_api(
    name: str,
    workdir: Path,
    env: dict[str, str],
    image: str,
    runs: int,
    poll_ms: float,
    mysql_url: str | None,
) -> Samples:
    if mysql_url:
        from seed import recreate_database

        database_url = mysql_url
        await recreate_database(database_url)
    else:
        database_url = f"sqlite://{workdir / f'{name}.sqlite3'}"
    token, version_id = await seed(database_url, image)
    with api_server(name, workdir, {**env, "RANGEX_DATABASE_URL": database_url}) as server:
        samples = await start_sessions(server, token, version_id, runs, poll_ms / 1000)
    samples.server_ms = await server_side_ms(database_url, samples.session_ids)
    return samples


# -- the engine baseline -------------------------------------------------------------------


def baseline_config(image: str, run: int, machine: int) -> dict[str, Any]:
    """What the driver asks for, less what only it needs (attempt labels, env, limits)."""
    entry = machine == 0
    return {
        "Image": image,
        "Hostname": f"m{machine}",
        "Labels": {"rangex.benchmark": "baseline"},
        "ExposedPorts": {"80/tcp": {}} if entry else {},
        "HostConfig": {
            "NanoCpus": 250_000_000,
            "Memory": 64 * 1024 * 1024,
            "Init": True,
            "CapDrop": ["ALL"],
            "NetworkMode": f"baseline-{run}-access" if entry else f"baseline-{run}",
            "PortBindings": (
                {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}]} if entry else {}
            ),
        },
    }


async def engine_baseline(docker_url: str, image: str, runs: int, pool: str) -> list[float]:
    """Create and start the driver's networks and 3 containers directly; ms per run."""
    import ipaddress

    subnets = list(ipaddress.IPv4Network(pool).subnets(new_prefix=24))[-2:]
    access = next(iter(subnets[0].subnets(new_prefix=28)))
    timings = []
    docker = aiodocker.Docker(url=docker_url)
    try:
        for n in range(runs):
            began = time.perf_counter()
            label = {"rangex.benchmark": "baseline"}
            session_net = await docker.networks.create(
                {
                    "Name": f"baseline-{n}",
                    "Internal": True,
                    "Labels": label,
                    "IPAM": {"Config": [{"Subnet": str(subnets[1])}]},
                }
            )
            access_net = await docker.networks.create(
                {
                    "Name": f"baseline-{n}-access",
                    "Labels": label,
                    "IPAM": {"Config": [{"Subnet": str(access)}]},
                }
            )

            containers = await asyncio.gather(
                *(
                    docker.containers.create(
                        baseline_config(image, n, i), name=f"baseline-{n}-m{i}"
                    )
                    for i in range(3)
                )
            )
            await session_net.connect({"Container": containers[0].id})
            await asyncio.gather(*(c.start() for c in containers))
            await asyncio.gather(*(c.show() for c in containers))
            timings.append((time.perf_counter() - began) * 1000)
            await asyncio.gather(*(c.delete(force=True) for c in containers))
            await session_net.delete()
            await access_net.delete()
    finally:
        await docker.close()
    return timings


def import_lab_image(socket_path: Path) -> None:
    from tests.support.dockerd import api, cache_dir, labbase_tar, prepare_engine

    tar = labbase_tar(cache_dir(), prepare_engine(cache_dir()))
    query = urllib.parse.urlencode(
        {"fromSrc": "-", "repo": LAB_IMAGE.rsplit(":", 1)[0], "tag": "latest", "changes": LAB_CMD}
    )
    status, body = api(
        socket_path,
        "POST",
        f"/images/create?{query}",
        body=tar.read_bytes(),
        headers={"Content-Type": "application/x-tar"},
        timeout=60,
    )
    if status != 200 or b'"error' in body:
        raise RuntimeError(f"importing {LAB_IMAGE} failed: {body[-300:]!r}")


# -- main ------------------------------------------------------------------------------------


async def run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    simulated = await measure_api(
        "simulated",
        workdir,
        {"RANGEX_ORCHESTRATOR": "simulated", "RANGEX_SIMULATED_DELAY_SCALE": "0"},
        LAB_IMAGE,
        args.runs,
        args.poll_ms,
        args.mysql_url,
    )
    results["simulated"] = simulated
    if args.skip_docker:
        return results
    engine = None
    try:
        if args.docker_url:
            docker_url, image, pool = args.docker_url, args.docker_image, args.subnet_pool
        else:
            from tests.support.dockerd import start_private_dockerd

            engine = start_private_dockerd()
            import_lab_image(engine.socket)
            docker_url, image, pool = engine.url, LAB_IMAGE, engine.subnet_pool
        env = {
            "RANGEX_ORCHESTRATOR": "docker",
            "RANGEX_DOCKER_URL": docker_url,
            "RANGEX_DOCKER_SUBNET_POOL": pool,
        }
        results["docker"] = await measure_api(
            "docker", workdir, env, image, args.docker_runs, args.docker_poll_ms, args.mysql_url
        )
        results["engine"] = await engine_baseline(docker_url, image, args.docker_runs, pool)
    finally:
        if engine is not None:
            engine.stop()
    return results


def report(results: dict[str, Any]) -> tuple[str, bool]:
    head = f"{'':<44} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'n':>5}"
    lines = [head]
    simulated: Samples = results["simulated"]
    lines += [
        row("simulated (0 delay): sessionStart answer", simulated.mutation_ms),
        row("simulated: start -> RUNNING, server (row)", simulated.server_ms),
        row("simulated: start -> RUNNING, client-seen", simulated.observed_ms),
    ]
    if "docker" in results:
        docker: Samples = results["docker"]
        lines += [
            row("docker 3 machines: sessionStart answer", docker.mutation_ms),
            row("docker: start -> RUNNING, server (row)", docker.server_ms),
            row("docker: start -> RUNNING, client-seen", docker.observed_ms),
            row("engine alone (aiodocker): nets + 3 started", results["engine"]),
        ]
    p50 = percentile(simulated.server_ms, 50)
    met = p50 <= TARGET_P50_MS
    verdict = "PASS" if met else "FAIL"
    lines.append(
        f"target: simulated start -> RUNNING (server) p50 <= {TARGET_P50_MS} ms: "
        f"{p50:.1f} {verdict}"
    )
    return "\n".join(lines), met


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--docker-runs", type=int, default=10)
    parser.add_argument(
        "--mysql-url",
        help="run the server on this MySQL/MariaDB database (DROPPED and recreated) "
        "instead of a temporary SQLite file, e.g. mysql://root@127.0.0.1:3306/rangex_bench_start",
    )
    parser.add_argument("--poll-ms", type=float, default=50.0)
    parser.add_argument("--docker-poll-ms", type=float, default=10.0)
    parser.add_argument("--skip-docker", action="store_true")
    parser.add_argument("--docker-url", help="an engine of your own instead of a private one")
    parser.add_argument("--docker-image", default=LAB_IMAGE, help="with --docker-url")
    parser.add_argument("--subnet-pool", default="172.16.0.0/12", help="with --docker-url")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results/session_start.json")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rangex-session-start-") as tmp:
        try:
            results = asyncio.run(run(args, Path(tmp)))
        except (RuntimeError, OSError) as error:
            print(f"set-up failed: {error}", file=sys.stderr)
            for log in Path(tmp).glob("*.log"):
                print(f"--- {log.name}\n{log.read_text()[-3000:]}", file=sys.stderr)
            return 2
    text, met = report(results)
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        name: (value.__dict__ if isinstance(value, Samples) else value)
        for name, value in results.items()
    }
    args.output.write_text(json.dumps(document, indent=1))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
