from __future__ import annotations

import strawberry

from ...models.enums import ResourceProfile


@strawberry.input(description="Start a session on a published scenario version.")
class SessionStartInput:
    version_id: strawberry.ID = strawberry.field(description="A ScenarioVersion ID.")
    resource_profile: ResourceProfile | None = strawberry.field(
        default=None,
        description="Size of the entry machine; null: the version's default profile.",
    )
    duration_minutes: int = strawberry.field(
        default=60, description="Running time, 30-480 minutes; the clock starts at RUNNING."
    )


@strawberry.input(description="One session to act on.")
class SessionInput:
    session_id: strawberry.ID = strawberry.field(description="An EnvironmentSession ID.")


@strawberry.input(description="More time for a running session.")
class SessionExtendInput:
    session_id: strawberry.ID = strawberry.field(description="An EnvironmentSession ID.")
    minutes: int = strawberry.field(default=30, description="Minutes to add, 1-240.")
