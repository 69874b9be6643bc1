"""Who may see what of the catalog. Used by list filters, relation fields and ``node``."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise.expressions import Q, Subquery

from ...models import ScenarioVersion
from ...models.enums import VersionStatus, Visibility

if TYPE_CHECKING:
    from ..context import Viewer


def can_see_unpublished(viewer: Viewer | None, author_id: UUID) -> bool:
    return viewer is not None and (viewer.is_admin or viewer.id == author_id)


def visible_scenarios(viewer: Viewer | None) -> Q:
    """Learners see live, public scenarios with a published version; authors their own."""
    if viewer is not None and viewer.is_admin:
        return Q(deleted_at__isnull=True)
    published = ScenarioVersion.filter(status=VersionStatus.PUBLISHED).values("scenario_id")
    public = Q(deleted_at__isnull=True, visibility=Visibility.PUBLIC, id__in=Subquery(published))
    if viewer is None:
        return public
    return public | Q(deleted_at__isnull=True, author_id=viewer.id)


def version_visible(viewer: Viewer | None, status: VersionStatus, author_id: UUID) -> bool:
    return status is VersionStatus.PUBLISHED or can_see_unpublished(viewer, author_id)
