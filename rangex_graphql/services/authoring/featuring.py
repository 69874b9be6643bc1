"""Featuring a version in the catalog: an admin's curation, not a content change.

Unlike ``versionUpdate`` (DRAFT and REJECTED only), the featured flag changes in any
status but ARCHIVED: it is set mostly on PUBLISHED versions, whose content never changes
again. Setting the flag it already has changes nothing and writes no audit row.
"""

from __future__ import annotations

from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import ScenarioVersion
from ...models.enums import VersionStatus
from ..audit import RequestMeta, audit
from ..errors import DomainError
from .access import Actor, fk, require_admin, version_for_change
from .errors import AuthoringCode


async def feature(
    actor: Actor, version_id: UUID, featured: bool, meta: RequestMeta
) -> ScenarioVersion:
    """Set whether the catalog features the version: an admin, on a version in any status
    but ARCHIVED (VERSION_IMMUTABLE). The change is audited with its value before and
    after; setting the value the version already has is a success that changes nothing."""
    require_admin(actor)

    async def change() -> ScenarioVersion:
        # The row lock orders this after a concurrent archive, which then wins or waits.
        version = (await version_for_change(actor, version_id)).version
        if version.status is VersionStatus.ARCHIVED:
            raise DomainError(
                AuthoringCode.VERSION_IMMUTABLE,
                "an ARCHIVED version is out of the catalog: feature a version that is not",
                "versionId",
            )
        before = version.featured
        if before == featured:
            return version
        version.featured = featured
        await version.save(update_fields=["featured", "updated_at"])
        await audit(
            "version.feature",
            meta,
            actor_id=actor.id,
            target_type="ScenarioVersion",
            target_id=version.id,
            scenario_id=str(fk(version, "scenario_id")),
            number=version.number,
            status=version.status,
            before=before,
            after=featured,
        )
        return version

    return await retrying_transaction(change)
