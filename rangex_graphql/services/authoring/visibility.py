"""Who may see a scenario or a version: the read side of ``access`` (who may change them).

Learners see live, public scenarios with a published version, and open unlisted ones with
a published version by link; authors see their own whatever their state, admins every live
one. Unpublished versions are for their scenario's author and admins.
"""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from tortoise.expressions import Q, Subquery

from ...models import ScenarioVersion
from ...models.enums import VersionStatus, Visibility


class Reader(Protocol):
    """Who reads: the API's viewer, or a service's ``Actor``."""

    @property
    def id(self) -> UUID: ...

    @property
    def is_admin(self) -> bool: ...


def can_see_unpublished(reader: Reader | None, author_id: UUID) -> bool:
    return reader is not None and (reader.is_admin or reader.id == author_id)


def visible_scenarios(reader: Reader | None) -> Q:
    """The catalog, as a filter: live, public scenarios with a published version, plus the
    reader's own (authors) or every live one (admins)."""
    if reader is not None and reader.is_admin:
        return Q(deleted_at__isnull=True)
    published = ScenarioVersion.filter(status=VersionStatus.PUBLISHED).values("scenario_id")
    public = Q(deleted_at__isnull=True, visibility=Visibility.PUBLIC, id__in=Subquery(published))
    if reader is None:
        return public
    return public | Q(deleted_at__isnull=True, author_id=reader.id)


def openable_scenarios(reader: Reader | None) -> Q:
    """As a filter, the live scenarios the reader may open: the catalog the reader sees,
    plus unlisted scenarios with a published version."""
    published = ScenarioVersion.filter(status=VersionStatus.PUBLISHED).values("scenario_id")
    unlisted = Q(
        deleted_at__isnull=True, visibility=Visibility.UNLISTED, id__in=Subquery(published)
    )
    return visible_scenarios(reader) | unlisted


def version_visible(reader: Reader | None, status: VersionStatus, author_id: UUID) -> bool:
    return status is VersionStatus.PUBLISHED or can_see_unpublished(reader, author_id)
