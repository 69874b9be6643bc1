"""Who may change a scenario or a version, and whether the version may change at all.

A scenario is changed by its author or an admin; anyone else is told it does not exist
(NOT_FOUND), as is everyone about a deleted scenario. A version's content changes only
while it is DRAFT or REJECTED: SUBMITTED and APPROVED wait for the review's outcome
(VERSION_IN_REVIEW); PUBLISHED and ARCHIVED never change again (VERSION_IMMUTABLE).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from tortoise.models import Model

from ...models import Scenario, ScenarioVersion
from ...models.enums import VersionStatus
from ..errors import DomainError
from .errors import AuthoringCode

EDITABLE = (VersionStatus.DRAFT, VersionStatus.REJECTED)
FROZEN = (VersionStatus.PUBLISHED, VersionStatus.ARCHIVED)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: the API passes its viewer's id and whether it acts as an admin."""

    id: UUID
    is_admin: bool = False


def now() -> datetime:
    return datetime.now(UTC)


def fk(row: Model, name: str) -> UUID:
    """A foreign key's raw value (``author_id``), which the models leave undeclared."""
    value = getattr(row, name)
    return value if isinstance(value, UUID) else UUID(str(value))


def require_admin(actor: Actor) -> None:
    """The API refuses non-admins before a service runs; this keeps services honest."""
    if not actor.is_admin:
        raise PermissionError("only admins may do this")


async def scenario_for_change(
    actor: Actor, scenario_id: UUID, field: str = "scenarioId", *, lock: bool = False
) -> Scenario:
    """The live scenario, when the actor may change it. ``lock`` holds its row (FOR UPDATE)
    until the transaction ends, to serialize work on one scenario."""
    query = Scenario.filter(id=scenario_id, deleted_at__isnull=True)
    if lock:
        query = query.select_for_update()
    scenario = await query.first()
    if scenario is None or not (actor.is_admin or fk(scenario, "author_id") == actor.id):
        raise DomainError(AuthoringCode.NOT_FOUND, "not found, or not yours to change", field)
    return scenario


@dataclass(frozen=True, slots=True)
class VersionAccess:
    version: ScenarioVersion
    scenario: Scenario

    @property
    def author_id(self) -> UUID:
        return fk(self.scenario, "author_id")


async def version_for_change(
    actor: Actor, version_id: UUID, field: str = "versionId", *, lock: bool = True
) -> VersionAccess:
    """The version and its scenario when the actor may change them.

    ``lock`` holds the version's row until the transaction ends: an edit and a
    status transition of one version then run one after the other, so content never
    changes between a submit's validation and its status change.
    """
    query = ScenarioVersion.filter(id=version_id)
    if lock:
        query = query.select_for_update()
    version = await query.first()
    scenario = (
        await Scenario.filter(id=fk(version, "scenario_id"), deleted_at__isnull=True).first()
        if version is not None
        else None
    )
    if (
        version is None
        or scenario is None
        or not (actor.is_admin or fk(scenario, "author_id") == actor.id)
    ):
        raise DomainError(AuthoringCode.NOT_FOUND, "not found, or not yours to change", field)
    return VersionAccess(version, scenario)


def status_error(
    status: VersionStatus | None, needed: tuple[VersionStatus, ...], doing: str
) -> DomainError:
    """Why a version in ``status`` cannot be ``doing`` (it would need one of ``needed``)."""
    if status is None:
        return DomainError(AuthoringCode.NOT_FOUND, "no version with this ID", "versionId")
    if status in FROZEN:
        return DomainError(
            AuthoringCode.VERSION_IMMUTABLE,
            f"a {status} version never changes: create a new version to change it",
            "versionId",
        )
    wanted = " or ".join(needed)
    if status in needed:  # it changed while we looked
        return DomainError(
            AuthoringCode.STATUS_CONFLICT,
            f"the version changed meanwhile; try again ({doing})",
            "versionId",
        )
    if doing == "edited":
        then = (
            "wait for the review"
            if status is VersionStatus.SUBMITTED
            else "publish it, or create a new version from it"
        )
        return DomainError(
            AuthoringCode.VERSION_IN_REVIEW,
            f"a {status} version cannot be edited: {then}",
            "versionId",
        )
    return DomainError(
        AuthoringCode.STATUS_CONFLICT,
        f"only a {wanted} version can be {doing}; this one is {status}",
        "versionId",
    )


def require_editable(version: ScenarioVersion, field: str = "versionId") -> None:
    if version.status not in EDITABLE:
        error = status_error(version.status, EDITABLE, "edited")
        error.field = field
        raise error
