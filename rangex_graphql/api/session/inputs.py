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
        default=60,
        description="Running time, 30 minutes to the platform's maximum session duration "
        "(`platformStatus.maxSessionMinutes`, 480 by default); the clock starts at RUNNING.",
    )
    event_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="An Event ID: play the version as one of the event's challenges, for "
        "your approved registration (alone or through your team), while the event runs. "
        "The session ends by the event's end at the latest, counts against the per-event "
        "limit instead of the per-user one, and idles out sooner.",
    )


@strawberry.input(description="One session to act on.")
class SessionInput:
    session_id: strawberry.ID = strawberry.field(description="An EnvironmentSession ID.")


@strawberry.input(description="The learner is active on this session (see sessionHeartbeat).")
class SessionHeartbeatInput:
    session_id: strawberry.ID = strawberry.field(description="An EnvironmentSession ID of yours.")


@strawberry.input(description="More time for a running session.")
class SessionExtendInput:
    session_id: strawberry.ID = strawberry.field(description="An EnvironmentSession ID.")
    minutes: int = strawberry.field(default=30, description="Minutes to add, 1-240.")
