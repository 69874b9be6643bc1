from __future__ import annotations

import strawberry

from ...models.enums import SessionState


@strawberry.input(description="Narrow a list of sessions.")
class SessionFilter:
    states: list[SessionState] | None = strawberry.field(
        default=None, description="Only sessions in one of these states."
    )


@strawberry.input(description="Narrow the platform's session list (admins).")
class AdminSessionFilter:
    states: list[SessionState] | None = strawberry.field(
        default=None, description="Only sessions in one of these states."
    )
    user_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this learner's sessions (a User ID)."
    )
    scenario_id: strawberry.ID | None = strawberry.field(
        default=None, description="A Scenario ID: sessions of any of its versions."
    )
    version_id: strawberry.ID | None = strawberry.field(
        default=None, description="A ScenarioVersion ID."
    )
    event_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only sessions played in this event (an Event ID)."
    )
