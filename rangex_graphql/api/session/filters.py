from __future__ import annotations

import strawberry

from ...models.enums import SessionState


@strawberry.input(description="Narrow a list of sessions.")
class SessionFilter:
    states: list[SessionState] | None = strawberry.field(
        default=None, description="Only sessions in one of these states."
    )
