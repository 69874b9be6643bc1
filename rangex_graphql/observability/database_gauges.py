"""Gauges read from the database when Prometheus scrapes: sessions by state and the
month's spend. Every replica reads the same figures (they are the platform's, not the
process's); a dashboard takes the max over instances.

A scrape refreshes them at most once per ``max_age`` seconds, and concurrent scrapes share
one read, so scrapers cannot load the database. A failed read keeps the last figures,
logs one line and counts ``rangex_graphql_database_gauge_failures_total``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from prometheus_client import CollectorRegistry, Counter, Gauge

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DatabaseFigures:
    sessions_by_state: Mapping[str, int]  # every state, zero included
    month_spend_rm: Decimal


DatabaseReader = Callable[[], Awaitable[DatabaseFigures]]


class DatabaseGauges:
    def __init__(self, registry: CollectorRegistry, max_age: float) -> None:
        self.max_age = max_age
        self.sessions = Gauge(
            "rangex_graphql_sessions",
            "Environment sessions in the database, by state (the platform's, not this replica's)",
            ["state"],
            registry=registry,
        )
        self.month_spend = Gauge(
            "rangex_graphql_spend_month_rm",
            "Cost in RM of the calendar month's sessions (UTC; the usage job accounts it)",
            registry=registry,
        )
        self.failures = Counter(
            "rangex_graphql_database_gauge_failures",
            "Reads of the database gauges that failed (the last figures stay)",
            registry=registry,
        )
        self._read_at = float("-inf")
        self._lock = asyncio.Lock()

    def _fresh(self) -> bool:
        return time.monotonic() - self._read_at < self.max_age

    async def refresh(self, read: DatabaseReader) -> None:
        if self._fresh():
            return
        async with self._lock:
            if self._fresh():  # another scrape read them while this one waited
                return
            try:
                figures = await read()
            except Exception as error:  # noqa: BLE001 - a scrape answers with the last figures
                # The type only: a driver's message can name hosts and users.
                log.warning("metrics: reading the database gauges failed: %s", type(error).__name__)
                self.failures.inc()
                return
            finally:
                self._read_at = time.monotonic()
            for state, count in figures.sessions_by_state.items():
                self.sessions.labels(state).set(count)
            self.month_spend.set(float(figures.month_spend_rm))
