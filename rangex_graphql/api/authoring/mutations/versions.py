"""versionCreate, versionUpdate, versionDelete."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ....models.enums import UserRole
from ....services.api_tokens import ApiScope
from ....services.authoring import versions
from ...context import Info
from ...ids import expect_global_id
from ...payload import actor, mutation_payload
from ...permissions import Allow
from ...scenario.types import ScenarioVersionNode
from ..inputs import VersionCreateInput, VersionInput, VersionUpdateInput
from ..types import VersionDeletePayload, VersionPayload
from .common import AUTHORING_CODES, from_input, scenario_node, version_node


@strawberry.type
class VersionMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="A new DRAFT version of a scenario, numbered after its highest: empty, "
        "or a deep copy of `copyFrom`. The scenario's author or an admin.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_create(
        self,
        info: Info,
        input: Annotated[
            VersionCreateInput,
            strawberry.argument(description="The scenario, and the version to copy if any."),
        ],
    ) -> VersionPayload:
        scenario_id = expect_global_id(input.scenario_id, "Scenario", "scenarioId")
        copy_from = (
            expect_global_id(input.copy_from, "ScenarioVersion", "copyFrom")
            if input.copy_from is not None
            else None
        )
        version = await versions.create_version(
            actor(info),
            scenario_id,
            info.context.meta,
            copy_from=copy_from,
            changelog=input.changelog,
        )
        return VersionPayload(version=await version_node(version.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change a DRAFT or REJECTED version's settings and content (only the "
        "fields given): the scenario's author or an admin; `featured` an admin only.",
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def version_update(
        self,
        info: Info,
        input: Annotated[
            VersionUpdateInput,
            strawberry.argument(description="The version and the settings to change."),
        ],
    ) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        changes = from_input(versions.VersionChanges, input)
        version = await versions.update_version(actor(info), version_id, changes, info.context.meta)
        return VersionPayload(version=await version_node(version.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Delete a DRAFT or REJECTED version that no session has used (IN_USE "
        "otherwise: archive it instead), with its machines and questions: the scenario's "
        "author or an admin.",
    )
    @mutation_payload(VersionDeletePayload, *AUTHORING_CODES)
    async def version_delete(
        self,
        info: Info,
        input: Annotated[VersionInput, strawberry.argument(description="The version to delete.")],
    ) -> VersionDeletePayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        scenario_id = await versions.delete_version(actor(info), version_id, info.context.meta)
        return VersionDeletePayload(
            deleted_version_id=ScenarioVersionNode.global_id_of(version_id),
            scenario=await scenario_node(scenario_id),
        )
