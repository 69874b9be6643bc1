"""Response encoding: the standard library's json against orjson and msgspec, on the HTTP
benchmark's real responses.

Seeds the benchmark database (as ``http_queries.py`` does), starts the API, keeps the
responses of cases a, b and c (``cases.py``; the detail case's first slug), and times each
encoder on them in this process: µs per response, best of several repeats. Each encoder's
output is checked to decode to the same document first. msgspec is not a dependency of the
project: ``.venv/bin/pip install msgspec`` to include it.

    .venv/bin/python benchmarks/json_encoding.py
    .venv/bin/python benchmarks/json_encoding.py --responses results/responses.json

``--responses`` reads the responses from a file this script wrote (``--keep``) and starts
no server.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import secrets
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import uvloop
from cases import CASES
from http_queries import DEFAULT_DATABASE_URL, server_envs, settings_for
from load import fetch_once
from seed import exclusive_database, seed
from servers import BENCH_DIR, Server, free_port, running_server, uvicorn_command

from rangex_graphql.api.json_encoding import to_json, to_json_bytes
from rangex_graphql.security.tokens import issue_access_token

REPEATS = 7
TARGET_SECONDS = 0.2  # per repeat

ENCODERS: dict[str, Callable[[Any], bytes | str]] = {
    # What the API did before: a str, which Starlette then encodes to UTF-8 bytes.
    "json (stdlib)": lambda data: json.dumps(data, separators=(",", ":")).encode(),
    "orjson": orjson.dumps,
}
try:  # not a dependency of the project: `.venv/bin/pip install msgspec` to compare
    msgspec_json = importlib.import_module("msgspec.json")
    ENCODERS["msgspec"] = msgspec_json.Encoder().encode
except ImportError:
    print("msgspec is not installed: its row is left out")
ENCODERS["api: to_json_bytes (HTTP)"] = to_json_bytes
ENCODERS["api: to_json (WebSocket)"] = to_json


async def _capture(server: Server, token: str) -> dict[str, Any]:
    captured = {}
    for case in CASES:
        status, body = await fetch_once(server, case.graphql_request(0, token))
        document = json.loads(body)
        if status != 200 or "errors" in document:
            raise RuntimeError(f"({case.key}) answered {status}: {body[:300]!r}")
        captured[case.key] = document
    return captured


def capture(database_url: str) -> dict[str, Any]:
    args = argparse.Namespace(database_url=database_url, pool_max=4)
    with exclusive_database(database_url):
        settings = settings_for(args, "asyncmy", secrets.token_urlsafe(48))
        summary = asyncio.run(seed(settings))
        token, _expires = issue_access_token(settings, summary.admin_id)
        env, _baseline = server_envs(settings)
        command = uvicorn_command("rangex_graphql.app:create_app", free_port())
        log_path = BENCH_DIR / "results" / "json-encoding-rangex.log"
        with running_server("rangex", command, env, log_path) as server:
            return uvloop.run(_capture(server, token))


def time_encoder(encode: Callable[[Any], bytes | str], document: Any) -> float:
    """µs per call, best of REPEATS."""
    once = timeit.timeit(lambda: encode(document), number=1)
    number = max(1, int(TARGET_SECONDS / max(once, 1e-7)))
    best = min(timeit.repeat(lambda: encode(document), number=number, repeat=REPEATS))
    return 1e6 * best / number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--responses", type=Path, help="read the responses from this file")
    parser.add_argument("--keep", type=Path, help="write the captured responses to this file")
    args = parser.parse_args(argv)
    if args.responses:
        responses = json.loads(args.responses.read_text())
    else:
        responses = capture(args.database_url)
    if args.keep:
        args.keep.parent.mkdir(parents=True, exist_ok=True)
        args.keep.write_text(json.dumps(responses))
    header = f"{'encoder':<28}" + "".join(f"{'(' + key + ') µs':>12}{'x':>7}" for key in responses)
    print(header + "\n" + "-" * len(header))
    baseline: dict[str, float] = {}
    for name, encode in ENCODERS.items():
        cells = []
        for key, document in responses.items():
            if json.loads(encode(document)) != document:
                raise RuntimeError(f"{name} changed the document of case ({key})")
            micros = time_encoder(encode, document)
            baseline.setdefault(key, micros)
            cells.append(f"{micros:>12.1f}{baseline[key] / micros:>7.1f}")
        print(f"{name:<28}" + "".join(cells))
    sizes = ", ".join(f"({key}) {len(to_json_bytes(doc)):,} B" for key, doc in responses.items())
    print(f"\nresponse sizes: {sizes}; x: speed-up over the standard library")
    return 0


if __name__ == "__main__":
    sys.exit(main())
