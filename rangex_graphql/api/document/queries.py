"""scenarioExport."""

from __future__ import annotations

from typing import Annotated

import strawberry

from ...models import ScenarioVersion
from ...services.authoring import documents
from ...services.authoring.visibility import can_see_unpublished
from ..context import Info
from ..ids import expect_global_id
from ..permissions import Allow


@strawberry.type
class ScenarioDocumentQuery:
    @strawberry.field(
        extensions=[Allow()],
        description="A scenario version as a YAML document (content only: no IDs, numbers "
        "or timestamps), for the scenario's author and admins; null for anyone else or "
        "when absent. `includeAnswers` adds the expected answers and the solution "
        "write-up: such a document is "
        "secret, and each such export is written to the audit log.",
    )
    async def scenario_export(
        self,
        info: Info,
        version_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The ScenarioVersion to export, in any status."),
        ],
        include_answers: Annotated[
            bool,
            strawberry.argument(
                description="Also write each question's expected answers and the version's "
                "solution (audited); false by default."
            ),
        ] = False,
    ) -> str | None:
        viewer = info.context.viewer
        assert viewer is not None  # guaranteed by the permission
        pk = expect_global_id(version_id, "ScenarioVersion", "versionId")
        rows = await ScenarioVersion.filter(id=pk, scenario__deleted_at__isnull=True).values(
            author_id="scenario__author_id"
        )
        if not rows or not can_see_unpublished(viewer, rows[0]["author_id"]):
            return None
        return await documents.export_document(
            pk,
            include_answers=include_answers,
            actor_id=viewer.id,
            meta=info.context.meta,
            source="api",
        )
