"""versionFeature: an admin features a version in the catalog, or stops featuring it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ....models.enums import UserRole
from ....services.api_tokens import ApiScope
from ....services.authoring import featuring
from ...context import Info
from ...ids import expect_global_id
from ...payload import actor, mutation_payload
from ...permissions import Allow
from ..types import VersionPayload
from .common import AUTHORING_CODES, version_node


@strawberry.input(description="The version to feature in the catalog, or to stop featuring.")
class VersionFeatureInput:
    version_id: strawberry.ID = strawberry.field(
        description="A ScenarioVersion ID: in any status but ARCHIVED."
    )
    featured: bool = strawberry.field(
        description="True to feature it in the catalog, false to stop featuring it."
    )


@strawberry.type
class FeaturingMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Feature a version in the catalog, or stop featuring it: an ADMIN, on "
        "a version in any status but ARCHIVED (VERSION_IMMUTABLE), mostly the PUBLISHED "
        "one (`Scenario.featured` and the catalog's `featured` filter follow it). Curation, "
        "not a content change: the version's status and content stay. Giving the value it "
        "already has changes nothing.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_feature(
        self,
        info: Info,
        input: Annotated[
            VersionFeatureInput,
            strawberry.argument(description="The version and whether to feature it."),
        ],
    ) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        await featuring.feature(actor(info), version_id, input.featured, info.context.meta)
        return VersionPayload(version=await version_node(version_id))
