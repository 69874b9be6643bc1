"""What learners do around the catalog: favorites and ratings."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields

from .base import TimestampedModel

if TYPE_CHECKING:
    from .scenario import Scenario
    from .user import User


class ScenarioFavorite(TimestampedModel):
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="favorites", on_delete=fields.CASCADE, db_index=True
    )
    scenario: fields.ForeignKeyRelation[Scenario] = fields.ForeignKeyField(
        "models.Scenario", related_name="favorites", on_delete=fields.CASCADE, db_index=True
    )
    user_id: UUID
    scenario_id: UUID

    class Meta:
        table = "scenario_favorite"
        unique_together = (("user", "scenario"),)


class ScenarioRating(TimestampedModel):
    """One rating per user and scenario, 1 to 5 stars, allowed after a finished session."""

    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="ratings", on_delete=fields.CASCADE, db_index=True
    )
    scenario: fields.ForeignKeyRelation[Scenario] = fields.ForeignKeyField(
        "models.Scenario", related_name="ratings", on_delete=fields.CASCADE, db_index=True
    )
    stars = fields.SmallIntField()
    comment = fields.TextField(null=True)
    user_id: UUID
    scenario_id: UUID

    class Meta:
        table = "scenario_rating"
        unique_together = (("user", "scenario"),)
