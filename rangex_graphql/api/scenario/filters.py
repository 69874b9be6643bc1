from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from ...models.enums import Difficulty, VersionStatus
from ..pagination import OrderDirection, SortKey


@strawberry.input(description="Narrow the scenario catalog. All given conditions must hold.")
class ScenarioFilter:
    difficulty: list[Difficulty] | None = strawberry.field(
        default=None, description="Has one of these difficulties."
    )
    category: str | None = strawberry.field(
        default=None, description="In this category (exact match)."
    )
    tag: str | None = strawberry.field(default=None, description="Has this tag.")
    search: str | None = strawberry.field(
        default=None, description="Text in the title, the description or a tag."
    )
    status: VersionStatus | None = strawberry.field(
        default=None,
        description="Has a version in this status. For unpublished statuses learners and "
        "creators see only their own scenarios.",
    )
    author: strawberry.ID | None = strawberry.field(default=None, description="A User ID.")
    featured: bool | None = strawberry.field(
        default=None,
        description="True: its published version is featured (`Scenario.featured`); false: "
        "it is not, or it has no published version.",
    )


@strawberry.enum(description="What to sort scenarios by.")
class ScenarioOrderField(Enum):
    CREATED_AT = strawberry.enum_value("created_at", description="Creation time.")
    UPDATED_AT = strawberry.enum_value("updated_at", description="Time of the last change.")
    TITLE = strawberry.enum_value("title", description="Title, alphabetically.")
    NEWEST = strawberry.enum_value("newest", description="Creation time (as CREATED_AT).")
    RATING = strawberry.enum_value(
        "rating", description="Average stars, then number of ratings on equal averages."
    )
    POPULARITY = strawberry.enum_value("popularity", description="Sessions started.")


SCENARIO_SORT_KEYS = {
    ScenarioOrderField.CREATED_AT: SortKey("created_at", datetime),
    ScenarioOrderField.UPDATED_AT: SortKey("updated_at", datetime),
    ScenarioOrderField.TITLE: SortKey("title", str),
    ScenarioOrderField.NEWEST: SortKey("created_at", datetime),
    ScenarioOrderField.RATING: SortKey("rating_average", float, then=(("rating_count", int),)),
    ScenarioOrderField.POPULARITY: SortKey("sessions_started", int),
}


@strawberry.input(description="Sort order of the scenario catalog (newest first by default).")
class ScenarioOrder:
    field: ScenarioOrderField = strawberry.field(
        default=ScenarioOrderField.CREATED_AT,
        description="What to sort by; the ID breaks ties.",
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Which way; newest or largest first by default."
    )
