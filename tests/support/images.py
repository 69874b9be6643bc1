"""Image catalog rows for tests: versionSubmit accepts APPROVED images only."""

from __future__ import annotations

from rangex_graphql.models import ImageVariant
from rangex_graphql.models.image import ImageApproval


async def approve_images(*image_refs: str) -> None:
    """Put each reference in the catalog, APPROVED (those already there are left alone)."""
    for ref in image_refs:
        await ImageVariant.get_or_create(
            image_ref=ref, defaults={"name": ref, "approval": ImageApproval.APPROVED}
        )
