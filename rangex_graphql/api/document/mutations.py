"""scenarioImport, and the API-token scope it needs (AUTHORING)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ...models.enums import UserRole
from ...services.api_tokens import ApiScope
from ...services.authoring import documents
from ...services.authoring.errors import DocumentCode, RuleCode
from ..authoring.mutations.common import version_node
from ..context import Info
from ..payload import actor, mutation_payload
from ..permissions import Allow
from .types import ScenarioImportInput, ScenarioImportPayload


@strawberry.type
class ScenarioDocumentMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="A new DRAFT from a scenario document, checked with the submit rules "
        "first (every problem is listed, and nothing is written). When its `scenario.slug` "
        "names a scenario of yours (any, for an admin), the DRAFT is that scenario's next "
        "version and its metadata and tags are replaced; otherwise a new scenario of yours.",
    )
    @mutation_payload(ScenarioImportPayload, DocumentCode, RuleCode)
    async def scenario_import(
        self,
        info: Info,
        input: Annotated[
            ScenarioImportInput, strawberry.argument(description="The document to import.")
        ],
    ) -> ScenarioImportPayload:
        viewer = actor(info)
        version = await documents.import_document(
            input.document,
            viewer.id,
            as_admin=viewer.is_admin,
            meta=info.context.meta,
            source="api",
        )
        return ScenarioImportPayload(version=await version_node(version.id))
