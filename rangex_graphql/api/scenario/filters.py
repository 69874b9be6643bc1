from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from ...models.enums import Difficulty, VersionStatus
from ..pagination import OrderDirection, SortKey


@strawberry.input(description="Narrow the scenario catalog. All given conditions must hold.")
class ScenarioFilter:
    difficulty: list[Difficulty] | None = None
    category: str | None = None
    tag: str | None = strawberry.field(default=None, description="Has this tag.")
    search: str | None = strawberry.field(default=None, description="Text in the title.")
    status: VersionStatus | None = strawberry.field(
        default=None,
        description="Has a version in this status. For unpublished statuses learners and "
        "creators see only their own scenarios.",
    )
    author: strawberry.ID | None = strawberry.field(default=None, description="A User ID.")


@strawberry.enum(description="What to sort scenarios by.")
class ScenarioOrderField(Enum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    TITLE = "title"


SCENARIO_SORT_KEYS = {
    ScenarioOrderField.CREATED_AT: SortKey("created_at", datetime),
    ScenarioOrderField.UPDATED_AT: SortKey("updated_at", datetime),
    ScenarioOrderField.TITLE: SortKey("title", str),
}


@strawberry.input(description="Sort order of the scenario catalog (newest first by default).")
class ScenarioOrder:
    field: ScenarioOrderField = ScenarioOrderField.CREATED_AT
    direction: OrderDirection = OrderDirection.DESC
