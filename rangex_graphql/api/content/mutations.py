"""scenarioImport, and the API-token scope it needs (AUTHORING)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ...services.api_tokens import ApiScope
from ...services.authoring import content
from ..authoring.mutations.common import forget, version_node
from ..authoring.permissions import CreatorOrAdmin
from ..context import Info
from ..payload import failures_into
from ..scopes import MUTATION_SCOPES
from .types import ScenarioImportInput, ScenarioImportPayload, import_errors

MUTATION_SCOPES["scenarioImport"] = ApiScope.AUTHORING


@strawberry.type
class ScenarioDocumentMutation:
    @strawberry.mutation(
        permission_classes=[CreatorOrAdmin],
        description="A new DRAFT from a scenario document, checked with the submit rules "
        "first (every problem is listed, and nothing is written). When its `scenario.slug` "
        "names a scenario of yours (any, for an admin), the DRAFT is that scenario's next "
        "version and its metadata and tags are replaced; otherwise a new scenario of yours.",
    )
    @failures_into(ScenarioImportPayload, import_errors)
    async def scenario_import(
        self,
        info: Info,
        input: Annotated[
            ScenarioImportInput, strawberry.argument(description="The document to import.")
        ],
    ) -> ScenarioImportPayload:
        viewer = info.context.viewer
        assert viewer is not None  # guaranteed by the permission
        version = await content.import_document(
            input.document,
            viewer.id,
            as_admin=viewer.is_admin,
            meta=info.context.meta,
            source="api",
        )
        forget(info)
        return ScenarioImportPayload(version=await version_node(version.id))
