"""Run as ``python -m tests.api.subscriptions.replica_seed``: migrate the database the
environment names and create what the cross-replica test needs; its IDs and tokens as JSON.

A separate process: the test process has its own database initialised already.
"""

from __future__ import annotations

import asyncio
import json

from tortoise import Tortoise

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.db.migrate import apply_migrations
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import Settings
from tests import factories


async def seed() -> dict[str, str]:
    settings = Settings()
    await apply_migrations(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        author = await factories.user(UserRole.CREATOR)
        admin = await factories.user(UserRole.ADMIN)
        scenario = await factories.scenario(author)
        submitted = await factories.version(scenario, VersionStatus.SUBMITTED, machines=1)
        published = await factories.version(scenario, machines=1)
        session = await factories.session(author, published, machines=1)
        return {
            "author_token": issue_access_token(settings, author.id)[0],
            "admin_token": issue_access_token(settings, admin.id)[0],
            "version_id": to_global_id("ScenarioVersion", submitted.id),
            "session_id": str(session.id),
            "session_gid": to_global_id("EnvironmentSession", session.id),
            "author_id": str(author.id),
        }
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(seed())))
