"""Apollo Client 4's own ``PersistedQueryLink`` (from npm, run by node) against the app
served on a socket: the link's protocol as it really is, not as we read it.

Needs ``npm ci --prefix tests/api/http/apollo``; skipped (failed under CI) without.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphql import parse, print_ast

from rangex_graphql.settings import PersistedQueriesMode
from tests.conftest import require_service

PROJECT = Path(__file__).parent / "apollo"
QUERY = "query Probe { __typename }"


async def run_apollo_client(url: str, query: str) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None or not (PROJECT / "node_modules" / "@apollo" / "client").is_dir():
        require_service(f"Apollo Client not installed: run `npm ci --prefix {PROJECT}`")
    assert node is not None
    # Not subprocess.run: the server answering the link runs on this event loop.
    process = await asyncio.create_subprocess_exec(
        node,
        str(PROJECT / "persisted_query_link.mjs"),
        url,
        query,
        cwd=PROJECT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    result: dict[str, Any] = json.loads(stdout.decode().strip().splitlines()[-1])
    return result


async def test_apollo_persisted_query_link_sends_the_text_once(
    live: Callable[..., Any], db: None
) -> None:
    server = await live()
    url = server.url.replace("ws://", "http://")
    outcome = await run_apollo_client(url, QUERY)

    assert outcome["results"] == [{"__typename": "Query"}] * 3
    hashes = {exchange["hash"] for exchange in outcome["exchanges"]}
    # The link hashes the document as graphql-js prints it (graphql-core prints the same).
    assert hashes == {hashlib.sha256(print_ast(parse(QUERY)).encode()).hexdigest()}
    steps = [
        (exchange["method"], exchange["query"], exchange["status"], exchange["codes"])
        for exchange in outcome["exchanges"]
    ]
    assert steps == [
        ("POST", False, 200, ["PERSISTED_QUERY_NOT_FOUND"]),  # the hash alone: unknown
        ("POST", True, 200, []),  # the link's retry with the text
        ("POST", False, 200, []),  # the next run: the hash alone is enough
        ("GET", False, 200, []),  # useGETForHashedQueries
    ]
    assert outcome["exchanges"][-1]["cacheControl"] == "no-store"


async def test_apollo_persisted_query_link_falls_back_when_the_server_has_them_off(
    live: Callable[..., Any], db: None
) -> None:
    server = await live(persisted_queries=PersistedQueriesMode.OFF)
    url = server.url.replace("ws://", "http://")
    outcome = await run_apollo_client(url, QUERY)

    assert outcome["results"] == [{"__typename": "Query"}] * 3
    steps = [
        (exchange["method"], exchange["query"], exchange["hash"] is not None, exchange["codes"])
        for exchange in outcome["exchanges"]
    ]
    assert steps == [
        ("POST", False, True, ["PERSISTED_QUERY_NOT_SUPPORTED"]),
        ("POST", True, False, []),  # the link disabled itself: the text alone
        ("POST", True, False, []),  # and from then on
        ("GET", False, True, ["PERSISTED_QUERY_NOT_SUPPORTED"]),  # a new client tries again
        ("POST", True, False, []),
    ]
