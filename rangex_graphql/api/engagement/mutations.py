"""Favorites and ratings: scenarioFavorite, scenarioUnfavorite, scenarioRate."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from ...services import catalog
from ...services.api_tokens import ApiScope
from ...services.errors import DomainError
from ..context import Info
from ..ids import expect_global_id
from ..loaders import Loaders
from ..payload import ERRORS, failures_into, result
from ..permissions import Authenticated
from ..scenario.queries import resolve_scenario_node
from ..scenario.types import ScenarioNode
from ..scopes import MUTATION_SCOPES
from .types import EngagementError, ScenarioRatingNode, engagement_errors

# Favorites are the token owner's own bookmarks (READ); a rating is part of taking
# scenarios, so it goes with starting and running sessions (SESSIONS).
MUTATION_SCOPES.update(
    {
        "scenarioFavorite": ApiScope.READ,
        "scenarioUnfavorite": ApiScope.READ,
        "scenarioRate": ApiScope.SESSIONS,
    }
)


def _not_found() -> DomainError:
    return DomainError("NOT_FOUND", "no such scenario", "scenario_id")


@strawberry.input(description="The scenario to save as a favorite.")
class ScenarioFavoriteInput:
    scenario_id: strawberry.ID = strawberry.field(description="A Scenario the viewer may open.")


@strawberry.input(description="The scenario to remove from the favorites.")
class ScenarioUnfavoriteInput:
    scenario_id: strawberry.ID = strawberry.field(
        description="A Scenario, even one the viewer may no longer open."
    )


@strawberry.input(description="The viewer's rating of a scenario.")
class ScenarioRateInput:
    scenario_id: strawberry.ID = strawberry.field(description="The Scenario to rate.")
    stars: int = strawberry.field(description="1 to 5.")
    comment: str | None = strawberry.field(
        default=None,
        description="What the learner thinks of the scenario, shown with the stars; null: "
        "none (rating again replaces it).",
    )


@strawberry.type(description="What scenarioFavorite did.")
class ScenarioFavoritePayload:
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description=result("The scenario, now among the viewer's favorites")
    )
    errors: list[EngagementError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What scenarioUnfavorite did.")
class ScenarioUnfavoritePayload:
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description="Null when you may no longer open it."
    )
    errors: list[EngagementError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What scenarioRate did.")
class ScenarioRatePayload:
    rating: ScenarioRatingNode | None = strawberry.field(
        default=None, description=result("The viewer's rating as stored")
    )
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description="With its rating average and count updated."
    )
    errors: list[EngagementError] = strawberry.field(default_factory=list, description=ERRORS)


def _viewer_id(info: Info) -> UUID:
    assert info.context.viewer is not None  # guaranteed by the permission
    return info.context.viewer.id


async def _visible(info: Info, scenario_id: UUID) -> ScenarioNode | None:
    scenario = await resolve_scenario_node(info, scenario_id)
    return scenario if isinstance(scenario, ScenarioNode) else None


def _forget(info: Info) -> None:
    """After a write: later fields of the request (the payload's first) read afresh, not
    what the request's loaders cached before it."""
    info.context.loaders = Loaders()


@strawberry.type
class EngagementMutation:
    @strawberry.mutation(
        permission_classes=[Authenticated],
        description="Save a scenario as a favorite; saving it again changes nothing.",
    )
    @failures_into(ScenarioFavoritePayload, engagement_errors)
    async def scenario_favorite(
        self,
        info: Info,
        input: Annotated[
            ScenarioFavoriteInput, strawberry.argument(description="The scenario to save.")
        ],
    ) -> ScenarioFavoritePayload:
        user_id = _viewer_id(info)
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        if await _visible(info, scenario_id) is None:
            raise _not_found()
        await catalog.favorite(user_id, scenario_id)
        _forget(info)
        return ScenarioFavoritePayload(scenario=await _visible(info, scenario_id))

    @strawberry.mutation(
        permission_classes=[Authenticated],
        description="Remove a scenario from your favorites; removing it again changes nothing.",
    )
    @failures_into(ScenarioUnfavoritePayload, engagement_errors)
    async def scenario_unfavorite(
        self,
        info: Info,
        input: Annotated[
            ScenarioUnfavoriteInput, strawberry.argument(description="The scenario to remove.")
        ],
    ) -> ScenarioUnfavoritePayload:
        user_id = _viewer_id(info)
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        removed = await catalog.unfavorite(user_id, scenario_id)
        _forget(info)
        scenario = await _visible(info, scenario_id)
        if scenario is None and not removed:
            raise _not_found()
        return ScenarioUnfavoritePayload(scenario=scenario)

    @strawberry.mutation(
        permission_classes=[Authenticated],
        description="Rate a scenario 1 to 5 stars, once you have finished a session of it "
        "(terminated or expired). Rating it again replaces your rating.",
    )
    @failures_into(ScenarioRatePayload, engagement_errors)
    async def scenario_rate(
        self,
        info: Info,
        input: Annotated[
            ScenarioRateInput,
            strawberry.argument(description="The scenario, the stars and a comment."),
        ],
    ) -> ScenarioRatePayload:
        user_id = _viewer_id(info)
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        if await _visible(info, scenario_id) is None:
            raise _not_found()
        await catalog.rate(user_id, scenario_id, input.stars, input.comment)
        _forget(info)
        return ScenarioRatePayload(
            rating=await info.context.loaders.rating_by_user.load((user_id, scenario_id)),
            scenario=await _visible(info, scenario_id),
        )
