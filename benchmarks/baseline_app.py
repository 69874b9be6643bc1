"""The hand-written baseline: the benchmark's four reads as plain SQL behind Starlette.

Same tables, same filters, same statement count and the same JSON (global IDs, cursors)
as the GraphQL API, with none of its machinery: one pooled connection per request, tuple
rows, and only the columns the response shows. Run by ``http_queries.py`` as

    uvicorn baseline_app:create_app --factory --app-dir benchmarks

configured by ``BENCH_DRIVER`` (asyncmy | aiomysql), ``BENCH_DATABASE_URL``,
``BENCH_POOL_MAX`` and ``RANGEX_SECRET_KEY`` (to verify the bearer tokens of the heavy
and challenge page cases).
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
VIEWER_ROLE_SQL = (
    "SELECT id, role FROM user WHERE id = %s AND status = 'ACTIVE' AND token_generation = %s"
)
CHALLENGE_SQL = (
    "SELECT s.id, s.author_id, s.title, s.difficulty, s.visibility, s.deleted_at, v.id, "
    "v.number, v.short_description, v.mission, v.estimated_minutes, v.scenario_type, "
    "v.learning_outcomes, v.code_of_ethics, v.hint_mode, v.scoring_mode FROM scenario s "
    "JOIN scenario_version v ON v.scenario_id = s.id AND v.status = 'PUBLISHED' "
    "WHERE s.slug = %s ORDER BY v.number DESC LIMIT 1"
)
PAGE_MACHINES_SQL = (
    "SELECT id, name, role, entrypoints FROM machine WHERE version_id = %s ORDER BY position, id"
)
PAGE_QUESTIONS_SQL = (
    "SELECT id, prompt, kind, points, max_attempts, choices FROM question "
    "WHERE version_id = %s ORDER BY position, id"
)
HINTS_SQL = (
    "SELECT id, question_id, position, title, body, unlock_condition, unlock_threshold, "
    "penalty_points FROM hint WHERE version_id = %s ORDER BY position, id"
)
LATEST_SESSION_SQL = (
    "SELECT id, state, score, started_at, expires_at, ended_at FROM environment_session "
    "WHERE user_id = %s AND version_id = %s AND is_test = 0 "
    "ORDER BY created_at DESC, id DESC LIMIT 1"
)
ANSWERS_SQL = (
    "SELECT question_id, attempts, correct, points_awarded FROM session_answer "
    "WHERE session_id = %s"
)
UNLOCKS_SQL = "SELECT hint_id, unlocked_at FROM hint_unlock WHERE session_id = %s"
SESSION_MACHINES_SQL = (
    "SELECT sm.address, sm.ports, m.name, m.entrypoints FROM session_machine sm "
    "JOIN machine m ON m.id = sm.machine_id WHERE sm.session_id = %s "
    "ORDER BY sm.created_at, sm.id"
)
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


def iso(moment: datetime | None) -> str | None:
    """A UTC column as the API writes it (ISO 8601 with the offset)."""
    return None if moment is None else moment.replace(tzinfo=UTC).isoformat()


def json_list(value: Any) -> list[Any]:
    """A JSON column: text from the driver (or already decoded), null as []."""
    if value is None:
        return []
    return list(json.loads(value) if isinstance(value, str | bytes) else value)


def session_entrypoints(address: str | None, ports: list[Any], entrypoints: list[Any]) -> list[Any]:
    """The exposed entrypoints, each at its published port when there is one."""
    published = {(int(p["containerPort"]), str(p["protocol"])): p for p in ports}
    found = []
    for entry in entrypoints:
        if not entry["exposed"]:
            continue
        port = published.get((int(entry["port"]), "udp" if entry["protocol"] == "UDP" else "tcp"))
        found.append(
            {
                "protocol": entry["protocol"],
                "host": str(port["host"]) if port else address,
                "port": int(port["hostPort"]) if port else int(entry["port"]),
                "published": port is not None,
            }
        )
    return found


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

    async def challenge(self, request: Request) -> Response:
        """(d) 9 statements (6 without a session): the viewer, the scenario joined with its
        published version's content, its machines, questions, hints, the viewer's latest
        session, its answers, unlocked hints and machines (joined with their definitions)."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        claims = verify_access_token(self.settings, token) if scheme.lower() == "bearer" else None
        if claims is None:
            return error_response("sign in", 401)
        slug = request.path_params["slug"]
        session: Row | None = None
        answers: list[Row] = []
        unlocks: dict[str, datetime] = {}
        session_machines: list[Row] = []
        async with self.pool.acquire() as connection, connection.cursor() as cursor:
            viewer = await fetch(cursor, VIEWER_ROLE_SQL, (str(claims.user_id), claims.generation))
            if not viewer:
                return error_response("the access token was revoked", 401)
            viewer_id, role = viewer[0]
            found = await fetch(cursor, CHALLENGE_SQL, (slug,))
            if not found or found[0][5] is not None or found[0][4] == "PRIVATE":
                return json_response({"data": {"scenario": None}})
            page = found[0]
            version_id = page[6]
            machines = await fetch(cursor, PAGE_MACHINES_SQL, (version_id,))
            questions = await fetch(cursor, PAGE_QUESTIONS_SQL, (version_id,))
            hints = await fetch(cursor, HINTS_SQL, (version_id,))
            latest = await fetch(cursor, LATEST_SESSION_SQL, (viewer_id, version_id))
            if latest:
                session = latest[0]
                answers = await fetch(cursor, ANSWERS_SQL, (session[0],))
                unlocks = dict(await fetch(cursor, UNLOCKS_SQL, (session[0],)))
                session_machines = await fetch(cursor, SESSION_MACHINES_SQL, (session[0],))
        author_view = role == "ADMIN" or page[1] == viewer_id
        # Version level hints first, then each question's in the questions' order.
        position_of = {q[0]: i for i, q in enumerate(questions)}
        hints.sort(key=lambda h: (-1 if h[1] is None else position_of[h[1]], h[2]))
        version = {
            "id": global_id("ScenarioVersion", version_id),
            "number": page[7],
            "shortDescription": page[8],
            "mission": page[9],
            "estimatedMinutes": page[10],
            "scenarioType": page[11],
            "learningOutcomes": json_list(page[12]),
            "codeOfEthics": page[13],
            "hintMode": page[14],
            "scoringMode": page[15],
            "machines": [
                {
                    "id": global_id("Machine", pk),
                    "name": name,
                    "role": machine_role,
                    "entrypoints": [
                        {
                            "protocol": e["protocol"],
                            "port": e["port"],
                            "description": e["description"],
                        }
                        for e in json_list(entrypoints)
                        if author_view or e["exposed"]
                    ],
                }
                for pk, name, machine_role, entrypoints in machines
            ],
            "questions": [
                {
                    "id": global_id("Question", pk),
                    "prompt": prompt,
                    "kind": kind,
                    "points": points,
                    "maxAttempts": max_attempts,
                    "choices": json_list(choices),
                }
                for pk, prompt, kind, points, max_attempts, choices in questions
            ],
            "hints": [
                {
                    "id": global_id("Hint", h[0]),
                    "title": h[3],
                    "unlockCondition": h[5],
                    "unlockThreshold": h[6],
                    "penaltyPoints": h[7],
                }
                for h in hints
            ],
            "viewerLatestSession": None
            if session is None
            else self._session_json(
                session, page[14], questions, hints, answers, unlocks, session_machines
            ),
        }
        scenario = {
            "id": global_id("Scenario", page[0]),
            "title": page[2],
            "difficulty": page[3],
            "publishedVersion": version,
        }
        return json_response({"data": {"scenario": scenario}})

    @staticmethod
    def _session_json(
        session: Row,
        hint_mode: str,
        questions: list[Row],
        hints: list[Row],
        answers: list[Row],
        unlocks: dict[str, datetime],
        machines: list[Row],
    ) -> dict[str, Any]:
        pk, state, score, started_at, expires_at, ended_at = session
        by_question = {row[0]: row for row in answers}
        wrong = {q: attempts - (1 if correct else 0) for q, attempts, correct, _ in answers}
        minutes = 0
        if started_at is not None:
            elapsed = datetime.now(UTC) - started_at.replace(tzinfo=UTC)
            minutes = max(0, int(elapsed.total_seconds() // 60))
        open_now = hint_mode == "ENABLED" and state == "RUNNING"

        def met(hint: Row) -> bool:
            _, question_id, _, _, _, condition, threshold, _ = hint
            if condition == "AFTER_MINUTES":
                return bool(minutes >= threshold)
            done = sum(wrong.values()) if question_id is None else wrong.get(question_id, 0)
            return bool(done >= threshold)

        answer_rows = []
        for q in questions:
            row = by_question.get(q[0])
            used = row[1] if row else 0
            answer_rows.append(
                {
                    "question": {"id": global_id("Question", q[0])},
                    "attempts": used,
                    "attemptsLeft": max(0, q[4] - used),
                    "correct": bool(row[2]) if row else False,
                    "pointsAwarded": row[3] if row else 0,
                }
            )
        return {
            "id": global_id("EnvironmentSession", pk),
            "state": state,
            "score": score,
            "startedAt": iso(started_at),
            "expiresAt": iso(expires_at),
            "endedAt": iso(ended_at),
            "answers": answer_rows,
            "hints": [
                {
                    "id": global_id("Hint", h[0]),
                    "unlocked": h[0] in unlocks,
                    "unlockedAt": iso(unlocks.get(h[0])),
                    "unlockableNow": h[0] not in unlocks and open_now and met(h),
                    "body": h[4] if h[0] in unlocks else None,
                }
                for h in hints
            ],
            "machines": [
                {
                    "machine": {"name": name},
                    "connection": {
                        "address": address,
                        "entrypoints": session_entrypoints(
                            address, json_list(ports), json_list(entrypoints)
                        ),
                    },
                }
                for address, ports, name, entrypoints in machines
            ],
        }

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
        Route("/challenge/{slug}", baseline.challenge),
        Route("/health", baseline.health),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
