"""The Starlette application: routes and the lifespan that opens the database."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from tortoise.contrib.starlette import RegisterTortoise

from .api.http.routes import http_routes
from .db.config import tortoise_config
from .db.migrate import apply_migrations
from .settings import Settings, get_settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await apply_migrations(settings)
        async with RegisterTortoise(app, config=tortoise_config(settings)):
            yield

    app = Starlette(routes=http_routes(settings), lifespan=lifespan)
    app.state.settings = settings
    return app
