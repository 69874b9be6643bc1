"""Liveness and readiness.

``GET /health`` answers 200 while the process serves requests; it does no I/O, so a slow
database never makes an orchestrator restart a healthy replica. ``GET /ready`` runs every
``ReadinessCheck`` concurrently, each with its own timeout, and answers 503 naming the
required checks that failed, so a load balancer stops sending traffic. A check that is not
required (the broker: queries and mutations work without it, only live updates across
replicas stop) is reported as ``degraded`` with 200: a Redis blip must not take every
replica out of the balancer at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from tortoise import connections

from ...broker import Broker
from ...orchestrator import Driver

log = logging.getLogger(__name__)

NO_STORE = {"Cache-Control": "no-store"}


@dataclass(frozen=True)
class ReadinessCheck:
    """A named dependency probe: returns when the dependency answers, raises otherwise."""

    name: str
    probe: Callable[[], Awaitable[None]]
    timeout: float = 3.0
    required: bool = True  # False: its failure degrades the replica, still ready


async def database_answers() -> None:
    await connections.get("default").execute_query("SELECT 1")


DATABASE = ReadinessCheck("database", database_answers)


def orchestrator_check(driver: Driver) -> ReadinessCheck:
    """The engine that runs session machines answers (``Driver.ping``)."""

    async def ping() -> None:
        await driver.ping()

    return ReadinessCheck("orchestrator", ping)


def broker_check(broker: Broker) -> ReadinessCheck:
    """The broker that carries events between replicas answers (Redis when configured).

    Not required: without it subscribers miss changes made on other replicas (and are
    told so when it is back), while queries and mutations go on working."""

    async def ping() -> None:
        await broker.ping()

    return ReadinessCheck("broker", ping, required=False)


async def _run(check: ReadinessCheck) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        async with asyncio.timeout(check.timeout):
            await check.probe()
    except TimeoutError:
        log.warning("readiness check %s timed out after %ss", check.name, check.timeout)
        return {"status": "failed", "error": f"timed out after {check.timeout}s"}
    except Exception as error:
        # The type only: messages can carry hosts and credentials; the log has the rest.
        log.warning("readiness check %s failed", check.name, exc_info=True)
        return {"status": "failed", "error": type(error).__name__}
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    return {"status": "ok", "ms": elapsed_ms}


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


def readiness(checks: Sequence[ReadinessCheck]) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def ready(request: Request) -> JSONResponse:
        results = await asyncio.gather(*(_run(check) for check in checks))
        by_name = {check.name: result for check, result in zip(checks, results, strict=True)}
        down = [check for check in checks if by_name[check.name]["status"] != "ok"]
        failed = [check.name for check in down if check.required]
        degraded = [check.name for check in down if not check.required]
        status = "unavailable" if failed else "degraded" if degraded else "ok"
        body = {"status": status, "failed": failed, "degraded": degraded, "checks": by_name}
        return JSONResponse(body, status_code=503 if failed else 200, headers=NO_STORE)

    return ready


def health_routes(checks: Sequence[ReadinessCheck]) -> list[BaseRoute]:
    return [
        Route("/health", health, methods=["GET", "HEAD"], name="health"),
        Route("/ready", readiness(checks), methods=["GET", "HEAD"], name="ready"),
    ]
