"""Until the migration for hints exists, the hint tests build their database from the
models (``generate_schemas``) instead of the migrations. Once a migration creates
``hint_unlock`` this fixture steps aside and the suite's own ``orm`` runs."""

from __future__ import annotations

from collections.abc import AsyncIterator

from tortoise import Tortoise

from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import migration_files
from rangex_graphql.settings import Settings

MIGRATED = any("hint_unlock" in path.read_text() for path in migration_files())


async def orm_from_models(settings: Settings) -> AsyncIterator[None]:
    """The body of a session ``orm`` fixture."""
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    await Tortoise.generate_schemas(safe=True)
    yield
    await Tortoise.close_connections()
