"""Run as ``python -m tests.support.driver_probe URL DRIVER``: one round trip, facts as JSON.

A separate process, because initialising Tortoise for a second database rebinds the
models' metadata for the whole process.
"""

from __future__ import annotations

import asyncio
import json
import sys

from tortoise import Tortoise, connections

from rangex_graphql.db.config import tortoise_config
from rangex_graphql.models import User
from rangex_graphql.settings import Settings


async def probe(url: str, driver: str) -> dict[str, object]:
    settings = Settings(database_url=url, mysql_driver=driver)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        await Tortoise.generate_schemas()
        conn = connections.get("default")
        user = await User.create(email="d@example.test", username="driver", display_name="D")
        row = (await User.filter(id=user.id).values("id", "created_at"))[0]
        charset = await conn.execute_query_dict("SELECT @@character_set_client AS c")
        return {
            # The client module's globals say which library the connection really uses.
            "library": type(conn).create_connection.__globals__["mysql"].__name__,
            "id_round_trips": row["id"] == user.id,
            "created_at": row["created_at"].isoformat(),
            "charset": charset[0]["c"],
        }
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(probe(sys.argv[1], sys.argv[2]))))
