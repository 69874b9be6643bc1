"""The composition root: the process-wide collaborators (broker, orchestrator driver,
limiters, mailer, revocations, the one Redis pool), built once per app from the settings,
outside the layers. ``api/`` and ``jobs/`` receive the runtime; services receive what
they need from it as arguments."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from .broker import Broker
from .mail import Mailer, MailQueue, build_mailer
from .observability.metrics import Metrics
from .orchestrator import Driver
from .services.platform_settings.cache import PlatformSettingsCache
from .services.tokens import LoginGuard
from .settings import Settings

log = logging.getLogger(__name__)
# How long closing waits for the background tasks it cancelled. A task that does not end
# by then (stuck in a driver call that ignores the cancellation) is left behind with an
# error in the log: shutting down must not hang on it.
CLOSE_WAIT_SECONDS = 10.0

if TYPE_CHECKING:
    from opentelemetry.sdk.trace.export import SpanExporter
    from redis.asyncio import Redis

    from .files.store import ObjectStore
    from .observability.spans import Tracing
    from .security.cost_budget import CostBudget
    from .security.rate_limits import RateLimits
    from .services.revocations import SessionRevocations


@dataclass
class Runtime:
    settings: Settings
    mailer: MailQueue
    login_guard: LoginGuard
    broker: Broker
    driver: Driver
    # Registrations, reset requests and account mails per client address and account.
    rate_limits: RateLimits
    # Revoked sign-in sessions, shared with the other replicas through the broker.
    revocations: SessionRevocations
    # Per-viewer query cost budget (api/limits reports it); None: no budget.
    cost_budget: CostBudget | None = None
    # The process's one Redis connection pool (redis_pool.py), None without redis_url:
    # shared by the login throttle, the rate limits, the cost budget and the persisted
    # query store; closed last.
    redis: Redis | None = None
    # Names this process in session leases (lease_owner): who is provisioning what.
    instance_id: str = field(default_factory=lambda: uuid4().hex)
    # The object store (files/): the drivers read EMBEDDED assets from it; its client
    # (S3) is closed with the runtime. None: the driver was given without one.
    store: ObjectStore | None = None
    # The app's metrics (observability/), None when metrics are off: nothing is collected.
    metrics: Metrics | None = None
    # The app's traces (observability/tracing.py), None unless RANGEX_OTEL_ENDPOINT is set.
    tracing: Tracing | None = None
    # Called once per budget grace, at its emergency shutdown, with a message for users,
    # when the budget says to enter maintenance mode (jobs/budget.py), instead of the
    # platform settings' maintenance mode; None: that maintenance mode.
    on_budget_cap_maintenance: Callable[[str], Awaitable[None]] | None = None
    # Long-lived tasks of this process (background jobs, provisioning), cancelled on close.
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    # The run-time platform settings (services/platform_settings): the environment's
    # defaults until ``start_platform_settings`` has read the record.
    platform: PlatformSettingsCache = field(init=False)

    def __post_init__(self) -> None:
        self.platform = PlatformSettingsCache(self.settings, self.broker)

    async def start_platform_settings(self) -> None:
        """Read the settings record (creating it from the environment's defaults), then
        follow its changes in the background: broker messages and the fallback interval."""
        try:
            await self.platform.load()
        except Exception:  # the database away at start: the listener reads it later
            log.exception("platform settings: the first read failed; using the defaults")
        self.spawn(self.platform.follow, "platform-settings")
        self.spawn(self.platform.refresh_periodically, "platform-settings-refresh")

    def spawn(self, work: Callable[[], Awaitable[None]], name: str) -> asyncio.Task[None]:
        """Run ``work`` in the background for as long as the process lives."""

        async def run() -> None:
            await work()

        task = asyncio.get_running_loop().create_task(run(), name=name)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def aclose(self) -> None:
        for task in tuple(self.tasks):
            task.cancel()
        if self.tasks:
            done, stuck = await asyncio.wait(tuple(self.tasks), timeout=CLOSE_WAIT_SECONDS)
            for task in done:
                if not task.cancelled():
                    task.exception()  # retrieved: it ended as it ended, nothing to report
            for task in stuck:
                log.error(
                    "background task %s did not stop within %.0f s of its cancellation; "
                    "closing without it; it waits at:\n%s",
                    task.get_name(),
                    CLOSE_WAIT_SECONDS,
                    where_it_waits(task),
                )
        await self.mailer.drain()
        await self.login_guard.aclose()
        await self.rate_limits.aclose()
        if self.cost_budget is not None:
            await self.cost_budget.aclose()
        await self.broker.aclose()
        await self.driver.close()
        if self.store is not None:
            await self.store.aclose()
        if self.redis is not None:
            await self.redis.aclose()
        if self.tracing is not None:
            # Exports the spans still queued (the exporter's timeout bounds the wait).
            await asyncio.to_thread(self.tracing.shutdown)


def where_it_waits(task: asyncio.Task[None]) -> str:
    """The chain of awaits the stuck task is suspended in, outermost first: the last line
    is the call that did not take the cancellation (``Task.get_stack`` gives only the
    outermost frame of a coroutine)."""
    lines = []
    awaiting: Any = task.get_coro()
    while awaiting is not None:
        frame = next(
            (
                getattr(awaiting, a)
                for a in ("cr_frame", "gi_frame", "ag_frame")
                if hasattr(awaiting, a)
            ),
            None,
        )
        if frame is None:
            lines.append(f"  awaiting {awaiting!r}")
            break
        code = frame.f_code
        lines.append(f'  File "{code.co_filename}", line {frame.f_lineno}, in {code.co_name}')
        awaiting = next(
            (
                getattr(awaiting, a)
                for a in ("cr_await", "gi_yieldfrom", "ag_await")
                if getattr(awaiting, a, None) is not None
            ),
            None,
        )
    return "\n".join(lines)


def build_runtime(
    settings: Settings,
    login_guard: LoginGuard | None = None,
    *,
    driver: Driver | None = None,
    broker: Broker | None = None,
    mailer: Mailer | None = None,
    span_exporter: SpanExporter | None = None,
) -> Runtime:
    """``span_exporter``: where spans go instead of the OTLP collector, when tracing is
    on (tests, benchmarks)."""
    from .broker.factory import build_broker
    from .files.factory import build_store
    from .observability.orchestrator_calls import MeteredDriver
    from .observability.sql_statements import count_statements
    from .observability.tracing import build_tracing
    from .orchestrator.factory import build_driver
    from .redis_pool import build_redis
    from .security.cost_budget import build_cost_budget
    from .security.rate_limits import build_rate_limits
    from .security.throttle import build_login_throttle
    from .services.revocations import SessionRevocations

    metrics = Metrics(settings) if settings.metrics_enabled else None
    # First: the start-up stops here, nothing opened, when the otel extra is missing.
    tracing = build_tracing(
        settings,
        exporter=span_exporter,
        operation_names=metrics.requests.operation_names if metrics is not None else None,
    )
    redis = build_redis(settings)
    broker = broker or build_broker(settings)
    set_observer = getattr(broker, "set_observer", None)  # the server's brokers have one
    if metrics is not None and set_observer is not None:
        set_observer(metrics.broker)
    store = build_store(settings)
    driver = driver or build_driver(settings, assets=store)
    if metrics is not None or tracing is not None:
        count_statements()
        driver = MeteredDriver(
            driver,
            metrics.orchestrator if metrics is not None else None,
            settings.orchestrator.value,
            tracing=tracing,
        )
    return Runtime(
        settings=settings,
        mailer=MailQueue(mailer or build_mailer(settings)),
        login_guard=login_guard or build_login_throttle(settings, redis=redis),
        broker=broker,
        driver=driver,
        rate_limits=build_rate_limits(settings, redis=redis),
        revocations=SessionRevocations(settings, broker),
        cost_budget=build_cost_budget(settings, redis=redis),
        redis=redis,
        store=store,
        metrics=metrics,
        tracing=tracing,
    )
