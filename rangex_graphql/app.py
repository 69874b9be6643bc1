"""The Starlette application: routes and the lifespan that opens the database."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from tortoise.contrib.starlette import RegisterTortoise

from .api.http.routes import http_routes
from .api.http.security import security_middleware
from .db.config import tortoise_config
from .db.migrate import apply_migrations
from .jobs.scheduler import start_jobs
from .log_setup import configure_logging, redact_access_log
from .runtime import build_runtime
from .security.keys import SecretKeyError, check_secret_key
from .security.passwords import configure_password_hashing
from .settings import Settings, get_settings

log = logging.getLogger(__name__)

# Young-generation collections every 700 allocations dominate large responses; objects
# alive after start-up (the schema, modules) never need scanning again.
GC_THRESHOLDS = (50_000, 20, 100)


class ConfigurationError(RuntimeError):
    pass


def check_production_settings(settings: Settings) -> None:
    """Refuse a missing or public secret key where one must be configured (MySQL, or
    ``RANGEX_HOST`` beyond loopback: `serve` sets it to its listen address)."""
    try:
        check_secret_key(settings, settings.host)
    except SecretKeyError as problem:
        raise ConfigurationError(str(problem)) from None


def tune_garbage_collector() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)
    redact_access_log()
    check_production_settings(settings)
    configure_password_hashing(max_concurrent=settings.password_hash_concurrency)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await apply_migrations(settings)
        async with RegisterTortoise(app, config=tortoise_config(settings)):
            tune_garbage_collector()
            try:
                # Inside Tortoise's context: the job tasks inherit it. Their first passes
                # (the reconciler's first) run now, removing what a crash left behind.
                await runtime.start_platform_settings()
                start_jobs(runtime)
                runtime.spawn(runtime.revocations.listen, "session-revocations")
                yield
            finally:
                # Stops the jobs before the database closes; closes driver and broker.
                await runtime.aclose()

    runtime = build_runtime(settings)
    app = Starlette(
        routes=http_routes(settings, runtime),
        middleware=security_middleware(settings),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.runtime = runtime
    return app
