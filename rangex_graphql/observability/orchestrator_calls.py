"""Orchestrator operations counted and timed, by engine, operation and outcome, and
traced (a span per call: ``spans.py``).

Every call the platform makes to an engine goes through the runtime's driver, so
:class:`MeteredDriver` wraps that one object (when metrics or tracing are enabled) and
passes each operation through to the engine's driver. Anything else a caller reads from
the driver (an engine's own attributes) comes from the wrapped one; :func:`engine_driver`
unwraps.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from prometheus_client import CollectorRegistry, Counter

from ..orchestrator.protocol import (
    Driver,
    EngineEvent,
    MachineHandle,
    MachineStatus,
    SessionPlan,
)
from .loop_histogram import LoopHistogram

if TYPE_CHECKING:
    from .spans import Tracing

T = TypeVar("T")
SECONDS_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)


class OrchestratorMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.operations = Counter(
            "rangex_graphql_orchestrator_operations",
            "Calls to the orchestrator engine, by engine, operation and outcome "
            "(ok, error, cancelled)",
            ["engine", "operation", "outcome"],
            registry=registry,
        )
        self.seconds = LoopHistogram(
            "rangex_graphql_orchestrator_operation_seconds",
            "Duration of calls to the orchestrator engine, by engine and operation",
            ["engine", "operation"],
            buckets=SECONDS_BUCKETS,
            registry=registry,
        )

    def record(self, engine: str, operation: str, outcome: str, seconds: float) -> None:
        self.operations.labels(engine, operation, outcome).inc()
        self.seconds.labels(engine, operation).observe(seconds)


class MeteredDriver:
    """A :class:`Driver` that records (``metrics``) and traces (``tracing``) each
    operation of ``engine``'s driver; either may be None."""

    def __init__(
        self,
        driver: Driver,
        metrics: OrchestratorMetrics | None,
        engine: str,
        tracing: Tracing | None = None,
    ) -> None:
        self.engine = driver
        self.metrics = metrics
        self.engine_name = engine
        self.tracing = tracing

    async def _timed(self, operation: str, call: Awaitable[T]) -> T:
        started = time.perf_counter()
        span = None
        if self.tracing is not None:
            span = self.tracing.orchestrator_call_started(self.engine_name, operation)
        outcome = "error"
        try:
            result = await call
            outcome = "ok"
            return result
        except asyncio.CancelledError:
            outcome = "cancelled"
            raise
        finally:
            if self.metrics is not None:
                seconds = time.perf_counter() - started
                self.metrics.record(self.engine_name, operation, outcome, seconds)
            if span is not None and self.tracing is not None:
                self.tracing.orchestrator_call_finished(span, outcome)

    async def ping(self) -> None:
        await self._timed("ping", self.engine.ping())

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        return await self._timed("provision", self.engine.provision(plan))

    async def pause(self, session_id: str) -> None:
        await self._timed("pause", self.engine.pause(session_id))

    async def resume(self, session_id: str) -> list[MachineHandle]:
        return await self._timed("resume", self.engine.resume(session_id))

    async def destroy(self, session_id: str) -> None:
        await self._timed("destroy", self.engine.destroy(session_id))

    async def status(self, session_id: str) -> list[MachineStatus]:
        return await self._timed("status", self.engine.status(session_id))

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        return await self._timed("status_many", self.engine.status_many(session_ids))

    def events(self) -> AsyncIterator[EngineEvent]:
        return self.engine.events()  # a stream, not an operation

    async def list_owned(self) -> dict[str, list[str]]:
        return await self._timed("list_owned", self.engine.list_owned())

    async def close(self) -> None:
        await self.engine.close()

    def __getattr__(self, name: str) -> Any:
        # Only for what this class does not define: an engine's own attributes.
        return getattr(self.engine, name)


def engine_driver(driver: Driver) -> Driver:
    """The engine's own driver behind ``driver`` (``driver`` itself when not metered)."""
    return driver.engine if isinstance(driver, MeteredDriver) else driver
