"""``rangex-graphql serve``: migrate once, then serve the API with uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..db.migrate import apply_migrations
from ..log_setup import uvicorn_log_config
from ..observability.tracing import TracingUnavailable, check_tracing_available
from ..security.keys import SecretKeyError, check_secret_key
from ..settings import Settings, get_settings
from .common import err, fail, load_settings, out, run


async def migrate_quietly(settings: Settings) -> list[str]:
    return await apply_migrations(settings, progress=lambda name: out.print(f"  applying {name}"))


def _browser_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "localhost"
    return f"[{host}]" if ":" in host else host


def serve(
    host: Annotated[
        str | None, typer.Option(help="Listen address.", show_default="RANGEX_HOST or 127.0.0.1")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Listen port.", show_default="RANGEX_PORT or 8000"),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes.", show_default="RANGEX_WORKERS or 1"),
    ] = None,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart on code changes (development).")
    ] = False,
) -> None:
    """Apply pending migrations once, then serve the API with uvicorn."""
    import uvicorn

    from ..api.http.slow_clients import uvicorn_limits

    settings = load_settings()
    host = host if host is not None else settings.host
    port = port or settings.port
    workers = workers or settings.workers
    try:
        check_secret_key(settings, host)
        check_tracing_available(settings)
    except (SecretKeyError, TracingUnavailable) as problem:
        fail(str(problem))
    # The workers' app factory checks the key against the address actually served.
    os.environ["RANGEX_HOST"] = host
    if settings.migrate_on_start:
        # Here, once, before any worker starts: N workers must not race to migrate.
        applied = run(migrate_quietly(settings), settings)
        out.print(f"applied {len(applied)} migration(s)" if applied else "database is up to date")
    # The workers (and this process, when it serves itself) must not migrate again.
    os.environ["RANGEX_MIGRATE_ON_START"] = "false"
    get_settings.cache_clear()
    if reload and workers > 1:
        err.print("note: --reload runs a single worker; --workers is ignored")
        workers = 1
    where = f"[{host}]" if ":" in host else host
    out.print(f"RangeX GraphQL listening on http://{where}:{port} ({workers} worker(s))")
    if settings.graphiql:
        out.print(f"GraphiQL: http://{_browser_host(host)}:{port}/graphql")
    uvicorn.run(
        "rangex_graphql.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        reload_dirs=[str(Path(__file__).resolve().parent.parent)] if reload else None,
        log_level=settings.log_level.lower(),
        # uvicorn's own lines as JSON too with RANGEX_LOG_FORMAT=json (the supervisor's).
        log_config=uvicorn_log_config(settings.log_format),
        # The client address comes from RANGEX_TRUSTED_PROXIES only; uvicorn's own
        # X-Forwarded-For handling would trust any local peer.
        proxy_headers=False,
        # Subscriptions ping at the GraphQL protocol level (RANGEX_WS_KEEPALIVE_SECONDS);
        # compression costs ~50 KiB per idle connection, so it is opt-in.
        ws_ping_interval=None,
        ws_per_message_deflate=settings.ws_compression,
        # Slow or oversized request heads and WebSocket messages (request bodies: the app).
        **uvicorn_limits(settings),
    )
