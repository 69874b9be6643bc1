"""The hand-written baseline: the benchmark's three reads as plain SQL behind Starlette.

Same tables, same filters, same statement count and the same JSON (global IDs, cursors)
as the GraphQL API, with none of its machinery: one pooled connection per request, tuple
rows, and only the columns the response shows. Run by ``http_queries.py`` as

    uvicorn baseline_app:create_app --factory --app-dir benchmarks

configured by ``BENCH_DRIVER`` (asyncmy | aiomysql), ``BENCH_DATABASE_URL``,
``BENCH_POOL_MAX`` and ``RANGEX_SECRET_KEY`` (to verify the heavy case's bearer token).
"""

from __future__ import annotations

import base64
import importlib
import json
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rangex_graphql.app import tune_garbage_collector
from rangex_graphql.security.tokens import verify_access_token
from rangex_graphql.settings import Settings

MAX_PAGE = 100
Row = tuple[Any, ...]

CATALOG_SQL = (
    "SELECT id, author_id, title, difficulty, created_at FROM scenario "
    "WHERE deleted_at IS NULL AND visibility = 'PUBLIC' AND id IN "
    "(SELECT scenario_id FROM scenario_version WHERE status = 'PUBLISHED') "
    "ORDER BY created_at DESC, id DESC LIMIT %s"
)
AUTHORS_SQL = "SELECT id, display_name FROM user WHERE id IN ({})"
PUBLISHED_VERSIONS_SQL = (
    "SELECT id, scenario_id, number FROM scenario_version "
    "WHERE scenario_id IN ({}) AND status = 'PUBLISHED' ORDER BY number DESC"
)
MACHINE_COUNTS_SQL = (
    "SELECT version_id, COUNT(*) FROM machine WHERE version_id IN ({}) GROUP BY version_id"
)
SCENARIO_BY_SLUG_SQL = (
    "SELECT id, title, difficulty, visibility, deleted_at FROM scenario WHERE slug = %s"
)
VERSIONS_OF_SCENARIO_SQL = (
    "SELECT id, scenario_id, number, status FROM scenario_version "
    "WHERE scenario_id IN ({}) {} ORDER BY number DESC"
)
MACHINES_SQL = (
    "SELECT id, version_id, name, image_ref, cpu, memory_mib FROM machine "
    "WHERE version_id IN ({}) ORDER BY position, id"
)
QUESTIONS_SQL = (
    "SELECT id, version_id, prompt, points FROM question "
    "WHERE version_id IN ({}) ORDER BY position, id"
)
VIEWER_SQL = "SELECT role FROM user WHERE id = %s AND status = 'ACTIVE' AND token_generation = %s"
HEAVY_SQL = (
    "SELECT id, title FROM scenario WHERE deleted_at IS NULL "
    "ORDER BY created_at DESC, id DESC LIMIT %s"
)


def global_id(type_name: str, pk: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def cursor_of(created_at: datetime, pk: str) -> str:
    value = created_at.replace(tzinfo=UTC).isoformat()  # the column holds UTC
    raw = json.dumps([value, pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def json_response(data: dict[str, Any], status_code: int = 200) -> Response:
    return Response(
        json.dumps(data, separators=(",", ":")),
        status_code=status_code,
        media_type="application/json",
    )


def error_response(message: str, status_code: int) -> Response:
    return json_response({"errors": [{"message": message}]}, status_code)


def marks(values: Sequence[object]) -> str:
    return ", ".join(["%s"] * len(values))


async def fetch(cursor: Any, sql: str, params: Sequence[object]) -> list[Row]:
    await cursor.execute(sql, params)
    return list(await cursor.fetchall())


def page_size(request: Request) -> int:
    return max(0, min(int(request.query_params.get("first", "20")), MAX_PAGE))


def machine_json(row: Row) -> dict[str, Any]:
    pk, _, name, image_ref, cpu, memory_mib = row
    return {
        "id": global_id("Machine", pk),
        "name": name,
        "imageRef": image_ref,
        "cpu": cpu,
        "memoryMib": memory_mib,
    }


def grouped(rows: list[Row], key_index: int) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key_index], []).append(row)
    return groups


class Baseline:
    def __init__(self, driver: str, database_url: str, pool_max: int, settings: Settings):
        if driver not in ("asyncmy", "aiomysql"):
            raise ValueError(f"unknown driver {driver!r}")
        self.driver = driver
        self.database_url = database_url
        self.pool_max = pool_max
        self.settings = settings
        self.pool: Any = None

    async def open(self) -> None:
        module: Any = importlib.import_module(self.driver)  # asyncmy or aiomysql
        url = urlparse(self.database_url)
        self.pool = await module.create_pool(
            host=url.hostname or "127.0.0.1",
            port=url.port or 3306,
            user=url.username or "root",
            password=url.password or "",
            db=url.path.lstrip("/"),
            charset="utf8mb4",
            autocommit=True,
            minsize=1,
            maxsize=self.pool_max,
        )

    async def close(self) -> None:
        self.pool.close()
        await self.pool.wait_closed()

    async def catalog(self, request: Request) -> Response:
        """(a) 4 statements: a page of scenarios, authors, published versions, counts."""
        first = page_size(request)
        async with self.pool.acquire() as connection, connection.cursor() as cursor:
            scenarios = await fetch(cursor, CATALOG_SQL, (first + 1,))
            has_next, scenarios = len(scenarios) > first, scenarios[:first]
            authors: dict[str, str] = {}
            published: dict[str, tuple[str, int]] = {}
            counts: dict[str, int] = {}
            if scenarios:
                author_ids = list({row[1] for row in scenarios})
                authors = dict(
                    await fetch(cursor, AUTHORS_SQL.format(marks(author_ids)), author_ids)
                )
                scenario_ids = [row[0] for row in scenarios]
                sql = PUBLISHED_VERSIONS_SQL.format(marks(scenario_ids))
                for pk, scenario_id, number in await fetch(cursor, sql, scenario_ids):
                    published.setdefault(scenario_id, (pk, number))  # the newest one
                version_ids = [pk for pk, _ in published.values()]
                if version_ids:
                    sql = MACHINE_COUNTS_SQL.format(marks(version_ids))
                    counts = dict(await fetch(cursor, sql, version_ids))
        edges = []
        for pk, author_id, title, difficulty, _ in scenarios:
            version = published.get(pk)
            edges.append(
                {
                    "node": {
                        "id": global_id("Scenario", pk),
                        "title": title,
                        "difficulty": difficulty,
                        "author": {"displayName": authors[author_id]},
                        "publishedVersion": None
                        if version is None
                        else {"number": version[1], "machineCount": counts.get(version[0], 0)},
                    }
                }
            )
        end = scenarios[-1] if scenarios else None
        page_info = {
            "hasNextPage": has_next,
            "endCursor": cursor_of(end[4], end[0]) if end else None,
        }
        return json_response({"data": {"scenarios": {"edges": edges, "pageInfo": page_info}}})

    async def detail(self, request: Request) -> Response:
        """(b) 4 statements: the scenario, its published versions, machines, questions."""
        slug = request.path_params["slug"]
        async with self.pool.acquire() as connection, connection.cursor() as cursor:
            found = await fetch(cursor, SCENARIO_BY_SLUG_SQL, (slug,))
            if not found or found[0][4] is not None or found[0][3] == "PRIVATE":
                return json_response({"data": {"scenario": None}})
            pk, title, difficulty, _, _ = found[0]
            sql = VERSIONS_OF_SCENARIO_SQL.format("%s", "AND status = 'PUBLISHED'")
            versions = await fetch(cursor, sql, (pk,))
            if not versions:  # learners see a scenario only once it is published
                return json_response({"data": {"scenario": None}})
            version_ids = [row[0] for row in versions]
            machines = grouped(
                await fetch(cursor, MACHINES_SQL.format(marks(version_ids)), version_ids), 1
            )
            questions = grouped(
                await fetch(cursor, QUESTIONS_SQL.format(marks(version_ids)), version_ids), 1
            )
        scenario = {
            "id": global_id("Scenario", pk),
            "title": title,
            "difficulty": difficulty,
            "versions": [
                {
                    "id": global_id("ScenarioVersion", version_id),
                    "number": number,
                    "status": status,
                    "machines": [machine_json(m) for m in machines.get(version_id, [])],
                    "questions": [
                        {"id": global_id("Question", q[0]), "prompt": q[2], "points": q[3]}
                        for q in questions.get(version_id, [])
                    ],
                }
                for version_id, _, number, status in versions
            ],
        }
        return json_response({"data": {"scenario": scenario}})

    async def heavy(self, request: Request) -> Response:
        """(c) 4 statements: the admin viewer, scenarios, all their versions, machines."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        claims = verify_access_token(self.settings, token) if scheme.lower() == "bearer" else None
        if claims is None:
            return error_response("sign in as an admin", 401)
        first = page_size(request)
        async with self.pool.acquire() as connection, connection.cursor() as cursor:
            viewer = await fetch(cursor, VIEWER_SQL, (str(claims.user_id), claims.generation))
            if not viewer or viewer[0][0] != "ADMIN":
                return error_response("admins only", 403)
            scenarios = await fetch(cursor, HEAVY_SQL, (first,))
            versions: dict[str, list[Row]] = {}
            machines: dict[str, list[Row]] = {}
            if scenarios:
                ids = [row[0] for row in scenarios]
                version_rows = await fetch(
                    cursor, VERSIONS_OF_SCENARIO_SQL.format(marks(ids), ""), ids
                )
                versions = grouped(version_rows, 1)
                version_ids = [row[0] for row in version_rows]
                if version_ids:
                    sql = MACHINES_SQL.format(marks(version_ids))
                    machines = grouped(await fetch(cursor, sql, version_ids), 1)
        nodes = [
            {
                "id": global_id("Scenario", pk),
                "title": title,
                "versions": [
                    {
                        "id": global_id("ScenarioVersion", version_id),
                        "number": number,
                        "status": status,
                        "machines": [machine_json(m) for m in machines.get(version_id, [])],
                    }
                    for version_id, _, number, status in versions.get(pk, [])
                ],
            }
            for pk, title in scenarios
        ]
        return json_response({"data": {"scenarios": {"nodes": nodes}}})

    async def health(self, request: Request) -> Response:
        return json_response({"status": "ok"})


def create_app() -> Starlette:
    baseline = Baseline(
        driver=os.environ.get("BENCH_DRIVER", "asyncmy"),
        database_url=os.environ["BENCH_DATABASE_URL"],
        pool_max=int(os.environ.get("BENCH_POOL_MAX", "10")),
        settings=Settings(),  # RANGEX_SECRET_KEY: the key the API signs tokens with
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await baseline.open()
        tune_garbage_collector()  # the API's own GC settings, so only the code differs
        try:
            yield
        finally:
            await baseline.close()

    routes = [
        Route("/catalog", baseline.catalog),
        Route("/scenario/{slug}", baseline.detail),
        Route("/heavy", baseline.heavy),
        Route("/health", baseline.health),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
